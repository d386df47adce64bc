"""The picture of a simulated PTZ camera: a crop of the bundled panorama that follows the head.

Pan moves the view across the panorama (the profile's left end at the left edge), tilt
moves it up and down (tilt 0 looks at the stage, tilt_max at the ceiling, tilt_min at the
floor), zoom narrows it from the wide view (zoom 0) to 1/ZOOM_RATIO of that (zoom_max).
The picture is rendered at the size asked for with ``want_size``, so a small tile costs
little, and carries an overlay with the camera's name, its position numbers and a clock (WIB,
as in the operations log).
A camera in standby shows a dark frame.
A picture is drawn only when it would differ from the last one (the head moved, the clock's second
ticked, the size changed); otherwise ``read`` hands back the last picture itself, which the preview
worker recognises and skips, so a still demo camera costs about one small render a second.

``view_of`` and ``crop`` are that picture without the source (the demo draws its preset thumbnails
with them); ``position_for`` is the way back: the pan, tilt and zoom that frame a part of the panorama.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from common.time_zone import WIB
from common.wording import QT_TRANSLATE_NOOP
from devices.video.base import NOT_OPEN, FrameSource, Pacer, Size, SourceError, fit_within
from devices.visca.profiles import CameraProfile

DEFAULT_PANORAMA = Path(__file__).resolve().parents[2] / "resources" / "demo" / "panorama.jpg"
DEFAULT_SIZE: Size = (1280, 720)
ASPECT = 16 / 9
WIDE_SHARE = 0.3  # the wide view spans this share of the panorama's width
ZOOM_RATIO = 6.0  # magnification at zoom_max; more would only show the panorama's pixels
LEVEL_ROW = 0.45  # tilt 0 centres the view this far down the panorama (the stage)
FONT = cv2.FONT_HERSHEY_SIMPLEX
STANDBY_GREY = 24
PICTURE_KEYS = ("power", "pan", "tilt", "zoom", "moving")  # the state the picture shows

View = tuple[float, float, float, float]  # centre x, centre y, width, height in panorama pixels


class SyntheticCameraSource(FrameSource):
    shares_thread = True

    def __init__(
        self,
        state_fn: Callable[[], Mapping[str, Any]],
        profile: CameraProfile,
        panorama: np.ndarray | str | Path | None = None,
        *,
        name: str = "",
        fps: float = 25.0,
    ) -> None:
        super().__init__()
        self.state_fn = state_fn
        self.profile = profile
        self.name = name or profile.label
        self._panorama_path = None if isinstance(panorama, np.ndarray) else Path(panorama or DEFAULT_PANORAMA)
        self._panorama = panorama if isinstance(panorama, np.ndarray) else None
        self._pacer = Pacer(fps)
        self._opened = False
        self._last: tuple[tuple[Any, ...], np.ndarray] | None = None  # what the last picture showed, and it

    def describe(self) -> str:
        return QT_TRANSLATE_NOOP("PreviewSource", "simulated camera {name}").format(name=self.name)

    def decoding(self) -> str:
        return QT_TRANSLATE_NOOP("PreviewSource", "none: a synthetic picture")

    def open(self) -> None:
        if self._panorama is None and self._panorama_path is not None:
            self._panorama = load_panorama(self._panorama_path)
        self._pacer.reset()
        self._last = None
        self._opened = True

    def read(self) -> np.ndarray | None:
        if not self._opened:
            raise SourceError(NOT_OPEN.format(source=self.describe()))
        self._pacer.wait()
        state = self.state_fn()
        size = fit_within(16, 9, self.wanted_size or DEFAULT_SIZE)
        shows = (size, int(time.time()), *(state.get(key) for key in PICTURE_KEYS))
        if self._last is not None and self._last[0] == shows:
            return self._last[1]
        if not state.get("power", True):
            frame = self._standby(size)
        else:
            frame = crop(self.panorama, self.view(state), size)
            self._overlay(frame, state)
        self._last = (shows, frame)
        return frame

    def due_in(self) -> float:
        return self._pacer.delay()

    def close(self) -> None:
        self._opened = False

    @property
    def panorama(self) -> np.ndarray:
        if self._panorama is None:
            raise SourceError(NOT_OPEN.format(source=self.describe()))
        return self._panorama

    def view(self, state: Mapping[str, Any]) -> View:
        """Where the camera looks, in panorama pixels."""
        return view_of(state, self.profile, _size_of(self.panorama))

    def _overlay(self, frame: np.ndarray, state: Mapping[str, Any]) -> None:
        height = frame.shape[0]
        scale = max(0.35, height / 720 * 0.9)
        margin = max(4, height // 40)
        line = round(scale * 30)
        _text(frame, self.name, (margin, margin + line), scale)
        clock = datetime.now(WIB).strftime("%H:%M:%S")  # the operations log's time, whatever the PC's zone
        _text(frame, clock, (frame.shape[1] - margin - _text_width(clock, scale), margin + line), scale)
        pan, tilt, zoom = (round(state.get(axis, 0)) for axis in ("pan", "tilt", "zoom"))
        numbers = f"P {pan:+d}  T {tilt:+d}  Z {zoom}"
        _text(frame, numbers, (margin, height - margin), scale)
        if state.get("moving"):
            radius = max(3, line // 3)
            cv2.circle(
                frame,
                (frame.shape[1] - margin - radius, height - margin - radius),
                radius,
                (40, 40, 230),
                -1,
                cv2.LINE_AA,
            )

    def _standby(self, size: Size) -> np.ndarray:
        frame = np.full((size[1], size[0], 3), STANDBY_GREY, np.uint8)
        scale = max(0.35, size[1] / 720 * 1.4)
        _text(
            frame,
            "STANDBY",
            ((size[0] - _text_width("STANDBY", scale)) // 2, size[1] // 2),
            scale,
            (150, 150, 150),
        )
        _text(
            frame,
            self.name,
            (max(4, size[1] // 40), size[1] - max(4, size[1] // 40)),
            scale / 1.6,
            (120, 120, 120),
        )
        return frame


def load_panorama(path: str | Path = DEFAULT_PANORAMA) -> np.ndarray:
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:
        raise SourceError(
            QT_TRANSLATE_NOOP("PreviewSource", "demo panorama missing or unreadable: {path}").format(
                path=str(path)
            )
        )
    return image


def view_of(position: Mapping[str, Any], profile: CameraProfile, panorama: Size) -> View:
    """Where a head at ``position`` (pan, tilt, zoom) looks in a panorama of that size, in its pixels."""
    width, height = panorama
    p = profile
    wide_w, wide_h = _wide_view(panorama)
    pan = _fraction(position.get("pan", 0), p.pan_min, p.pan_max)
    if p.pan_left_positive:
        pan = 1 - pan
    zoom = _fraction(position.get("zoom", 0), 0, p.zoom_max)
    magnification = ZOOM_RATIO**zoom
    centre_x = wide_w / 2 + pan * (width - wide_w)
    centre_y = _tilt_row(position.get("tilt", 0), p, wide_h / 2, height - wide_h / 2, height * LEVEL_ROW)
    return centre_x, centre_y, wide_w / magnification, wide_h / magnification


def position_for(
    centre_x: float, centre_y: float, view_width: float, profile: CameraProfile, panorama: Size
) -> dict[str, int]:
    """The pan, tilt and zoom whose view is centred on (``centre_x``, ``centre_y``) and ``view_width``
    wide, as near as the head gets (``view_of`` the other way round)."""
    width, height = panorama
    p = profile
    wide_w, wide_h = _wide_view(panorama)
    pan = _clamp((centre_x - wide_w / 2) / (width - wide_w)) if width > wide_w else 0.0
    if p.pan_left_positive:
        pan = 1 - pan
    zoom = math.log(min(max(wide_w / view_width, 1.0), ZOOM_RATIO)) / math.log(ZOOM_RATIO)
    top, bottom = wide_h / 2, height - wide_h / 2
    level = min(max(height * LEVEL_ROW, top), bottom)
    row = min(max(centre_y, top), bottom)
    if row <= level:
        tilt = (level - row) / (level - top) * p.tilt_max if level > top else 0.0
    else:
        tilt = (row - level) / (bottom - level) * p.tilt_min
    return {
        "pan": round(p.pan_min + pan * (p.pan_max - p.pan_min)),
        "tilt": round(tilt),
        "zoom": round(zoom * p.zoom_max),
    }


def crop(panorama: np.ndarray, view: View, size: Size) -> np.ndarray:
    """What ``view`` shows, at ``size``."""
    cx, cy, w, h = view
    if w >= size[0]:
        # Shrinking: whole-pixel crop and area averaging; a pixel of jitter is invisible here.
        left, top = round(cx - w / 2), round(cy - h / 2)
        part = panorama[top : top + round(h), left : left + round(w)]
        return cv2.resize(part, size, interpolation=cv2.INTER_AREA)
    # Magnifying: sub-pixel sampling, so slow pans at tele glide instead of stepping.
    scale = w / size[0]
    to_panorama = np.array([[scale, 0.0, cx - w / 2], [0.0, scale, cy - h / 2]])
    return cv2.warpAffine(
        panorama,
        to_panorama,
        size,
        flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP,
        borderMode=cv2.BORDER_REPLICATE,
    )


def _size_of(panorama: np.ndarray) -> Size:
    return panorama.shape[1], panorama.shape[0]


def _wide_view(panorama: Size) -> tuple[float, float]:
    """Width and height of the view at zoom 0."""
    width, height = panorama
    wide_w = min(width * WIDE_SHARE, height * ASPECT)
    return wide_w, wide_w / ASPECT


def _clamp(fraction: float) -> float:
    return min(max(fraction, 0.0), 1.0)


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


def _text(
    frame: np.ndarray,
    text: str,
    origin: tuple[int, int],
    scale: float,
    color: tuple[int, int, int] = (255, 255, 255),
) -> None:
    thickness = _thickness(scale)
    (width, height), baseline = cv2.getTextSize(text, FONT, scale, thickness)
    pad = thickness + 1
    x, y = origin
    cv2.rectangle(frame, (x - pad, y - height - pad), (x + width + pad, y + baseline), (30, 30, 30), -1)
    cv2.putText(frame, text, origin, FONT, scale, color, thickness, cv2.LINE_AA)
