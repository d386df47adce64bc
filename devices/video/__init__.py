"""Live preview sources, Qt-free: each yields BGR numpy frames from one camera's picture."""

from devices.video.base import FrameSource, Size, SourceError, fit_within
from devices.video.decoding import DecodeMode
from devices.video.factory import open_source
from devices.video.opencv_source import OpenCvSource
from devices.video.pyav_source import PyAvSource
from devices.video.spec import PreviewSourceError, SourceKind, SourceSpec, parse_spec, redact
from devices.video.synthetic import SyntheticCameraSource

__all__ = [
    "DecodeMode",
    "FrameSource",
    "OpenCvSource",
    "PreviewSourceError",
    "PyAvSource",
    "Size",
    "SourceError",
    "SourceKind",
    "SourceSpec",
    "SyntheticCameraSource",
    "fit_within",
    "open_source",
    "parse_spec",
    "redact",
]
