"""An OBS output's state in the operator's words: on air, recording, the figures, durations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from devices.obs.state import Connection, ObsState, OnAir, Recording

ON_AIR_COLOURS = {
    "offline": QColor("#616161"),
    "refused": QColor("#6a1b9a"),
    OnAir.READY: QColor("#1565c0"),
    OnAir.STARTING: QColor("#f9a825"),
    OnAir.LIVE: QColor("#c62828"),
    OnAir.RECONNECTING: QColor("#ef6c00"),
    OnAir.STOPPING: QColor("#f9a825"),
}


def duration(seconds: float | None) -> str:
    """``1:02:03`` (or ``2:03`` under an hour)."""
    if seconds is None:
        return ""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def on_air_key(state: ObsState) -> str:
    """What the on-air badge shows: "offline" and "refused" (OBS itself), else ``state.on_air``."""
    if state.connection is Connection.REFUSED:
        return "refused"
    return "offline" if not state.online else state.on_air


def on_air_text(state: ObsState, now: float | None = None) -> str:
    key = on_air_key(state)
    words = {
        "offline": QCoreApplication.translate("Broadcast", "OBS offline"),
        "refused": QCoreApplication.translate("Broadcast", "OBS refused the password"),
        OnAir.READY: QCoreApplication.translate("Broadcast", "ready"),
        OnAir.STARTING: QCoreApplication.translate("Broadcast", "starting…"),
        OnAir.LIVE: QCoreApplication.translate("Broadcast", "LIVE %1"),
        OnAir.RECONNECTING: QCoreApplication.translate("Broadcast", "reconnecting…"),
        OnAir.STOPPING: QCoreApplication.translate("Broadcast", "stopping…"),
    }
    return words[key].replace("%1", duration(state.stream_seconds(now)))


def recording_text(state: ObsState, now: float | None = None) -> str:
    words = {
        Recording.UNKNOWN: "",
        Recording.STOPPED: QCoreApplication.translate("Broadcast", "not recording"),
        Recording.STARTING: QCoreApplication.translate("Broadcast", "recording starts…"),
        Recording.RECORDING: QCoreApplication.translate("Broadcast", "REC %1"),
        Recording.PAUSED: QCoreApplication.translate("Broadcast", "recording paused %1"),
        Recording.STOPPING: QCoreApplication.translate("Broadcast", "recording stops…"),
    }
    return words[state.recording].replace("%1", duration(state.record_seconds(now)))


def figures_text(state: ObsState) -> str:
    """``2480 kbps · dropped 0.0 % · OBS CPU 2.5 % · render 1.2 ms, lag 0.0 %`` — what is known."""
    parts = []
    if state.kbps is not None and state.streaming:
        parts.append(QCoreApplication.translate("Broadcast", "%1 kbps").replace("%1", f"{state.kbps:.0f}"))
    if state.dropped_percent is not None and state.streaming:
        parts.append(
            QCoreApplication.translate("Broadcast", "dropped %1 %").replace(
                "%1", f"{state.dropped_percent:.1f}"
            )
        )
    if state.cpu_percent is not None:
        parts.append(
            QCoreApplication.translate("Broadcast", "OBS CPU %1 %").replace("%1", f"{state.cpu_percent:.1f}")
        )
    if state.render_lag_percent is not None:
        parts.append(
            QCoreApplication.translate("Broadcast", "render lag %1 %").replace(
                "%1", f"{state.render_lag_percent:.1f}"
            )
        )
    return " · ".join(parts)
