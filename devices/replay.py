"""Reading a capture (docs/captures.md) and the script a replaying device answers from.

``load(path)`` checks the file line by line (``CaptureError`` names the line and what is wrong).
A ``Script`` holds the replies that followed each request in the capture, with their delays after
it; a request asked again gets the next recorded answer, round and round. How replies are paired
with requests depends on the protocol: wall devices answer one command at a time, so a reply
belongs to the request before it (``pair_in_order``); VISCA pairs by sequence number or socket
(``devices/visca/sim/replay.py``).
"""

from __future__ import annotations

import asyncio
import collections
import itertools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devices.capture import FORMAT, MASK

Replies = list[tuple[float, bytes]]  # (seconds after the request, bytes to send)


class CaptureError(ValueError):
    pass


@dataclass(frozen=True)
class Frame:
    t: float
    direction: str  # "tx": to the device, "rx": from it
    data: bytes
    masked: bool = False


@dataclass
class Capture:
    path: Path
    header: dict[str, Any]
    frames: list[Frame]
    ups: list[float]  # times the link came up
    end: dict[str, Any] | None  # how the recorded command ended (exit, output, error)

    @property
    def kind(self) -> str:
        return self.header["kind"]

    @property
    def protocol(self) -> str:
        return self.header["protocol"]

    @property
    def family(self) -> str:
        return self.protocol.split("+", 1)[0]


def load(path: str | Path) -> Capture:
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CaptureError(f"{path}: cannot be read ({getattr(exc, 'strerror', None) or exc})") from None
    header: dict[str, Any] | None = None
    frames: list[Frame] = []
    ups: list[float] = []
    end = None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path.name} line {number}"
        try:
            record = json.loads(line)
        except ValueError as exc:
            raise CaptureError(f"{where}: not JSON ({exc})") from None
        if not isinstance(record, dict):
            raise CaptureError(f"{where}: a record is a JSON object")
        if header is None:
            header = _header(record, where)
        elif "dir" in record:
            frames.append(_frame(record, where))
        elif record.get("event") == "up":
            ups.append(_time(record, where))
        elif record.get("event") == "end":
            end = record
        elif "comment" not in record and "event" not in record:
            raise CaptureError(f"{where}: neither a frame (dir, hex) nor an event nor a comment")
    if header is None:
        raise CaptureError(f"{path.name}: empty; a capture starts with its header")
    return Capture(path, header, frames, ups, end)


def _header(record: dict, where: str) -> dict:
    if record.get("capture") != FORMAT:
        raise CaptureError(f'{where}: the first line must be the header, with "capture": {FORMAT}')
    for key in ("kind", "protocol", "source"):
        if not isinstance(record.get(key), str) or not record[key]:
            raise CaptureError(f"{where}: the header needs {key!r}")
    if record["kind"] not in ("camera", "wall", "probe"):
        raise CaptureError(f"{where}: kind must be camera, wall or probe, not {record['kind']!r}")
    return record


def _frame(record: dict, where: str) -> Frame:
    direction = record["dir"]
    if direction not in ("tx", "rx"):
        raise CaptureError(f"{where}: dir must be tx or rx, not {direction!r}")
    data = None
    if "hex" in record:
        try:
            data = bytes.fromhex(str(record["hex"]))
        except ValueError:
            raise CaptureError(f"{where}: hex {record['hex']!r} is not pairs of hex digits") from None
    if "text" in record:
        text = str(record["text"]).encode("latin-1", "replace")
        if data is not None and text != data:
            raise CaptureError(f"{where}: text and hex differ")
        data = text
    if data is None:
        raise CaptureError(f"{where}: a frame needs hex (or text)")
    return Frame(_time(record, where), direction, data, bool(record.get("masked")))


def _time(record: dict, where: str) -> float:
    t = record.get("t")
    if isinstance(t, bool) or not isinstance(t, (int, float)) or t < 0:
        raise CaptureError(f"{where}: t must be the seconds since the capture began")
    return float(t)


# --- the script -----------------------------------------------------------------------------------


@dataclass
class Exchange:
    request: bytes
    t: float
    replies: Replies = field(default_factory=list)
    masked: bool = False

    def add(self, t: float, data: bytes) -> None:
        self.replies.append((max(0.0, t - self.t), data))


class Script:
    """Requests and what answered them, in capture order; ``greeting``: what came unasked on connecting."""

    def __init__(self) -> None:
        self.greeting: Replies = []
        self._answers: dict[bytes, list[Exchange]] = {}
        self._masked: list[Exchange] = []
        self._turns: dict[bytes, Iterator[Exchange]] = {}

    def add(self, exchange: Exchange) -> Exchange:
        (self._masked if exchange.masked else self._answers.setdefault(exchange.request, [])).append(exchange)
        return exchange

    @property
    def requests(self) -> list[bytes]:
        return list(self._answers)

    def replies(self) -> list[bytes]:
        """Everything the device said in the capture, in no particular order."""
        exchanges = [*self._masked, *(e for answers in self._answers.values() for e in answers)]
        return [data for _delay, data in self.greeting] + [
            data for e in exchanges for _delay, data in e.replies
        ]

    def answer(self, request: bytes) -> Exchange | None:
        """The next recorded answer to ``request``, cycling; None when the capture never saw it."""
        if request not in self._answers:
            return None
        if request not in self._turns:
            self._turns[request] = itertools.cycle(self._answers[request])
        return next(self._turns[request])

    def masked_match(self, data: bytes) -> tuple[int, Exchange] | None:
        """A masked request (a password line) that ``data`` starts with: (its length, the exchange)."""
        for exchange in self._masked:
            parts = [re.escape(part) for part in exchange.request.split(MASK)]
            match = re.match(b"[^\r\n]*".join(parts), data)
            if match is not None:
                return match.end(), exchange
        return None


class Player:
    """Sends the replies of an exchange after their recorded delays, in their order. Exchanges overlap
    as on the wire: a completion due in a second does not hold back the answer to the next inquiry."""

    def __init__(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._timers: set[asyncio.TimerHandle] = set()

    def play(self, replies: Replies, send: Callable[[bytes], None]) -> None:
        start = self._loop.time()
        waiting = collections.deque(replies)

        def due() -> None:
            while waiting and start + waiting[0][0] <= self._loop.time():
                send(waiting.popleft()[1])
            if waiting:
                self._after(start + waiting[0][0] - self._loop.time(), due)

        due()

    def _after(self, delay: float, action: Callable[[], None]) -> None:
        def fire() -> None:
            self._timers.discard(handle)
            action()

        handle = self._loop.call_later(delay, fire)
        self._timers.add(handle)

    def clear(self) -> None:
        for handle in self._timers:
            handle.cancel()
        self._timers.clear()


def pair_in_order(capture: Capture) -> Script:
    """One exchange at a time: every reply belongs to the request sent last on the same connection."""
    script = Script()
    current: Exchange | None = None
    connection_start, asked = 0.0, False
    ups = iter([*capture.ups, float("inf")])
    next_up = next(ups)
    for frame in capture.frames:
        while frame.t >= next_up:  # a new connection: nothing pending carries over
            connection_start, current, next_up = next_up, None, next(ups)
        if frame.direction == "tx":
            current, asked = script.add(Exchange(frame.data, frame.t, masked=frame.masked)), True
        elif current is not None:
            current.add(frame.t, frame.data)
        elif not asked:
            script.greeting.append((max(0.0, frame.t - connection_start), frame.data))
    return script
