"""A scripted transport for byte-level controller tests: records what is sent, replies on cue."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from devices.transport.base import ByteTransport

Responder = Callable[[bytes], "list[bytes] | None"]


class FakeTransport(ByteTransport):
    """Every packet sent is recorded; ``responder(packet)`` may return replies to deliver."""

    def __init__(self, responder: Responder | None = None, reliable: bool = False) -> None:
        super().__init__("fake")
        self.reliable = reliable
        self.sent: list[bytes] = []
        self.responder = responder
        self.loop: asyncio.AbstractEventLoop | None = None

    async def open(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._set_up(True)

    def send(self, data: bytes) -> bool:
        self.sent.append(bytes(data))
        replies = self.responder(bytes(data)) if self.responder else None
        for reply in replies or []:
            assert self.loop is not None
            self.loop.call_soon(self._deliver, reply)
        return True

    def inject(self, data: bytes) -> None:
        assert self.loop is not None
        self.loop.call_soon_threadsafe(self._deliver, data)

    async def close(self) -> None:
        self._set_up(False, "closed")


def polite_camera(packet: bytes) -> list[bytes]:
    """A camera that ACKs and completes every command at once and answers inquiries."""
    if packet[1] == 0x09:
        answers = {
            b"\x04\x00": "02",
            b"\x06\x12": "00 00 00 00 00 00 00 00",
            b"\x04\x47": "00 00 00 00",
            b"\x04\x38": "02",
            b"\x04\x48": "01 00 00 00",
            b"\x00\x02": "00 01 05 13 01 00 02",
        }
        data = answers.get(packet[2:4], "02")
        return [bytes.fromhex(f"90 50 {data} FF")]
    if packet[1] & 0xF0 == 0x20:
        return [bytes([0x90, 0x60 | (packet[1] & 0x0F), 0x05, 0xFF])]
    return [bytes.fromhex("90 41 FF"), bytes.fromhex("90 51 FF")]
