"""The Qt side of ``models.desk_news``: news from other desks becomes a fresh snapshot of the log.

The watch runs on a thread of its own (never the GUI thread); its callback only emits a signal, which
reaches the GUI thread queued.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from models.database import Database
from models.desk_news import NewsWatch


class NewsBridge(QObject):
    """Signals:
        news(): take-overs or running events changed at some desk (this one included).
    """

    news = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watch: NewsWatch | None = None

    def start(self, database: Database) -> None:
        """Start watching ``database`` (called on the database thread once it is open)."""
        self.watch = NewsWatch(database, self.news.emit).start()

    def stop(self) -> None:
        if self.watch is not None:
            self.watch.stop()
