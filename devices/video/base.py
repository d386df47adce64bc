"""The one interface every preview source implements, and the small helpers they share.

A source is used from a single thread (the preview worker of its camera): open, read until it
returns None or raises, close. ``read`` blocks until the next picture is due, so a file or a
synthetic camera plays at its own frame rate, like a live camera does.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from types import TracebackType

import numpy as np

from common.wording import QT_TRANSLATE_NOOP

Size = tuple[int, int]  # (width, height) in pixels
NOT_OPEN = QT_TRANSLATE_NOOP("PreviewSource", "{source} is not open")
CANNOT_CONNECT = QT_TRANSLATE_NOOP("PreviewSource", "cannot connect to {source}")
SOFTWARE = QT_TRANSLATE_NOOP("PreviewSource", "software")


class SourceError(Exception):
    """The source cannot deliver pictures; the message says why in plain words."""


class FrameSource(ABC):
    live = False  # pictures come over a link that must be kept (RTSP, HTTP, a capture device)
    shares_thread = False  # read never waits for I/O, so one thread may serve several such sources

    def __init__(self) -> None:
        self.wanted_size: Size | None = None

    @abstractmethod
    def open(self) -> None:
        """Connect or open; raises SourceError with the reason."""

    @abstractmethod
    def read(self) -> np.ndarray | None:
        """The next picture (BGR, uint8), or None when the stream has stopped. A source whose
        picture has not changed may return the very same array again; it is not shown twice."""

    @abstractmethod
    def close(self) -> None:
        """Release everything; safe to call twice or without a successful open."""

    @abstractmethod
    def describe(self) -> str:
        """Where the pictures come from, for messages (passwords hidden)."""

    def due_in(self) -> float:
        """Seconds until the next picture is due; a caller that waits them out first finds ``read``
        does not block. Sources that can only block in ``read`` say 0."""
        return 0.0

    def skip(self) -> bool:
        """The next picture will not be shown (the view wants fewer a second than the stream sends):
        take it as cheaply as the source can while keeping its decoding going (a video decoder needs
        every frame since the last key frame). False when the stream has stopped."""
        return self.read() is not None

    def drop(self) -> bool:
        """Nobody looks: take the next picture off the link as cheaply as the source can, and
        throw it away (only called on ``live`` sources). False when the stream has stopped."""
        return self.read() is not None

    def decoding(self) -> str:
        """How the pictures are decoded, for the camera health view (a Phrase): known once open."""
        return SOFTWARE

    def want_size(self, size: Size | None) -> None:
        """Hint: pictures are shown at most this large. Sources that can decode or render at
        a reduced size do so; pictures may still be larger, never needlessly smaller."""
        self.wanted_size = size

    def __enter__(self) -> FrameSource:
        self.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def fit_within(width: int, height: int, box: Size) -> Size:
    """The largest size with the aspect ratio of width×height that fits in box (at least 1×1)."""
    scale = min(box[0] / width, box[1] / height)
    return max(1, round(width * scale)), max(1, round(height * scale))


class Pacer:
    """Spaces calls to ``wait`` 1/fps apart; after a stall it restarts instead of catching up."""

    def __init__(self, fps: float) -> None:
        self.interval = 1.0 / fps
        self._due = 0.0

    def delay(self) -> float:
        """Seconds ``wait`` would sleep now."""
        return max(0.0, self._due - time.monotonic())

    def wait(self) -> None:
        now = time.monotonic()
        if now < self._due:
            time.sleep(self._due - now)
            self._due += self.interval
        else:
            self._due = now + self.interval

    def reset(self) -> None:
        self._due = 0.0
