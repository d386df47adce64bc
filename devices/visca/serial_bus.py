"""A serial VISCA daisy chain: one port shared by up to seven cameras
(docs/protocols/visca.md "Serial daisy chain").

On every (re)open the bus numbers the chain with Address Set and clears the command buffers
with a broadcast IF_Clear; a Network Change message from any camera (one was powered up or
plugged in) makes it number the chain again. Replies are handed to the link of the address
they come from.
"""

from __future__ import annotations

import logging
import time

from common.wording import QT_TRANSLATE_NOOP
from devices.transport.base import ByteTransport
from devices.transport.serialport import SerialPort
from devices.visca import codec, packet
from devices.visca.links import Link, LinkEvent, understood
from devices.visca.replies import Reply, ReplyKind, ReplyParser

log = logging.getLogger(__name__)

BROADCAST = 8


class SerialBus:
    def __init__(self, port: ByteTransport, device: str, baud: int, registry: dict | None = None) -> None:
        self.port = port
        self.device = device
        self.baud = baud
        self._registry = registry if registry is not None else {}
        self._parser = ReplyParser()
        self._links: dict[int, SerialLink] = {}
        self.cameras: int | None = None  # from the last Address Set answer
        self.enumerations = 0
        self._opened = False
        port.on_data = self._on_data
        port.on_state = self._on_state

    @property
    def is_up(self) -> bool:
        return self.port.is_up

    def attach(self, link: SerialLink) -> None:
        if link.address in self._links:
            raise ValueError(
                QT_TRANSLATE_NOOP("Camera", "two cameras configured at address {address} on {port}").format(
                    address=link.address, port=self.device
                )
            )
        self._links[link.address] = link

    def detach(self, link: SerialLink) -> None:
        self._links.pop(link.address, None)

    @property
    def idle(self) -> bool:
        return not self._links

    async def open(self) -> None:
        if not self._opened:
            self._opened = True
            await self.port.open()

    async def close(self) -> None:
        if self._registry.get(("serial-bus", self.device)) is self:
            del self._registry[("serial-bus", self.device)]
        await self.port.close()

    def send(self, data: bytes) -> None:
        if not self.port.send(data):
            raise ConnectionError(QT_TRANSLATE_NOOP("Camera", "{port} is not open").format(port=self.device))

    def enumerate(self) -> None:
        self.enumerations += 1
        self.cameras = None
        self.port.send(packet.frame(BROADCAST, codec.address_set()))
        self.port.send(packet.frame(BROADCAST, codec.if_clear()))

    def _on_state(self, up: bool, why: str) -> None:
        self._parser = ReplyParser()
        if up:
            self.enumerate()
        for link in list(self._links.values()):
            link.why = why
            link.on_event(LinkEvent.UP if up else LinkEvent.DOWN, None)

    def _on_data(self, data: bytes) -> None:
        replies = self._parser.feed(data, time.monotonic())
        self.port.understood(understood(replies))
        for reply in replies:
            self._dispatch(reply)

    def _dispatch(self, reply: Reply) -> None:
        cameras = reply.cameras  # an Address Set reply's count (None for any other reply)
        if cameras is not None:
            self.cameras = cameras
            missing = sorted(a for a in self._links if a > cameras)
            if missing:
                log.warning(
                    "%s: the chain answers with %d camera(s); nothing at address %s",
                    self.device,
                    cameras,
                    ", ".join(map(str, missing)),
                )
            return
        if reply.kind == ReplyKind.IF_CLEAR_ECHO:
            return
        if reply.kind == ReplyKind.NETWORK_CHANGE:
            log.info("%s: network change; numbering the chain again", self.device)
            self.enumerate()
            for link in list(self._links.values()):
                link.on_event(LinkEvent.NETWORK_CHANGE, None)
            return
        addressed = self._links.get(reply.address)
        if addressed is not None:
            addressed.received(reply)


class SerialLink(Link):
    def __init__(self, bus: SerialBus, address: int) -> None:
        if not 1 <= address <= 7:
            raise ValueError(
                QT_TRANSLATE_NOOP("Camera", "serial camera address {address} is out of range 1–7").format(
                    address=address
                )
            )
        super().__init__(None, address)
        self.bus = bus
        self._heard = 0
        bus.attach(self)

    @property
    def is_up(self) -> bool:
        return self.bus.is_up

    @property
    def heard(self) -> int:
        return self._heard  # replies from its address: other cameras' on the line do not count

    @property
    def noisy(self) -> bool:
        noise = self.bus.port.noise
        return noise is not None and noise.noisy

    async def open(self) -> None:
        await self.bus.open()
        if self.bus.is_up:
            self.on_event(LinkEvent.UP, None)

    async def close(self) -> None:
        self.bus.detach(self)
        if self.bus.idle:
            await self.bus.close()

    def transmit(self, message: bytes, seq: int | None = None) -> int | None:
        self.bus.send(packet.frame(self.address, message))
        return None

    def received(self, reply: Reply) -> None:
        self._heard += len(reply.raw)
        self.on_reply(reply, None)

    def _on_data(self, data: bytes) -> None:  # the bus parses and dispatches
        raise AssertionError("SerialLink receives replies through its SerialBus")


def open_bus(shared: dict, device: str, baud: int, transport: ByteTransport | None = None) -> SerialBus:
    """The bus for a port name, shared by every camera on that chain within one runtime."""
    key = ("serial-bus", device)
    bus = shared.get(key)
    if bus is None:
        bus = SerialBus(transport or SerialPort(device, baud), device, baud, shared)
        shared[key] = bus
    elif bus.baud != baud:
        raise ValueError(
            QT_TRANSLATE_NOOP("Camera", "{port} is configured with two different baud rates").format(
                port=device
            )
        )
    return bus
