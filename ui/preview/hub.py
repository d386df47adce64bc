"""Live previews: one worker per camera, the newest frame handed to the GUI thread.

A camera whose source may block (a stream, a file) has a thread of its own; the demo cameras,
whose pictures are drawn here and never wait, share one (ui/preview/shared_thread.py).

Frames are never queued. Each camera has one mailbox slot for a frame the GUI thread has not
taken yet; a newer frame replaces it, and only the first frame into an empty slot posts a call
to the GUI thread. However slow the GUI thread is, it finds at most one frame per camera
waiting, so a busy moment costs dropped frames instead of a growing backlog (the pattern of
ui/common/bridge.py). Link reports travel the same way: the GUI shows the newest.

Several views may show a camera at once; the camera's one worker delivers what the views that can
be seen need (``set_size``, ``set_view_shown``; views.py says how: sizes, rates, pauses, substreams).
Network streams are decoded in hardware where a decoder works, else in software (the console's
setting ``preview/decode``: auto, hardware or software; devices/video/decoding.py); the hub says
which for each camera (``decodingChanged``), for the health view.
The bank's tiles get at most ``tile_fps`` frames a second (the console's setting ``preview/tile_fps``,
12.5 unless set); a larger view gets them at the source's own rate, up to ``max_fps``.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from PySide6.QtCore import QObject, QSettings, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage

from devices.video import DecodeMode, FrameSource, open_source
from ui.common.wording import said
from ui.preview.shared_thread import SharedPreviewThread
from ui.preview.views import TILES, ViewSizes, box
from ui.preview.worker import LinkReport, LinkState, PreviewWorker

log = logging.getLogger(__name__)

STOP_TIMEOUT = 1.0
# The first and the longest wait before reconnecting: a camera back after any outage shows again
# within about 5 s; an attempt at a camera that is away costs one refused or unanswered connect.
RECONNECT_BACKOFF = (1.0, 4.0)
TILE_FPS_SETTING = "preview/tile_fps"
DEFAULT_TILE_FPS = 12.5
DECODE_SETTING = "preview/decode"


def tile_fps_from(settings: QSettings) -> float:
    """The console's tile rate (``preview/tile_fps``); the default where it is unset or not a positive
    number."""
    value = settings.value(TILE_FPS_SETTING, DEFAULT_TILE_FPS)  # a list where the file says "1, 2"
    try:
        fps = float(value) if isinstance(value, str | int | float) else 0.0
    except ValueError:
        fps = 0.0
    if fps > 0:
        return fps
    log.warning(
        "%s must be a positive number of frames a second; using %g", TILE_FPS_SETTING, DEFAULT_TILE_FPS
    )
    return DEFAULT_TILE_FPS


def decode_from(settings: QSettings) -> DecodeMode:
    """How network streams are decoded (``preview/decode``): auto where unset or not one of the three."""
    value = str(settings.value(DECODE_SETTING, DecodeMode.AUTO.value)).strip().lower()
    try:
        return DecodeMode(value)
    except ValueError:
        log.warning(
            "%s must be one of %s; using auto", DECODE_SETTING, ", ".join(m.value for m in DecodeMode)
        )
        return DecodeMode.AUTO


class PreviewHub(QObject):
    """Signals:
    frameReady(str camera_id, QImage): a new picture, already at tile size.
    statusChanged(str camera_id, str message): empty while the picture is fine, otherwise
        what is wrong in plain words ("no signal – reconnecting in 2 s: …").
    decodingChanged(str camera_id, Phrase how): how the camera's pictures are decoded, a Phrase
        ("software", "hardware (cuda)", …), said once its stream delivers.
    """

    frameReady = Signal(str, QImage)
    statusChanged = Signal(str, str)
    decodingChanged = Signal(str, object)  # object: the Phrase, said in the language of the moment
    _frameWaiting = Signal(str)  # from a worker thread: a frame waits in the mailbox
    _reportWaiting = Signal(str)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        max_fps: float = 60.0,
        tile_fps: float = DEFAULT_TILE_FPS,
        backoff: tuple[float, float] = RECONNECT_BACKOFF,
    ) -> None:
        super().__init__(parent)
        self._frameWaiting.connect(self._take_frame, Qt.ConnectionType.QueuedConnection)
        self._reportWaiting.connect(self._take_report, Qt.ConnectionType.QueuedConnection)
        for name, fps in (("max_fps", max_fps), ("tile_fps", tile_fps)):
            if fps <= 0:
                raise ValueError(f"{name} must be positive, not {fps}")
        self.max_fps = max_fps
        self.tile_fps = min(tile_fps, max_fps)
        self.backoff = backoff
        self._lock = threading.Lock()  # guards _workers and the two mailboxes
        self._workers: dict[str, PreviewWorker] = {}
        self._frames: dict[str, QImage] = {}  # mailbox: a frame the GUI thread has not taken
        self._reports: dict[str, LinkReport] = {}  # mailbox: the newest link report
        self._latest: dict[str, QImage] = {}
        self._views = ViewSizes()
        self._streams: dict[str, tuple[FrameSource, FrameSource]] = {}  # camera -> (substream, main stream)
        self._status: dict[str, str] = {}
        self._decoding: dict[str, str] = {}
        self._shared = SharedPreviewThread()
        self._retiring: list[PreviewWorker] = []  # removed, possibly still finishing a read

    def add(
        self,
        camera_id: str,
        source: FrameSource | str,
        size: QSize,
        *,
        main_stream: FrameSource | str | None = None,
    ) -> None:
        """Start showing ``source`` (a FrameSource or a spec string) for the camera; ``main_stream``,
        when given, is shown instead while a large view shows the camera.

        Raises ValueError for a bad spec, a bad size or a camera that already has a preview.
        """
        if camera_id in self._workers:
            raise ValueError(f"camera {camera_id!r} already has a preview")
        tile_box = box(size)
        if isinstance(source, str):
            source = open_source(source)
        if isinstance(main_stream, str):
            main_stream = open_source(main_stream)
        self._views.add_camera(camera_id, size)
        if main_stream is not None:
            self._streams[camera_id] = (source, main_stream)
        shares_thread = source.shares_thread and (main_stream is None or main_stream.shares_thread)
        worker = PreviewWorker(
            camera_id,
            source,
            tile_box,
            deliver=self._offer_frame,
            report=self._offer_report,
            max_fps=self.tile_fps,
            backoff=self.backoff,
            wake=self._shared.wake if shares_thread else None,
        )
        worker.paused = self._views.is_hidden(TILES)
        with self._lock:
            self._workers[camera_id] = worker
        if shares_thread:
            self._shared.add(worker)
        else:
            worker.start()

    def set_size(self, camera_id: str, size: QSize, view: str = TILES) -> None:
        """``view`` shows the camera at ``size``; frames come at the largest size any view asks for."""
        self._worker(camera_id)  # a camera without a preview is refused (KeyError)
        self._views.set_size(camera_id, view, size)
        self._follow_views(camera_id)

    def forget_view(self, view: str) -> None:
        """``view`` no longer shows any camera (an enlarged preview or the multiview closed)."""
        for camera_id in self._views.forget_view(view):
            self._follow_views(camera_id)

    def set_view_shown(self, view: str, shown: bool) -> None:
        """Whether anybody can see ``view`` now (its window minimised, hidden or shown again)."""
        self._views.set_shown(view, shown)
        for camera_id in self._views.cameras():
            self._follow_views(camera_id)

    def _follow_views(self, camera_id: str) -> None:
        """Frames as large and as frequent as the visible views showing the camera need; none if none is
        visible."""
        worker, demand = self._workers[camera_id], self._views.demand(camera_id)
        worker.size = demand.size
        worker.max_fps = self.max_fps if demand.beyond_tiles else self.tile_fps
        worker.paused = demand.paused
        if camera_id in self._streams:
            substream, main_stream = self._streams[camera_id]
            worker.switch_to(main_stream if demand.main_stream else substream)

    def streaming(self, camera_id: str) -> FrameSource:
        """The stream the camera's worker plays now (or is about to)."""
        return self._worker(camera_id).wanted_source

    def camera_ids(self) -> list[str]:
        with self._lock:
            return list(self._workers)

    def remove(self, camera_id: str) -> None:
        """Stop the camera's preview without waiting for its thread (``stop`` collects it)."""
        worker = self._worker(camera_id)
        worker.request_stop()
        with self._lock:
            del self._workers[camera_id]
            self._frames.pop(camera_id, None)
            self._reports.pop(camera_id, None)
        self._latest.pop(camera_id, None)
        self._status.pop(camera_id, None)
        self._decoding.pop(camera_id, None)
        self._views.remove_camera(camera_id)
        self._streams.pop(camera_id, None)
        self._retiring = [w for w in self._retiring if w.is_alive()] + [worker]

    def latest(self, camera_id: str) -> QImage | None:
        """The last frame delivered for the camera, or None."""
        return self._latest.get(camera_id)

    def stop(self) -> None:
        """Stop every preview; waits about a second in all for the threads to end."""
        for camera_id in list(self._workers):
            self.remove(camera_id)
        deadline = time.monotonic() + STOP_TIMEOUT
        for worker in self._retiring:
            if not worker.join(max(0.0, deadline - time.monotonic())):
                # Blocked in a network read; it is a daemon thread and ends when the read times out.
                log.warning("preview thread of %s did not stop within %.1f s", worker.camera_id, STOP_TIMEOUT)
        self._retiring = [w for w in self._retiring if w.is_alive()]

    def _worker(self, camera_id: str) -> PreviewWorker:
        try:
            return self._workers[camera_id]
        except KeyError:
            raise KeyError(f"camera {camera_id!r} has no preview") from None

    # ---- worker threads -------------------------------------------------------------------------
    def _offer_frame(self, worker: PreviewWorker, image: QImage) -> None:
        if self._put(self._frames, worker, image):
            self._frameWaiting.emit(worker.camera_id)

    def _offer_report(self, worker: PreviewWorker, report: LinkReport) -> None:
        if self._put(self._reports, worker, report):
            self._reportWaiting.emit(worker.camera_id)

    def _put(self, mailbox: dict[str, Any], worker: PreviewWorker, item: Any) -> bool:
        """Leave item for the GUI thread, replacing an untaken one; True if the GUI needs a call."""
        with self._lock:
            if self._workers.get(worker.camera_id) is not worker:
                return False
            was_empty = worker.camera_id not in mailbox
            mailbox[worker.camera_id] = item
        return was_empty

    # ---- GUI thread -------------------------------------------------------------------------------
    @Slot(str)
    def _take_frame(self, camera_id: str) -> None:
        with self._lock:
            image = self._frames.pop(camera_id, None)
        if image is not None:
            self._latest[camera_id] = image
            self.frameReady.emit(camera_id, image)

    @Slot(str)
    def _take_report(self, camera_id: str) -> None:
        with self._lock:
            report = self._reports.pop(camera_id, None)
            worker = self._workers.get(camera_id)
        if report is None or worker is None:
            return
        if report.decoding and self._decoding.get(camera_id) != report.decoding:
            self._decoding[camera_id] = report.decoding
            self.decodingChanged.emit(camera_id, report.decoding)
        message = self._status_text(worker, report)
        if self._status.get(camera_id) != message:
            self._status[camera_id] = message
            self.statusChanged.emit(camera_id, message)

    def _status_text(self, worker: PreviewWorker, report: LinkReport) -> str:
        if report.state is LinkState.LIVE:
            return ""
        if report.state is LinkState.STARTING:
            return self.tr("connecting to {source}…").format(source=said(worker.source.describe()))
        reason = (
            said(report.reason)
            if report.reason is not None
            else self.tr("the stream stopped sending pictures")
        )
        if report.state is LinkState.WAITING:
            return self.tr("no signal – reconnecting in {seconds} s: {reason}").format(
                seconds=f"{report.retry_in:g}", reason=reason
            )
        return self.tr("no signal – reconnecting now: {reason}").format(reason=reason)
