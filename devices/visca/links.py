"""Links: VISCA messages framed for one camera on one kind of wiring.

- ``SonyIpLink``: Sony VISCA over IP (8-byte header, sequence numbers, RESET, error notices).
- ``RawLink``: header-less VISCA over UDP or TCP (PTZOptics and most OEM cameras).
- ``SerialLink``: one address on a serial daisy chain, through a shared ``SerialBus``.

A link never decides *when* to send or retry; the camera session does. Links report replies
with the sequence number they carried (Sony only) and events such as a sequence-error notice.
"""

from __future__ import annotations

import abc
import enum
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from common.wording import QT_TRANSLATE_NOOP
from devices.transport.base import ByteTransport
from devices.visca import ipframe, packet
from devices.visca.packet import MessageKind
from devices.visca.replies import Reply, ReplyKind, ReplyParser

log = logging.getLogger(__name__)

IP_ADDRESS = 1  # over IP the VISCA address is fixed (docs/protocols/visca.md "Differences from serial VISCA")


class LinkEvent(enum.Enum):
    UP = "up"
    DOWN = "down"
    RESET_ACK = "reset acknowledged"
    SEQUENCE_ERROR = "sequence number abnormal"
    MESSAGE_TYPE_ERROR = "message type abnormal"
    NETWORK_CHANGE = "network change"


@dataclass(frozen=True)
class Quirks:
    """Per-camera tolerance for known VISCA dialects (``?quirks=a,b`` in the camera URL)."""

    no_header: bool = False  # visca+udp camera that wants raw VISCA (AKVANS, LinkPi)
    fixed_seq: bool = False  # always sequence number 0, replies not matched by it (NewTek PTZ1)
    completion_without_ack: bool = False  # camera skips the ACK: wait for the completion instead
    any_address: bool = False  # accept replies from another address (PTZOptics G3 `A0`)

    NAMES = {
        "no-header": "no_header",
        "fixed-seq": "fixed_seq",
        "completion-without-ack": "completion_without_ack",
        "any-address": "any_address",
    }

    @classmethod
    def parse(cls, text: str | None) -> Quirks:
        if not text:
            return cls()
        flags = {}
        for name in (part.strip().lower() for part in text.split(",") if part.strip()):
            if name not in cls.NAMES:
                raise ValueError(
                    QT_TRANSLATE_NOOP("Camera", "unknown quirk {quirk}; known: {known}").format(
                        quirk=repr(name), known=", ".join(cls.NAMES)
                    )
                )
            flags[cls.NAMES[name]] = True
        return cls(**flags)


_NOTICES: dict[bytes | None, LinkEvent] = {
    ipframe.SEQ_ERROR_PAYLOAD: LinkEvent.SEQUENCE_ERROR,
    ipframe.TYPE_ERROR_PAYLOAD: LinkEvent.MESSAGE_TYPE_ERROR,
}
ReplyCallback = Callable[[Reply, "int | None"], None]
EventCallback = Callable[[LinkEvent, "int | None"], None]


class Link(abc.ABC):
    sequenced = False

    def __init__(self, transport: ByteTransport | None, address: int) -> None:
        self.transport = transport
        self.address = address
        self.on_reply: ReplyCallback = lambda reply, seq: None
        self.on_event: EventCallback = lambda event, seq: None
        self.garbage = 0
        self.why = ""  # the reason the transport gave for its latest change (up or down)
        if transport is not None:
            transport.on_data = self._on_data
            transport.on_state = self._on_transport_state

    @property
    def is_up(self) -> bool:
        return bool(self.transport and self.transport.is_up)

    @property
    def heard(self) -> int:
        """Bytes received from the camera so far."""
        return self.transport.bytes_received if self.transport is not None else 0

    @property
    def noisy(self) -> bool:
        """Garbage is all the line delivered lately (devices/transport/noise.py)."""
        noise = self.transport.noise if self.transport is not None else None
        return noise is not None and noise.noisy

    def _on_transport_state(self, up: bool, why: str) -> None:
        self.why = why
        self.on_event(LinkEvent.UP if up else LinkEvent.DOWN, None)

    async def open(self) -> None:
        assert self.transport is not None
        await self.transport.open()

    async def close(self) -> None:
        if self.transport is not None:
            await self.transport.close()

    @abc.abstractmethod
    def transmit(self, message: bytes, seq: int | None = None) -> int | None:
        """Send ``message``; ``seq`` given = a retransmission with that sequence number.

        Returns the sequence number used (Sony) or None; raises ConnectionError when down.
        """

    def reset(self) -> bool:
        """Ask the camera to reset its sequence state; False where the wiring has none."""
        return False

    @abc.abstractmethod
    def _on_data(self, data: bytes) -> None: ...

    def _understood(self, size: int) -> None:
        """Bytes that formed replies, for the transport's noise watch (devices/transport/noise.py)."""
        if self.transport is not None:
            self.transport.understood(size)

    def _send(self, data: bytes) -> None:
        assert self.transport is not None
        if not self.transport.send(data):
            raise ConnectionError(
                QT_TRANSLATE_NOOP("Camera", "{link} is not connected").format(link=self.transport.name)
            )


class SonyIpLink(Link):
    sequenced = True
    PAYLOAD_TYPES = {
        MessageKind.INQUIRY: ipframe.PayloadType.INQUIRY,
        MessageKind.DEVICE_SETTING: ipframe.PayloadType.DEVICE_SETTING,
    }

    def __init__(self, transport: ByteTransport, quirks: Quirks = Quirks()) -> None:
        super().__init__(transport, IP_ADDRESS)
        self._quirks = quirks
        self._seq = 0
        self.wraps = 0

    def transmit(self, message: bytes, seq: int | None = None) -> int | None:
        if seq is None:
            if self._quirks.fixed_seq:
                seq = 0
            else:
                self._seq = (self._seq + 1) & ipframe.SEQ_MAX
                if self._seq == 0:  # wrapped: the camera must forget the old numbers first
                    self.wraps += 1
                    self.reset()
                    self._seq = 1
                seq = self._seq
        kind = packet.message_kind(message)
        payload_type = self.PAYLOAD_TYPES.get(kind, ipframe.PayloadType.COMMAND)
        self._send(ipframe.pack(payload_type, seq, packet.frame(IP_ADDRESS, message)))
        return seq

    def reset(self) -> bool:
        self._send(ipframe.reset(0))
        self._seq = 0
        return True

    def _on_data(self, data: bytes) -> None:
        datagram = ipframe.unpack(data)
        if datagram is None:
            self.garbage += 1
            return
        seq = None if self._quirks.fixed_seq else datagram.seq
        if datagram.payload_type == ipframe.PayloadType.REPLY:
            reply = codec_reply(datagram.payload)
            if reply is None:
                self.garbage += 1
                return
            self._understood(len(data))
            self.on_reply(reply, seq)
            return
        event = LinkEvent.RESET_ACK if datagram.is_reset_ack else _NOTICES.get(datagram.error_notice)
        if event is None:
            self.garbage += 1
        else:
            self._understood(len(data))
            self.on_event(event, seq)


def codec_reply(payload: bytes) -> Reply | None:
    """The single reply inside a Sony datagram, or None when it is not one."""
    replies = ReplyParser().feed(payload)
    return replies[0] if len(replies) == 1 and replies[0].kind != ReplyKind.UNKNOWN else None


class RawLink(Link):
    """Header-less VISCA: UDP datagrams or a TCP stream, replies split at FF."""

    def __init__(self, transport: ByteTransport) -> None:
        super().__init__(transport, IP_ADDRESS)
        self._parser = ReplyParser()

    def transmit(self, message: bytes, seq: int | None = None) -> int | None:
        self._send(packet.frame(self.address, message))
        return None

    def _on_transport_state(self, up: bool, why: str) -> None:
        self._parser = ReplyParser()  # a half reply from the old connection must not prefix the new
        super()._on_transport_state(up, why)

    def _on_data(self, data: bytes) -> None:
        replies = self._parser.feed(data, time.monotonic())
        self._understood(understood(replies))
        for reply in replies:
            self.on_reply(reply, None)


def understood(replies: list[Reply]) -> int:
    """How many bytes of a stream formed replies (not garbage that happened to end in FF)."""
    return sum(len(reply.raw) for reply in replies if reply.kind is not ReplyKind.UNKNOWN)
