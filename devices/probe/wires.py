"""One question at a time to a device that may not speak the protocol at all.

``ViscaWire`` asks through a camera link (Sony framing, raw VISCA or a serial chain address);
``TextWire`` asks through a byte transport with a wall driver's framer and reply parser. Both wait
a bounded time for an answer of their protocol's form; anything else that arrives is kept in
``heard`` so a probe can say "something answered, not this protocol".
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from devices.transport.base import ByteTransport
from devices.visca.links import Link, LinkEvent
from devices.visca.replies import Reply, ReplyKind
from devices.wall.framing import TelnetFilter
from devices.wall.protocol import Reply as TextReply
from devices.wall.protocol import ReplyKind as TextKind
from devices.wall.protocol import WallProtocol

HEARD_LIMIT = 256
POLL = 0.01
# What a Sony camera says in Sony form without an answer: the RESET acknowledgement, the error notices.
SONY_EVENTS = (LinkEvent.RESET_ACK, LinkEvent.SEQUENCE_ERROR, LinkEvent.MESSAGE_TYPE_ERROR)


def overhear(transport: ByteTransport, heard: bytearray) -> None:
    """Keep the first bytes ``transport`` delivers, whoever else receives them."""
    receive = transport.on_data

    def tap(data: bytes) -> None:
        heard.extend(data[: HEARD_LIMIT - len(heard)])
        receive(data)

    transport.on_data = tap


async def connected(transport: ByteTransport, timeout: float) -> str | None:
    """None once ``transport`` is up; otherwise why not, after at most ``timeout``."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not transport.is_up:
        refused = getattr(transport, "last_error", "")
        if refused:
            return refused
        if loop.time() >= deadline:
            return f"no connection within {timeout:g} s"
        await asyncio.sleep(POLL)
    return None


class _Asker:
    """Sends, then waits for the first reply that ``_wanted`` accepts; returns it and the round trip."""

    def __init__(self) -> None:
        self.heard = bytearray()
        self._waiting: asyncio.Future | None = None

    def _answer(self, outcome: object) -> None:
        if self._waiting is not None and not self._waiting.done():
            self._waiting.set_result(outcome)

    async def _exchange(
        self, send: Callable[[], object], timeout: float
    ) -> tuple[object | None, float | None]:
        loop = asyncio.get_running_loop()
        self._waiting = loop.create_future()
        sent = loop.time()
        try:
            send()
            outcome = await asyncio.wait_for(self._waiting, timeout)
        except (TimeoutError, ConnectionError, OSError):
            return None, None
        finally:
            self._waiting = None
        return outcome, (loop.time() - sent) * 1000


class ViscaWire(_Asker):
    """A camera behind one link. Replies from another address still count (``foreign_address``)."""

    def __init__(self, link: Link) -> None:
        super().__init__()
        self.link = link
        self.foreign_address: int | None = None
        self._seq: int | None = None
        link.on_reply = self._on_reply
        link.on_event = self._on_event
        if link.transport is not None:
            overhear(link.transport, self.heard)

    async def ask(self, message: bytes, timeout: float) -> tuple[Reply | LinkEvent | None, float | None]:
        """An inquiry's answer or error reply (or a Sony error notice)."""

        def send() -> None:
            self._seq = self.link.transmit(message)

        return await self._exchange(send, timeout)  # type: ignore[return-value]  # what _on_* took for it

    async def reset(self, timeout: float) -> tuple[LinkEvent | None, float | None]:
        """Sony VISCA over IP: RESET, so that the camera takes our sequence numbers."""

        def send() -> None:
            self._seq = 0
            self.link.reset()

        return await self._exchange(send, timeout)  # type: ignore[return-value]  # what _on_* took for it

    def _ours(self, seq: int | None) -> bool:
        return seq is None or self._seq is None or seq == self._seq

    def _on_reply(self, reply: Reply, seq: int | None) -> None:
        if reply.kind in (ReplyKind.ANSWER, ReplyKind.ERROR) and self._ours(seq):
            if reply.address != self.link.address:
                self.foreign_address = reply.address
            self._answer(reply)

    def _on_event(self, event: LinkEvent, seq: int | None) -> None:
        if event in SONY_EVENTS and self._ours(seq):
            self._answer(event)


class TextWire(_Asker):
    """A text protocol over a byte transport, framed and parsed by the wall driver ``protocol``."""

    def __init__(self, transport: ByteTransport, protocol: WallProtocol, telnet: bool = False) -> None:
        super().__init__()
        self.transport = transport
        self.replies: list[TextReply] = []  # every reply, of any form, in order
        self._framer = protocol.framer()
        self._parse = protocol.read  # a garbled line is noise, not a reply
        self._telnet = TelnetFilter() if telnet else None
        self._wanted: Callable[[TextReply], bool] = lambda reply: False
        transport.on_data = self._on_data

    def _on_data(self, data: bytes) -> None:
        self.heard.extend(data[: HEARD_LIMIT - len(self.heard)])
        if self._telnet is not None:
            data, answers = self._telnet.feed(data)
            if answers:
                self.transport.send(answers)  # Telnet: every option refused, as the wall link does
        for frame in self._framer.feed(data):
            reply = self._parse(frame)
            self.replies.append(reply)
            if self._wanted(reply):
                self._answer(reply)

    async def ask(
        self, data: bytes, wanted: Callable[[TextReply], bool], timeout: float
    ) -> tuple[TextReply | None, float | None]:
        """Send ``data`` (nothing when empty) and wait for a reply that ``wanted`` accepts."""
        self._wanted = wanted
        try:

            def send() -> None:
                if data and not self.transport.send(data):
                    raise ConnectionError("not connected")

            return await self._exchange(send, timeout)  # type: ignore[return-value]  # what _on_* took for it
        finally:
            self._wanted = lambda reply: False

    async def listen(self, wanted: Callable[[TextReply], bool], timeout: float) -> TextReply | None:
        """The first reply ``wanted`` accepts, already here or within ``timeout``, without sending."""
        here = next((reply for reply in self.replies if wanted(reply)), None)
        if here is not None:
            return here
        reply, _rtt = await self.ask(b"", wanted, timeout)
        return reply

    async def settle(self, quiet: float, timeout: float) -> None:
        """Wait until nothing arrived for ``quiet`` seconds (a banner has ended), at most ``timeout``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        count, since = self.transport.bytes_received, loop.time()
        while loop.time() < deadline and loop.time() - since < quiet:
            await asyncio.sleep(POLL)
            if self.transport.bytes_received != count:
                count, since = self.transport.bytes_received, loop.time()


def is_text_form(reply: TextReply) -> bool:
    """The driver parsed it as one of its own replies (not a banner, an echo or garbage)."""
    return reply.kind is not TextKind.NOISE
