"""VISCA command and inquiry messages (docs/protocols/visca.md "Commands the console and the simulator use",
"Address Set, IF_Clear, Network Change", "Cancel"; the sections below name their headings there).

Every builder validates its parameters and raises `ViscaParameterError` (packet.py) before building
anything; `packet.frame` adds the header and the FF.
"""

from __future__ import annotations

from collections.abc import Iterable

from common.wording import QT_TRANSLATE_NOOP
from devices.visca.packet import (
    IF_CLEAR,
    VERSION_INQUIRY,
    ViscaParameterError,
    check_int,
    nibbles,
    signed_nibbles,
)
from devices.visca.profiles import CameraProfile

_ADDRESS_SET = b"\x30\x01"

# Pan-tilt drive direction bytes ("Pan-tilt drive").
_LEFT, _RIGHT, _UP, _DOWN, _STOP = 0x01, 0x02, 0x01, 0x02, 0x03
# A stopped axis still carries a speed byte; 01 is inside every documented range.
_STOPPED_AXIS_SPEED = 0x01


def _describe_numbers(numbers: Iterable[int]) -> str:
    """`{90, 91, …, 99, 120}` -> `90–99, 120`."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(f"{a}" if a == b else f"{a}–{b}" for a, b in runs)


def validate_preset(n: int, profile: CameraProfile) -> None:
    check_int(QT_TRANSLATE_NOOP("Camera", "preset"), n, profile.preset_min, profile.preset_max, profile)
    if n in profile.preset_reserved:
        reserved = _describe_numbers(profile.preset_reserved)
        raise ViscaParameterError(
            QT_TRANSLATE_NOOP(
                "Camera", "preset {number} is reserved on {camera} (reserved: {reserved})"
            ).format(number=n, camera=profile.label, reserved=reserved)
        )


def _variable_speed(name: str, speed: int | None, standard: int, variable: int) -> bytes:
    if speed is None:
        return bytes((standard,))
    check_int(name, speed, 0, 7)
    return bytes((variable | speed,))


# --- power, interface ("Power, interface, identity", "Address Set, IF_Clear, Network Change", "Cancel")
def power(on: bool) -> bytes:
    return b"\x01\x04\x00" + (b"\x02" if on else b"\x03")


def if_clear() -> bytes:
    return IF_CLEAR


def address_set() -> bytes:
    return _ADDRESS_SET


def cancel(socket: int) -> bytes:
    check_int("socket", socket, 1, 2)
    return bytes((0x20 | socket,))


def version_inquiry() -> bytes:
    return VERSION_INQUIRY


# --- zoom ("Zoom") --------------------------------------------------------------------------------
def zoom_stop() -> bytes:
    return b"\x01\x04\x07\x00"


def zoom_tele(speed: int | None = None) -> bytes:
    return b"\x01\x04\x07" + _variable_speed(QT_TRANSLATE_NOOP("Camera", "zoom speed"), speed, 0x02, 0x20)


def zoom_wide(speed: int | None = None) -> bytes:
    return b"\x01\x04\x07" + _variable_speed(QT_TRANSLATE_NOOP("Camera", "zoom speed"), speed, 0x03, 0x30)


def zoom_direct(position: int, profile: CameraProfile) -> bytes:
    check_int(QT_TRANSLATE_NOOP("Camera", "zoom position"), position, 0, profile.zoom_max, profile)
    return b"\x01\x04\x47" + nibbles(position, 4)


# --- focus ("Focus") ------------------------------------------------------------------------------
def focus_stop() -> bytes:
    return b"\x01\x04\x08\x00"


def focus_far(speed: int | None = None) -> bytes:
    return b"\x01\x04\x08" + _variable_speed(QT_TRANSLATE_NOOP("Camera", "focus speed"), speed, 0x02, 0x20)


def focus_near(speed: int | None = None) -> bytes:
    return b"\x01\x04\x08" + _variable_speed(QT_TRANSLATE_NOOP("Camera", "focus speed"), speed, 0x03, 0x30)


def focus_auto() -> bytes:
    return b"\x01\x04\x38\x02"


def focus_manual() -> bytes:
    return b"\x01\x04\x38\x03"


def focus_toggle() -> bytes:
    return b"\x01\x04\x38\x10"


def focus_one_push() -> bytes:
    return b"\x01\x04\x18\x01"


def focus_direct(position: int, profile: CameraProfile) -> bytes:
    low, high = profile.focus_min, profile.focus_max
    check_int(QT_TRANSLATE_NOOP("Camera", "focus position"), position, low, high, profile)
    return b"\x01\x04\x48" + nibbles(position, 4)


# --- pan-tilt ("Pan-tilt drive", "Absolute and relative position") --------------------------------
def pan_tilt_drive(pan: int, tilt: int, profile: CameraProfile) -> bytes:
    """Signed speeds: pan < 0 left, > 0 right; tilt > 0 up, < 0 down; 0 stops that axis."""
    pan_most, tilt_most = profile.pan_speed_max, profile.tilt_speed_max
    check_int(QT_TRANSLATE_NOOP("Camera", "pan speed"), pan, -pan_most, pan_most, profile)
    check_int(QT_TRANSLATE_NOOP("Camera", "tilt speed"), tilt, -tilt_most, tilt_most, profile)
    pan_dir = _STOP if pan == 0 else (_RIGHT if pan > 0 else _LEFT)
    tilt_dir = _STOP if tilt == 0 else (_UP if tilt > 0 else _DOWN)
    return bytes(
        (
            0x01,
            0x06,
            0x01,
            abs(pan) or _STOPPED_AXIS_SPEED,
            abs(tilt) or _STOPPED_AXIS_SPEED,
            pan_dir,
            tilt_dir,
        )
    )


def pan_tilt_stop(profile: CameraProfile) -> bytes:
    return pan_tilt_drive(0, 0, profile)


def pan_tilt_home() -> bytes:
    return b"\x01\x06\x04"


def pan_tilt_reset() -> bytes:
    return b"\x01\x06\x05"


def pan_tilt_absolute(
    pan: int, tilt: int, profile: CameraProfile, pan_speed: int | None = None, tilt_speed: int | None = None
) -> bytes:
    """Move to a signed position. On single-speed profiles (`VV 00`) `pan_speed` drives both axes
    and `tilt_speed` is only range-checked."""
    check_int(QT_TRANSLATE_NOOP("Camera", "pan position"), pan, profile.pan_min, profile.pan_max, profile)
    check_int(QT_TRANSLATE_NOOP("Camera", "tilt position"), tilt, profile.tilt_min, profile.tilt_max, profile)
    return _pan_tilt_position(0x02, pan, tilt, profile, pan_speed, tilt_speed)


def pan_tilt_relative(
    pan: int, tilt: int, profile: CameraProfile, pan_speed: int | None = None, tilt_speed: int | None = None
) -> bytes:
    """Move by a signed offset; the offset must fit the profile's nibble widths."""
    pan_half = 1 << (4 * profile.pan_nibbles - 1)
    tilt_half = 1 << (4 * profile.tilt_nibbles - 1)
    check_int(QT_TRANSLATE_NOOP("Camera", "pan offset"), pan, -pan_half, pan_half - 1, profile)
    check_int(QT_TRANSLATE_NOOP("Camera", "tilt offset"), tilt, -tilt_half, tilt_half - 1, profile)
    return _pan_tilt_position(0x03, pan, tilt, profile, pan_speed, tilt_speed)


def _pan_tilt_position(
    code: int, pan: int, tilt: int, profile: CameraProfile, pan_speed: int | None, tilt_speed: int | None
) -> bytes:
    vv = profile.pan_speed_max if pan_speed is None else pan_speed
    ww = profile.tilt_speed_max if tilt_speed is None else tilt_speed
    check_int(QT_TRANSLATE_NOOP("Camera", "pan speed"), vv, 1, profile.pan_speed_max, profile)
    check_int(QT_TRANSLATE_NOOP("Camera", "tilt speed"), ww, 1, profile.tilt_speed_max, profile)
    speeds = bytes((vv, 0x00 if profile.single_speed else ww))
    return (
        bytes((0x01, 0x06, code))
        + speeds
        + signed_nibbles(pan, profile.pan_nibbles)
        + signed_nibbles(tilt, profile.tilt_nibbles)
    )


# --- presets ("Presets") --------------------------------------------------------------------------
def memory_reset(n: int, profile: CameraProfile) -> bytes:
    return _memory(0x00, n, profile)


def memory_set(n: int, profile: CameraProfile) -> bytes:
    return _memory(0x01, n, profile)


def memory_recall(n: int, profile: CameraProfile) -> bytes:
    return _memory(0x02, n, profile)


def _memory(action: int, n: int, profile: CameraProfile) -> bytes:
    validate_preset(n, profile)
    return bytes((0x01, 0x04, 0x3F, action, n))


# --- tally ("Tally") -------------------------------------------------------------------------------
def tally(on: bool) -> bytes:
    """The camera's (red) tally lamp on or off: ``8x 01 7E 01 0A 00 0p FF``, p = 2 on, 3 off."""
    return b"\x01\x7e\x01\x0a\x00" + (b"\x02" if on else b"\x03")


# --- inquiries ("Status inquiries") ---------------------------------------------------------------
def power_inquiry() -> bytes:
    return b"\x09\x04\x00"


def zoom_position_inquiry() -> bytes:
    return b"\x09\x04\x47"


def focus_position_inquiry() -> bytes:
    return b"\x09\x04\x48"


def focus_mode_inquiry() -> bytes:
    return b"\x09\x04\x38"


def pan_tilt_position_inquiry() -> bytes:
    return b"\x09\x06\x12"


def last_preset_inquiry() -> bytes:
    return b"\x09\x04\x3f"
