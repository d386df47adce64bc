"""Pictures from HTTP (MJPEG), a video file or a local capture device, through OpenCV
(RTSP streams: devices/video/pyav_source.py).

Where the stream is Motion-JPEG (MJPEG over HTTP, MJPEG files) the capture hands over the
undecoded JPEG of each frame and libjpeg decodes it at 1/2, 1/4 or 1/8 size straight away
(the DCT scaling of ``IMREAD_REDUCED_COLOR_*``), which costs a fraction of a full decode
followed by a resize. Other codecs are decoded at full size; the caller resizes.
"""

from __future__ import annotations

import logging
from pathlib import Path

import cv2
import numpy as np

from common.wording import QT_TRANSLATE_NOOP
from devices.video.base import CANNOT_CONNECT, NOT_OPEN, FrameSource, Pacer, SourceError, fit_within
from devices.video.spec import PreviewSourceError, SourceKind, SourceSpec, parse_spec, redact

log = logging.getLogger(__name__)

DEFAULT_FILE_FPS = 25.0
MAX_FILE_FPS = 240.0
MJPEG_FOURCC = cv2.VideoWriter.fourcc(*"MJPG")
# (factor, flag), largest reduction first
_REDUCED_DECODES = (
    (8, cv2.IMREAD_REDUCED_COLOR_8),
    (4, cv2.IMREAD_REDUCED_COLOR_4),
    (2, cv2.IMREAD_REDUCED_COLOR_2),
)


class OpenCvSource(FrameSource):
    """A ``cv2.VideoCapture`` behind the FrameSource interface; files loop and play at their fps."""

    def __init__(
        self,
        spec: SourceSpec | str | int,
        *,
        reduced_decode: bool = True,
        open_timeout: float = 5.0,
        read_timeout: float = 5.0,
    ) -> None:
        super().__init__()
        self.spec = spec if isinstance(spec, SourceSpec) else parse_spec(spec)
        if self.spec.kind in (SourceKind.DEMO, SourceKind.RTSP):
            raise PreviewSourceError(
                QT_TRANSLATE_NOOP("PreviewSource", "{source} is not played through OpenCV").format(
                    source=self.describe()
                )
            )
        self.reduced_decode = reduced_decode
        self.live = self.spec.kind is not SourceKind.FILE
        self._timeouts_ms = (round(open_timeout * 1000), round(read_timeout * 1000))
        self._capture: cv2.VideoCapture | None = None
        self._jpeg_packets = False
        self._native_size = (0, 0)
        self._pacer: Pacer | None = None

    def describe(self) -> str:
        if self.spec.kind is SourceKind.DEVICE:
            return QT_TRANSLATE_NOOP("PreviewSource", "capture device {number}").format(
                number=self.spec.target
            )
        if self.spec.kind is SourceKind.FILE:
            return QT_TRANSLATE_NOOP("PreviewSource", "file {path}").format(path=self.spec.target)
        return redact(str(self.spec.target))

    def open(self) -> None:
        self.close()
        if self.spec.kind is SourceKind.FILE and not Path(str(self.spec.target)).is_file():
            raise SourceError(
                QT_TRANSLATE_NOOP("PreviewSource", "file not found: {path}").format(path=self.spec.target)
            )
        capture = self._new_capture()
        if not capture.isOpened():
            capture.release()
            raise SourceError(self._open_failure())
        capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # honoured by some backends only
        self._native_size = (
            int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)),
            int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)),
        )
        self._jpeg_packets = (
            self.reduced_decode
            and self.spec.kind is not SourceKind.DEVICE
            and int(capture.get(cv2.CAP_PROP_FOURCC)) == MJPEG_FOURCC
            and capture.set(cv2.CAP_PROP_FORMAT, -1)
        )
        if self.spec.kind is SourceKind.FILE:
            fps = capture.get(cv2.CAP_PROP_FPS)
            self._pacer = Pacer(fps if 1.0 <= fps <= MAX_FILE_FPS else DEFAULT_FILE_FPS)
        self._capture = capture
        log.debug(
            "opened %s (%dx%d, reduced JPEG decoding %s)",
            self.describe(),
            *self._native_size,
            "on" if self._jpeg_packets else "off",
        )

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
            return None
        return self._decode_jpeg(data) if self._jpeg_packets else data

    def skip(self) -> bool:
        """A live stream: ``grab`` decodes (H.264) or takes the JPEG (MJPEG) without converting; a file plays
        on."""
        return self.drop() if self.live else super().skip()

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

    def _new_capture(self) -> cv2.VideoCapture:
        if self.spec.kind is SourceKind.DEVICE:
            return cv2.VideoCapture(int(self.spec.target))
        open_ms, read_ms = self._timeouts_ms
        return cv2.VideoCapture(
            str(self.spec.target),
            cv2.CAP_FFMPEG,
            [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, open_ms, cv2.CAP_PROP_READ_TIMEOUT_MSEC, read_ms],
        )

    def _open_failure(self) -> str:
        if self.spec.kind is SourceKind.DEVICE:
            failure = QT_TRANSLATE_NOOP("PreviewSource", "{source} is not available")
        elif self.spec.kind is SourceKind.FILE:
            failure = QT_TRANSLATE_NOOP(
                "PreviewSource", "cannot play {source} (not a video OpenCV can read?)"
            )
        else:
            failure = CANNOT_CONNECT
        return failure.format(source=self.describe())

    def _decode_jpeg(self, packet: np.ndarray) -> np.ndarray:
        frame = cv2.imdecode(packet, self._decode_flag())
        if frame is None:
            # Not plain JPEG after all: decode whole frames from the next open on.
            self.reduced_decode = False
            raise SourceError(
                QT_TRANSLATE_NOOP(
                    "PreviewSource", "{source} sent a frame that is not JPEG; reopening with full decoding"
                ).format(source=self.describe())
            )
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
