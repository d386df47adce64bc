"""Counting the relayouts a widget is asked for (``QEvent.LayoutRequest``): a text that ticks every
second must not lay out the main window again (every dock, milliseconds of the GUI thread)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject


class LayoutRequests(QObject):
    """``count``: the layout requests delivered to ``watched`` since this was made."""

    def __init__(self, watched: QObject) -> None:
        super().__init__(watched)
        self.count = 0
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            self.count += 1
        return False


def settle() -> None:
    """Deliver the posted requests: each layout on the way up posts the next level's."""
    for _ in range(10):
        QCoreApplication.sendPostedEvents()
