"""The preset slots of the selected camera as a Qt model, and how a slot is drawn.

A slot shows its thumbnail, number and name; an empty slot (nothing known about it) is a dashed
outline saying so; the chosen slot has a thick frame; the preset being recalled or arrived at has
a yellow or green border. Camera status arrives every poll: only slots whose look changes are
announced, and an open name editor is never reset by a refresh (typing goes on).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QLineEdit, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from devices.visca.profiles import CameraProfile
from devices.visca.state import CameraState, Motion
from models.desk.preset_library import PresetLibrary

FIRST_SLOTS = 16  # always shown; further slots appear once used or chosen by number
THUMB = QSize(112, 63)
TEXT_HEIGHT = 20
SLOT = QSize(THUMB.width() + 12, THUMB.height() + TEXT_HEIGHT + 14)
MOTION_COLOURS = {"moving": QColor("#f9a825"), "arrived": QColor("#2e7d32")}
CHOSEN = QColor("#42a5f5")
Index = QModelIndex | QPersistentModelIndex


class Role:
    NUMBER = Qt.ItemDataRole.UserRole
    EMPTY = Qt.ItemDataRole.UserRole + 1  # nothing known about the slot
    MOTION = Qt.ItemDataRole.UserRole + 2  # "moving", "arrived" or None
    THUMBNAIL = Qt.ItemDataRole.UserRole + 3  # QPixmap or None


class PresetModel(QAbstractListModel):
    def __init__(self, library: PresetLibrary, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.camera_id: str | None = None
        self.numbers: list[int] = []
        self.state: CameraState | None = None
        self._pictures: dict[int, QPixmap | None] = {}
        self._used: set[int] = set()  # slots the library knows something about

    def show_camera(self, camera_id: str, profile: CameraProfile) -> None:
        self.beginResetModel()
        self.camera_id = camera_id
        usable = [
            n for n in range(profile.preset_min, profile.preset_max + 1) if n not in profile.preset_reserved
        ]
        self._used = set(self.library.numbers(camera_id))
        self.numbers = [n for position, n in enumerate(usable) if position < FIRST_SLOTS or n in self._used]
        self._pictures.clear()
        self.endResetModel()

    def row(self, number: int) -> int:
        return self.numbers.index(number) if number in self.numbers else -1

    def ensure(self, number: int) -> QModelIndex:
        """The slot of ``number``, added in order if it is not shown yet."""
        if number not in self.numbers:
            row = sum(1 for n in self.numbers if n < number)
            self.beginInsertRows(QModelIndex(), row, row)
            self.numbers.insert(row, number)
            self.endInsertRows()
        return self.index(self.row(number))

    def refresh(self, number: int) -> None:
        """Name, thumbnail or position of ``number`` changed."""
        self._pictures.pop(number, None)
        if self.camera_id is not None and self.library.occupied(self.camera_id, number):
            self._used.add(number)
        else:
            self._used.discard(number)
        row = self.row(number)
        if row >= 0:
            self.dataChanged.emit(self.index(row), self.index(row))

    def set_state(self, state: CameraState) -> None:
        before = self._motion_of(self.state)
        self.state = state
        after = self._motion_of(state)
        if before == after:
            return  # a poll that changed nothing a slot shows: no refresh
        for number, _motion in {before, after}:
            row = self.row(number) if number is not None else -1
            if row >= 0:
                self.dataChanged.emit(
                    self.index(row), self.index(row), [Role.MOTION, Qt.ItemDataRole.ToolTipRole]
                )

    @staticmethod
    def _motion_of(state: CameraState | None) -> tuple[int | None, str | None]:
        if state is None or state.target_preset is None:
            return None, None
        return state.target_preset, {Motion.MOVING: "moving", Motion.ARRIVED: "arrived"}.get(state.motion)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.numbers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.camera_id is None:
            return None
        number = self.numbers[index.row()]
        name = self.library.name(self.camera_id, number)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{number}  {name}" if name else str(number)
        if role == Qt.ItemDataRole.EditRole:
            return name
        if role == Role.NUMBER:
            return number
        if role == Role.EMPTY:
            return number not in self._used
        if role == Role.THUMBNAIL:
            return self._picture(number)
        target, motion = self._motion_of(self.state)
        if role == Role.MOTION:
            return motion if target == number else None
        if role == Qt.ItemDataRole.ToolTipRole and target == number and motion:
            return self.tr("moving") if motion == "moving" else self.tr("arrived")
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.camera_id is None or not index.isValid():
            return False
        self.library.rename(self.camera_id, self.numbers[index.row()], str(value))
        self.refresh(self.numbers[index.row()])
        return True

    def _picture(self, number: int) -> QPixmap | None:
        if number not in self._pictures:
            path = self.library.thumbnail_path(self.camera_id or "", number)
            self._pictures[number] = QPixmap(str(path)) if path.exists() else None
        return self._pictures[number]


class PresetDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return SLOT

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect = option.rect.adjusted(2, 2, -2, -2)
        picture = QRect(
            rect.left() + (rect.width() - THUMB.width()) // 2, rect.top() + 4, THUMB.width(), THUMB.height()
        )
        pixmap = index.data(Role.THUMBNAIL)
        empty = index.data(Role.EMPTY)
        if pixmap is not None:
            painter.drawPixmap(picture, pixmap)
        elif empty:
            painter.setPen(QPen(QColor("#9e9e9e"), 1, Qt.PenStyle.DashLine))
            painter.drawRect(picture.adjusted(0, 0, -1, -1))
            painter.drawText(picture, Qt.AlignmentFlag.AlignCenter, self.tr("empty"))
        else:  # a preset the console knows by name only (saved elsewhere, or configured)
            painter.fillRect(picture, QColor("#37474f"))
            painter.setPen(QColor("#cfd8dc"))
            painter.drawText(picture, Qt.AlignmentFlag.AlignCenter, self.tr("no picture"))
        motion = index.data(Role.MOTION)
        if motion:
            painter.setPen(QPen(MOTION_COLOURS[motion], 4))
            painter.drawRect(picture.adjusted(1, 1, -2, -2))
        text = QRect(rect.left() + 2, picture.bottom() + 4, rect.width() - 4, TEXT_HEIGHT)
        painter.setPen(
            option.palette.color(option.palette.ColorRole.Mid if empty else option.palette.ColorRole.Text)
        )
        label = option.fontMetrics.elidedText(index.data(), Qt.TextElideMode.ElideRight, text.width())
        painter.drawText(text, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, label)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(CHOSEN, 4))
            painter.drawRect(rect.adjusted(2, 2, -2, -2))
        painter.restore()

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        """The view calls this on every refresh of the slot: what the operator typed stays."""
        if isinstance(editor, QLineEdit) and editor.isModified():
            return
        super().setEditorData(editor, index)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect.adjusted(2, 2, -2, -2)
        editor.setGeometry(QRect(rect.left(), rect.bottom() - TEXT_HEIGHT - 4, rect.width(), TEXT_HEIGHT + 4))
