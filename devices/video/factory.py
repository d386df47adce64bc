"""Pick the FrameSource for a camera's preview spec."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from common.wording import QT_TRANSLATE_NOOP
from devices.video.base import FrameSource
from devices.video.decoding import DecodeMode
from devices.video.opencv_source import OpenCvSource
from devices.video.pyav_source import PyAvSource
from devices.video.spec import PreviewSourceError, SourceKind, parse_spec
from devices.video.synthetic import SyntheticCameraSource
from devices.visca.profiles import CameraProfile


def open_source(
    spec: str | int,
    *,
    sim_state: Callable[[], Mapping[str, Any]] | None = None,
    profile: CameraProfile | None = None,
    name: str = "",
    decode: DecodeMode = DecodeMode.AUTO,
) -> FrameSource:
    """A closed source for ``spec``; ``"demo"`` needs the simulated camera's state function and profile.
    RTSP streams are played through PyAV (``decode``: hardware or software), the rest through OpenCV.

    Raises PreviewSourceError (a ValueError) for a spec that names no kind of source.
    """
    parsed = parse_spec(spec)
    if parsed.kind is SourceKind.DEMO:
        if sim_state is None or profile is None:
            raise PreviewSourceError(
                QT_TRANSLATE_NOOP("PreviewSource", "preview source 'demo' needs a simulated camera")
            )
        return SyntheticCameraSource(sim_state, profile, name=name)
    if parsed.kind is SourceKind.RTSP:
        return PyAvSource(parsed, decode=decode)
    return OpenCvSource(parsed)
