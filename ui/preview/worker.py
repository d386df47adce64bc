"""One camera's preview worker: read, shrink to the tile, convert to a QImage, hand it over.

The worker's life is a generator of steps (``steps``): each step reads and delivers one picture
(or opens, or waits out a pause) and then says how long to wait before the next. A camera whose
source may block (a network stream, a file) gets a thread of its own that waits in between
(``start``); sources that never block (``FrameSource.shares_thread``, the demo cameras) share one
thread that serves the next camera while the others wait (ui/preview/shared_thread.py).

Plain ``threading.Thread``s rather than QThreads: the loop never needs a Qt event loop (it
blocks in OpenCV or sleeps), OpenCV releases the GIL while it decodes and resizes, and the
worker has no QObject that could be touched from the wrong thread. The only Qt class used
here is QImage, which Qt documents as reentrant: one image per thread is safe. Widgets are
never touched; results leave through the two callbacks, which PreviewHub turns into queued
signals.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from enum import Enum

import cv2
import numpy as np
from PySide6.QtGui import QImage

from common.wording import sentence_of
from devices.video import FrameSource, Size, SourceError, fit_within

log = logging.getLogger(__name__)

PAUSED_CHECK = 0.5  # seconds between looks at the stop flag while paused (a resume wakes at once)
PAUSED = -1.0  # a step's answer: wait for a resume (or PAUSED_CHECK)


class LinkState(Enum):
    STARTING = "starting"  # first connection attempt
    LIVE = "live"  # pictures are arriving
    WAITING = "waiting"  # lost; next attempt in ``retry_in`` seconds
    RETRYING = "retrying"  # lost; attempting to reconnect now


@dataclass(frozen=True)
class LinkReport:
    state: LinkState
    reason: str | None = (
        None  # why the stream was lost (a Phrase, said by the GUI); None: it stopped sending pictures
    )
    retry_in: float = 0.0
    decoding: str = ""  # LIVE: how the pictures are decoded (``FrameSource.decoding``, a Phrase)


class FrameThinner:
    """Lets through at most ``max_fps`` frames per second on average, evenly spaced.

    A frame up to a quarter interval early still passes, so a 25 fps source under a 25 fps
    limit is not halved by clock jitter.
    """

    def __init__(self, max_fps: float) -> None:
        self.max_fps = max_fps
        self._due = 0.0

    @property
    def max_fps(self) -> float:
        return 1.0 / self.interval

    @max_fps.setter
    def max_fps(self, fps: float) -> None:
        self.interval = 1.0 / fps

    def due(self, now: float) -> bool:
        """Whether a frame now would pass (without taking its turn)."""
        return now >= self._due - self.interval / 4

    def allow(self, now: float) -> bool:
        if not self.due(now):
            return False
        self._due = max(self._due + self.interval, now)
        return True


def to_qimage(frame: np.ndarray, box: Size) -> QImage:
    """The BGR frame fitted into box (aspect kept) as a QImage that owns its pixels.

    The image is 32-bit RGB, the raster format of the screen, so painting it is a plain copy to the
    screen with no conversion on the GUI thread; the colour conversion writes straight into the
    image's own pixels (no intermediate array, no second copy).
    """
    height, width = frame.shape[:2]
    target = fit_within(width, height, box)
    if target != (width, height):
        shrinking = target[0] < width
        frame = cv2.resize(frame, target, interpolation=cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR)
    image = QImage(target[0], target[1], QImage.Format.Format_RGB32)  # bytes B, G, R, 255 on little-endian
    pixels = np.ndarray(
        (target[1], target[0], 4), np.uint8, image.bits(), strides=(image.bytesPerLine(), 4, 1)
    )
    cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA, dst=pixels)
    return image


class PreviewWorker:
    def __init__(
        self,
        camera_id: str,
        source: FrameSource,
        size: Size,
        *,
        deliver: Callable[[PreviewWorker, QImage], None],
        report: Callable[[PreviewWorker, LinkReport], None],
        max_fps: float,
        backoff: tuple[float, float],
        wake: threading.Event | None = None,
    ) -> None:
        """``wake``: the event whoever drives the steps waits on (set on resume and stop); its own by
        default."""
        self.camera_id = camera_id
        self.source = source
        self.wanted_source = source  # replaced from the GUI thread (``switch_to``); taken between frames
        self.size = size  # replaced whole from the GUI thread; read once per frame
        self.max_fps = max_fps  # likewise
        self._deliver = deliver
        self._report = report
        self._backoff = backoff
        self._stop = threading.Event()
        self._done = threading.Event()
        self._paused = False
        self.wake = wake or threading.Event()
        self._frames_since_open = 0

    def start(self) -> None:
        """Run the steps on a thread of the worker's own."""
        threading.Thread(target=self._run_alone, name=f"preview-{self.camera_id}", daemon=True).start()

    @property
    def paused(self) -> bool:
        return self._paused

    @paused.setter
    def paused(self, paused: bool) -> None:
        """While paused nothing is decoded, converted or delivered; a live source keeps its link
        and drops its pictures (``FrameSource.drop``). Set from the GUI thread."""
        self._paused = paused
        if not paused:
            self.wake.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def request_stop(self) -> None:
        self._stop.set()
        self.wake.set()

    def switch_to(self, source: FrameSource) -> None:
        """Show ``source`` from the next frame on (the substream or the main stream of the camera);
        the picture stays until the other stream's first frame, nothing is reported lost. During a
        back-off the switch waits for the next attempt."""
        self.wanted_source = source
        self.wake.set()

    def join(self, timeout: float) -> bool:
        """Wait up to timeout seconds; True once the worker has ended."""
        return self._done.wait(timeout)

    def is_alive(self) -> bool:
        return not self._done.is_set()

    def _run_alone(self) -> None:
        for wait in self.steps():
            if wait == PAUSED:
                self.wake.wait(PAUSED_CHECK)
            elif wait > 0:
                self._stop.wait(wait)

    def steps(self) -> Generator[float, None, None]:
        """Connect, deliver, reconnect after a back-off, until stopped; yields the seconds to wait
        before the next step (0: at once; PAUSED: until resumed)."""
        try:
            delay = self._backoff[0]
            reason: str | None = None
            self._report(self, LinkReport(LinkState.STARTING))
            while not self._stop.is_set():
                self.source = self.wanted_source
                try:
                    reason = yield from self._stream()
                except SourceError as exc:
                    reason = sentence_of(exc)
                except Exception as exc:  # a bug or an OpenCV failure: keep retrying, but leave a trace
                    log.exception("preview of %s failed", self.camera_id)
                    reason = str(exc) or type(exc).__name__
                finally:
                    self.source.close()
                if self._stop.is_set():
                    break
                if self.wanted_source is not self.source:
                    continue
                if self._frames_since_open:
                    delay = self._backoff[0]
                self._report(self, LinkReport(LinkState.WAITING, reason, delay))
                yield delay
                if self._stop.is_set():
                    break
                delay = min(delay * 2, self._backoff[1])
                self._report(self, LinkReport(LinkState.RETRYING, reason))
        finally:
            self._done.set()

    def _stream(self) -> Generator[float, None, str | None]:
        """Open and deliver until stopped; returns None when the source stops sending pictures."""
        self._frames_since_open = 0
        self.source.want_size(self.size)
        self.source.open()
        thinner = FrameThinner(self.max_fps)
        shown = None
        while not self._stop.is_set() and self.wanted_source is self.source:
            if self._paused:
                if not (yield from self._idle()):
                    return None
                shown = None  # the picture on resume is shown even if it has not changed
                continue
            size = self.size
            if size != self.source.wanted_size:
                self.source.want_size(size)
                shown = None
            if thinner.max_fps != self.max_fps:
                thinner.max_fps = self.max_fps
            due_in = self.source.due_in()
            if due_in > 0:
                yield due_in
                continue
            if not thinner.due(time.monotonic()):  # the next picture comes too early to be shown
                if not self.source.skip():
                    return None
                continue
            frame = self.source.read()
            if frame is None:
                return None
            if frame is shown or not thinner.allow(time.monotonic()):
                continue
            shown = frame
            image = to_qimage(frame, size)
            if self._frames_since_open == 0:
                self._report(self, LinkReport(LinkState.LIVE, decoding=self.source.decoding()))
            self._frames_since_open += 1
            self._deliver(self, image)
        return None

    def _idle(self) -> Generator[float, None, bool]:
        """One step of a pause; False when the live source's stream stopped meanwhile."""
        if self.source.live:
            return self.source.drop()
        self.wake.clear()
        if self._paused and not self._stop.is_set():
            yield PAUSED
        return True
