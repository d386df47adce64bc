"""Preset grid for the selected camera: named buttons with thumbnails; click recalls.

Save, rename and clear act on the highlighted preset; clear asks first, inline, so nothing
modal ever stands between the operator and the cameras.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QIcon, QImage, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from devices.visca.state import CameraState, Motion
from models.preset_library import PresetLibrary
from ui.desk import OperatorDesk

SLOTS = 16
THUMB = QSize(112, 63)
Index = QModelIndex | QPersistentModelIndex


class PresetModel(QAbstractListModel):
    def __init__(self, library: PresetLibrary, parent=None) -> None:
        super().__init__(parent)
        self.library = library
        self.camera_id: str | None = None
        self.numbers: list[int] = []
        self.state: CameraState | None = None
        self._icons: dict[int, QIcon] = {}

    def show_camera(self, camera_id: str, first: int, last: int) -> None:
        self.beginResetModel()
        self.camera_id = camera_id
        self.numbers = list(range(first, min(last, first + SLOTS - 1) + 1))
        self._icons.clear()
        self.endResetModel()

    def refresh(self, number: int) -> None:
        self._icons.pop(number, None)
        if number in self.numbers:
            index = self.index(self.numbers.index(number))
            self.dataChanged.emit(index, index)

    def state_profile(self) -> str | None:
        return None if self.state is None else self.state.profile

    def set_state(self, state: CameraState) -> None:
        self.state = state
        if self.numbers:
            self.dataChanged.emit(self.index(0), self.index(len(self.numbers) - 1),
                                  [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole])

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
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(number)
        if role == Qt.ItemDataRole.UserRole:
            return number
        target = self.state.target_preset if self.state else None
        if role == Qt.ItemDataRole.BackgroundRole and self.state and target == number:
            return QColor("#f9a825") if self.state.motion is Motion.MOVING else QColor("#2e7d32")
        if role == Qt.ItemDataRole.ToolTipRole and self.state and target == number:
            return self.tr("moving") if self.state.motion is Motion.MOVING else self.tr("arrived")
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.camera_id is None:
            return False
        self.library.rename(self.camera_id, self.numbers[index.row()], str(value))
        self.dataChanged.emit(index, index)
        return True

    def _icon(self, number: int) -> QIcon:
        if number not in self._icons:
            path = self.library.thumbnail_path(self.camera_id or "", number)
            pixmap = QPixmap(str(path)) if path.exists() else QPixmap(THUMB)
            if not path.exists():
                pixmap.fill(QColor("#37474f"))
            self._icons[number] = QIcon(pixmap)
        return self._icons[number]


class PresetGrid(QWidget):
    def __init__(self, desk: OperatorDesk, library: PresetLibrary, grab_frame, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.grab_frame = grab_frame   # camera id -> QImage | None (the latest preview frame)
        self.model = PresetModel(library, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setIconSize(THUMB)
        self.view.setGridSize(QSize(THUMB.width() + 12, THUMB.height() + 34))
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.clicked.connect(lambda index: self.desk.recall_preset(index.data(Qt.ItemDataRole.UserRole)))
        self.confirm = QLabel()
        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save"))
        self.rename_button = QPushButton(self.tr("Rename"))
        self.clear_button = QPushButton(self.tr("Clear…"))
        for button in (self.save_button, self.rename_button, self.clear_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            buttons.addWidget(button)
        self.save_button.clicked.connect(lambda: self._with_current(self.desk.save_preset))
        self.rename_button.clicked.connect(lambda: self.view.edit(self.view.currentIndex()))
        self.clear_button.clicked.connect(self._ask_clear)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addWidget(self.confirm)
        self._pending_clear: int | None = None
        self._confirm_timer = QTimer(self, singleShot=True, interval=5000, timeout=self._cancel_clear)
        desk.selectionChanged.connect(self._on_selection)
        desk.presetSaved.connect(self._store_thumbnail)
        desk.cameraStateChanged.connect(self._on_state)
        if desk.selected:
            self._on_selection(desk.selected)

    def _on_selection(self, camera_id: str) -> None:
        profile = self.desk.bridges[camera_id].controller.profile
        self.model.show_camera(camera_id, profile.preset_min, profile.preset_max)
        self.model.set_state(self.desk.bridges[camera_id].state)

    def _on_state(self, camera_id: str, state: CameraState) -> None:
        if camera_id != self.model.camera_id:
            return
        if state.profile != self.model.state_profile():   # learned from the camera: its preset range
            self._on_selection(camera_id)
        else:
            self.model.set_state(state)

    def _with_current(self, action) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            action(index.data(Qt.ItemDataRole.UserRole))

    def _store_thumbnail(self, camera_id: str, number: int) -> None:
        image: QImage | None = self.grab_frame(camera_id)
        if image is None or image.isNull():
            return
        path = self.model.library.thumbnail_path(camera_id, number)
        path.parent.mkdir(parents=True, exist_ok=True)
        image.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                     Qt.TransformationMode.SmoothTransformation).save(str(path), "PNG")
        if camera_id == self.model.camera_id:
            self.model.refresh(number)

    def _ask_clear(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        number = index.data(Qt.ItemDataRole.UserRole)
        if self._pending_clear == number:   # second press within 5 s confirms
            self._cancel_clear()
            self.desk.clear_preset(number)
            self.model.library.forget(self.model.camera_id or "", number)
            self.model.refresh(number)
            return
        self._pending_clear = number
        self.confirm.setText(self.tr("Press Clear again within 5 s to clear preset %1").replace("%1", str(number)))
        self._confirm_timer.start()

    def _cancel_clear(self) -> None:
        self._pending_clear = None
        self.confirm.clear()
