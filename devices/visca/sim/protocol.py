"""Wire details of the camera side: nibble numbers and reply packets
(docs/protocols/visca.md "Nibble fields and signed positions", "Replies and errors").

Written independently of ``devices.visca.codec`` on purpose: the simulator is used to check the driver.
"""

from __future__ import annotations

from collections.abc import Sequence

TERMINATOR = 0xFF
MAX_MESSAGE = 14  # longer messages get "message length" (z0 6s 01 FF)
NO_PRESET = 0x7F  # last-preset answer before any recall (BRC-X400 style, "Status inquiries")

ERROR_LENGTH = 0x01
ERROR_SYNTAX = 0x02
ERROR_BUFFER_FULL = 0x03
ERROR_CANCELED = 0x04
ERROR_NO_SOCKET = 0x05
ERROR_NOT_EXECUTABLE = 0x41


class NotUnderstood(Exception):
    """An unknown message or a bad parameter: answered with a syntax error (z0 60 02 FF)."""


def reply_header(address: int) -> int:
    return (address + 8) << 4


def ack(address: int, socket: int) -> bytes:
    return bytes((reply_header(address), 0x40 | socket, TERMINATOR))


def completion(address: int, socket: int) -> bytes:
    return bytes((reply_header(address), 0x50 | socket, TERMINATOR))


def answer(address: int, data: bytes) -> bytes:
    return bytes((reply_header(address), 0x50)) + data + bytes((TERMINATOR,))


def error(address: int, socket: int, code: int) -> bytes:
    return bytes((reply_header(address), 0x60 | socket, code, TERMINATOR))


def network_change(address: int) -> bytes:
    return bytes((reply_header(address), 0x38, TERMINATOR))


def unsigned_from_nibbles(data: Sequence[int]) -> int:
    value = 0
    for byte in data:
        if byte > 0x0F:
            raise NotUnderstood(f"nibble byte {byte:02X} has a high nibble")
        value = value << 4 | byte
    return value


def signed_from_nibbles(data: Sequence[int]) -> int:
    value = unsigned_from_nibbles(data)
    bits = 4 * len(data)
    return value - (1 << bits) if value >= 1 << (bits - 1) else value


def to_nibbles(value: int, count: int) -> bytes:
    """Two's complement over ``count`` nibbles for negative values, one nibble per byte."""
    value &= (1 << 4 * count) - 1
    return bytes((value >> 4 * shift) & 0x0F for shift in reversed(range(count)))
