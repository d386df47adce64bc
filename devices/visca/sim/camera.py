"""The simulated camera's settings and the actions its commands start
(docs/protocols/visca.md "Commands the console and the simulator use").

Every action returns the axes whose arrival completes the command; an empty set means the
command completes at once (drives and stops: the motion goes on until a stop or a limit).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from devices.visca.profiles import CameraProfile
from devices.visca.sim.motion import (
    ALL_AXES,
    FOCUS,
    LENS_SPEED_MAX,
    PAN,
    PAN_TILT,
    TILT,
    ZOOM,
    Clock,
    Mechanics,
)

NOTHING: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Preset:
    pan: int
    tilt: int
    zoom: int
    focus: int


class VirtualCamera:
    def __init__(self, profile: CameraProfile, clock: Clock) -> None:
        self.profile = profile
        self.mechanics = Mechanics(profile, clock)
        self.power = True
        self.autofocus = True
        self.presets: dict[int, Preset] = {}
        self.preset_speeds: dict[int, int] = {}
        self.recall_speed = profile.preset_speed_max
        self.last_preset: int | None = None
        self.camera_id = 0
        self.tally = False
        self.presets_changed: Callable[[], None] = lambda: None  # what keeps them across restarts

    def power_up(self) -> None:
        """Come back from a power cut: axes at rest where they stopped, settings kept."""
        self.mechanics.halt(ALL_AXES)
        self.power = True

    def set_power(self, on: bool) -> frozenset[str]:
        if not on:
            self.mechanics.halt(ALL_AXES)
        self.power = on
        return NOTHING

    def set_autofocus(self, on: bool | None) -> frozenset[str]:
        """``None`` toggles."""
        self.autofocus = not self.autofocus if on is None else on
        if self.autofocus:
            self.mechanics.halt((FOCUS,))
        return NOTHING

    def set_tally(self, on: bool) -> frozenset[str]:
        self.tally = on
        return NOTHING

    def set_camera_id(self, value: int) -> frozenset[str]:
        self.camera_id = value
        return NOTHING

    def accept(self) -> frozenset[str]:
        """A valid command with no effect on the simulated picture (AF sensitivity, digital zoom …)."""
        return NOTHING

    # --- pan-tilt ---------------------------------------------------------------------------

    def drive_pan_tilt(self, pan_dir: int, tilt_dir: int, pan_speed: int, tilt_speed: int) -> frozenset[str]:
        m = self.mechanics
        m.drive(PAN, pan_dir, m.pan_rate(pan_speed))
        m.drive(TILT, tilt_dir, m.tilt_rate(tilt_speed))
        return NOTHING

    def move_pan_tilt(self, pan: int, tilt: int, pan_speed: int, tilt_speed: int | None) -> frozenset[str]:
        """``tilt_speed`` None: single-speed layout, ``pan_speed`` sets both axes."""
        m = self.mechanics
        tilt_rate = (
            m.tilt_rate(pan_speed, self.profile.pan_speed_max)
            if tilt_speed is None
            else m.tilt_rate(tilt_speed)
        )
        m.go(PAN, [pan], m.pan_rate(pan_speed))
        m.go(TILT, [tilt], tilt_rate)
        return PAN_TILT

    def move_pan_tilt_by(self, pan: int, tilt: int, pan_speed: int, tilt_speed: int | None) -> frozenset[str]:
        m = self.mechanics
        return self.move_pan_tilt(m.position(PAN) + pan, m.position(TILT) + tilt, pan_speed, tilt_speed)

    def home(self) -> frozenset[str]:
        return self.move_pan_tilt(0, 0, self.profile.pan_speed_max, self.profile.tilt_speed_max)

    def reset_pan_tilt(self) -> frozenset[str]:
        """Re-initialise: run to the lower limits, then come back to where the head was."""
        m, p = self.mechanics, self.profile
        pan, tilt = m.position(PAN), m.position(TILT)
        m.go(PAN, [m.axes[PAN].low, pan], m.pan_rate(p.pan_speed_max))
        m.go(TILT, [m.axes[TILT].low, tilt], m.tilt_rate(p.tilt_speed_max))
        return PAN_TILT

    def set_pan_tilt_limit(self, upper_right: bool, pan: int | None, tilt: int | None) -> frozenset[str]:
        self.mechanics.set_pan_tilt_limit(upper_right, pan, tilt)
        return NOTHING

    # --- lens -------------------------------------------------------------------------------

    def drive_lens(self, axis: str, direction: int, speed: int) -> frozenset[str]:
        m = self.mechanics
        m.drive(axis, direction, m.lens_rate(axis, speed))
        return NOTHING

    def move_lens(self, targets: dict[str, int]) -> frozenset[str]:
        m = self.mechanics
        for axis, target in targets.items():
            m.go(axis, [target], m.lens_rate(axis, LENS_SPEED_MAX))
        return frozenset(targets)

    # --- presets ----------------------------------------------------------------------------

    def store_preset(self, number: int) -> frozenset[str]:
        m = self.mechanics
        self.presets[number] = Preset(m.position(PAN), m.position(TILT), m.position(ZOOM), m.position(FOCUS))
        self.presets_changed()
        return NOTHING

    def store_preset_at(self, number: int, pan: int, tilt: int, zoom: int) -> None:
        """A preset as if the head had been driven there and saved (focus where it is now)."""
        self.presets[number] = Preset(pan, tilt, zoom, self.mechanics.position(FOCUS))
        self.presets_changed()

    def clear_preset(self, number: int) -> frozenset[str]:
        self.presets.pop(number, None)
        self.presets_changed()
        return NOTHING

    def set_preset_speed(self, number: int | None, speed: int) -> frozenset[str]:
        """``number`` None: the PTZOptics global recall speed."""
        if number is None:
            self.recall_speed = speed
        else:
            self.preset_speeds[number] = speed
        self.presets_changed()
        return NOTHING

    def recall_preset(self, number: int) -> frozenset[str]:
        """An empty preset completes at once without moving."""
        self.last_preset = number
        preset = self.presets.get(number)
        if preset is None:
            return NOTHING
        m = self.mechanics
        speed = self.preset_speeds.get(number, self.recall_speed)
        top = self.profile.preset_speed_max
        m.go(PAN, [preset.pan], m.pan_rate(speed, top))
        m.go(TILT, [preset.tilt], m.tilt_rate(speed, top))
        return PAN_TILT | self.move_lens({ZOOM: preset.zoom, FOCUS: preset.focus})

    def snapshot(self) -> dict[str, Any]:
        m = self.mechanics
        return {
            "power": self.power,
            "pan": m.position(PAN),
            "tilt": m.position(TILT),
            "zoom": m.position(ZOOM),
            "focus": m.position(FOCUS),
            "focus_mode": "auto" if self.autofocus else "manual",
            "last_preset": self.last_preset,
            "tally": self.tally,
            "moving": m.moving(),
            "presets": {number: asdict(preset) for number, preset in sorted(self.presets.items())},
        }
