"""What the console sees of one OBS Studio: an immutable snapshot, replaced on every change.

The snapshot is what a Qt bridge hands to the GUI thread (like a camera's or a wall's); uptimes tick
on the GUI's clock from ``stream_started``/``record_started`` without a new snapshot every second.
"""

from __future__ import annotations

import enum
import time
from dataclasses import asdict, dataclass

from common.wording import QT_TRANSLATE_NOOP


class Connection(enum.StrEnum):
    OFFLINE = "offline"  # nothing answers (not running, closed, silent)
    CONNECTING = "connecting"
    ONLINE = "online"  # identified: requests and events flow
    REFUSED = "refused"  # OBS answered but would not let us in (password)


class OnAir(enum.StrEnum):
    OFFLINE = "offline"  # OBS itself is offline: the stream's state is not known
    READY = "ready"
    STARTING = "starting"
    LIVE = "live"
    RECONNECTING = "reconnecting"  # the stream dropped; OBS is trying again
    STOPPING = "stopping"


class Recording(enum.StrEnum):
    UNKNOWN = "unknown"  # OBS offline
    STOPPED = "stopped"
    STARTING = "starting"
    RECORDING = "recording"
    PAUSED = "paused"
    STOPPING = "stopping"


ACTIVE_ON_AIR = (OnAir.LIVE, OnAir.RECONNECTING, OnAir.STOPPING)
ACTIVE_RECORDING = (Recording.RECORDING, Recording.PAUSED, Recording.STOPPING)


class ObsError(Exception):
    """A command that did not happen. ``result``: "refused" (OBS said no, or would not let us in),
    "unknown-scene", "timeout" or "offline"; the message is a Phrase."""

    def __init__(self, result: str, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.result = result
        self.code = code  # obs-websocket's RequestStatus code when OBS refused a request


REASONS = {
    "refused": QT_TRANSLATE_NOOP("Obs", "OBS refused the password"),
    "offline": QT_TRANSLATE_NOOP("Obs", "OBS does not answer"),
    "silent": QT_TRANSLATE_NOOP("Obs", "OBS stopped answering"),
    "closed": QT_TRANSLATE_NOOP("Obs", "OBS closed the connection"),
    "kicked": QT_TRANSLATE_NOOP("Obs", "OBS ended this console's session (kicked in OBS)"),
}


@dataclass(frozen=True)
class ObsState:
    name: str
    url: str  # without secrets
    connection: Connection = Connection.CONNECTING
    on_air: OnAir = OnAir.OFFLINE
    recording: Recording = Recording.UNKNOWN
    stream_started: float | None = None  # time.time() the stream went live (uptime = now - this)
    record_started: float | None = None
    record_path: str | None = None  # the last recording's file, once OBS has said it
    kbps: float | None = None  # stream bitrate over the last poll
    dropped_frames: int | None = None  # frames the stream dropped (network), since it started
    dropped_percent: float | None = None
    stream_bytes: int | None = None
    cpu_percent: float | None = None  # OBS's own CPU use
    render_ms: float | None = None  # average time to render a frame
    render_lag_percent: float | None = None  # frames missed due to rendering lag, since OBS started
    encoder_lag_percent: float | None = None  # frames skipped due to encoding lag
    scenes: tuple[str, ...] = ()  # in OBS's order, top first
    program_scene: str | None = None
    preview_scene: str | None = None  # studio mode only
    studio_mode: bool = False
    program_sources: tuple[str, ...] = ()  # sources shown in the program scene (tally: red)
    preview_sources: tuple[str, ...] = ()  # in the preview scene (tally: green)
    obs_version: str | None = None
    websocket_version: str | None = None
    error: str | None = None  # why it is offline or refused, or the last command's failure (a Phrase)

    @property
    def online(self) -> bool:
        return self.connection is Connection.ONLINE

    @property
    def streaming(self) -> bool:
        return self.on_air in ACTIVE_ON_AIR

    @property
    def is_recording(self) -> bool:
        return self.recording in ACTIVE_RECORDING

    def stream_seconds(self, now: float | None = None) -> float | None:
        return None if self.stream_started is None else (now or time.time()) - self.stream_started

    def record_seconds(self, now: float | None = None) -> float | None:
        return None if self.record_started is None else (now or time.time()) - self.record_started

    def to_json(self) -> dict:
        """What ``obs URL status`` prints: the issue's fields first, then the rest of the snapshot."""
        data = asdict(self)
        for name in ("connection", "on_air", "recording"):
            data[name] = data[name].value
        data["recording_state"] = data.pop("recording")
        data["error"] = None if self.error is None else str(self.error)
        return {
            "version": self.obs_version,
            "streaming": self.streaming,
            "recording": self.is_recording,
            "stream_seconds": _rounded(self.stream_seconds()),
            "record_seconds": _rounded(self.record_seconds()),
            **data,
            "scenes": list(self.scenes),
            "program_sources": list(self.program_sources),
            "preview_sources": list(self.preview_sources),
        }


def _rounded(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds, 1)
