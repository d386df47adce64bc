"""What every simulated wall device shares: sessions, the log of received commands, restarts,
and (for matrices) routes and stored presets.

A *session* is one client: a TCP connection or the pseudo-terminal. Devices answer through
``session.write``; a device that reports changes to every client uses ``broadcast``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, ClassVar

from devices.endpoints import Endpoint

MAX_LINE = 1024  # a line without an end is dropped at this length, as a device's buffer would


class Session:
    def __init__(self, write: Callable[[bytes], None], network: bool) -> None:
        self.write = write
        self.network = network  # Telnet banner and password only on the network
        self.buffer = ""
        self.settings: dict[str, Any] = {}


class SimDevice:
    """Base of the device models; subclasses implement ``handle`` (or ``receive``) and the state."""

    options: ClassVar[frozenset[str]] = frozenset()
    line_ends = "\r\n"

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.sessions: list[Session] = []
        self.received: list[tuple[float, str]] = []  # (time.monotonic(), command) for tests
        self.reset()

    def reset(self) -> None:
        """Back to the state of a new device (routes, presets, settings)."""
        raise NotImplementedError

    def state(self) -> dict[str, Any]:
        raise NotImplementedError

    def handle(self, session: Session, command: str) -> None:
        raise NotImplementedError

    def connect(self, session: Session) -> None:
        self.sessions.append(session)

    def disconnect(self, session: Session) -> None:
        if session in self.sessions:
            self.sessions.remove(session)

    def receive(self, session: Session, data: bytes) -> None:
        """Line-based devices: each line is one command."""
        for char in data.decode("latin-1"):
            if char in self.line_ends:
                if session.buffer:
                    self.command(session, session.buffer)
                session.buffer = ""
            elif len(session.buffer) < MAX_LINE:
                session.buffer += char
            else:
                session.buffer = ""

    def command(self, session: Session, text: str) -> None:
        self.received.append((time.monotonic(), text))
        self.handle(session, text)

    def broadcast(
        self,
        data: bytes,
        *,
        besides: Session | None = None,
        wants: Callable[[Session], bool] = lambda s: True,
    ) -> None:
        for session in list(self.sessions):
            if session is not besides and wants(session):
                session.write(data)

    def restart(self, reset: bool) -> None:
        self.sessions.clear()
        if reset:
            self.reset()


class Matrix:
    """Routes and stored presets of a simulated matrix; a new one shows input n on output n."""

    def __init__(self, endpoint: Endpoint, presets: int) -> None:
        self.inputs = endpoint.int_option("inputs", 8, 1, 999)
        self.outputs = endpoint.int_option("outputs", 8, 1, 999)
        self.presets = endpoint.int_option("presets", presets, 1, 999)
        self.video = {out: out if out <= self.inputs else 0 for out in range(1, self.outputs + 1)}
        self.audio = dict(self.video)
        self.stored: dict[int, tuple[dict[int, int], dict[int, int]]] = {}
        self.last_preset: int | None = None

    def has_input(self, source: int) -> bool:
        return 0 <= source <= self.inputs  # 0: nothing, the output goes dark

    def has_output(self, output: int) -> bool:
        return 1 <= output <= self.outputs

    def has_preset(self, number: int) -> bool:
        return 1 <= number <= self.presets

    def tie(self, source: int, output: int, video: bool = True, audio: bool = True) -> None:
        if video:
            self.video[output] = source
        if audio:
            self.audio[output] = source

    def store(self, number: int) -> None:
        self.stored[number] = (dict(self.video), dict(self.audio))

    def recall(self, number: int) -> bool:
        """False for a preset never stored."""
        if number not in self.stored:
            return False
        video, audio = self.stored[number]
        self.video, self.audio, self.last_preset = dict(video), dict(audio), number
        return True

    def state(self) -> dict[str, Any]:
        return {
            "video": dict(self.video),
            "audio": dict(self.audio),
            "presets": sorted(self.stored),
            "last_preset": self.last_preset,
            "inputs": self.inputs,
            "outputs": self.outputs,
        }
