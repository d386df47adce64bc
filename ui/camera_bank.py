"""The camera bank: one tile per camera with its live picture, name, place, state and hotkey."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from devices.records import Link
from devices.visca.state import Motion
from ui.camera_model import CameraListModel, Role

TILE = QSize(320, 220)
CAPTION_HEIGHT = 44
STATE_COLOURS = {"offline": QColor("#c62828"), "connecting": QColor("#9e9e9e"), "moving": QColor("#f9a825"),
                 "arrived": QColor("#2e7d32"), "online": QColor("#1565c0")}


class CameraTileDelegate(QStyledItemDelegate):
    tile = TILE

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return self.tile

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        rect = option.rect.adjusted(4, 4, -4, -4)
        picture = QRect(rect.topLeft(), QSize(rect.width(), rect.width() * 9 // 16))
        painter.fillRect(rect, QColor("#202124"))
        image = index.data(Role.PREVIEW)
        if image is not None and not image.isNull():
            scaled = image.size().scaled(picture.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(picture.center())
            painter.drawImage(target, image)
        status = index.data(Role.PREVIEW_STATUS)
        if status or image is None:
            painter.setPen(QColor("#e0e0e0"))
            painter.drawText(picture.adjusted(8, 8, -8, -8), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             status or self.tr("no picture"))
        self._paint_caption(painter, rect, picture, index)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(QColor("#ffeb3b"), 5))
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
        painter.restore()

    def _paint_caption(self, painter: QPainter, rect: QRect, picture: QRect,
                       index: QModelIndex | QPersistentModelIndex) -> None:
        state = index.data(Role.STATE)
        model = index.model()
        word = model.state_text(state) if isinstance(model, CameraListModel) else state.link.value
        key = self._state_key(state)
        caption = QRect(rect.left(), picture.bottom(), rect.width(), rect.bottom() - picture.bottom())
        painter.setPen(QColor("white"))
        regular = QFont(painter.font())
        bold = QFont(regular)
        bold.setBold(True)
        painter.setFont(bold)
        hotkey = index.data(Role.HOTKEY)
        name = f"[{hotkey}] {index.data()}" if hotkey else index.data()
        painter.drawText(caption.adjusted(8, 2, -110, -18), Qt.AlignmentFlag.AlignLeft, name)
        painter.setFont(regular)
        place = index.data(Role.LOCATION) or ""
        owner = index.data(Role.OWNER)
        painter.setPen(QColor("#bdbdbd"))
        painter.drawText(caption.adjusted(8, 18, -110, 0), Qt.AlignmentFlag.AlignLeft,
                         f"{place} · {owner}" if owner else place)
        badge = QRect(caption.right() - 104, caption.top() + 6, 96, 22)
        painter.fillRect(badge, STATE_COLOURS[key])
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, word)

    @staticmethod
    def _state_key(state) -> str:
        if state.link is not Link.ONLINE:
            return state.link.value
        return {Motion.MOVING: "moving", Motion.ARRIVED: "arrived"}.get(state.motion, "online")


class CameraBank(QListView):
    """Signals: cameraActivated(str) when the operator clicks a tile;
    pictureSizeChanged(QSize) when the tiles' pictures change size (previews follow)."""

    cameraActivated = Signal(str)
    pictureSizeChanged = Signal(QSize)

    def __init__(self, model: CameraListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.delegate = CameraTileDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # keys belong to the hotkeys
        self.clicked.connect(lambda index: self.cameraActivated.emit(index.data(Role.CAMERA_ID)))
        self.setStyleSheet("QListView { background: #121212; }")

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Tiles grow with the window: two columns for up to four cameras, three up to nine."""
        super().resizeEvent(event)
        count = max(1, self.model().rowCount())
        columns = 1 if count == 1 else 2 if count <= 4 else 3 if count <= 9 else 4
        rows = -(-count // columns)
        gap = 2 * self.spacing() + 4
        # measure without scroll bars, so that showing one cannot push a column out
        room = self.contentsRect().size()
        scrollbar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        by_width = (room.width() - scrollbar - gap * columns) // columns
        by_height = ((room.height() - gap * rows) // rows - CAPTION_HEIGHT) * 16 // 9
        width = max(TILE.width(), min(by_width, by_height))
        height = width * 9 // 16 + CAPTION_HEIGHT
        if QSize(width, height) != self.delegate.tile:
            self.delegate.tile = QSize(width, height)
            self.scheduleDelayedItemsLayout()
            self.pictureSizeChanged.emit(QSize(width, width * 9 // 16))

    def show_selected(self, camera_id: str) -> None:
        model = self.model()
        assert isinstance(model, CameraListModel)
        row = model.row_of(camera_id)
        if row >= 0:
            self.setCurrentIndex(model.index(row, 0))
