"""Replies from cameras: classification of one packet and a streaming parser (docs/visca-protocol.md §2.2, §3.1).

`ReplyParser.feed` never raises. It frames on FF, drops bytes before a header byte (0x80–0xFE) and
restarts a frame when a reply header turns up inside it, so a packet that lost its FF costs only
itself. Frames are bounded: anything longer than MAX_FRAME bytes is dropped.
"""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass

MAX_FRAME = 24
TERMINATOR = 0xFF
BROADCAST_HEADER = 0x88

ERROR_NAMES = {
    0x01: "message length error",
    0x02: "syntax error",
    0x03: "command buffer full",
    0x04: "command canceled",
    0x05: "no socket",
    0x41: "not executable",
}

# Headers a camera (or the ring) sends: 80 (seen on some cameras), 88 (broadcast), 90..F0.
# Data bytes are nibbles or ≤ 7F (§1.1), so one of these inside a frame means a new packet began.
_REPLY_HEADERS = bytes([0x80, BROADCAST_HEADER, *range(0x90, 0x100, 0x10)])
_SIGNIFICANT = re.compile(b"[" + re.escape(_REPLY_HEADERS + bytes((TERMINATOR,))) + b"]")
_ANY_HEADER = re.compile(b"[\x80-\xfe]")


class ReplyKind(enum.Enum):
    ACK = "ack"
    COMPLETION = "completion"
    ANSWER = "answer"
    ERROR = "error"
    NETWORK_CHANGE = "network change"
    ADDRESS_SET = "address set"
    IF_CLEAR_ECHO = "IF_Clear echo"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Reply:
    kind: ReplyKind
    address: int
    socket: int
    data: bytes
    error: int | None
    raw: bytes

    @property
    def error_name(self) -> str | None:
        if self.error is None:
            return None
        return ERROR_NAMES.get(self.error, f"error 0x{self.error:02x}")

    @property
    def cameras(self) -> int | None:
        """Number of cameras on the chain, from an Address Set reply `88 30 0w FF` (w − 1)."""
        return self.data[0] - 1 if self.kind is ReplyKind.ADDRESS_SET else None


def parse_reply(packet: bytes) -> Reply:
    """Classify one complete packet (header … FF); anything unrecognised is UNKNOWN."""
    packet = bytes(packet)
    header = packet[0] if packet else 0
    address = (header >> 4) - 8 if header >= 0x90 else 0

    def reply(kind: ReplyKind, socket: int = 0, data: bytes = b"", error: int | None = None) -> Reply:
        return Reply(kind, address, socket, data, error, packet)

    if len(packet) < 3 or header < 0x80 or packet[-1] != TERMINATOR:
        return reply(ReplyKind.UNKNOWN)
    body = packet[1:-1]
    if body == b"\x38":
        return reply(ReplyKind.NETWORK_CHANGE)
    if header == BROADCAST_HEADER:
        if body == b"\x01\x00\x01":
            return reply(ReplyKind.IF_CLEAR_ECHO)
        if len(body) == 2 and body[0] == 0x30 and 0x01 <= body[1] <= 0x0F:
            return reply(ReplyKind.ADDRESS_SET, data=body[1:])
        return reply(ReplyKind.UNKNOWN)
    if header & 0x0F:
        return reply(ReplyKind.UNKNOWN)
    kind, socket = body[0] >> 4, body[0] & 0x0F
    if kind == 0x4 and len(body) == 1:
        return reply(ReplyKind.ACK, socket)
    if kind == 0x5 and len(body) == 1:
        return reply(ReplyKind.COMPLETION, socket)
    if body[0] == 0x50:
        return reply(ReplyKind.ANSWER, data=body[1:])
    if kind == 0x6 and len(body) == 2:
        return reply(ReplyKind.ERROR, socket, error=body[1])
    return reply(ReplyKind.UNKNOWN)


class ReplyParser:
    """Turns a byte stream (any chunking) into replies."""

    def __init__(self) -> None:
        self._frame = bytearray()
        self._discarding = False

    @property
    def pending(self) -> int:
        """Bytes held for an unfinished frame (never more than MAX_FRAME)."""
        return len(self._frame)

    def feed(self, data: bytes) -> list[Reply]:
        data = bytes(data)
        replies: list[Reply] = []
        position = 0
        for match in _SIGNIFICANT.finditer(data):
            self._take_plain(data[position:match.start()])
            byte = data[match.start()]
            if byte == TERMINATOR:
                if self._frame and not self._discarding:
                    self._frame.append(byte)
                    replies.append(parse_reply(bytes(self._frame)))
                self._frame.clear()
                self._discarding = False
            else:
                self._frame[:] = bytes((byte,))
                self._discarding = False
            position = match.end()
        self._take_plain(data[position:])
        return replies

    def _take_plain(self, chunk: bytes) -> None:
        """Bytes that are neither FF nor a reply header."""
        if not chunk or self._discarding:
            return
        if not self._frame:
            start = _ANY_HEADER.search(chunk)
            if start is None:
                return
            chunk = chunk[start.start():]
        self._frame += chunk
        # Keep room for the FF: a complete frame is at most MAX_FRAME bytes.
        if len(self._frame) >= MAX_FRAME:
            self._frame.clear()
            self._discarding = True
