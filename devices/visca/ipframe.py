"""Sony VISCA-over-IP datagrams: the 8-byte header (docs/protocols/visca.md
"The 8-byte header and payload types", "RESET and error notices").

offset 0: payload type (2 bytes, big-endian), 2: payload length (2), 4: sequence number (4), 8: payload.
"""

from __future__ import annotations

import enum
import struct
from dataclasses import dataclass

HEADER = struct.Struct(">HHI")
MAX_PAYLOAD = 16
SEQ_MAX = 0xFFFFFFFF


class PayloadType(enum.IntEnum):
    COMMAND = 0x0100
    INQUIRY = 0x0110
    REPLY = 0x0111
    DEVICE_SETTING = 0x0120
    CONTROL = 0x0200
    CONTROL_REPLY = 0x0201


RESET_PAYLOAD = b"\x01"
SEQ_ERROR_PAYLOAD = b"\x0f\x01"
TYPE_ERROR_PAYLOAD = b"\x0f\x02"


@dataclass(frozen=True)
class Datagram:
    payload_type: int
    seq: int
    payload: bytes

    @property
    def is_reset(self) -> bool:
        return self.payload_type == PayloadType.CONTROL and self.payload == RESET_PAYLOAD

    @property
    def is_reset_ack(self) -> bool:
        return self.payload_type == PayloadType.CONTROL_REPLY and self.payload == RESET_PAYLOAD

    @property
    def error_notice(self) -> bytes | None:
        """``0F 01`` / ``0F 02`` notices; accepted under both control types
        (docs/protocols/visca.md "RESET and error notices")."""
        if (
            self.payload_type in (PayloadType.CONTROL, PayloadType.CONTROL_REPLY)
            and len(self.payload) == 2
            and self.payload[0] == 0x0F
        ):
            return self.payload
        return None


def pack(payload_type: int, seq: int, payload: bytes) -> bytes:
    if not 1 <= len(payload) <= MAX_PAYLOAD:
        raise ValueError(f"VISCA-over-IP payload must be 1–{MAX_PAYLOAD} bytes, got {len(payload)}")
    return HEADER.pack(payload_type, len(payload), seq & SEQ_MAX) + payload


def unpack(datagram: bytes) -> Datagram | None:
    """Parse one datagram; ``None`` for anything malformed (never raises)."""
    if len(datagram) < HEADER.size + 1:
        return None
    payload_type, length, seq = HEADER.unpack_from(datagram)
    payload = datagram[HEADER.size :]
    if length != len(payload) or payload_type not in PayloadType._value2member_map_:
        return None
    return Datagram(payload_type, seq, bytes(payload))


def reset(seq: int = 0) -> bytes:
    return pack(PayloadType.CONTROL, seq, RESET_PAYLOAD)
