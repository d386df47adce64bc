"""Replies that leave after a delay, always in the order they were posted.

One timer at a time (for the head of the queue) instead of one per reply: asyncio does not
keep the order of timers that fall due at the same moment.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

from devices.visca.sim.motion import Cancellable, Clock

Item = TypeVar("Item")
Origin = TypeVar("Origin")  # what the deliverer needs to know where it goes (a client, an address)


class Outbox(Generic[Item, Origin]):
    def __init__(self, clock: Clock, deliver: Callable[[Item, Origin], None], delay: float = 0.0) -> None:
        self.delay = delay
        self._clock = clock
        self._deliver = deliver
        self._queue: deque[tuple[float, Item, Origin]] = deque()
        self._timer: Cancellable | None = None

    def post(self, item: Item, origin: Origin) -> None:
        if self.delay <= 0 and not self._queue:
            self._deliver(item, origin)
            return
        due = self._clock.time() + self.delay
        if self._queue:
            due = max(due, self._queue[-1][0])
        self._queue.append((due, item, origin))
        if self._timer is None:
            self._timer = self._clock.call_later(self.delay, self._flush)

    def _flush(self) -> None:
        self._timer = None
        now = self._clock.time()
        while self._queue and self._queue[0][0] <= now:
            _, item, origin = self._queue.popleft()
            self._deliver(item, origin)
        if self._queue:
            self._timer = self._clock.call_later(self._queue[0][0] - now, self._flush)

    def clear(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._queue.clear()
