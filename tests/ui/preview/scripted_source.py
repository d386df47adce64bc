"""A frame source that fails, stalls and ends as a test says; the short reconnect back-off of tests."""

from __future__ import annotations

import threading
import time

import numpy as np

from devices.video import FrameSource, SourceError

FAST_BACKOFF = (0.02, 0.08)


class ScriptedSource(FrameSource):
    """Fails to open ``failures`` times, then yields ``frames`` grey frames per connection."""

    def __init__(
        self,
        *,
        failures: int = 0,
        frames: int | None = None,
        reason: str = "camera unplugged",
        gate: threading.Event | None = None,
        shade: int = 128,
    ) -> None:
        super().__init__()
        self.shade = shade
        self.failures = failures
        self.frames = frames
        self.reason = reason
        self.gate = gate  # open() waits for it, like a slow RTSP handshake
        self.opens = 0
        self.closes = 0
        self._left: int | None = None

    def open(self) -> None:
        if self.gate is not None:
            self.gate.wait(2.0)
        self.opens += 1
        if self.opens <= self.failures:
            raise SourceError(self.reason)
        self._left = self.frames

    def read(self) -> np.ndarray | None:
        time.sleep(0.005)
        if self._left is not None:
            if self._left == 0:
                return None
            self._left -= 1
        return np.full((90, 160, 3), self.shade, np.uint8)

    def close(self) -> None:
        self.closes += 1

    def describe(self) -> str:
        return "scripted source"
