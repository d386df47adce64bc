"""Hardware or software decoding of network streams: the setting, the choice, what is said about it.

The console's ``[preview] decode`` setting is ``auto`` (a hardware decoder where one works, else
software), ``hardware`` (the same, and a fallback to software is logged as a warning: somebody
expected a GPU to decode) or ``software``. Which hardware decoders exist depends on the FFmpeg
inside PyAV and on the PC (its GPU and driver); a device type that fails once is not tried again
in this process. A device is tried offline first (``probe``: FFmpeg creates it and looks for its
H.264 decoder), so a PC without one finds out before any camera is connected (docs/video.md).
"""

from __future__ import annotations

import logging
import threading
from enum import Enum

import av
from av.codec.hwaccel import HWAccel, hwdevices_available

from common.wording import QT_TRANSLATE_NOOP, Phrase
from devices.video.base import SOFTWARE

log = logging.getLogger(__name__)

# Decoders for H.264/H.265 that hand frames back to the CPU, in the order they are tried.
HARDWARE_DECODERS = ("cuda", "vaapi", "qsv", "d3d11va", "dxva2", "videotoolbox")
HARDWARE = QT_TRANSLATE_NOOP("PreviewSource", "hardware ({device})")
NO_HARDWARE = QT_TRANSLATE_NOOP("PreviewSource", "software — no hardware decoder: {reason}")
NONE_IN_FFMPEG = QT_TRANSLATE_NOOP("PreviewSource", "none for this PC in the decoding library")
CANNOT_OPEN = QT_TRANSLATE_NOOP("PreviewSource", "{device}: {error}")  # the error in the library's words
CANNOT_DECODE = QT_TRANSLATE_NOOP("PreviewSource", "{device} cannot decode {codec} here")
ONE_MORE = QT_TRANSLATE_NOOP("PreviewSource", "{reasons}; {reason}")

_failed: dict[str, Phrase] = {}  # device type -> why it did not decode (this process)
_working: set[str] = set()  # device types that passed the probe
_failed_lock = threading.Lock()


class DecodeMode(Enum):
    AUTO = "auto"
    SOFTWARE = "software"
    HARDWARE = "hardware"


def next_hardware(mode: DecodeMode) -> str | None:
    """The hardware decoder (an FFmpeg device type) to try on the next open, or None for software."""
    if mode is DecodeMode.SOFTWARE:
        return None
    available = set(hwdevices_available())
    for device in HARDWARE_DECODERS:
        with _failed_lock:
            if device not in available or device in _failed:
                continue
            if device in _working:
                return device
        reason = probe(device)
        if reason is not None:
            hardware_failed(device, reason)
            continue
        with _failed_lock:
            _working.add(device)
        return device
    return None


def accelerator(device: str) -> HWAccel:
    """PyAV's settings for decoding on ``device``, falling back to software for a stream it cannot decode."""
    return HWAccel(device, allow_software_fallback=True)


def probe(device: str) -> Phrase | None:
    """Why ``device`` cannot decode H.264 here (its driver, no such GPU, no decoder), or None."""
    try:
        accelerator(device).create(av.Codec("h264", "r"))
    except NotImplementedError:
        return CANNOT_DECODE.format(device=device, codec="h264")
    except (av.FFmpegError, OSError, ValueError) as exc:
        return CANNOT_OPEN.format(device=device, error=getattr(exc, "strerror", None) or str(exc))
    return None


def hardware_failed(device: str, reason: Phrase) -> None:
    """``device`` did not decode (it could not be opened, or fell back): do not try it again."""
    with _failed_lock:
        if device not in _failed:
            log.info("hardware decoder not used: %s", reason)
            _failed[device] = reason


def forget_failures() -> None:
    """Try every hardware decoder again (tests)."""
    with _failed_lock:
        _failed.clear()
        _working.clear()


def software_because(mode: DecodeMode) -> Phrase:
    """What the health view says about a stream decoded in software under ``mode``."""
    if mode is DecodeMode.SOFTWARE:
        return SOFTWARE
    with _failed_lock:
        reasons = list(_failed.values())
    said = reasons[0] if reasons else NONE_IN_FFMPEG
    for reason in reasons[1:]:
        said = ONE_MORE.format(reasons=said, reason=reason)
    return NO_HARDWARE.format(reason=said)
