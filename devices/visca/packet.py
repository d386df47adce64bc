"""A VISCA packet: a message framed with its header and FF, the kind of a message, its nibble fields
(docs/protocols/visca.md "Nibble fields and signed positions"), and the range check every builder of
codec.py makes before it builds anything (``ViscaParameterError``).

A message is a packet without its header byte and without the FF terminator; `frame` adds both.
"""

from __future__ import annotations

import enum

from common.wording import QT_TRANSLATE_NOOP
from devices.visca.profiles import CameraProfile

BROADCAST = 8
TERMINATOR = 0xFF

IF_CLEAR = b"\x01\x00\x01"
VERSION_INQUIRY = b"\x09\x00\x02"


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
    check_int("camera address", address, 1, BROADCAST)
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
    if message in (IF_CLEAR, VERSION_INQUIRY):
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
    check_int("value", value, 0, 16**count - 1)
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
    check_int("value", value, -half, half - 1)
    return nibbles(value & (2 * half - 1), count)


def from_signed_nibbles(data: bytes) -> int:
    value = from_nibbles(data)
    bits = 4 * len(data)
    return value - (1 << bits) if bits and value >> (bits - 1) else value


# --- validation -----------------------------------------------------------------------------------
def check_int(name: str, value: int, low: int, high: int, profile: CameraProfile | None = None) -> None:
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
