"""The picture of a simulated PTZ camera: a crop of the bundled panorama that follows the head.

Pan moves the view across the panorama (the profile's left end at the left edge), tilt
moves it up and down (tilt 0 looks at the stage, tilt_max at the ceiling, tilt_min at the
floor), zoom narrows it from the wide view (zoom 0) to 1/ZOOM_RATIO of that (zoom_max).
The picture is rendered at the size asked for with ``want_size``, so a small tile costs
little, and carries an overlay with the camera's name, its position numbers and a clock (WIB,
as in the operations log).
A camera in standby shows a dark frame.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Mapping

import cv2
import numpy as np

from devices.video.base import NOT_OPEN, FrameSource, Pacer, Size, SourceError, fit_within
from devices.visca.profiles import CameraProfile
from models.oplog_time import WIB
from models.wording import QT_TRANSLATE_NOOP

DEFAULT_PANORAMA = Path(__file__).resolve().parents[2] / "resources" / "demo" / "panorama.jpg"
DEFAULT_SIZE: Size = (1280, 720)
ASPECT = 16 / 9
WIDE_SHARE = 0.3        # the wide view spans this share of the panorama's width
ZOOM_RATIO = 6.0        # magnification at zoom_max; more would only show the panorama's pixels
LEVEL_ROW = 0.45        # tilt 0 centres the view this far down the panorama (the stage)
FONT = cv2.FONT_HERSHEY_SIMPLEX
STANDBY_GREY = 24

View = tuple[float, float, float, float]    # centre x, centre y, width, height in panorama pixels


class SyntheticCameraSource(FrameSource):
    def __init__(self, state_fn: Callable[[], Mapping[str, Any]], profile: CameraProfile,
                 panorama: np.ndarray | str | Path | None = None, *, name: str = "",
                 fps: float = 25.0) -> None:
        super().__init__()
        self.state_fn = state_fn
        self.profile = profile
        self.name = name or profile.label
        self._panorama_path = None if isinstance(panorama, np.ndarray) else Path(panorama or DEFAULT_PANORAMA)
        self._panorama = panorama if isinstance(panorama, np.ndarray) else None
        self._pacer = Pacer(fps)
        self._opened = False

    def describe(self) -> str:
        return QT_TRANSLATE_NOOP("PreviewSource", "simulated camera {name}").format(name=self.name)

    def open(self) -> None:
        if self._panorama is None and self._panorama_path is not None:
            image = cv2.imread(str(self._panorama_path), cv2.IMREAD_COLOR)
            if image is None:
                raise SourceError(QT_TRANSLATE_NOOP("PreviewSource", "demo panorama missing or unreadable: {path}")
                                  .format(path=str(self._panorama_path)))
            self._panorama = image
        self._pacer.reset()
        self._opened = True

    def read(self) -> np.ndarray | None:
        if not self._opened:
            raise SourceError(NOT_OPEN.format(source=self.describe()))
        self._pacer.wait()
        state = self.state_fn()
        size = fit_within(16, 9, self.wanted_size or DEFAULT_SIZE)
        if not state.get("power", True):
            return self._standby(size)
        frame = self._crop(self.view(state), size)
        self._overlay(frame, state)
        return frame

    def close(self) -> None:
        self._opened = False

    @property
    def panorama(self) -> np.ndarray:
        if self._panorama is None:
            raise SourceError(NOT_OPEN.format(source=self.describe()))
        return self._panorama

    def view(self, state: Mapping[str, Any]) -> View:
        """Where the camera looks, in panorama pixels."""
        height, width = self.panorama.shape[:2]
        p = self.profile
        wide_w = min(width * WIDE_SHARE, height * ASPECT)
        wide_h = wide_w / ASPECT
        pan = _fraction(state.get("pan", 0), p.pan_min, p.pan_max)
        if p.pan_left_positive:
            pan = 1 - pan
        zoom = _fraction(state.get("zoom", 0), 0, p.zoom_max)
        magnification = ZOOM_RATIO ** zoom
        centre_x = wide_w / 2 + pan * (width - wide_w)
        centre_y = _tilt_row(state.get("tilt", 0), p, wide_h / 2, height - wide_h / 2, height * LEVEL_ROW)
        return centre_x, centre_y, wide_w / magnification, wide_h / magnification

    def _crop(self, view: View, size: Size) -> np.ndarray:
        cx, cy, w, h = view
        if w >= size[0]:
            # Shrinking: whole-pixel crop and area averaging; a pixel of jitter is invisible here.
            left, top = round(cx - w / 2), round(cy - h / 2)
            crop = self.panorama[top:top + round(h), left:left + round(w)]
            return cv2.resize(crop, size, interpolation=cv2.INTER_AREA)
        # Magnifying: sub-pixel sampling, so slow pans at tele glide instead of stepping.
        scale = w / size[0]
        to_panorama = np.array([[scale, 0.0, cx - w / 2], [0.0, scale, cy - h / 2]])
        return cv2.warpAffine(self.panorama, to_panorama, size,
                              flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP, borderMode=cv2.BORDER_REPLICATE)

    def _overlay(self, frame: np.ndarray, state: Mapping[str, Any]) -> None:
        height = frame.shape[0]
        scale = max(0.35, height / 720 * 0.9)
        margin = max(4, height // 40)
        line = round(scale * 30)
        _text(frame, self.name, (margin, margin + line), scale)
        clock = datetime.now(WIB).strftime("%H:%M:%S")     # the operations log's time, whatever the PC's zone
        _text(frame, clock, (frame.shape[1] - margin - _text_width(clock, scale), margin + line), scale)
        pan, tilt, zoom = (round(state.get(axis, 0)) for axis in ("pan", "tilt", "zoom"))
        numbers = f"P {pan:+d}  T {tilt:+d}  Z {zoom}"
        _text(frame, numbers, (margin, height - margin), scale)
        if state.get("moving"):
            radius = max(3, line // 3)
            cv2.circle(frame, (frame.shape[1] - margin - radius, height - margin - radius), radius,
                       (40, 40, 230), -1, cv2.LINE_AA)

    def _standby(self, size: Size) -> np.ndarray:
        frame = np.full((size[1], size[0], 3), STANDBY_GREY, np.uint8)
        scale = max(0.35, size[1] / 720 * 1.4)
        _text(frame, "STANDBY", ((size[0] - _text_width("STANDBY", scale)) // 2, size[1] // 2), scale,
              (150, 150, 150))
        _text(frame, self.name, (max(4, size[1] // 40), size[1] - max(4, size[1] // 40)), scale / 1.6,
              (120, 120, 120))
        return frame


def _fraction(value: float, low: float, high: float) -> float:
    return min(max((value - low) / (high - low), 0.0), 1.0) if high > low else 0.0


def _thickness(scale: float) -> int:
    return max(1, round(scale * 2))


def _text_width(text: str, scale: float) -> int:
    return cv2.getTextSize(text, FONT, scale, _thickness(scale))[0][0]


def _tilt_row(tilt: float, profile: CameraProfile, top: float, bottom: float, level: float) -> float:
    """Panorama row of the view's centre: level at tilt 0, top at tilt_max, bottom at tilt_min."""
    level = min(max(level, top), bottom)
    if tilt >= 0:
        return level - _fraction(tilt, 0, profile.tilt_max) * (level - top)
    return level + _fraction(-tilt, 0, -profile.tilt_min) * (bottom - level)


def _text(frame: np.ndarray, text: str, origin: tuple[int, int], scale: float,
          color: tuple[int, int, int] = (255, 255, 255)) -> None:
    thickness = _thickness(scale)
    (width, height), baseline = cv2.getTextSize(text, FONT, scale, thickness)
    pad = thickness + 1
    x, y = origin
    cv2.rectangle(frame, (x - pad, y - height - pad), (x + width + pad, y + baseline), (30, 30, 30), -1)
    cv2.putText(frame, text, origin, FONT, scale, color, thickness, cv2.LINE_AA)
