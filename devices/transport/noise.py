"""A line that delivers garbage costs next to nothing and says so (docs/transports.md "Garbage on the line").

A serial line at the wrong baud rate, a converter set up for another protocol or a device that speaks
something else sends bytes that never form a reply, sometimes as fast as the network carries them.
Every real transport (TCP client, serial port, UDP channel) keeps a ``NoiseWatch``: it counts the bytes
that arrive, and the protocol driver above tells it which of them formed replies (``understood``).

- At most ``RATE_LIMIT`` bytes a second are taken in; the rest of that second the transport stops
  reading (TCP, serial) or drops datagrams (UDP). No control protocol comes near it.
- A second in which at least ``NOISY_BYTES`` arrived and less than a quarter of them formed replies
  is *noisy*; one with replies in it is *clean* and starts the count again.
- After ``NOISY_SECONDS`` noisy seconds the line is *babbling*: the transport rests — it goes down
  with ``GARBAGE`` as the reason, drops the connection (TCP), closes the port (serial) or ignores the
  device (UDP) — for 1 s, doubling to 60 s, and then tries again. Until a clean second, one more
  noisy second after a rest is enough for the next one.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from common.wording import QT_TRANSLATE_NOOP

GARBAGE = QT_TRANSLATE_NOOP("Transport", "garbage on the line — check baud rate / protocol")
WINDOW = 1.0  # seconds over which bytes are counted
RATE_LIMIT = 64 * 1024  # bytes taken in per window
NOISY_BYTES = 16  # garbage bytes that make a window noisy (with under a quarter understood)
NOISY_SECONDS = 3  # noisy windows, with no clean one between, that make a line babbling
FIRST_REST, LONGEST_REST = 1.0, 60.0


class NoiseWatch:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._ends = 0.0  # when the current window ends
        self._received = 0  # bytes that arrived in the current window
        self._understood = 0  # … and formed replies
        self._noisy = 0  # noisy windows since the last clean one
        self._due = False  # babbling, and not rested yet
        self._rest = FIRST_REST  # the next rest
        self.resting_until = 0.0  # clock time before which nothing is taken in
        self.dropped = 0  # bytes not taken in (over the rate limit, or while resting)

    @property
    def babbling(self) -> bool:
        """The line should rest now (``rest()`` says for how long)."""
        return self._due

    @property
    def noisy(self) -> bool:
        """Garbage is all the line delivered lately: since its last clean second it had a noisy one."""
        return self._noisy > 0

    def admit(self, size: int) -> int:
        """How many of ``size`` bytes that just arrived to take in (the first ones)."""
        now = self._clock()
        if now < self.resting_until:
            self.dropped += size
            return 0
        if now >= self._ends:
            self._close_window()
            self._ends = now + WINDOW
        taken = max(0, min(size, RATE_LIMIT - self._received))
        self._received += taken
        self.dropped += size - taken
        return taken

    def understood(self, size: int) -> None:
        self._understood += size

    @property
    def full(self) -> bool:
        """The window's bytes are taken: read nothing more until it ends."""
        return self._received >= RATE_LIMIT

    def until_next_window(self) -> float:
        return max(0.0, self._ends - self._clock())

    def rest(self) -> float:
        """The line rests now: for how long (1 s, doubling to 60 s until a clean second)."""
        self._close_window()  # counts the window's noise, but the rest answers it: not due again
        self._due = False
        seconds, self._rest = self._rest, min(LONGEST_REST, self._rest * 2)
        self.resting_until = self._clock() + seconds
        return seconds

    def _close_window(self) -> None:
        received, understood = self._received, self._understood
        self._received = self._understood = 0
        self._ends = 0.0
        if received - understood >= NOISY_BYTES and understood * 4 < received:
            self._noisy += 1
            self._due = self._noisy >= NOISY_SECONDS
        elif understood:
            self._noisy = 0
            self._due = False
            self._rest = FIRST_REST
