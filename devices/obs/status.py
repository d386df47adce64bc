"""Keeps one OBS's snapshot on the device loop: obs-websocket events and polled statistics go in,
a new ``ObsState`` goes to the listeners on every change (docs/protocols/obs-websocket.md)."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from common.wording import QT_TRANSLATE_NOOP
from devices.obs.state import Connection, ObsState, OnAir, Recording
from devices.records import DeviceNotice, Listener, Listeners

STREAM_STATES = {
    "OBS_WEBSOCKET_OUTPUT_STARTING": OnAir.STARTING,
    "OBS_WEBSOCKET_OUTPUT_STARTED": OnAir.LIVE,
    "OBS_WEBSOCKET_OUTPUT_RECONNECTING": OnAir.RECONNECTING,
    "OBS_WEBSOCKET_OUTPUT_RECONNECTED": OnAir.LIVE,
    "OBS_WEBSOCKET_OUTPUT_STOPPING": OnAir.STOPPING,
    "OBS_WEBSOCKET_OUTPUT_STOPPED": OnAir.READY,
}
RECORD_STATES = {
    "OBS_WEBSOCKET_OUTPUT_STARTING": Recording.STARTING,
    "OBS_WEBSOCKET_OUTPUT_STARTED": Recording.RECORDING,
    "OBS_WEBSOCKET_OUTPUT_PAUSED": Recording.PAUSED,
    "OBS_WEBSOCKET_OUTPUT_RESUMED": Recording.RECORDING,
    "OBS_WEBSOCKET_OUTPUT_STOPPING": Recording.STOPPING,
    "OBS_WEBSOCKET_OUTPUT_STOPPED": Recording.STOPPED,
}
DROPPED = QT_TRANSLATE_NOOP("Obs", "the stream dropped; OBS is reconnecting")
BACK = QT_TRANSLATE_NOOP("Obs", "the stream is back on air")
SHORTEST = 0.5  # seconds between two polls that a bitrate is measured over
SETTLED = 10.0  # seconds on air after which the average since the start stands for the stream's rate


class ObsStatus:
    def __init__(self, initial: ObsState) -> None:
        self._state = initial
        self._listeners = Listeners(initial.name)
        self._last_bytes: tuple[float, int] | None = None  # (monotonic, stream bytes) of the last poll

    def snapshot(self) -> ObsState:
        return self._state

    def add_listener(self, listener: Listener) -> None:
        self._listeners.add(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def emit(self, item: Any) -> None:
        self._listeners.emit(item)

    def update(self, **changes: Any) -> None:
        new = replace(self._state, **changes)
        if new != self._state:
            self._state = new
            self._listeners.emit(new)

    # ---- connection --------------------------------------------------------------------------
    def connecting(self) -> None:
        self.update(connection=Connection.CONNECTING)

    def lost(self, connection: Connection, error: str | None) -> None:
        """Offline or refused: what OBS was doing is no longer known."""
        self._last_bytes = None
        self.update(
            connection=connection,
            on_air=OnAir.OFFLINE,
            recording=Recording.UNKNOWN,
            kbps=None,
            error=error,
        )

    # ---- events ------------------------------------------------------------------------------
    def on_event(self, kind: str, data: Mapping[str, Any]) -> None:
        if kind == "CurrentProgramSceneChanged":
            self.update(program_scene=data.get("sceneName"))
        elif kind == "CurrentPreviewSceneChanged":
            self.update(preview_scene=data.get("sceneName"))
        elif kind == "StudioModeStateChanged":
            enabled = bool(data.get("studioModeEnabled"))
            self.update(studio_mode=enabled, **({} if enabled else {"preview_scene": None}))
        elif kind == "SceneListChanged":
            self.update(scenes=scene_names(data.get("scenes", [])))
        elif kind == "StreamStateChanged":
            self._stream_changed(STREAM_STATES.get(str(data.get("outputState"))))
        elif kind == "RecordStateChanged":
            self._record_changed(RECORD_STATES.get(str(data.get("outputState"))), data.get("outputPath"))

    def _stream_changed(self, on_air: OnAir | None) -> None:
        before = self._state.on_air
        if on_air is None or on_air is before:
            return
        changes: dict[str, Any] = {"on_air": on_air}
        if on_air is OnAir.LIVE and self._state.stream_started is None:
            changes["stream_started"] = time.time()
        elif on_air is OnAir.READY:
            changes.update(stream_started=None, kbps=None)
            self._last_bytes = None
        self.update(**changes)
        if on_air is OnAir.RECONNECTING:
            self.emit(DeviceNotice(self._state.name, "warning", DROPPED))
        elif on_air is OnAir.LIVE and before is OnAir.RECONNECTING:
            self.emit(DeviceNotice(self._state.name, "info", BACK))

    def _record_changed(self, recording: Recording | None, path: Any) -> None:
        if recording is None:
            return
        changes: dict[str, Any] = {"recording": recording}
        if recording is Recording.RECORDING and self._state.record_started is None:
            changes["record_started"] = time.time()
        elif recording is Recording.STOPPED:
            changes["record_started"] = None
        if isinstance(path, str) and path:
            changes["record_path"] = path
        self.update(**changes)

    # ---- answers to requests -----------------------------------------------------------------
    def on_scene_list(self, data: Mapping[str, Any]) -> None:
        self.update(
            scenes=scene_names(data.get("scenes", [])),
            program_scene=data.get("currentProgramSceneName"),
            preview_scene=data.get("currentPreviewSceneName"),
        )

    def on_stream_status(self, data: Mapping[str, Any]) -> None:
        """``GetStreamStatus``: corrects the state when an event was missed; bitrate and drops."""
        active, now = bool(data.get("outputActive")), time.monotonic()
        state = self._state
        if active:
            polled = OnAir.RECONNECTING if data.get("outputReconnecting") else OnAir.LIVE
            if state.on_air not in (OnAir.STOPPING, polled) and not (
                polled is OnAir.LIVE and state.on_air is OnAir.STARTING and not data.get("outputDuration")
            ):
                self._stream_changed(polled)
            sent, total = int(data.get("outputBytes") or 0), int(data.get("outputTotalFrames") or 0)
            dropped = int(data.get("outputSkippedFrames") or 0)
            duration = float(data.get("outputDuration") or 0) / 1000
            self.update(
                kbps=self._kbps(now, sent, duration),
                stream_bytes=sent,
                dropped_frames=dropped,
                dropped_percent=percent(dropped, total),
                stream_started=_settled(self._state.stream_started, duration),
            )
        elif state.on_air not in (OnAir.STARTING, OnAir.STOPPING, OnAir.READY):  # between: events decide
            self._stream_changed(OnAir.READY)
        elif state.on_air is OnAir.OFFLINE or state.connection is not Connection.ONLINE:
            self.update(on_air=OnAir.READY)

    def _kbps(self, now: float, sent: int, duration: float) -> float | None:
        """Over the time since the last poll; polls closer than ``SHORTEST`` (an extra one for a fresh
        status) keep the reference, since OBS counts its bytes in bursts. With no poll before, the
        average since the stream started — only once it has run ``SETTLED`` seconds: over its first
        second that average holds the connection's start and reads low (269 kbps for a 312 kbps stream,
        OBS 29), so a stream just started shows no rate until a second reading."""
        last = self._last_bytes
        if last is not None and now - last[0] < SHORTEST and sent >= last[1]:
            return self._state.kbps if self._state.kbps is not None else _average(sent, duration)
        self._last_bytes = (now, sent)
        if last is not None and sent >= last[1]:
            return round((sent - last[1]) * 8 / 1000 / (now - last[0]), 1)
        return _average(sent, duration)

    def on_record_status(self, data: Mapping[str, Any]) -> None:
        active = bool(data.get("outputActive"))
        recording = self._state.recording
        if active:
            polled = Recording.PAUSED if data.get("outputPaused") else Recording.RECORDING
            if recording not in (Recording.STOPPING, Recording.STARTING, polled):
                self._record_changed(polled, None)
            duration = float(data.get("outputDuration") or 0) / 1000
            self.update(record_started=_settled(self._state.record_started, duration))
        elif recording not in (Recording.STARTING, Recording.STOPPING, Recording.STOPPED):
            self._record_changed(Recording.STOPPED, None)

    def on_stats(self, data: Mapping[str, Any]) -> None:
        self.update(
            cpu_percent=_round(data.get("cpuUsage")),
            render_ms=_round(data.get("averageFrameRenderTime"), 2),
            render_lag_percent=percent(data.get("renderSkippedFrames"), data.get("renderTotalFrames")),
            encoder_lag_percent=percent(data.get("outputSkippedFrames"), data.get("outputTotalFrames")),
        )


def _average(sent: int, duration: float) -> float | None:
    """kbps since the stream started, once it has run long enough for its start not to count."""
    return round(sent * 8 / 1000 / duration, 1) if duration >= SETTLED else None


def _settled(started: float | None, duration: float) -> float | None:
    """When an output started, by OBS's count of its duration; kept while it is within a second of that
    (a new snapshot every poll for a few milliseconds of jitter would only make work)."""
    if not duration:
        return started
    polled = time.time() - duration
    return started if started is not None and abs(started - polled) < 1 else polled


def scene_names(scenes: Any) -> tuple[str, ...]:
    """OBS lists scenes bottom first (``sceneIndex`` 0 is the lowest in its scene list): top first here."""
    named = [s for s in scenes if isinstance(s, Mapping) and isinstance(s.get("sceneName"), str)]
    named.sort(key=lambda s: s.get("sceneIndex", 0), reverse=True)
    return tuple(s["sceneName"] for s in named)


def percent(part: Any, whole: Any) -> float | None:
    try:
        return round(100 * float(part) / float(whole), 2) if whole else (0.0 if whole == 0 else None)
    except (TypeError, ValueError):
        return None


def _round(value: Any, digits: int = 1) -> float | None:
    return round(float(value), digits) if isinstance(value, (int, float)) else None
