"""How long `camera …` and `wall …` wait for the device.

``--timeout S`` waits exactly S seconds. Without it the wait is 3 s, stretched to ``ROUND_TRIPS``
times the device's measured round trip once it has answered: a command needs a few round trips
(a camera that says what it is, a matrix that tells its size, resends under loss), so a camera at a
remote venue over VPN or mobile data (0.4 s a round trip) still gets its command through, while a
device that never answers is given up after 3 s as before.
"""

from __future__ import annotations

import concurrent.futures
import time
from collections.abc import Callable
from typing import Any

from devices.cli import interrupts

DEFAULT = 3.0
ROUND_TRIPS = 20
STEP = 0.1  # how often a default wait looks at the round trip measured meanwhile


class Patience:
    def __init__(self, timeout: float | None, round_trip_ms: Callable[[], float | None]) -> None:
        self.given = timeout
        self._round_trip_ms = round_trip_ms

    @property
    def seconds(self) -> float:
        """The wait allowed, as far as is known now."""
        if self.given is not None:
            return self.given
        rtt_ms = self._round_trip_ms()
        return DEFAULT if rtt_ms is None else max(DEFAULT, ROUND_TRIPS * rtt_ms / 1000)

    def result(self, future: concurrent.futures.Future, since: float | None = None) -> Any:
        """``future``'s result, waited for from ``since`` (``time.monotonic()``; default now);
        ``concurrent.futures.TimeoutError`` once the wait is over."""
        start = time.monotonic() if since is None else since
        while True:
            left = start + self.seconds - time.monotonic()
            if self.given is not None:
                return interrupts.wait(future, max(0.0, left))
            try:
                return interrupts.wait(future, max(0.0, min(left, STEP)))
            except concurrent.futures.TimeoutError:
                if start + self.seconds <= time.monotonic():
                    raise
