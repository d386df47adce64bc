"""Camera tiles in a fixed grid: the bank of the main window, the multiview, the enlarged preview.

Where a camera's tile sits depends only on the number of cameras shown and the size of the
view: camera n is at row n // columns, column n % columns, and the columns are those that give
the largest tiles (``grid_shape``). Nothing else — a notice, a state change, a new frame — moves
a tile, so the operator's hand never finds another camera under the mouse. Pictures keep 16:9.
"""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil, sqrt

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QRegion, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyleOptionViewItem, QWidget

from ui.desk.camera_model import CameraListModel, Role
from ui.desk.camera_tile import CameraTileDelegate, picture_size, tile_height, tile_width_for_height

GAP = 6
MIN_TILE_WIDTH = 240  # the caption's name and state badge still fit
BACKGROUND = QColor("#121212")


@dataclass(frozen=True)
class GridShape:
    columns: int
    rows: int
    tile: QSize

    def size(self, gap: int = GAP) -> QSize:
        """What the tiles cover, without the margin around them."""
        return QSize(
            self.columns * self.tile.width() + (self.columns - 1) * gap,
            self.rows * self.tile.height() + (self.rows - 1) * gap,
        )


def grid_shape(count: int, room: QSize, gap: int = GAP) -> GridShape:
    """The grid that shows ``count`` tiles largest in ``room`` (a margin of ``gap`` all round);
    of equally large grids, the one with fewer columns."""
    count = max(1, count)

    def tile_width(columns: int) -> int:
        rows = ceil(count / columns)
        by_width = (room.width() - gap * (columns + 1)) // columns
        by_height = tile_width_for_height((room.height() - gap * (rows + 1)) // rows)
        return min(by_width, by_height)

    columns = max(range(1, count + 1), key=tile_width)  # the first of the largest: fewer columns
    width = max(MIN_TILE_WIDTH, tile_width(columns))
    return GridShape(columns, ceil(count / columns), QSize(width, tile_height(width)))


class CameraGrid(QAbstractItemView):
    """Tiles of the cameras in ``model`` (or of one camera, ``only``), painted by CameraTileDelegate.

    Signals: cameraClicked(str), cameraDoubleClicked(str) with the camera id;
    pictureSizeChanged(QSize) when the tiles' pictures change size (the previews follow).
    """

    cameraClicked = Signal(str)
    cameraDoubleClicked = Signal(str)
    pictureSizeChanged = Signal(QSize)

    def __init__(
        self, model: CameraListModel, parent: QWidget | None = None, *, only: str | None = None
    ) -> None:
        super().__init__(parent)
        self.cameras = model
        self._only = only
        self._rects: dict[int, QRect] = {}
        self._picture = QSize()
        self.setModel(model)
        self.setItemDelegate(CameraTileDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the hotkeys
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QAbstractItemView.Shape.NoFrame)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self._relayout)
        self.clicked.connect(lambda index: self.cameraClicked.emit(index.data(Role.CAMERA_ID)))
        self.doubleClicked.connect(lambda index: self.cameraDoubleClicked.emit(index.data(Role.CAMERA_ID)))

    # ---- what is shown where -------------------------------------------------------------------
    def shown_rows(self) -> list[int]:
        if self._only is None:
            return list(range(self.cameras.rowCount()))
        row = self.cameras.row_of(self._only)
        return [row] if row >= 0 else []

    def shape(self) -> GridShape:
        return grid_shape(len(self.shown_rows()), self.viewport().size())

    def tile_rects(self) -> dict[str, QRect]:
        """Each shown camera's tile, in viewport coordinates."""
        return {
            self.model().index(row, 0).data(Role.CAMERA_ID): QRect(rect) for row, rect in self._rects.items()
        }

    def picture_size(self) -> QSize:
        return QSize(self._picture)

    def _relayout(self) -> None:
        rows = self.shown_rows()
        shape = grid_shape(len(rows), self.viewport().size())
        covered = shape.size()
        left = max(GAP, (self.viewport().width() - covered.width()) // 2)
        top = max(GAP, (self.viewport().height() - covered.height()) // 2)
        step = shape.tile + QSize(GAP, GAP)
        self._rects = {
            row: QRect(
                QPoint(left + n % shape.columns * step.width(), top + n // shape.columns * step.height()),
                shape.tile,
            )
            for n, row in enumerate(rows)
        }
        picture = picture_size(shape.tile.width())
        if picture != self._picture:
            self._picture = picture
            self.pictureSizeChanged.emit(QSize(picture))
        self.viewport().update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def minimumSizeHint(self) -> QSize:
        """Tiles of the smallest width in a near-square grid."""
        count = max(1, len(self.shown_rows()))
        columns = ceil(sqrt(count))
        rows = ceil(count / columns)
        return QSize(columns * (MIN_TILE_WIDTH + GAP) + GAP, rows * (tile_height(MIN_TILE_WIDTH) + GAP) + GAP)

    def sizeHint(self) -> QSize:
        return self.minimumSizeHint() * 2

    def show_selected(self, camera_id: str) -> None:
        row = self.cameras.row_of(camera_id)
        if row >= 0:
            self.setCurrentIndex(self.model().index(row, 0))

    # ---- QAbstractItemView -----------------------------------------------------------------------
    def visualRect(self, index: QModelIndex | QPersistentModelIndex) -> QRect:
        if not index.isValid() or index.column() != 0:
            return QRect()
        return QRect(self._rects.get(index.row(), QRect()))

    def indexAt(self, point: QPoint) -> QModelIndex:
        for row, rect in self._rects.items():
            if rect.contains(point):
                return self.model().index(row, 0)
        return QModelIndex()

    def scrollTo(
        self, index: QModelIndex | QPersistentModelIndex, hint=QAbstractItemView.ScrollHint.EnsureVisible
    ) -> None:
        pass  # every tile is always in view

    def moveCursor(self, action, modifiers) -> QModelIndex:
        return self.currentIndex()

    def horizontalOffset(self) -> int:
        return 0

    def verticalOffset(self) -> int:
        return 0

    def isIndexHidden(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return index.column() != 0 or index.row() not in self._rects

    def setSelection(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:
        index = self.indexAt(rect.center())
        if index.isValid():
            self.selectionModel().select(index, command)

    def visualRegionForSelection(self, selection) -> QRegion:
        region = QRegion()
        for index in selection.indexes():
            region = region.united(QRegion(self.visualRect(index)))
        return region

    def dataChanged(
        self,
        top_left: QModelIndex | QPersistentModelIndex,
        bottom_right: QModelIndex | QPersistentModelIndex,
        roles=(),
    ) -> None:
        """Repaint the changed cameras' tiles only (the base class repaints every tile for a row's change)."""
        for row in range(top_left.row(), bottom_right.row() + 1):
            if row in self._rects:
                self.viewport().update(self._rects[row])

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.fillRect(event.rect(), BACKGROUND)
        selection = self.selectionModel()
        for row, rect in self._rects.items():
            if not rect.intersects(event.rect()):
                continue
            index = self.model().index(row, 0)
            option = QStyleOptionViewItem()
            self.initViewItemOption(option)
            option.rect = rect
            if selection.isSelected(index):
                option.state |= QStyle.StateFlag.State_Selected
            self.itemDelegate().paint(painter, option, index)
        painter.end()
