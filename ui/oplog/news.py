"""The Qt side of ``models.oplog.desk_news``: news from other desks becomes a fresh snapshot of the log.

The watch runs on a thread of its own (never the GUI thread); its callback only emits a signal, which
reaches the GUI thread queued.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal

from models.oplog.database import Database
from models.oplog.desk_news import NewsWatch


class NewsBridge(QObject):
    """Signals:
    news(): take-overs or running events changed at some desk (this one included).
    """

    news = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watch: NewsWatch | None = None
        self._stopped = False
        self._lock = threading.Lock()  # start (database thread) and stop (GUI thread) may cross

    def start(self, database: Database) -> None:
        """Start watching ``database`` (called on the database thread once it is open); not after ``stop``."""
        with self._lock:
            if not self._stopped:
                self.watch = NewsWatch(database, self.news.emit).start()

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            watch = self.watch
        if watch is not None:
            watch.stop()
