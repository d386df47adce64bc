"""Tools → Controllers…: the joysticks and gamepads connected, live, and their mapping.

Live without touching the poller's thread: the poller keeps each stick's latest state
(``JoystickPoller.sticks()``, a copy) and this window reads it with a QTimer at about 30 Hz while it is
visible, and not at all while hidden. Nothing here runs on the joystick thread, and nothing the
poller does waits for the GUI.

Edits (sticks in ``MappingForm``, buttons in ``ButtonsModel`` with ``ActionPicker``) are a draft until
Save writes joystick.json (``StickSettings.save``), which the console's stick follows at once.
"Press a button…" waits for a button on the controller and selects its row; meanwhile the
console's stick does not act on buttons (``ConsoleStick.capturing``).
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer, Slot
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from devices.joystick.mapping import StickMapping
from devices.joystick.states import StickState
from ui.common.wording import said
from ui.controllers.action_picker import ActionPicker
from ui.controllers.axis_bar import AxisBarDelegate
from ui.controllers.console_stick import ConsoleStick
from ui.controllers.live_models import AxesModel, ButtonsModel, StickListModel
from ui.controllers.mapping_form import MappingForm
from ui.controllers.stick_file import StickSettings, read_mapping
from ui.controllers.stick_words import StickWords
from ui.hotkeys.key_filter import OWNS_KEYS

SAMPLE_MS = 33  # ~30 Hz: smooth to the eye, nothing for the GUI thread
ERROR_COLOUR = "#c62828"
View = TypeVar("View", bound=QAbstractItemView)


class ControllersWindow(QWidget):
    def __init__(
        self, settings: StickSettings, stick: ConsoleStick | None, parent: QWidget | None = None
    ) -> None:
        """``stick``: the console's stick, None when SDL cannot read joysticks here."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setProperty(OWNS_KEYS, True)  # the arrows and digits edit here, they move no camera
        self.setWindowTitle(self.tr("Controllers"))
        self._settings = settings
        self._stick = stick
        self._shown: int | None = None  # the id of the stick whose inputs are shown
        self._before: tuple[bool, ...] = ()  # its buttons at the last sample
        words = StickWords(self)
        self.sticks = StickListModel(self)
        self.axes = AxesModel(words, self)
        self.buttons = ButtonsModel(words, self)
        self.form = MappingForm(words)
        self.picker = ActionPicker(words)
        self.capture = QPushButton(self.tr("Press a button on the controller…"))
        self.capture.setCheckable(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.timer = QTimer(self)
        self.timer.setInterval(SAMPLE_MS)
        self.timer.timeout.connect(self.sample)
        self.stick_list = self._view(QListView(), self.sticks)
        self.axes_table = self._view(QTableView(), self.axes)
        self.axes_table.setItemDelegateForColumn(AxesModel.POSITION, AxisBarDelegate(self.axes_table))
        self.buttons_table = self._view(QTableView(), self.buttons)
        self._build()
        self.stick_list.selectionModel().currentRowChanged.connect(self._on_stick_chosen)
        self.buttons_table.selectionModel().currentRowChanged.connect(self._on_button_chosen)
        self.picker.picked.connect(self._on_action_picked)
        self.capture.toggled.connect(self._on_capture)
        self.form.changed.connect(self._on_form_changed)
        settings.mappingChanged.connect(self._on_saved_elsewhere)
        self.load(settings.mapping)
        if stick is None:
            self._say(
                self.tr(
                    "No joystick or gamepad can be read on this computer; the mapping can still be edited."
                )
            )

    def _view(self, view: View, model: QAbstractItemModel) -> View:
        view.setModel(model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        if isinstance(view, QTableView):
            view.verticalHeader().hide()
            view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return view

    def _build(self) -> None:
        connected = QGroupBox(self.tr("Connected"))
        self.none_connected = QLabel(
            self.tr("No joystick or gamepad connected: plug one in and it shows here.")
        )
        self.none_connected.setWordWrap(True)
        self.none_connected.hide()
        listing = QVBoxLayout(connected)
        listing.addWidget(self.none_connected)
        listing.addWidget(self.stick_list)
        self.stick_list.setMaximumHeight(3 * self.fontMetrics().height())  # one or two sticks
        inputs = QGroupBox(self.tr("Axes and hats"))
        QVBoxLayout(inputs).addWidget(self.axes_table)
        left = QVBoxLayout()
        left.addWidget(connected)
        left.addWidget(inputs, 1)
        sticks = QGroupBox(self.tr("Sticks"))
        QVBoxLayout(sticks).addWidget(self.form)
        left.addWidget(sticks)
        buttons = QGroupBox(self.tr("Buttons (lit while pressed)"))
        column = QVBoxLayout(buttons)
        column.addWidget(self.buttons_table, 1)
        pick = QHBoxLayout()
        pick.addWidget(QLabel(self.tr("Action of the selected button:")))
        pick.addWidget(self.picker, 1)
        column.addLayout(pick)
        column.addWidget(self.capture)
        panes = QHBoxLayout()
        panes.addLayout(left, 1)
        panes.addWidget(buttons, 1)
        note = QLabel(
            self.tr("Tools → Hotkeys… exports and imports this mapping with the hotkeys, in one file.")
        )
        note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self._button(self.tr("Reset to defaults"), self.reset_defaults))
        row.addStretch()
        row.addWidget(self._button(self.tr("Save"), self.save))
        row.addWidget(self._button(self.tr("Close"), self.close))
        layout = QVBoxLayout(self)
        layout.addLayout(panes, 1)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addLayout(row)
        screen = self.screen().availableGeometry()
        self.resize(min(1000, screen.width()), min(740, screen.height() - 40))

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: slot())
        return button

    # ---- live -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.sample()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.timer.stop()
        self.capture.setChecked(False)

    @Slot()
    def sample(self) -> None:
        """Read the poller's latest states (a copy) and show what changed."""
        sticks = self._stick.poller.sticks() if self._stick is not None else ()
        driving = self._stick.driver.stick if self._stick is not None else None
        self.sticks.set_sticks(sticks, driving)
        if self.stick_list.isHidden() == bool(sticks):
            self.stick_list.setVisible(bool(sticks))
            self.none_connected.setVisible(not sticks)
        if self._row(self._shown) is None:  # none shown yet, or the one shown was unplugged
            self._show_stick(
                driving if self._row(driving) is not None else (sticks[0].id if sticks else None)
            )
        row = self._row(self._shown)
        if row is not None and self.stick_list.currentIndex().row() != row:
            self.stick_list.setCurrentIndex(self.sticks.index(row))
        state = next((s for s in sticks if s.id == self._shown), None)
        self.axes.show(state)
        self.buttons.show(state)
        self._catch_button(state)

    def _row(self, stick: int | None) -> int | None:
        return self.sticks.row_of(stick) if stick is not None else None

    def _catch_button(self, state: StickState | None) -> None:
        pressed = state.buttons if state is not None else ()
        went_down = [
            b for b, down in enumerate(pressed) if down and not (b < len(self._before) and self._before[b])
        ]
        self._before = pressed
        if self.capture.isChecked() and went_down:
            self.capture.setChecked(False)
            self.buttons_table.selectRow(went_down[0])
            self._say(
                self.tr("%1: choose its action.").replace("%1", self.buttons.index(went_down[0], 0).data())
            )

    @Slot()
    def _on_stick_chosen(self, current, _previous) -> None:
        if current.isValid() and current.data(StickListModel.IdRole) != self._shown:
            self._show_stick(current.data(StickListModel.IdRole))

    def _show_stick(self, stick: int | None) -> None:
        """Its inputs in the tables, and its axes by name in the form (the values being edited kept)."""
        self._shown, self._before = stick, ()
        self._show_form(self.form.edited(self._base))

    @Slot(bool)
    def _on_capture(self, armed: bool) -> None:
        if self._stick is not None:
            self._stick.capturing = armed
        if armed:
            self._say(self.tr("Press the button to choose; it does nothing else until then."))

    # ---- the mapping being edited ---------------------------------------------------------
    def load(self, mapping: StickMapping) -> None:
        self._base = mapping
        self._show_form(mapping)
        self.buttons.set_buttons(dict(mapping.buttons))
        self._on_button_chosen(self.buttons_table.currentIndex(), None)

    def _show_form(self, mapping: StickMapping) -> None:
        sticks = self._stick.poller.sticks() if self._stick is not None else ()
        shown = next((s for s in sticks if s.id == self._shown), None)
        axes, gamepad = (len(shown.axes), shown.gamepad) if shown is not None else (0, True)
        self.form.show_mapping(mapping, [s.name for s in sticks], axes, gamepad)
        self.axes.set_mapping(mapping)

    def edited(self) -> StickMapping:
        """The mapping as edited; raises MappingError for a value no file may hold."""
        data = self.form.edited(self._base).to_dict()
        data["buttons"] = {str(button): action for button, action in self.buttons.buttons().items()}
        return read_mapping(data)

    @Slot()
    def _on_form_changed(self) -> None:
        self.axes.set_mapping(self.form.edited(self._base))

    @Slot()
    def _on_button_chosen(self, current, _previous) -> None:
        self.picker.setEnabled(current.isValid())
        if current.isValid():
            self.picker.set_action(current.data(ButtonsModel.ActionRole))

    @Slot(object)
    def _on_action_picked(self, action: str | None) -> None:
        row = self.buttons_table.currentIndex().row()
        if row >= 0:
            self.buttons.set_action(row, action)
            self.buttons_table.selectRow(row)

    @Slot()
    def reset_defaults(self) -> None:
        self.load(StickMapping())
        self._say(self.tr("The default mapping is back. Save to keep it."))

    @Slot()
    def save(self) -> bool:
        try:
            mapping = self.edited()
            self._settings.save(mapping)
            self._base = mapping
        except ValueError as exc:  # MappingError: a value the form cannot give; kept for files by hand
            self._say(said(exc), error=True)
            return False
        except OSError as exc:
            self._say(self.tr("Could not save the mapping: %1").replace("%1", said(exc)), error=True)
            return False
        self._say(self.tr("Saved: the stick uses this mapping now."))
        return True

    @Slot(object)
    def _on_saved_elsewhere(self, mapping: StickMapping) -> None:
        if mapping != self.edited():
            self.load(mapping)
            self._say(self.tr("The mapping was replaced (an import in Tools → Hotkeys…)."))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}" if error else "")
        self.message.setText(text)
