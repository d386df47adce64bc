"""What the Control API asks of the console: the ``ConsoleActions`` Protocol, the client that asks,
and the refusal that becomes a 4xx answer.

Every method runs on the device loop and may await the console (which decides on its own thread, with
the desk's rules). A method refuses by raising ``Refused`` before anything is sent to a device.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


class Refused(Exception):
    """An action the API will not carry out: ``status`` (4xx) and a one-line ``reason`` in plain English.
    ``details``: more members of the answer, for a page that says it in its own words (the remote's login)."""

    def __init__(self, status: int, reason: str, details: dict[str, Any] | None = None) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = " ".join(reason.split())  # one line, whatever the sentence held
        self.details = details or {}


@dataclass(frozen=True)
class Client:
    """Who asks: ``name`` is what the audit trail says ("via API (name)"); ``key`` counts its requests
    for the rate limit (the token's id, or the address of a client without one)."""

    name: str
    key: str


class Mover(Protocol):
    """One camera's continuous moves, allowed by the desk when it was handed out. Both calls are made on
    the device loop and never wait for the console's thread, so a busy console never delays a stop."""

    def move(self, pan: int, tilt: int, zoom: int) -> None:
        """Signed speeds (pan < 0 left, tilt > 0 up, zoom > 0 in); raises ``ValueError`` for a speed the
        camera cannot take, before anything is sent."""

    def halt(self) -> None:
        """Stop pan, tilt and zoom."""


Answer = dict[str, Any]


class ConsoleActions(Protocol):
    async def state(self) -> Answer:
        """Cameras, walls, outputs and events with their state (plain JSON data)."""

    async def select(self, client: Client, camera: str) -> Answer: ...

    async def mover(self, client: Client, camera: str, what: str) -> Mover:
        """The camera's moves if the desk allows them now (``what``: the move, for the audit trail)."""

    async def stop(self, client: Client, camera: str) -> Answer: ...

    async def all_stop(self, client: Client) -> Answer: ...

    async def recall_preset(self, client: Client, camera: str, number: int) -> Answer: ...

    async def save_preset(self, client: Client, camera: str, number: int) -> Answer: ...

    async def fire_shot(self, client: Client, key: str) -> Answer: ...

    async def wall_route(self, client: Client, wall: str, output: int, input: int) -> Answer: ...

    async def wall_layout(self, client: Client, wall: str, number: int) -> Answer: ...

    async def obs_scene(self, client: Client, output: str, scene: str) -> Answer: ...

    async def obs_command(self, client: Client, output: str, command: str, confirmed: bool = False) -> Answer:
        """``command``: start_stream, stop_stream, start_record or stop_record; ``confirmed``: a live
        stream may be stopped (the desk's second press)."""
