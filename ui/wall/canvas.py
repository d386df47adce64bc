"""The wall canvas: the outputs (or windows) drawn as screens in the configured grid, each with
the source it shows (a camera source with its live picture), the event that owns it, and a
warning colour when the device is offline or the last command for it failed.

A source dragged from the source list is dropped on a screen to route it; the canvas only
reports the wish (``sourceDropped``) and the wall desk decides.

Signals:
    sourceDropped(int output, int input): a source was dropped on an output.
    outputSelected(int output): the operator clicked an output.
    takeOverRequested(int output): the operator asked (context menu) to take the output over.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPoint, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QMenu, QWidget

from ui.wall.outputs_model import WallOutputsModel, WallRole, read_source_mime

ASPECT = 16 / 9
GAP = 8
FRAME_INTERVAL_MS = 200  # live pictures on the canvas are thumbnails: five pictures a second is plenty
MIN_PIXELS = 9
COLOURS = {
    "screen": QColor("#263238"),
    "problem": QColor("#6d1b1b"),
    "text": QColor("#eceff1"),
    "band": QColor(0, 0, 0, 160),
    "veil": QColor(0, 0, 0, 90),
    "dim": QColor("#b0bec5"),
    "mine": QColor("#43a047"),
    "blocked": QColor("#ffb74d"),
    "target": QColor("#4fc3f7"),
    "refused": QColor("#ef5350"),
    "selected": QColor("#ffffff"),
}


def grid(screens: int, rows: int | None, cols: int | None) -> tuple[int, int]:
    """Rows and columns: as configured, with what is missing worked out from the number of screens."""
    screens = max(1, screens)
    if cols is None:
        cols = math.ceil(screens / rows) if rows else math.ceil(math.sqrt(screens))
    return rows or math.ceil(screens / cols), cols


class WallCanvas(QWidget):
    sourceDropped = Signal(int, int)
    outputSelected = Signal(int)
    takeOverRequested = Signal(int)

    def __init__(
        self, model: WallOutputsModel, picture: Callable[[str], QImage | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.picture = picture
        self.rows, self.cols = grid(model.rowCount(), model.wall.rows, model.wall.cols)
        self.selected: int | None = None
        self._target: int | None = None  # output under a drag
        self._frames = QTimer(self, singleShot=True, interval=FRAME_INTERVAL_MS)
        self._frames.timeout.connect(self.update)
        self.setAcceptDrops(True)
        model.dataChanged.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(160 * self.cols, int(160 / ASPECT) * self.rows)

    def minimumSizeHint(self) -> QSize:
        return QSize(80 * self.cols, int(80 / ASPECT) * self.rows)

    def on_frame(self, camera_id: str) -> None:
        """A new preview frame: repaint soon if a screen shows that camera."""
        shown = (self.model.index(row).data(WallRole.CAMERA) for row in range(self.model.rowCount()))
        if camera_id in shown and not self._frames.isActive():
            self._frames.start()

    # ---- geometry -----------------------------------------------------------------------------
    def cell_rect(self, row: int) -> QRectF:
        width = min(
            (self.width() - GAP * (self.cols + 1)) / self.cols,
            (self.height() - GAP * (self.rows + 1)) / self.rows * ASPECT,
        )
        height = width / ASPECT
        left = (self.width() - self.cols * width - (self.cols - 1) * GAP) / 2
        top = (self.height() - self.rows * height - (self.rows - 1) * GAP) / 2
        column, line = row % self.cols, row // self.cols
        return QRectF(left + column * (width + GAP), top + line * (height + GAP), width, height)

    def output_at(self, point: QPoint) -> int | None:
        for row in range(self.model.rowCount()):
            if self.cell_rect(row).contains(point):
                return self.model.output(row).number
        return None

    # ---- drag and drop ------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if read_source_mime(event.mimeData(), self.model.wall.id) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        target = self.output_at(event.position().toPoint())
        if target != self._target:
            self._target = target
            self.update()
        if target is None:
            event.ignore()
        else:
            event.acceptProposedAction()

    def dragLeaveEvent(self, _event: QDragLeaveEvent) -> None:
        self._target = None
        self.update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._target = None
        self.update()
        input = read_source_mime(event.mimeData(), self.model.wall.id)
        output = self.output_at(event.position().toPoint())
        if input is None or output is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.sourceDropped.emit(output, input)

    # ---- mouse ----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        output = self.output_at(event.position().toPoint())
        if output is not None:
            self.selected = output
            self.outputSelected.emit(output)
            self.update()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        number = self.output_at(event.pos())
        output = None if number is None else self.model.output(self.model.row_of(number))
        if output is None or not output.blocked:
            return
        menu = QMenu(self)
        menu.addAction(
            self.tr("Take over %1").replace("%1", output.name),
            lambda: self.takeOverRequested.emit(output.number),
        )
        menu.exec(event.globalPos())

    # ---- painting -------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for row in range(self.model.rowCount()):
            self._paint_screen(painter, self.model.index(row), self.cell_rect(row))
        painter.end()

    def _paint_screen(self, painter: QPainter, index: QModelIndex, rect: QRectF) -> None:
        number, owner = index.data(WallRole.NUMBER), index.data(WallRole.OWNER)
        problem, blocked = index.data(WallRole.PROBLEM), index.data(WallRole.BLOCKED)
        painter.fillRect(rect, COLOURS["problem" if problem else "screen"])
        camera = index.data(WallRole.CAMERA)
        image = self.picture(camera) if camera and not problem else None
        band = rect.height() * 0.24
        header = QRectF(rect.left(), rect.top(), rect.width(), band)
        footer = QRectF(rect.left(), rect.bottom() - band, rect.width(), band)
        centre = QRectF(rect.left(), header.bottom(), rect.width(), footer.top() - header.bottom())
        if image is not None:
            painter.drawImage(rect, image)
            painter.fillRect(centre, COLOURS["veil"])  # keeps the source's name readable over the picture
        painter.fillRect(header, COLOURS["band"])
        painter.fillRect(footer, COLOURS["band"])
        small = int(max(MIN_PIXELS, min(16, band * 0.55)))
        self._line(painter, header, f"{number} · {index.data()}", small, COLOURS["dim"], bold=True)
        colour = COLOURS["text" if problem else "blocked" if blocked else "dim"]
        self._line(painter, footer, problem or owner or self.tr("no event"), small, colour, bold=False)
        self._fitted(painter, centre.adjusted(6, 2, -6, -2), index.data(WallRole.SOURCE))
        self._paint_frame(painter, rect, number, blocked, bool(owner), bool(problem))

    @staticmethod
    def _line(painter: QPainter, rect: QRectF, text: str, pixels: int, colour: QColor, bold: bool) -> None:
        font = QFont(painter.font())
        font.setPixelSize(pixels)
        font.setBold(bold)
        painter.setFont(font)
        painter.setPen(colour)
        inner = rect.adjusted(6, 0, -6, 0)
        elided = QFontMetricsF(font).elidedText(text, Qt.TextElideMode.ElideRight, inner.width())
        painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)

    @staticmethod
    def _fitted(painter: QPainter, rect: QRectF, text: str) -> None:
        """The source's name as large as fits the middle of the screen, on up to two lines."""
        font = QFont(painter.font())
        font.setBold(True)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        pixels = int(min(40, rect.height() * 0.6))
        while pixels > MIN_PIXELS:
            font.setPixelSize(pixels)
            needed = QFontMetricsF(font).boundingRect(rect, flags, text)
            if needed.width() <= rect.width() and needed.height() <= rect.height():
                break
            pixels -= 1
        font.setPixelSize(max(pixels, MIN_PIXELS))
        painter.setFont(font)
        painter.setPen(COLOURS["text"])
        painter.drawText(rect, flags, text)

    def _paint_frame(
        self, painter: QPainter, rect: QRectF, number: int, blocked: bool, owned: bool, problem: bool
    ) -> None:
        if number == self._target:
            colour, width, style = COLOURS["refused" if blocked else "target"], 4, Qt.PenStyle.SolidLine
        elif problem:
            colour, width, style = COLOURS["refused"], 3, Qt.PenStyle.SolidLine
        elif blocked:
            colour, width, style = COLOURS["blocked"], 3, Qt.PenStyle.SolidLine
        elif owned:
            colour, width, style = COLOURS["mine"], 2, Qt.PenStyle.SolidLine
        else:
            colour, width, style = COLOURS["dim"], 1, Qt.PenStyle.SolidLine
        painter.setPen(QPen(colour, width, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect.adjusted(width / 2, width / 2, -width / 2, -width / 2))
        if number == self.selected:
            painter.setPen(QPen(COLOURS["selected"], 2))
            painter.drawRect(rect.adjusted(-4, -4, 4, 4))
