"""A plain-text editor with line numbers in a gutter on its left, lines with a problem marked there."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Slot
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QWidget

GUTTER_BACKGROUND = QColor("#eeeeee")
GUTTER_TEXT = QColor("#757575")
MARKED_TEXT = QColor("#c62828")
GUTTER_PADDING = 6


class _Gutter(QWidget):
    def __init__(self, editor: NumberedTextEdit) -> None:
        super().__init__(editor)
        self.editor = editor

    def sizeHint(self) -> QSize:
        return QSize(self.editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.editor.paint_gutter(self, event)


class NumberedTextEdit(QPlainTextEdit):
    """``marked_lines`` (1-based) are drawn in red in the gutter; set them with ``mark_lines``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.gutter = _Gutter(self)
        self.marked_lines: set[int] = set()
        self.blockCountChanged.connect(self._fit_gutter)
        self.updateRequest.connect(self._follow_scroll)
        self._fit_gutter()

    def gutter_width(self) -> int:
        digits = max(3, len(str(self.blockCount())))
        return 2 * GUTTER_PADDING + self.fontMetrics().horizontalAdvance("9") * digits

    def mark_lines(self, lines: set[int]) -> None:
        self.marked_lines = set(lines)
        self.gutter.update()

    @Slot()
    def _fit_gutter(self) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    @Slot(QRect, int)
    def _follow_scroll(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        inside = self.contentsRect()
        self.gutter.setGeometry(QRect(inside.left(), inside.top(), self.gutter_width(), inside.height()))

    def paint_gutter(self, gutter: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(gutter)
        painter.fillRect(event.rect(), GUTTER_BACKGROUND)
        bold = QFont(self.font())
        bold.setBold(True)
        block = self.firstVisibleBlock()
        top = round(self.blockBoundingGeometry(block).translated(self.contentOffset()).top())
        height = self.fontMetrics().height()
        while block.isValid() and top <= event.rect().bottom():
            bottom = top + round(self.blockBoundingRect(block).height())
            if block.isVisible() and bottom >= event.rect().top():
                line = block.blockNumber() + 1
                marked = line in self.marked_lines
                painter.setFont(bold if marked else self.font())
                painter.setPen(MARKED_TEXT if marked else GUTTER_TEXT)
                painter.drawText(
                    0, top, gutter.width() - GUTTER_PADDING, height, Qt.AlignmentFlag.AlignRight, str(line)
                )
            block = block.next()
            top = bottom
        painter.end()
