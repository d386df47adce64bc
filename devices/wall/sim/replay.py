"""A wall device that answers as a capture shows (``simulate wall --replay FILE``; docs/captures.md).

``ReplayWall`` is a ``SimDevice`` for the ``WallSimulator`` listener (TCP or pseudo-terminal). On
each connection it sends what the capture shows the device saying unasked (a banner, ``Password:``)
with its delays; then each request that the capture holds, byte for byte including its line end,
gets the recorded replies after their recorded delays (a password line, masked in the capture,
matches whatever password is sent). A request the capture never saw gets the protocol's answer to
an unknown command: Kramer ``~01@CMD ERR 002`` (in the capture's sender form; ``ERR 001`` when it is
not a command at all), Extron ``E10``, LG ``a 01 NG00x``; a generic device stays silent.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from devices.endpoints import Endpoint
from devices.replay import Capture, Exchange, Player, Replies, Script, pair_in_order
from devices.wall.sim.device import MAX_LINE, Session, SimDevice

_KRAMER_COMMAND = re.compile(rb"#(?:\d+@)?\s*([A-Za-z][\w?-]*)")
_KRAMER_SENDER = re.compile(rb"~\s*(\d+)\s*@")
_LG_COMMAND = re.compile(rb"[a-z]([a-z])\s+([0-9A-Fa-f]{1,3})\s")


@dataclass(frozen=True)
class Dialect:
    ends: bytes  # a request ends after any of these bytes
    unknown: Callable[[bytes, Script], bytes | None]  # the answer to a request never captured


def _kramer_unknown(request: bytes, script: Script) -> bytes:
    """In the capture's sender form: ``~01@…`` as most units, ``~…`` where the unit leaves it out."""
    replies = [reply.strip() for reply in script.replies() if reply.strip().startswith(b"~")]
    sender = next(
        (m.group(1) + b"@" for reply in replies if (m := _KRAMER_SENDER.match(reply))),
        b"" if replies else b"01@",
    )
    command = _KRAMER_COMMAND.match(request.strip())
    error = command.group(1).upper() + b" ERR 002" if command else b"ERR 001"
    return b"~" + sender + error + b"\r\n"


def _lg_unknown(request: bytes, _script: Script) -> bytes | None:
    command = _LG_COMMAND.match(request.strip())
    if command is None or int(command.group(2), 16) == 0:
        return None  # not a command, or Set ID 0: a display answers nothing
    return command.group(1) + b" " + command.group(2).upper().rjust(2, b"0") + b" NG00x"


DIALECTS = {
    "kramer": Dialect(b"\r\n", _kramer_unknown),
    "extron": Dialect(b"\r\n!%$&.,IQN", lambda _request, _script: b"E10\r\n"),
    "lg": Dialect(b"\r", _lg_unknown),
    "generic": Dialect(b"\r\n", lambda _request, _script: None),
}


class ReplayWall(SimDevice):
    def __init__(self, endpoint: Endpoint, script: Script, dialect: Dialect) -> None:
        self.script = script
        self.dialect = dialect
        self.unknown: list[str] = []
        self._player = Player()
        super().__init__(endpoint)

    def reset(self) -> None:
        pass

    def state(self) -> dict[str, Any]:
        return {"replayed": len(self.received) - len(self.unknown), "unknown": list(self.unknown)}

    def connect(self, session: Session) -> None:
        super().connect(session)
        session.settings["pending"] = b""
        self._send(session, self.script.greeting)

    def receive(self, session: Session, data: bytes) -> None:
        pending = session.settings["pending"] + data
        while pending:
            taken = self._take(session, pending)
            if taken == 0:
                break
            pending = pending[taken:]
        session.settings["pending"] = pending[-MAX_LINE:]

    def _take(self, session: Session, data: bytes) -> int:
        """Answer the request ``data`` starts with; how many bytes it took (0: wait for more)."""
        known = [request for request in self.script.requests if data.startswith(request)]
        if known:
            request = max(known, key=len)
            return self._answer(session, request, self.script.answer(request))
        if any(request.startswith(data) for request in self.script.requests):
            return 0
        masked = self.script.masked_match(data)
        if masked is not None:
            return self._answer(session, data[: masked[0]], masked[1])
        end = next((i for i, byte in enumerate(data) if byte in self.dialect.ends), None)
        if end is None:
            return 0
        request = data[: end + 1]
        if request.strip(b"\r\n"):
            self.unknown.append(request.decode("latin-1"))
            self._answer(session, request, None)
        return end + 1

    def _answer(self, session: Session, request: bytes, exchange: Exchange | None) -> int:
        self.received.append((time.monotonic(), request.decode("latin-1").strip()))
        if exchange is not None:
            self._send(session, exchange.replies)
        elif (reply := self.dialect.unknown(request, self.script)) is not None:
            self._send(session, [(0.0, reply)])
        return len(request)

    def _send(self, session: Session, replies: Replies) -> None:
        def write(data: bytes) -> None:
            if session in self.sessions:  # not to a client gone meanwhile
                session.write(data)

        self._player.play(replies, write)

    def restart(self, reset: bool) -> None:
        self._player.clear()
        super().restart(reset)


class WallReplay:
    """The device type ``start_wall_simulator`` builds for a capture: ``WallReplay(capture)(endpoint)``."""

    options: frozenset[str] = frozenset()

    def __init__(self, capture: Capture) -> None:
        if capture.kind != "wall":
            raise ValueError(f"{capture.path.name} is a {capture.kind} capture, not a wall device's")
        if capture.family not in DIALECTS:
            raise ValueError(f"{capture.path.name}: no replay for protocol {capture.protocol!r}")
        self.protocol = capture.family
        self._script = pair_in_order(capture)

    def __call__(self, endpoint: Endpoint) -> ReplayWall:
        return ReplayWall(endpoint, self._script, DIALECTS[self.protocol])
