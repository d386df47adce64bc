"""Preset grid for the selected camera: choose a slot, then act on it.

A click chooses a slot (a thick frame) and moves nothing; a double-click, Enter or the preset's
hotkey recalls. Save, Rename and Clear act on the chosen slot; Save on a used slot and Clear ask
once, inline (press again within 5 s), so nothing modal ever stands between the operator and the
cameras; "Save to next free" needs no slot. The last overwrite or clear can be undone for 10 s.

Any preset, not only 0–9, by keyboard: the "choose a preset by number" hotkey (Num * or Ctrl+G)
puts the cursor in the number field; type the number (the slot is chosen as you type), Enter
recalls it, Esc leaves the field.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QImage, QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from devices.visca.state import CameraState
from models.desk.hotkey_actions import PRESET_NUMBER, PRESET_SELECTED
from models.desk.preset_library import PresetLibrary
from ui.desk.operator_desk import OperatorDesk
from ui.desk.preset_keeper import PresetKeeper
from ui.desk.preset_model import SLOT, PresetDelegate, PresetModel, Role

CONFIRM_MS = 5000


class PresetNumberField(QLineEdit):
    """Type a preset number: Enter recalls it, Esc leaves the field; both keys end here."""

    def __init__(self, on_enter: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_enter = on_enter
        self.setValidator(QIntValidator(0, 999, self))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000") + 24)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_enter()
            self.leave()
        elif event.key() == Qt.Key.Key_Escape:
            self.leave()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def leave(self) -> None:
        self.clear()
        self.clearFocus()  # the keyboard goes back to the hotkeys


class PresetGrid(QWidget):
    def __init__(
        self,
        desk: OperatorDesk,
        library: PresetLibrary,
        grab_frame: Callable[[str], QImage | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.keeper = PresetKeeper(desk, library, grab_frame, self)
        self.model = PresetModel(library, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(PresetDelegate(self.view))
        self.view.setViewMode(QListView.ViewMode.IconMode)
        self.view.setGridSize(SLOT)
        self.view.setUniformItemSizes(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setMovement(QListView.Movement.Static)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.doubleClicked.connect(lambda index: self._recall(index.data(Role.NUMBER)))
        self.view.selectionModel().currentChanged.connect(lambda *_: self._cancel_confirm())
        self.number = PresetNumberField(self.recall_chosen)
        self.number.setPlaceholderText(self.tr("No."))
        self.number.setToolTip(
            self.tr("Type a preset number: its slot is chosen; Enter recalls it, Esc leaves")
        )
        self.number.textEdited.connect(self._choose_typed)
        self.save_button = self._button(self.tr("Save"), self.save)
        self.save_free_button = self._button(self.tr("Save to next free"), self.save_to_next_free)
        self.rename_button = self._button(self.tr("Rename"), self.rename)
        self.clear_button = self._button(self.tr("Clear…"), self.clear)
        self.undo_button = self._button("", self.keeper.undo)
        keep_place = self.undo_button.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # nothing moves under the mouse when it comes and goes
        self.undo_button.setSizePolicy(keep_place)
        self.undo_button.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setFixedHeight(self.message.fontMetrics().lineSpacing() * 2 + 4)  # a 720-line screen
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.number)
        for button in (self.save_button, self.save_free_button, self.rename_button, self.clear_button):
            buttons.addWidget(button)
        said = QHBoxLayout()
        said.addWidget(self.message, 1)
        said.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        layout.addLayout(said)
        self._pending: tuple[str, int] | None = None  # ("save" | "clear", preset) asked, not yet confirmed
        self._confirm_timer = QTimer(self, singleShot=True, interval=CONFIRM_MS)
        self._confirm_timer.timeout.connect(self._cancel_confirm)
        self.keeper.changed.connect(self._on_preset_changed)
        self.keeper.undoChanged.connect(self._show_undo)
        self.keeper.told.connect(self._say)
        desk.selectionChanged.connect(self._on_selection)
        desk.cameraStateChanged.connect(self._on_state)
        if desk.selected:
            self._on_selection(desk.selected)

    def _button(self, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays with the hotkeys
        button.clicked.connect(lambda: slot())
        return button

    # ---- the chosen slot ----------------------------------------------------------------------------
    def chosen(self) -> int | None:
        rows = self.view.selectionModel().selectedIndexes()
        return rows[0].data(Role.NUMBER) if rows else None

    def choose(self, number: int) -> None:
        index = self.model.ensure(number)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _choose_typed(self, text: str) -> None:
        if text.isdigit() and self._in_range(int(text)):
            self.choose(int(text))

    def _in_range(self, number: int) -> bool:
        if self.model.camera_id is None:
            return False
        profile = self.desk.bridges[self.model.camera_id].controller.profile
        return profile.preset_min <= number <= profile.preset_max and number not in profile.preset_reserved

    @Slot(str)
    def press(self, action: str) -> None:
        """Hotkeys: recall the chosen slot, or type a preset number."""
        if action == PRESET_SELECTED:
            self.recall_chosen()
        elif action == PRESET_NUMBER:
            dock = self.parentWidget()
            while dock is not None and not isinstance(dock, QDockWidget):
                dock = dock.parentWidget()
            if dock is not None:  # the presets may be a hidden dock or a tab behind another
                dock.show()
                dock.raise_()
            self.number.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def recall_chosen(self) -> None:
        text = self.number.text()
        if text.isdigit() and not self._in_range(int(text)):
            self._say(self.tr("This camera has no preset %1").replace("%1", text))
            return
        number = self.chosen()
        if number is None:
            self._say(self.tr("Choose a preset first: click its slot or type its number."))
            return
        self._recall(number)

    def _recall(self, number: int) -> None:
        self._say("")
        self.desk.recall_preset(number, self.model.camera_id)

    # ---- save, rename, clear, undo ---------------------------------------------------------------------
    def save(self) -> None:
        number, camera_id = self.chosen(), self.model.camera_id
        if number is None or camera_id is None:
            self._say(self.tr("Choose a slot to save to (click it), or use “Save to next free”."))
            return
        if self.keeper.occupied(camera_id, number) and not self._confirmed("save", number):
            self._ask(
                "save",
                number,
                self.tr("Preset %1 %2 is in use: press Save again within 5 s to overwrite it."),
            )
            return
        self.keeper.save(camera_id, number)
        self._say(self.tr("Saved as preset %1.").replace("%1", str(number)))

    def save_to_next_free(self) -> None:
        camera_id = self.model.camera_id
        number = None if camera_id is None else self.keeper.next_free(camera_id)
        if camera_id is None or number is None:
            self._say(self.tr("Every preset slot of this camera is used: choose one to overwrite."))
            return
        self.choose(number)
        self.keeper.save(camera_id, number)
        self._say(self.tr("Saved as preset %1 (the next free slot).").replace("%1", str(number)))

    def rename(self) -> None:
        index = self.view.currentIndex()
        if self.chosen() is None or not index.isValid():
            self._say(self.tr("Choose the preset to rename first (click its slot)."))
            return
        self.view.edit(index)

    def clear(self) -> None:
        number, camera_id = self.chosen(), self.model.camera_id
        if number is None or camera_id is None:
            self._say(self.tr("Choose the preset to clear first (click its slot)."))
            return
        if not self._confirmed("clear", number):
            self._ask("clear", number, self.tr("Press Clear again within 5 s to clear preset %1 %2."))
            return
        self.keeper.clear(camera_id, number)
        self._say(self.tr("Preset %1 cleared.").replace("%1", str(number)))

    def _confirmed(self, kind: str, number: int) -> bool:
        confirmed = self._pending == (kind, number)
        if confirmed:
            self._cancel_confirm()
        return confirmed

    def _ask(self, kind: str, number: int, question: str) -> None:
        camera_id = self.model.camera_id or ""
        name = self.model.library.name(camera_id, number)
        text = (
            question.replace("%1", str(number)).replace("%2", f"“{name}”" if name else "").replace("  ", " ")
        )
        if self.keeper.undoable(camera_id, number):
            text += " " + self.tr("Undo: 10 s.")
        else:
            text += " " + self.tr("No undo (its old position is not known).")
        self._pending = (kind, number)
        self._say(text)
        self._confirm_timer.start()

    def _cancel_confirm(self) -> None:
        if self._pending is not None:
            self._pending = None
            self._say("")
        self._confirm_timer.stop()

    def _show_undo(self, what: str) -> None:
        self.undo_button.setText(what)
        self.undo_button.setVisible(bool(what))

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # ---- the camera -------------------------------------------------------------------------------------
    def _on_selection(self, camera_id: str) -> None:
        self._cancel_confirm()
        self.number.clear()
        self.model.show_camera(camera_id, self.desk.bridges[camera_id].controller.profile)
        self.model.set_state(self.desk.bridges[camera_id].state)

    def _on_state(self, camera_id: str, state: CameraState) -> None:
        if camera_id != self.model.camera_id:
            return
        if self.model.state is None or state.profile != self.model.state.profile:
            self._on_selection(camera_id)  # learned from the camera: its preset range
        else:
            self.model.set_state(state)

    def _on_preset_changed(self, camera_id: str, number: int) -> None:
        if camera_id == self.model.camera_id:
            if self.model.row(number) < 0:
                self.model.ensure(number)
            self.model.refresh(number)
