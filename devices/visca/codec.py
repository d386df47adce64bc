"""VISCA command and inquiry messages (docs/protocols/visca.md "Commands the console and the simulator use",
"Address Set, IF_Clear, Network Change", "Cancel"; the sections below name their headings there).

A message is a packet without its header byte and without the FF terminator; `frame` adds both.
Every builder validates its parameters and raises `ViscaParameterError` before building anything.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from common.wording import QT_TRANSLATE_NOOP
from devices.visca.profiles import CameraProfile

BROADCAST = 8
TERMINATOR = 0xFF

_IF_CLEAR = b"\x01\x00\x01"
_VERSION_INQUIRY = b"\x09\x00\x02"
_ADDRESS_SET = b"\x30\x01"

# Pan-tilt drive direction bytes ("Pan-tilt drive").
_LEFT, _RIGHT, _UP, _DOWN, _STOP = 0x01, 0x02, 0x01, 0x02, 0x03
# A stopped axis still carries a speed byte; 01 is inside every documented range.
_STOPPED_AXIS_SPEED = 0x01


class ViscaParameterError(ValueError):
    """A command parameter is outside what the camera accepts."""


class MessageKind(enum.Enum):
    COMMAND = "command"
    INQUIRY = "inquiry"
    DEVICE_SETTING = "device setting"
    CANCEL = "cancel"
    ADDRESS_SET = "address set"


_KIND_BY_FIRST_BYTE = {
    0x01: MessageKind.COMMAND,
    0x09: MessageKind.INQUIRY,
    0x21: MessageKind.CANCEL,
    0x22: MessageKind.CANCEL,
    0x30: MessageKind.ADDRESS_SET,
}


def frame(address: int, message: bytes) -> bytes:
    """Header `8x` (address 1–7, 8 = broadcast `88`) + message + FF."""
    _check_int("camera address", address, 1, BROADCAST)
    if not message or TERMINATOR in message:
        raise ViscaParameterError(
            QT_TRANSLATE_NOOP("Camera", "cannot frame message {message}: empty or contains FF").format(
                message=repr(message.hex(" "))
            )
        )
    if message.startswith(b"\x30") and address != BROADCAST:
        raise ViscaParameterError(
            QT_TRANSLATE_NOOP("Camera", "Address Set is always sent to the broadcast address 8")
        )
    return bytes((0x80 | address,)) + message + bytes((TERMINATOR,))


def message_kind(message: bytes) -> MessageKind:
    """Kind of an unframed message; device-setting messages go with VISCA-over-IP type 0x0120
    ("The 8-byte header and payload types")."""
    if message in (_IF_CLEAR, _VERSION_INQUIRY):
        return MessageKind.DEVICE_SETTING
    kind = _KIND_BY_FIRST_BYTE.get(message[0]) if message else None
    if kind is None:
        raise ViscaParameterError(
            QT_TRANSLATE_NOOP("Camera", "not a VISCA controller message: {message}").format(
                message=repr(message.hex(" "))
            )
        )
    return kind


# --- nibble fields ("Nibble fields and signed positions") -----------------------------------------
def nibbles(value: int, count: int) -> bytes:
    """Unsigned value as `count` nibbles, most significant first, one per byte."""
    _check_int("value", value, 0, 16**count - 1)
    return bytes((value >> (4 * i)) & 0x0F for i in reversed(range(count)))


def from_nibbles(data: bytes) -> int:
    """Inverse of `nibbles`; raises ValueError if a byte has its high nibble set."""
    value = 0
    for byte in data:
        if byte > 0x0F:
            raise ValueError(
                QT_TRANSLATE_NOOP("Camera", "byte {byte} is not a nibble (high nibble set)").format(
                    byte=f"{byte:02X}"
                )
            )
        value = (value << 4) | byte
    return value


def signed_nibbles(value: int, count: int) -> bytes:
    """Signed value as two's complement over `count` nibbles (4 = 16-bit, 5 = 20-bit)."""
    half = 1 << (4 * count - 1)
    _check_int("value", value, -half, half - 1)
    return nibbles(value & (2 * half - 1), count)


def from_signed_nibbles(data: bytes) -> int:
    value = from_nibbles(data)
    bits = 4 * len(data)
    return value - (1 << bits) if bits and value >> (bits - 1) else value


# --- validation -----------------------------------------------------------------------------------
def _check_int(name: str, value: int, low: int, high: int, profile: CameraProfile | None = None) -> None:
    """``name`` is what the number is, as the message says it (a Phrase where operators see it)."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise ViscaParameterError(
            QT_TRANSLATE_NOOP("Camera", "{name} must be a whole number, got {value}").format(
                name=name, value=repr(value)
            )
        )
    if not low <= value <= high:
        values = {"name": name, "value": value, "lowest": low, "highest": high}
        if profile is None:
            raise ViscaParameterError(
                QT_TRANSLATE_NOOP("Camera", "{name} {value} is out of range {lowest}–{highest}").format(
                    **values
                )
            )
        raise ViscaParameterError(
            QT_TRANSLATE_NOOP(
                "Camera", "{name} {value} is out of range {lowest}–{highest} for {camera}"
            ).format(camera=profile.label, **values)
        )


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
    _check_int(QT_TRANSLATE_NOOP("Camera", "preset"), n, profile.preset_min, profile.preset_max, profile)
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
    _check_int(name, speed, 0, 7)
    return bytes((variable | speed,))


# --- power, interface ("Power, interface, identity", "Address Set, IF_Clear, Network Change", "Cancel")
def power(on: bool) -> bytes:
    return b"\x01\x04\x00" + (b"\x02" if on else b"\x03")


def if_clear() -> bytes:
    return _IF_CLEAR


def address_set() -> bytes:
    return _ADDRESS_SET


def cancel(socket: int) -> bytes:
    _check_int("socket", socket, 1, 2)
    return bytes((0x20 | socket,))


def version_inquiry() -> bytes:
    return _VERSION_INQUIRY


# --- zoom ("Zoom") --------------------------------------------------------------------------------
def zoom_stop() -> bytes:
    return b"\x01\x04\x07\x00"


def zoom_tele(speed: int | None = None) -> bytes:
    return b"\x01\x04\x07" + _variable_speed(QT_TRANSLATE_NOOP("Camera", "zoom speed"), speed, 0x02, 0x20)


def zoom_wide(speed: int | None = None) -> bytes:
    return b"\x01\x04\x07" + _variable_speed(QT_TRANSLATE_NOOP("Camera", "zoom speed"), speed, 0x03, 0x30)


def zoom_direct(position: int, profile: CameraProfile) -> bytes:
    _check_int(QT_TRANSLATE_NOOP("Camera", "zoom position"), position, 0, profile.zoom_max, profile)
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
    _check_int(QT_TRANSLATE_NOOP("Camera", "focus position"), position, low, high, profile)
    return b"\x01\x04\x48" + nibbles(position, 4)


# --- pan-tilt ("Pan-tilt drive", "Absolute and relative position") --------------------------------
def pan_tilt_drive(pan: int, tilt: int, profile: CameraProfile) -> bytes:
    """Signed speeds: pan < 0 left, > 0 right; tilt > 0 up, < 0 down; 0 stops that axis."""
    pan_most, tilt_most = profile.pan_speed_max, profile.tilt_speed_max
    _check_int(QT_TRANSLATE_NOOP("Camera", "pan speed"), pan, -pan_most, pan_most, profile)
    _check_int(QT_TRANSLATE_NOOP("Camera", "tilt speed"), tilt, -tilt_most, tilt_most, profile)
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
    _check_int(QT_TRANSLATE_NOOP("Camera", "pan position"), pan, profile.pan_min, profile.pan_max, profile)
    _check_int(
        QT_TRANSLATE_NOOP("Camera", "tilt position"), tilt, profile.tilt_min, profile.tilt_max, profile
    )
    return _pan_tilt_position(0x02, pan, tilt, profile, pan_speed, tilt_speed)


def pan_tilt_relative(
    pan: int, tilt: int, profile: CameraProfile, pan_speed: int | None = None, tilt_speed: int | None = None
) -> bytes:
    """Move by a signed offset; the offset must fit the profile's nibble widths."""
    pan_half = 1 << (4 * profile.pan_nibbles - 1)
    tilt_half = 1 << (4 * profile.tilt_nibbles - 1)
    _check_int(QT_TRANSLATE_NOOP("Camera", "pan offset"), pan, -pan_half, pan_half - 1, profile)
    _check_int(QT_TRANSLATE_NOOP("Camera", "tilt offset"), tilt, -tilt_half, tilt_half - 1, profile)
    return _pan_tilt_position(0x03, pan, tilt, profile, pan_speed, tilt_speed)


def _pan_tilt_position(
    code: int, pan: int, tilt: int, profile: CameraProfile, pan_speed: int | None, tilt_speed: int | None
) -> bytes:
    vv = profile.pan_speed_max if pan_speed is None else pan_speed
    ww = profile.tilt_speed_max if tilt_speed is None else tilt_speed
    _check_int(QT_TRANSLATE_NOOP("Camera", "pan speed"), vv, 1, profile.pan_speed_max, profile)
    _check_int(QT_TRANSLATE_NOOP("Camera", "tilt speed"), ww, 1, profile.tilt_speed_max, profile)
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
