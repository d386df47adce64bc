"""One serial line shared by several addressed devices: LG displays daisy-chained on one RS-232
cable, each with its own Set ID (docs/transports.md).

Every URL naming the same port within one runtime gets a ``LineTap`` on the same ``SharedLine``
(kept in the runtime's ``shared``, as ``visca/serial_bus.py`` keeps a camera chain): the port is
opened by the first tap and closed when the last one leaves. The line frames what comes in and
hands each reply to the taps of the address it names. A chain is half-duplex in practice, so
``turn()`` gives one exchange at a time the whole line, and the next one waits ``gap`` after it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable

from devices.transport.base import ByteTransport
from devices.wall.framing import Framer

log = logging.getLogger(__name__)

AddressOf = Callable[[bytes], "int | None"]  # the address a framed reply comes from, None: noise


class SharedLine:
    def __init__(
        self,
        port: ByteTransport,
        device: str,
        baud: int,
        framer: Framer,
        address_of: AddressOf,
        registry: dict,
    ) -> None:
        self.port = port
        self.device = device
        self.baud = baud
        self._framer = framer
        self._address_of = address_of
        self._registry = registry
        self._taps: list[LineTap] = []
        self._turn = asyncio.Lock()
        self._last_end = 0.0  # loop time at which the last exchange on the line ended
        self._opened = False
        port.on_data = self._on_data
        port.on_state = self._on_state

    def attach(self, tap: LineTap) -> None:
        self._taps.append(tap)

    async def open(self) -> None:
        if not self._opened:
            self._opened = True
            await self.port.open()

    async def leave(self, tap: LineTap) -> None:
        """The port closes with the last tap; the others keep it."""
        if tap in self._taps:
            self._taps.remove(tap)
        if not self._taps:
            if self._registry.get(_key(self.device)) is self:
                del self._registry[_key(self.device)]
            await self.port.close()

    @contextlib.asynccontextmanager
    async def turn(self, gap: float) -> AsyncIterator[None]:
        async with self._turn:
            loop = asyncio.get_running_loop()
            wait = self._last_end + gap - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                yield
            finally:
                self._last_end = loop.time()

    def _on_state(self, up: bool, why: str) -> None:
        self._framer.reset()
        for tap in list(self._taps):
            tap.line_state(up, why)

    def _on_data(self, data: bytes) -> None:
        for frame in self._framer.feed(data):
            address = self._address_of(frame)
            if address is not None:
                self.port.understood(len(frame) + 1)  # for the noise watch (devices/transport/noise.py)
            taps = [tap for tap in self._taps if tap.address == address]
            if not taps:
                log.debug("%s: reply for nobody here: %r", self.device, frame)
            for tap in taps:
                tap.receive(frame + self._framer.terminators[:1])  # whole again for the tap's own framer


class LineTap(ByteTransport):
    """One device's view of a shared line: a transport like any other to the link above it."""

    reliable = True

    def __init__(self, line: SharedLine, address: int) -> None:
        super().__init__(f"{line.port.name} #{address}")
        self.line = line
        self.address = address
        line.attach(self)

    async def open(self) -> None:
        await self.line.open()
        if self.line.port.is_up:
            self._set_up(True)

    def send(self, data: bytes) -> bool:
        if not self.is_up or not self.line.port.send(data):
            return False
        self.bytes_sent += len(data)
        return True

    async def close(self) -> None:
        await self.line.leave(self)
        self._set_up(False, "closed")

    def turn(self, gap: float) -> contextlib.AbstractAsyncContextManager[None]:
        return self.line.turn(gap)

    def line_state(self, up: bool, why: str) -> None:
        self._set_up(up, why)

    def receive(self, frame: bytes) -> None:
        self._deliver(frame)


def _key(device: str) -> tuple[str, str]:
    return ("wall-line", device)


def tap(
    shared: dict,
    device: str,
    baud: int,
    address: int,
    framer: Callable[[], Framer],
    address_of: AddressOf,
    make_port: Callable[[], ByteTransport],
) -> LineTap:
    """A tap on the line of ``device``, made (with ``make_port()``) by the first device on it."""
    line = shared.get(_key(device))
    if line is None:
        line = SharedLine(make_port(), device, baud, framer(), address_of, shared)
        shared[_key(device)] = line
    elif line.baud != baud:
        log.warning(
            "%s: already open at %d baud for other devices on the line; %d ignored", device, line.baud, baud
        )
    return LineTap(line, address)
