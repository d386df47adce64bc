"""How one camera tile looks: the live picture (16:9), a caption with hotkey, name, place and
state, the yellow frame of the selected camera and the tally border (on air red, cued green).

Every view of the cameras — the bank, the enlarged preview, the multiview — paints its tiles
with this delegate, so a camera looks the same wherever it is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from devices.records import Link
from devices.visca.state import Motion
from ui.desk.camera_model import CameraListModel, Role, Tally

CAPTION_HEIGHT = 44
BORDER = 5  # the tally border around a tile
STATE_COLOURS = {
    "offline": QColor("#c62828"),
    "connecting": QColor("#9e9e9e"),
    "moving": QColor("#f9a825"),
    "arrived": QColor("#2e7d32"),
    "online": QColor("#1565c0"),
}
TALLY_COLOURS = {Tally.PROGRAM: QColor("#e53935"), Tally.PREVIEW: QColor("#43a047")}
BACKGROUND = QColor("#202124")
SELECTED = QColor("#ffeb3b")


def tile_height(width: int) -> int:
    """The height of a tile ``width`` wide: borders, a 16:9 picture, the caption."""
    return picture_size(width).height() + 2 * BORDER + CAPTION_HEIGHT


def tile_width_for_height(height: int) -> int:
    """The width of the widest tile that is at most ``height`` tall."""
    return max(0, height - 2 * BORDER - CAPTION_HEIGHT) * 16 // 9 + 2 * BORDER


def picture_size(width: int) -> QSize:
    """The 16:9 picture inside a tile ``width`` wide."""
    inner = max(16, width - 2 * BORDER)
    return QSize(inner, inner * 9 // 16)


class CameraTileDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return option.rect.size()

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        painter.save()
        rect = option.rect
        tally = index.data(Role.TALLY)
        painter.fillRect(rect, TALLY_COLOURS.get(tally, BACKGROUND))
        inner = rect.adjusted(BORDER, BORDER, -BORDER, -BORDER)
        painter.fillRect(inner, BACKGROUND)
        picture = QRect(inner.topLeft(), picture_size(rect.width()))
        self._paint_picture(painter, picture, index)
        self._paint_caption(painter, inner, picture, index)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(SELECTED, 5))
            painter.drawRect(inner.adjusted(2, 2, -3, -3))
        painter.restore()

    def _paint_picture(
        self, painter: QPainter, picture: QRect, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        image = index.data(Role.PREVIEW)
        if image is not None and not image.isNull():
            scaled = image.size().scaled(picture.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(0, 0, scaled.width(), scaled.height())
            target.moveCenter(picture.center())
            if scaled != image.size():  # another view asked for larger frames of this camera
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(target, image)
        status = index.data(Role.PREVIEW_STATUS)
        if status or image is None:
            painter.setPen(QColor("#e0e0e0"))
            painter.drawText(
                picture.adjusted(8, 8, -8, -8),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                status or self.tr("no picture"),
            )

    def _paint_caption(
        self, painter: QPainter, rect: QRect, picture: QRect, index: QModelIndex | QPersistentModelIndex
    ) -> None:
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
        painter.drawText(
            caption.adjusted(8, 18, -110, 0),
            Qt.AlignmentFlag.AlignLeft,
            f"{place} · {owner}" if owner else place,
        )
        badge = QRect(caption.right() - 104, caption.top() + 6, 96, 22)
        painter.fillRect(badge, STATE_COLOURS[key])
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, word)

    @staticmethod
    def _state_key(state) -> str:
        if state.link is not Link.ONLINE:
            return state.link.value
        return {Motion.MOVING: "moving", Motion.ARRIVED: "arrived"}.get(state.motion, "online")
