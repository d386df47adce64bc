"""Replies from cameras: classification of one packet and a streaming parser (docs/protocols/visca.md
"Address Set, IF_Clear, Network Change", "Replies and errors"; the headings below are there).

`ReplyParser.feed` never raises. It frames on FF, drops bytes before a reply header and restarts a
frame when a reply header turns up inside it, so a packet that lost its FF costs only itself.
Frames are bounded: anything longer than MAX_FRAME bytes is dropped. The work is O(bytes) in C
(``bytes.split``) plus a constant per FF, and at most MAX_FRAME − 1 bytes are held between feeds,
so a line full of garbage costs little and never grows a buffer.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

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
# Data bytes are nibbles or ≤ 7F ("Layout and addresses"), so one of these inside a frame means a new
# packet began.
_REPLY_HEADERS = bytes([0x80, BROADCAST_HEADER, *range(0x90, 0x100, 0x10)])
_HEADER_CLASS = b"[" + re.escape(_REPLY_HEADERS) + b"]"
_LAST_HEADER = re.compile(_HEADER_CLASS + b"[^" + re.escape(_REPLY_HEADERS) + b"]*\\Z")
_FF = bytes((TERMINATOR,))


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
    took: float = field(default=0.0, compare=False)  # seconds from its first byte to its FF

    @property
    def error_name(self) -> str | None:
        return None if self.error is None else error_name(self.error)

    @property
    def cameras(self) -> int | None:
        """Number of cameras on the chain, from an Address Set reply `88 30 0w FF` (w − 1)."""
        return self.data[0] - 1 if self.kind is ReplyKind.ADDRESS_SET else None


def error_name(code: int) -> str:
    return ERROR_NAMES.get(code, f"error 0x{code:02x}")


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
        self._tail = b""  # the unterminated end of the stream, at most MAX_FRAME - 1 bytes
        self._started = 0.0  # when the frame in the tail began (``now`` of its feed)

    @property
    def pending(self) -> int:
        """Bytes held for an unfinished frame (never more than MAX_FRAME)."""
        return len(self._tail)

    def feed(self, data: bytes, now: float = 0.0) -> list[Reply]:
        """The replies completed by ``data``; ``now`` (any clock) stamps how long each took to arrive."""
        carried = len(self._tail)
        segments = (self._tail + bytes(data)).split(_FF)
        rest = segments.pop()
        replies: list[Reply] = []
        for index, segment in enumerate(segments):
            start = _frame_start(segment)
            if start is not None:
                began = self._started if index == 0 and start < carried else now
                reply = parse_reply(segment[start:] + _FF)
                replies.append(reply if began == now else _took(reply, now - began))
        held = rest[-(MAX_FRAME - 1) :]
        start = _frame_start(held)
        if start is not None and (segments or len(rest) - len(held) + start >= carried):
            self._started = now  # the unfinished frame began in this feed
        self._tail = held
        return replies


def _frame_start(segment: bytes) -> int | None:
    """Where the frame before an FF begins: its last reply header, if near enough the end to fit."""
    window = len(segment) - (MAX_FRAME - 1)
    match = _LAST_HEADER.search(segment, max(0, window))
    return match.start() if match else None


def _took(reply: Reply, seconds: float) -> Reply:
    return Reply(reply.kind, reply.address, reply.socket, reply.data, reply.error, reply.raw, seconds)
