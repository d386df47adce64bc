"""The tap of a capture (capture.py): a transport that records every frame passing through it and is,
to the link above it, the transport it wraps. Received stream bytes are cut into frames after each
terminator in ``ends``, with a CR and the LF right after it kept together (docs/captures.md).
"""

from __future__ import annotations

import time
from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol

from devices.secrets import mask_url
from devices.transport.base import ByteTransport
from devices.transport.noise import NoiseWatch

_CR, _LF = 0x0D, 0x0A


class Recorder(Protocol):
    """What the tap writes to: capture.Recorder, the capture file."""

    def frame(self, direction: str, data: bytes, at: float | None = None, via: str | None = None) -> None: ...
    def event(self, name: str, **details: Any) -> None: ...


class FrameCutter:
    """Cuts a received byte stream after terminator bytes, keeping them; nothing is dropped.

    A frame is handed out with the time its terminator arrived. After a CR the cutter holds the
    frame until the next byte, so that a CR LF split by the wire stays one frame; ``flush()`` hands
    out whatever is held (before a send, so that the records stay in wire order).
    """

    def __init__(self, ends: bytes) -> None:
        self.ends = ends
        self._buffer = bytearray()
        self._ended_at: float | None = None
        self._last_at = 0.0

    def feed(self, data: bytes, now: float) -> list[tuple[float, bytes]]:
        if not self.ends:
            return [(now, data)]
        frames: list[tuple[float, bytes]] = []
        for byte in data:
            if self._ended_at is not None and not (self._buffer[-1] == _CR and byte == _LF):
                frames += self.flush()
            self._buffer.append(byte)
            self._last_at = now
            if byte in self.ends:
                if self._ended_at is None:
                    self._ended_at = now
                if byte != _CR:
                    frames += self.flush()
        return frames

    def flush(self) -> list[tuple[float, bytes]]:
        if not self._buffer:
            return []
        frame = (self._ended_at if self._ended_at is not None else self._last_at, bytes(self._buffer))
        self._buffer.clear()
        self._ended_at = None
        return [frame]


class CapturingTransport(ByteTransport):
    """Wraps a transport and records what passes; to the link above it, it is that transport.

    It may be put in after the link took the inner transport's callbacks (a serial chain already
    open for another device): it takes them over.
    """

    def __init__(
        self, inner: ByteTransport, recorder: Recorder, ends: bytes = b"", via: str | None = None
    ) -> None:
        super().__init__(inner.name)
        self.inner = inner
        self.recorder = recorder
        self.via = None if via is None else mask_url(via)
        self.reliable = inner.reliable
        self._cutter = FrameCutter(ends)
        self.on_data, self.on_state = inner.on_data, inner.on_state
        self._up = inner.is_up
        inner.on_data = self._received
        inner.on_state = self._changed

    def __getattr__(self, name: str) -> Any:  # local_port, drop(), connects …: the inner transport's
        inner = self.__dict__.get("inner")
        if inner is None:
            raise AttributeError(name)
        return getattr(inner, name)

    async def open(self) -> None:
        await self.inner.open()

    def send(self, data: bytes) -> bool:
        if not self.inner.send(data):
            return False
        self._flush()
        self.recorder.frame("tx", data, via=self.via)
        self.bytes_sent += len(data)
        return True

    def turn(self, gap: float) -> AbstractAsyncContextManager[None]:
        return self.inner.turn(gap)

    @property
    def noise(self) -> NoiseWatch | None:  # type: ignore[override]  # the inner transport's; never set here
        return self.inner.noise

    async def close(self) -> None:
        await self.inner.close()
        self._flush()

    def _received(self, data: bytes) -> None:
        for at, frame in self._cutter.feed(data, time.monotonic()):
            self.recorder.frame("rx", frame, at, self.via)
        self._deliver(data)

    def _changed(self, up: bool, why: str) -> None:
        self._flush()
        self.recorder.event("up" if up else "down", why=str(why) if why else None, via=self.via)
        self._set_up(up, why)

    def _flush(self) -> None:
        for at, frame in self._cutter.flush():
            self.recorder.frame("rx", frame, at, self.via)
