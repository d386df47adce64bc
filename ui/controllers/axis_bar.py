"""An axis drawn as a bar from the centre, with the dead zone shaded: what the stick does and where
it starts to count (``AxesModel.ValueRole`` / ``DeadZoneRole``)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from ui.controllers.live_models import AxesModel

DEAD_ZONE_COLOUR = QColor(128, 128, 128, 90)
COUNTING_COLOUR = QColor("#1e88e5")
RESTING_COLOUR = QColor("#90a4ae")
BAR_WIDTH = 160


class AxisBarDelegate(QStyledItemDelegate):
    """Paints axis rows' positions as bars; hat rows (no value) as text."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        value = index.data(AxesModel.ValueRole)
        if value is None:
            super().paint(painter, option, index)
            return
        dead_zone = float(index.data(AxesModel.DeadZoneRole) or 0.0)
        rect = QRectF(option.rect).adjusted(4, 4, -4, -4)
        text_width = 52.0
        track = QRectF(rect.left(), rect.top(), max(20.0, rect.width() - text_width), rect.height())
        centre, half = track.center().x(), track.width() / 2
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        painter.setPen(option.palette.color(QPalette.ColorRole.Mid))
        painter.drawRect(track)
        zone = QRectF(centre - dead_zone * half, track.top(), 2 * dead_zone * half, track.height())
        painter.fillRect(zone, DEAD_ZONE_COLOUR)
        counts = abs(value) > dead_zone
        bar = QRectF(centre, track.top() + 2, value * half, track.height() - 4).normalized()
        painter.fillRect(bar, COUNTING_COLOUR if counts else RESTING_COLOUR)
        painter.drawLine(int(centre), int(track.top()), int(centre), int(track.bottom()))
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRectF(track.right() + 4, rect.top(), text_width - 4, rect.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            f"{value:+.2f}",
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), BAR_WIDTH), max(hint.height(), 22))
