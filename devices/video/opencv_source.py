"""Pictures from RTSP, HTTP (MJPEG), a video file or a local capture device, through OpenCV.

Where the stream is Motion-JPEG (MJPEG over HTTP, MJPEG files) the capture hands over the
undecoded JPEG of each frame and libjpeg decodes it at 1/2, 1/4 or 1/8 size straight away
(the DCT scaling of ``IMREAD_REDUCED_COLOR_*``), which costs a fraction of a full decode
followed by a resize. Other codecs are decoded at full size; the caller resizes.
"""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path

import cv2
import numpy as np

from devices.video.base import NOT_OPEN, FrameSource, Pacer, SourceError, fit_within
from devices.video.rtsp_check import why_rtsp_fails
from devices.video.spec import PreviewSourceError, SourceKind, SourceSpec, parse_spec, redact
from common.wording import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

DEFAULT_FILE_FPS = 25.0
MAX_FILE_FPS = 240.0
MJPEG_FOURCC = cv2.VideoWriter.fourcc(*"MJPG")
# OpenCV hands this variable's FFmpeg options to every capture it opens. By default FFmpeg
# watches an RTSP stream for about a second to guess its frame rate before the first picture,
# and OpenCV opens one capture at a time, so sixteen cameras took 15 s to show (docs/video.md).
# The SDP of an RTSP session already names the codec and, nearly always, its parameter sets.
FFMPEG_OPTIONS = "OPENCV_FFMPEG_CAPTURE_OPTIONS"
RTSP_QUICK_START = "rtsp_transport;tcp|analyzeduration;0|probesize;32"   # tcp: OpenCV's own default
_OPENING = threading.Lock()     # the variable is the process's: one open at a time sets it
# (factor, flag), largest reduction first
_REDUCED_DECODES = ((8, cv2.IMREAD_REDUCED_COLOR_8), (4, cv2.IMREAD_REDUCED_COLOR_4),
                    (2, cv2.IMREAD_REDUCED_COLOR_2))


class OpenCvSource(FrameSource):
    """A ``cv2.VideoCapture`` behind the FrameSource interface; files loop and play at their fps."""

    def __init__(self, spec: SourceSpec | str | int, *, reduced_decode: bool = True,
                 open_timeout: float = 5.0, read_timeout: float = 5.0) -> None:
        super().__init__()
        self.spec = spec if isinstance(spec, SourceSpec) else parse_spec(spec)
        if self.spec.kind is SourceKind.DEMO:
            raise PreviewSourceError(QT_TRANSLATE_NOOP(
                "PreviewSource", "the demo picture comes from a simulated camera, not from OpenCV"))
        self.reduced_decode = reduced_decode
        self.live = self.spec.kind is not SourceKind.FILE
        self._timeouts_ms = (round(open_timeout * 1000), round(read_timeout * 1000))
        self._capture: cv2.VideoCapture | None = None
        self._jpeg_packets = False
        self._native_size = (0, 0)
        self._pacer: Pacer | None = None

    def describe(self) -> str:
        if self.spec.kind is SourceKind.DEVICE:
            return QT_TRANSLATE_NOOP("PreviewSource", "capture device {number}").format(number=self.spec.target)
        if self.spec.kind is SourceKind.FILE:
            return QT_TRANSLATE_NOOP("PreviewSource", "file {path}").format(path=self.spec.target)
        return redact(str(self.spec.target))

    def open(self) -> None:
        self.close()
        if self.spec.kind is SourceKind.FILE and not Path(str(self.spec.target)).is_file():
            raise SourceError(QT_TRANSLATE_NOOP("PreviewSource", "file not found: {path}")
                              .format(path=self.spec.target))
        rtsp = self.spec.kind is SourceKind.RTSP
        capture = self._new_capture(quick=rtsp)
        if rtsp and capture.isOpened() and capture.get(cv2.CAP_PROP_FRAME_WIDTH) <= 0:
            capture.release()      # the SDP did not say the picture size: let FFmpeg look at the stream
            capture = self._new_capture(quick=False)
        if not capture.isOpened():
            capture.release()
            raise SourceError(self._open_failure())
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)     # honoured by some backends only
        self._native_size = (int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)),
                             int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        self._jpeg_packets = (self.reduced_decode and self.spec.kind is not SourceKind.DEVICE
                              and int(capture.get(cv2.CAP_PROP_FOURCC)) == MJPEG_FOURCC
                              and capture.set(cv2.CAP_PROP_FORMAT, -1))
        if self.spec.kind is SourceKind.FILE:
            fps = capture.get(cv2.CAP_PROP_FPS)
            self._pacer = Pacer(fps if 1.0 <= fps <= MAX_FILE_FPS else DEFAULT_FILE_FPS)
        self._capture = capture
        log.debug("opened %s (%dx%d, reduced JPEG decoding %s)", self.describe(),
                  *self._native_size, "on" if self._jpeg_packets else "off")

    def read(self) -> np.ndarray | None:
        if self._capture is None:
            raise SourceError(NOT_OPEN.format(source=self.describe()))
        if self._pacer is not None:
            self._pacer.wait()
        ok, data = self._capture.read()
        if not ok and self.spec.kind is SourceKind.FILE:
            self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, data = self._capture.read()
        if not ok:
            reason = self._camera_says()
            if reason is not None:
                raise SourceError(reason)
            return None
        return self._decode_jpeg(data) if self._jpeg_packets else data

    def drop(self) -> bool:
        """``grab`` without ``retrieve``: the picture leaves the link unconverted (MJPEG: undecoded)."""
        if self._capture is None:
            raise SourceError(NOT_OPEN.format(source=self.describe()))
        return self._capture.grab()

    def close(self) -> None:
        if self._capture is not None:
            self._capture.release()
            self._capture = None
        self._jpeg_packets = False
        self._pacer = None

    def _new_capture(self, quick: bool) -> cv2.VideoCapture:
        if self.spec.kind is SourceKind.DEVICE:
            return cv2.VideoCapture(int(self.spec.target))
        open_ms, read_ms = self._timeouts_ms
        with _OPENING:
            quick = quick and FFMPEG_OPTIONS not in os.environ     # IT staff's own options win
            if quick:
                os.environ[FFMPEG_OPTIONS] = RTSP_QUICK_START
            try:
                return cv2.VideoCapture(str(self.spec.target), cv2.CAP_FFMPEG,
                                        [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, open_ms,
                                         cv2.CAP_PROP_READ_TIMEOUT_MSEC, read_ms])
            finally:
                if quick:
                    del os.environ[FFMPEG_OPTIONS]

    def _camera_says(self) -> str | None:
        """Why an RTSP camera does not stream, asked after a failure (OpenCV does not say)."""
        return why_rtsp_fails(str(self.spec.target)) if self.spec.kind is SourceKind.RTSP else None

    def _open_failure(self) -> str:
        reason = self._camera_says()
        if reason is not None:
            return reason
        if self.spec.kind is SourceKind.DEVICE:
            failure = QT_TRANSLATE_NOOP("PreviewSource", "{source} is not available")
        elif self.spec.kind is SourceKind.FILE:
            failure = QT_TRANSLATE_NOOP("PreviewSource", "cannot play {source} (not a video OpenCV can read?)")
        else:
            failure = QT_TRANSLATE_NOOP("PreviewSource", "cannot connect to {source}")
        return failure.format(source=self.describe())

    def _decode_jpeg(self, packet: np.ndarray) -> np.ndarray:
        frame = cv2.imdecode(packet, self._decode_flag())
        if frame is None:
            # Not plain JPEG after all: decode whole frames from the next open on.
            self.reduced_decode = False
            raise SourceError(QT_TRANSLATE_NOOP(
                "PreviewSource", "{source} sent a frame that is not JPEG; reopening with full decoding").format(
                source=self.describe()))
        if self._native_size[0] <= 0:
            self._native_size = (frame.shape[1], frame.shape[0])
        return frame

    def _decode_flag(self) -> int:
        width, height = self._native_size
        if self.wanted_size is None or width <= 0 or height <= 0:
            return cv2.IMREAD_COLOR
        shown_w, shown_h = fit_within(width, height, self.wanted_size)
        for factor, flag in _REDUCED_DECODES:
            if width // factor >= shown_w and height // factor >= shown_h:
                return flag
        return cv2.IMREAD_COLOR
