"""What Tools → Controllers… calls a stick's inputs and the actions a button may have.

A gamepad is read through SDL's layout (devices/joystick/states.py), so its axes and buttons have
names; a plain joystick's are numbered. A button's actions are the hotkeys' own (their names and
labels, ``ActionLabels``), without the held ones (a move needs a release a button press does not
give), plus the stick's camera steps.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from devices.joystick.states import Hat
from models.desk.hotkey_actions import ACTION_GROUPS, HELD_ACTIONS
from ui.controllers.stick_file import STEPS
from ui.hotkeys.key_filter import ActionLabels

GAMEPAD_BUTTONS = 15  # SDL2's classic layout, devices/joystick/sdl.py


def button_groups() -> list[tuple[str, tuple[str, ...]]]:
    """The hotkeys' action groups as a button may use them: (group, actions)."""
    groups = []
    for group, actions in ACTION_GROUPS:
        usable = tuple(action for action in actions if action not in HELD_ACTIONS)
        if group == "camera":
            usable = (*STEPS, *usable)
        if usable:
            groups.append((group, usable))
    return groups


class StickWords(QObject):
    """Translated names; ``gamepad``: the stick is read through SDL's gamepad layout."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels = ActionLabels(self)

    def action(self, action: str | None) -> str:
        if action is None:
            return self.tr("Nothing")
        if action in STEPS:
            return self.tr("Previous camera") if action == STEPS[0] else self.tr("Next camera")
        try:
            return self._labels.label(action)
        except ValueError:  # not one of the console's actions (a file written by hand)
            return action

    def group(self, group: str) -> str:
        return self._labels.group_title(group)

    def axis(self, number: int, gamepad: bool) -> str:
        names = (
            self.tr("Left stick across"),
            self.tr("Left stick up/down"),
            self.tr("Right stick across"),
            self.tr("Right stick up/down"),
            self.tr("Left trigger"),
            self.tr("Right trigger"),
        )
        if gamepad and number < len(names):
            return names[number]
        return self.tr("Axis %1").replace("%1", str(number))

    def button(self, number: int, gamepad: bool) -> str:
        names = (
            "A",
            "B",
            "X",
            "Y",
            self.tr("Back"),
            self.tr("Guide"),
            self.tr("Start"),
            self.tr("Left stick press"),
            self.tr("Right stick press"),
            self.tr("Left shoulder"),
            self.tr("Right shoulder"),
            self.tr("D-pad up"),
            self.tr("D-pad down"),
            self.tr("D-pad left"),
            self.tr("D-pad right"),
        )
        if gamepad and number < len(names):
            return self.tr("%1 (button %2)").replace("%1", names[number]).replace("%2", str(number))
        return self.tr("Button %1").replace("%1", str(number))

    def hat(self, number: int, gamepad: bool) -> str:
        return self.tr("D-pad") if gamepad and number == 0 else self.tr("Hat %1").replace("%1", str(number))

    def hat_position(self, hat: Hat) -> str:
        x, y = hat
        if (x, y) == (0, 0):
            return self.tr("centred")
        vertical = {1: self.tr("up"), -1: self.tr("down")}.get(y, "")
        across = {1: self.tr("right"), -1: self.tr("left")}.get(x, "")
        return " ".join(word for word in (vertical, across) if word)
