"""A label for a text that changes every second (a clock, an uptime, bit rates) without relaying out
the main window each time.

``QLabel.setText`` calls ``updateGeometry()``: its parent's layout reruns, and that layout's widget
calls ``updateGeometry()`` in turn, up to ``QMainWindow``'s layout — every dock laid out again, 3 to
5 ms on the GUI thread, for a text whose size did not change. Here the label sits in a widget without
a layout: the label's request stops there (Qt posts it to this widget), and this widget passes it on
only when the label's size hints really changed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget


class TickingLabel(QWidget):
    """``label`` is the QLabel to style; ``text()`` and ``setText()`` are its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self._hints = self._measure()

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def setWordWrap(self, on: bool) -> None:
        self.label.setWordWrap(on)
        self.setSizePolicy(self.label.sizePolicy())  # a wrapping label's height follows its width

    def sizeHint(self) -> QSize:
        return self.label.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.label.minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        return self.label.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        return self.label.heightForWidth(width)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the label's updateGeometry(), posted here
            self._pass_on_if_changed()
        return super().event(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._pass_on_if_changed()  # hidden, the label posts nothing: it may have changed meanwhile

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.label.setGeometry(self.rect())

    def _measure(self) -> tuple[QSize, QSize, int]:
        width = self.width()
        return (
            self.sizeHint(),
            self.minimumSizeHint(),
            self.heightForWidth(width) if self.hasHeightForWidth() else -1,
        )

    def _pass_on_if_changed(self) -> None:
        hints = self._measure()
        if hints != self._hints:
            self._hints = hints
            self.updateGeometry()
