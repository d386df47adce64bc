"""How a stick becomes camera moves and actions: plain data, kept with the hotkeys (docs/joystick.md).

Pure functions, no SDL: an axis beyond its dead zone gives a speed proportional to how far it is
pushed, shaped by an expo curve (fine control near the centre, full speed at the end), mapped onto
the camera's own speed range; the hat moves at one speed; buttons name actions with the hotkeys'
names (``preset.recall.3``, ``camera.next``, ``shot.F2``, ``stop.all``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from common.wording import QT_TRANSLATE_NOOP
from devices.joystick.states import StickState

ZOOM_SPEED_MAX = 7  # VISCA variable zoom speeds are 0–7 on every camera
AXES_MAX = 32  # more than any stick has; a larger index is a typing error
ACTION_NAME = re.compile(r"[a-z]+(\.[A-Za-z0-9]+)+")
DEFAULT_BUTTONS = {  # SDL's gamepad layout (states.StickState)
    0: "preset.recall.1",  # a
    1: "preset.recall.2",  # b
    2: "preset.recall.3",  # x
    3: "preset.recall.4",  # y
    6: "stop.all",  # start
    9: "camera.previous",  # left shoulder
    10: "camera.next",  # right shoulder
}


class MappingError(ValueError):
    """A mapping that cannot be used; the message names the field."""


@dataclass(frozen=True)
class StickMapping:
    device: str = ""  # part of the name of the stick that drives; "" the first one connected
    pan_axis: int = 0  # gamepad: left stick across
    tilt_axis: int = 1  # gamepad: left stick up/down; pushed away tilts up
    zoom_axis: int | None = 3  # gamepad: right stick up/down; pushed away zooms in; None: no zoom
    invert_pan: bool = False
    invert_tilt: bool = False
    invert_zoom: bool = False
    dead_zone: float = 0.12  # fraction of the travel that counts as released (0 ≤ x < 0.9)
    expo: float = 0.4  # 0 linear … 1 cubic
    max_speed: float = 1.0  # fraction of the camera's top pan/tilt speed at full deflection
    zoom_max_speed: int = ZOOM_SPEED_MAX
    hat: int | None = 0  # the hat (a gamepad's d-pad) that pans and tilts; None: none
    hat_speed: float = 0.5  # fraction of the top speed, when the console gives no current speed
    buttons: Mapping[int, str] = field(default_factory=lambda: dict(DEFAULT_BUTTONS))

    def to_dict(self) -> dict[str, Any]:
        """Plain data for a JSON or INI-backed store; button numbers become strings (JSON keys)."""
        data = asdict(self)
        data["buttons"] = {str(button): action for button, action in sorted(self.buttons.items())}
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], actions: Collection[str] | None = None) -> StickMapping:
        """The mapping saved by ``to_dict``; missing fields take their defaults. ``actions``: the
        names a button may have (the hotkeys' actions), or None for any well-formed name.
        Raises ``MappingError`` naming the first bad field."""
        known = {f.name for f in fields(cls)}
        for key in data:
            if key not in known:
                raise _error(str(key), QT_TRANSLATE_NOOP("Joystick", "not a joystick setting"))
        values = {**asdict(cls()), **data}
        return cls(
            device=_text(values, "device"),
            pan_axis=_index(values, "pan_axis"),
            tilt_axis=_index(values, "tilt_axis"),
            zoom_axis=_index(values, "zoom_axis", optional=True),
            invert_pan=_flag(values, "invert_pan"),
            invert_tilt=_flag(values, "invert_tilt"),
            invert_zoom=_flag(values, "invert_zoom"),
            dead_zone=_fraction(values, "dead_zone", 0.0, 0.9, top_included=False),
            expo=_fraction(values, "expo", 0.0, 1.0),
            max_speed=_fraction(values, "max_speed", 0.01, 1.0),
            zoom_max_speed=_whole(values, "zoom_max_speed", 0, ZOOM_SPEED_MAX),
            hat=_index(values, "hat", optional=True),
            hat_speed=_fraction(values, "hat_speed", 0.01, 1.0),
            buttons=_buttons(values["buttons"], actions),
        )


@dataclass(frozen=True)
class Drive:
    """Signed pan/tilt speeds (pan > 0 right, tilt > 0 up) and zoom (direction > 0 in, speed 0–7)."""

    pan: int = 0
    tilt: int = 0
    zoom: int = 0
    zoom_speed: int = 0

    @property
    def moves(self) -> bool:
        return bool(self.pan or self.tilt)

    @property
    def zooms(self) -> bool:
        return self.zoom != 0


STILL = Drive()


def shaped(value: float, dead_zone: float, expo: float) -> float:
    """``value`` (−1…1) past the dead zone, rescaled to 0…1 and curved; 0.0 inside the dead zone."""
    magnitude = min(abs(value), 1.0)
    if magnitude <= dead_zone:
        return 0.0
    m = (magnitude - dead_zone) / (1.0 - dead_zone)
    return math.copysign((1.0 - expo) * m + expo * m**3, value)


def axis_speed(value: float, mapping: StickMapping, top: int) -> int:
    """A signed speed 1…``top`` × max_speed proportional to the deflection, 0 in the dead zone;
    never 0 once past it (the slowest speed), never beyond the camera's ``top``."""
    if min(abs(value), 1.0) <= mapping.dead_zone:
        return 0
    curved = shaped(value, mapping.dead_zone, mapping.expo)  # may underflow to 0.0 just past the zone
    ceiling = max(1, round(mapping.max_speed * top))
    speed = min(ceiling, max(1, math.ceil(abs(curved) * ceiling - 1e-9)))
    return int(math.copysign(speed, value))


def zoom_speed(value: float, mapping: StickMapping) -> tuple[int, int]:
    """(direction, speed 0…zoom_max_speed) for the zoom axis value."""
    if min(abs(value), 1.0) <= mapping.dead_zone:
        return 0, 0
    curved = shaped(value, mapping.dead_zone, mapping.expo)
    top = mapping.zoom_max_speed
    return (1 if value > 0 else -1), min(top, int(abs(curved) * (top + 1)))


def drive_for(
    state: StickState, mapping: StickMapping, pan_top: int, tilt_top: int, hat_speed: int | None = None
) -> Drive:
    """What ``state`` asks of a camera whose top speeds are ``pan_top``/``tilt_top``. The stick wins
    over the hat; the hat moves at ``hat_speed`` (the console's current speed), else at the
    mapping's ``hat_speed`` fraction of the top speed."""
    pan = axis_speed(_axis(state, mapping.pan_axis, mapping.invert_pan), mapping, pan_top)
    tilt = axis_speed(-_axis(state, mapping.tilt_axis, mapping.invert_tilt), mapping, tilt_top)
    zoom, speed = (
        (0, 0)
        if mapping.zoom_axis is None
        else zoom_speed(-_axis(state, mapping.zoom_axis, mapping.invert_zoom), mapping)
    )
    if not (pan or tilt) and mapping.hat is not None and mapping.hat < len(state.hats):
        x, y = state.hats[mapping.hat]
        step = hat_speed if hat_speed is not None else round(mapping.hat_speed * pan_top)
        step = max(1, min(step, pan_top))
        pan, tilt = x * step, y * min(step, tilt_top)
    return Drive(pan, tilt, zoom, speed)


def at_rest(state: StickState, mapping: StickMapping) -> bool:
    """Every axis the mapping uses inside the dead zone, its hat centred."""
    axes = (mapping.pan_axis, mapping.tilt_axis, mapping.zoom_axis)
    hat = mapping.hat is not None and mapping.hat < len(state.hats) and state.hats[mapping.hat] != (0, 0)
    return not hat and all(
        abs(_axis(state, axis, False)) <= mapping.dead_zone for axis in axes if axis is not None
    )


def pressed_actions(before: StickState | None, after: StickState, mapping: StickMapping) -> list[str]:
    """The actions of the buttons that went down between two polls, in button order."""
    return [
        action
        for button, action in sorted(mapping.buttons.items())
        if button < len(after.buttons)
        and after.buttons[button]
        and not (before is not None and button < len(before.buttons) and before.buttons[button])
    ]


def _axis(state: StickState, index: int, invert: bool) -> float:
    value = state.axes[index] if index < len(state.axes) else 0.0
    return -value if invert else value


def _error(name: str, problem: str) -> MappingError:
    return MappingError(
        QT_TRANSLATE_NOOP("Joystick", "joystick setting {field}: {problem}").format(
            field=name, problem=problem
        )
    )


def _text(values: Mapping[str, Any], name: str) -> str:
    if not isinstance(values[name], str):
        raise _error(name, QT_TRANSLATE_NOOP("Joystick", "must be text"))
    return values[name]


def _flag(values: Mapping[str, Any], name: str) -> bool:
    if not isinstance(values[name], bool):
        raise _error(name, QT_TRANSLATE_NOOP("Joystick", "must be true or false"))
    return values[name]


def _whole(values: Mapping[str, Any], name: str, low: int, high: int) -> int:
    value = values[name]
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _error(
            name,
            QT_TRANSLATE_NOOP("Joystick", "must be a whole number {low}–{high}, not {value}").format(
                low=low, high=high, value=value
            ),
        )
    return value


def _index(values: Mapping[str, Any], name: str, optional: bool = False) -> Any:
    if optional and values[name] is None:
        return None
    return _whole(values, name, 0, AXES_MAX - 1)


def _fraction(
    values: Mapping[str, Any], name: str, low: float, high: float, top_included: bool = True
) -> float:
    value = values[name]
    number = isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
    if not number or not (low <= value <= high if top_included else low <= value < high):
        raise _error(
            name,
            QT_TRANSLATE_NOOP("Joystick", "must be a number from {low} to {high}, not {value}").format(
                low=low, high=high, value=value
            ),
        )
    return float(value)


def _buttons(value: Any, actions: Collection[str] | None) -> dict[int, str]:
    if not isinstance(value, Mapping):
        raise _error("buttons", QT_TRANSLATE_NOOP("Joystick", "must map button numbers to actions"))
    buttons = {}
    for key, action in value.items():
        name = f"buttons.{key}"
        number = int(key) if isinstance(key, str) and key.isdigit() else key
        buttons[_whole({name: number}, name, 0, 255)] = action
        if not isinstance(action, str) or not ACTION_NAME.fullmatch(action):
            raise _error(
                name, QT_TRANSLATE_NOOP("Joystick", "{value} is not an action name").format(value=action)
            )
        if actions is not None and action not in actions:
            raise _error(
                name, QT_TRANSLATE_NOOP("Joystick", "no action is called {value}").format(value=action)
            )
    return buttons
