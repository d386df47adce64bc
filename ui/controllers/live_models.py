"""The models of Tools → Controllers…: the sticks connected, one stick's axes and hats, its buttons.

They are fed by the window's sampling timer (GUI thread) with the poller's latest ``StickState``s
and signal only what changed, so a stick held still costs no repaint.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from devices.joystick.mapping import StickMapping
from devices.joystick.states import StickState
from ui.controllers.stick_words import GAMEPAD_BUTTONS, StickWords

AnyIndex = QModelIndex | QPersistentModelIndex
PRESSED_COLOUR = QColor("#43a047")
Role = Qt.ItemDataRole


class StickListModel(QAbstractListModel):
    """One row per stick connected; the one that drives the cameras says so. ``IdRole``: SDL's id."""

    IdRole = Role.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sticks: list[StickState] = []
        self._driving: int | None = None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._sticks)

    def data(self, index: AnyIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        stick = self._sticks[index.row()]
        if role == self.IdRole:
            return stick.id
        if role == Role.DisplayRole:
            kind = self.tr("gamepad") if stick.gamepad else self.tr("joystick")
            text = self.tr("%1 (%2)").replace("%1", stick.name or self.tr("unnamed")).replace("%2", kind)
            if stick.id == self._driving:
                text += " — " + self.tr("drives the selected camera")
            return text
        if role == Role.FontRole and stick.id == self._driving:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def set_sticks(self, sticks: tuple[StickState, ...], driving: int | None) -> None:
        """Rows change only when sticks come or go (or the driving one changes)."""
        ids = [stick.id for stick in sticks]
        if ids != [stick.id for stick in self._sticks]:
            self.beginResetModel()
            self._sticks, self._driving = list(sticks), driving
            self.endResetModel()
        elif driving != self._driving:
            self._sticks, self._driving = list(sticks), driving
            self.dataChanged.emit(self.index(0), self.index(len(ids) - 1))
        else:
            self._sticks = list(sticks)

    def row_of(self, stick: int | None) -> int | None:
        return next((row for row, s in enumerate(self._sticks) if s.id == stick), None)

    def stick(self, row: int) -> StickState:
        return self._sticks[row]


class AxesModel(QAbstractTableModel):
    """One row per axis, then per hat, of the stick shown: its name, its position, what it does in the
    mapping being edited. ``ValueRole``: the axis position −1…1 (None for a hat); ``DeadZoneRole``."""

    NAME, POSITION, USE = range(3)
    ValueRole = Role.UserRole + 1
    DeadZoneRole = Role.UserRole + 2

    def __init__(self, words: StickWords, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words = words
        self._state: StickState | None = None
        self._mapping = StickMapping()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if parent.isValid() or self._state is None:
            return 0
        return len(self._state.axes) + len(self._state.hats)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return (self.tr("Input"), self.tr("Position"), self.tr("Moves"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Role.DisplayRole) -> Any:
        state = self._state
        if not index.isValid() or state is None:
            return None
        row, column, axes = index.row(), index.column(), len(state.axes)
        if row < axes:
            if role == self.ValueRole:
                return state.axes[row]
            if role == self.DeadZoneRole:
                return self._mapping.dead_zone
            if role == Role.DisplayRole:
                if column == self.NAME:
                    return self._words.axis(row, state.gamepad)
                return f"{state.axes[row]:+.2f}" if column == self.POSITION else self._axis_use(row)
            return None
        hat = row - axes
        if role == Role.DisplayRole:
            if column == self.NAME:
                return self._words.hat(hat, state.gamepad)
            if column == self.POSITION:
                return self._words.hat_position(state.hats[hat])
            return self.tr("Pan and tilt") if hat == self._mapping.hat else "—"
        return None

    def _axis_use(self, axis: int) -> str:
        m = self._mapping
        for used, invert, name in (
            (m.pan_axis, m.invert_pan, self.tr("Pan")),
            (m.tilt_axis, m.invert_tilt, self.tr("Tilt")),
            (m.zoom_axis, m.invert_zoom, self.tr("Zoom")),
        ):
            if used == axis:
                return self.tr("%1, inverted").replace("%1", name) if invert else name
        return "—"

    def show(self, state: StickState | None) -> None:
        before = self._state
        if before is not None and state is not None and before.id == state.id:
            if state.same_input(before):
                return
            if (len(state.axes), len(state.hats)) == (len(before.axes), len(before.hats)):
                self._state = state
                self.dataChanged.emit(
                    self.index(0, self.POSITION), self.index(self.rowCount() - 1, self.POSITION)
                )
                return
        self.beginResetModel()
        self._state = state
        self.endResetModel()

    def set_mapping(self, mapping: StickMapping) -> None:
        self._mapping = mapping
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 2))


class ButtonsModel(QAbstractTableModel):
    """One row per button of the stick shown (a gamepad's 15 when none is), and any the mapping names
    beyond: the button and its action. A pressed button's row is lit. ``ActionRole``: its action name
    or None."""

    BUTTON, ACTION = range(2)
    ActionRole = Role.UserRole + 1

    def __init__(self, words: StickWords, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words = words
        self._buttons: dict[int, str] = {}
        self._pressed: tuple[bool, ...] = ()
        self._gamepad = True
        self._count = GAMEPAD_BUTTONS

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else max(self._count, max(self._buttons, default=-1) + 1)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return (self.tr("Button"), self.tr("Action"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        button = index.row()
        if role == self.ActionRole:
            return self._buttons.get(button)
        if role == Role.DisplayRole:
            if index.column() == self.BUTTON:
                return self._words.button(button, self._gamepad)
            return self._words.action(self._buttons.get(button))
        if self.pressed(button):
            if role == Role.BackgroundRole:
                return QBrush(PRESSED_COLOUR)
            if role == Role.ForegroundRole:
                return QBrush(Qt.GlobalColor.white)
        return None

    def pressed(self, button: int) -> bool:
        return _bit(self._pressed, button)

    def show(self, state: StickState | None) -> None:
        pressed = state.buttons if state is not None else ()
        gamepad = state.gamepad if state is not None else True
        count = len(pressed) if state is not None else GAMEPAD_BUTTONS
        if (gamepad, count) != (self._gamepad, self._count):
            self.beginResetModel()
            self._pressed, self._gamepad, self._count = pressed, gamepad, count
            self.endResetModel()
        elif pressed != self._pressed:
            changed = [
                b for b in range(max(len(pressed), len(self._pressed))) if self.pressed(b) != _bit(pressed, b)
            ]
            self._pressed = pressed
            for button in changed:
                self.dataChanged.emit(self.index(button, 0), self.index(button, 1))

    # ---- the mapping being edited ----------------------------------------------------------
    def buttons(self) -> dict[int, str]:
        return dict(self._buttons)

    def set_buttons(self, buttons: dict[int, str]) -> None:
        self.beginResetModel()
        self._buttons = dict(buttons)
        self.endResetModel()

    def set_action(self, button: int, action: str | None) -> None:
        rows = self.rowCount()
        if action is None:
            self._buttons.pop(button, None)
        else:
            self._buttons[button] = action
        if self.rowCount() != rows:
            self.beginResetModel()
            self.endResetModel()
        else:
            self.dataChanged.emit(self.index(button, 0), self.index(button, 1))


def _bit(pressed: tuple[bool, ...], button: int) -> bool:
    return button < len(pressed) and pressed[button]
