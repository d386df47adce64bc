"""What every byte transport offers to the protocol drivers above it.

A transport moves bytes and reports whether it is usable. It knows nothing about VISCA or
wall protocols. Datagram transports deliver one datagram per ``on_data`` call; stream and
serial transports deliver chunks as they arrive (the driver frames them).
All callbacks run on the device loop.
"""

from __future__ import annotations

import abc
import contextlib
import logging
from collections.abc import Callable

from devices.transport.noise import GARBAGE, NoiseWatch

log = logging.getLogger(__name__)

DataCallback = Callable[[bytes], None]
StateCallback = Callable[[bool, str], None]


def _ignore_data(_data: bytes) -> None:
    pass


def _ignore_state(_up: bool, _why: str) -> None:
    pass


class ByteTransport(abc.ABC):
    """Base for UDP channels, TCP clients and serial ports."""

    #: True where the transport itself never loses or duplicates bytes (TCP, a serial cable
    #: is not lossless but a lost byte shows as a broken frame, not a silently dropped one).
    reliable: bool = False
    #: what the line delivers, on the transports that read it (TCP, serial, UDP): ``_take_in``
    noise: NoiseWatch | None = None

    def __init__(self, name: str) -> None:
        self.name = name
        self.on_data: DataCallback = _ignore_data
        self.on_state: StateCallback = _ignore_state
        self._up = False
        self.bytes_sent = 0
        self.bytes_received = 0

    @property
    def is_up(self) -> bool:
        return self._up

    def _set_up(self, up: bool, why: str = "") -> None:
        if up != self._up:
            self._up = up
            log.info("%s %s%s", self.name, "up" if up else "down", f": {why}" if why else "")
            self.on_state(up, why)

    def _deliver(self, data: bytes) -> None:
        self.bytes_received += len(data)
        try:
            self.on_data(data)
        except Exception:  # a driver bug must not tear down the connection for every device
            log.exception("%s: error while handling received data", self.name)

    def understood(self, size: int) -> None:
        """Told by the driver above: ``size`` of the bytes received formed replies."""
        if self.noise is not None:
            self.noise.understood(size)

    def _take_in(self, data: bytes) -> None:
        """Bytes from the wire, through the noise watch, to the driver (devices/transport/noise.py)."""
        watch = self.noise
        assert watch is not None
        taken = watch.admit(len(data))
        if taken:
            self._deliver(data if taken == len(data) else data[:taken])
        if watch.babbling:
            seconds = watch.rest()
            log.warning("%s: %s; trying again in %g s", self.name, GARBAGE, seconds)
            self._rest(seconds, GARBAGE)
        elif watch.full:
            self._pause(watch.until_next_window())

    def _pause(self, seconds: float) -> None:  # noqa: B027 - a hook: a transport that can do it overrides it
        """Read nothing for ``seconds`` (the rate limit); where reading cannot pause, bytes are dropped."""

    def _rest(self, seconds: float, why: str) -> None:  # noqa: B027 - a hook: a transport that can do it overrides it
        """Go down with ``why`` for ``seconds`` (a babbling line), then come back."""

    @abc.abstractmethod
    async def open(self) -> None:
        """Start; a transport that cannot connect yet keeps trying in the background."""

    @abc.abstractmethod
    def send(self, data: bytes) -> bool:
        """Queue bytes for sending; False when the transport is down (nothing was sent)."""

    @abc.abstractmethod
    async def close(self) -> None:
        """Stop for good and release the OS resources."""

    def turn(self, gap: float) -> contextlib.AbstractAsyncContextManager[None]:
        """Held for one exchange (send, then the answer or its timeout). A line shared with other
        devices gives it to one exchange at a time, and the next one ``gap`` after it."""
        return contextlib.nullcontext()


class Backoff:
    """Delays for reconnect attempts: doubling from ``first`` up to ``limit``."""

    def __init__(self, first: float = 0.25, limit: float = 5.0) -> None:
        self.first = first
        self.limit = limit
        self._next = first

    def next(self) -> float:
        delay = self._next
        self._next = min(self.limit, self._next * 2)
        return delay

    def reset(self) -> None:
        self._next = self.first
