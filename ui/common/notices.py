"""Messages for the operator: a log pane (Qt model + view) and a banner that fades by itself.

Nothing here is modal: a device problem never stands between the operator and the controls.
Both take text from ui/ (already translated) and Phrases from devices/ and models/ alike.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListView, QWidget

from common.wording import Phrase
from ui.common.wording import said

MAX_LINES = 5000
COLOURS = {
    "error": QColor("#ef5350"),
    "warning": QColor("#ffb74d"),
    "info": QColor("#90caf9"),
    "log": QColor("#bdbdbd"),
}


class LogModel(QAbstractListModel):
    LevelRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: deque[tuple[float, str, str]] = (
            deque()
        )  # time, level, text (a Phrase is said when shown)

    @Slot(str, str)
    def add(self, level: str, text: str) -> None:
        if len(self._lines) >= MAX_LINES:
            self.beginRemoveRows(QModelIndex(), 0, 0)
            self._lines.popleft()
            self.endRemoveRows()
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append((time.time(), level, text))
        self.endInsertRows()

    def retranslate(self, say: Callable[[str], str]) -> None:
        """A new interface language: each line already said in the old one is said again
        (``ui/shell/retranslate.py``)."""
        self._lines = deque(
            (stamp, level, text if isinstance(text, Phrase) else say(text))
            for stamp, level, text in self._lines
        )
        if self._lines:
            self.dataChanged.emit(self.index(0), self.index(len(self._lines) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        stamp, level, text = self._lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{time.strftime('%H:%M:%S', time.localtime(stamp))}  {said(text)}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return COLOURS.get(level)
        if role == self.LevelRole:
            return level
        return None


class LogPane(QListView):
    def __init__(self, model: LogModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setUniformItemSizes(True)
        model.rowsInserted.connect(lambda *_: self.scrollToBottom())


class NoticeBanner(QLabel):
    """Shows the latest warning or error for a few seconds, then hides itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.hide)

    @Slot(str, str)
    def show_notice(self, level: str, text: str, seconds: float | None = None) -> None:
        """``seconds``: how long it stays (default 6 s for an error, 4 s for a warning)."""
        if level not in ("warning", "error"):
            return
        colour = COLOURS[level].name()
        self.setStyleSheet(f"background: {colour}; color: black; padding: 6px; font-weight: bold;")
        self.setText(said(text))
        self.show()
        self._timer.start(
            round(1000 * seconds) if seconds is not None else 6000 if level == "error" else 4000
        )
