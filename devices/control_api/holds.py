"""Moves that end by themselves: after their ``for`` duration, or when their holder (a WebSocket)
stops saying it still holds them — the dead-man. Everything here runs on the device loop, so a stop is
sent from there whatever the console's thread is doing.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from devices.control_api.actions import Mover

DEADMAN_SECONDS = 0.3  # a hold with no heartbeat for this long stops (docs/control-api.md)


@dataclass(eq=False)
class _Hold:
    camera: str
    mover: Mover
    owner: object | None  # the WebSocket holding it; None for a move with a duration
    timer: asyncio.TimerHandle | None = field(default=None)


class Holds:
    """One move per camera at most: a newer move of the same camera replaces the older one's end."""

    def __init__(self, deadman: float = DEADMAN_SECONDS) -> None:
        self.deadman = deadman
        self._holds: dict[str, _Hold] = {}

    def timed(self, camera: str, mover: Mover, seconds: float) -> None:
        """``mover`` has just been set moving: halt it after ``seconds``."""
        self._arm(_Hold(camera, mover, None), seconds)

    def held(self, camera: str, mover: Mover, owner: object) -> None:
        """``mover`` was just set moving by ``owner``: halt it unless ``refresh(owner)`` comes in time."""
        self._arm(_Hold(camera, mover, owner), self.deadman)

    def refresh(self, owner: object) -> None:
        """A heartbeat: every move ``owner`` holds goes on for another dead-man period."""
        for hold in [h for h in self._holds.values() if h.owner is owner]:
            self._arm(hold, self.deadman)

    def release(self, owner: object, camera: str | None = None) -> None:
        """``owner`` let go (or is gone): halt its moves (of ``camera`` only, if given) now."""
        for hold in [h for h in self._holds.values() if h.owner is owner]:
            if camera is None or hold.camera == camera:
                self._end(hold)

    def forget(self, camera: str | None = None) -> None:
        """A stop was sent another way (stop, ALL STOP): the moves' ends are not needed any more."""
        for hold in [h for c, h in self._holds.items() if camera in (None, c)]:
            self._drop(hold)

    def holding(self, camera: str) -> bool:
        return camera in self._holds

    def _arm(self, hold: _Hold, seconds: float) -> None:
        earlier = self._holds.get(hold.camera)
        if earlier is not None and earlier is not hold:
            self._drop(earlier)
        if hold.timer is not None:
            hold.timer.cancel()
        hold.timer = asyncio.get_running_loop().call_later(seconds, self._end, hold)
        self._holds[hold.camera] = hold

    def _end(self, hold: _Hold) -> None:
        if self._holds.get(hold.camera) is hold:
            self._drop(hold)
            hold.mover.halt()

    def _drop(self, hold: _Hold) -> None:
        if hold.timer is not None:
            hold.timer.cancel()
        if self._holds.get(hold.camera) is hold:
            del self._holds[hold.camera]
