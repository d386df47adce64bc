"""Preview source specs: one string says where a camera's picture comes from.

rtsp://[user:password@]HOST[:PORT]/PATH     an RTSP stream (rtsps:// too)
http://HOST[:PORT]/PATH                     an HTTP(S) stream, typically MJPEG
/path/to/video.mp4, C:\\clips\\a.avi        a video file, played in a loop (file:// too)
0, 1, …                                     a local capture device by index
demo                                        the synthetic picture of a simulated camera
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from urllib.parse import unquote, urlsplit

from common.wording import QT_TRANSLATE_NOOP
from devices.secrets import mask_url

_INTEGER = re.compile(r"[+-]?\d+")


class PreviewSourceError(ValueError):
    pass


class SourceKind(Enum):
    RTSP = "rtsp"
    HTTP = "http"
    FILE = "file"
    DEVICE = "device"
    DEMO = "demo"


@dataclass(frozen=True)
class SourceSpec:
    kind: SourceKind
    target: str | int  # URL, file path or device index


def parse_spec(spec: str | int) -> SourceSpec:
    text = str(spec).strip()
    if not text:
        raise PreviewSourceError(QT_TRANSLATE_NOOP("PreviewSource", "preview source is empty"))
    if text.lower() == SourceKind.DEMO.value:
        return SourceSpec(SourceKind.DEMO, text)
    if _INTEGER.fullmatch(text):
        index = int(text)
        if index < 0:
            raise PreviewSourceError(
                QT_TRANSLATE_NOOP(
                    "PreviewSource", "preview source {source}: a device number is 0 or more"
                ).format(source=repr(text))
            )
        return SourceSpec(SourceKind.DEVICE, index)
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if len(scheme) <= 1:  # no scheme, or a Windows drive letter
        return SourceSpec(SourceKind.FILE, text)
    if scheme == "file":
        return SourceSpec(SourceKind.FILE, unquote(parts.path))
    kind = {
        "rtsp": SourceKind.RTSP,
        "rtsps": SourceKind.RTSP,
        "http": SourceKind.HTTP,
        "https": SourceKind.HTTP,
    }.get(scheme)
    if kind is None:
        raise PreviewSourceError(
            QT_TRANSLATE_NOOP(
                "PreviewSource", "preview source {source} is not RTSP, HTTP, a file or a device number"
            ).format(source=repr(text))
        )
    if not parts.hostname:
        raise PreviewSourceError(
            QT_TRANSLATE_NOOP("PreviewSource", "preview source {source} has no host name").format(
                source=repr(redact(text))
            )
        )
    return SourceSpec(kind, text)


def redact(url: str) -> str:
    """The URL with its password replaced by ****, fit for messages and logs (``devices.secrets``)."""
    return mask_url(url)
