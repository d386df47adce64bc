"""Turns what an OBS output reports, one snapshot after another, into the broadcast log's jobs.

Qt-free and device-free: it reads the few fields of ``ObsSeen`` (an ``devices.obs.state.ObsState`` fits,
passed as it is) and hands jobs to ``submit`` (the console's database worker). Snapshots may be skipped
(the Qt bridge keeps only the newest), so it compares what it saw last with what it sees now rather than
following each step: a stream is identified by OBS's start time, a drop by the reconnecting state.

Losing contact with OBS does not end a stream: the console cannot see it, the viewers may still. The loss
is remembered, and the next snapshot online decides (docs/broadcast.md "When the console loses OBS"): the
same stream still on air (its start within ``SAME_STREAM`` seconds) continues its session, with the gap in
the audit trail; otherwise the session ended when contact was lost ("OBS closed").
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from models.oplog.jobs import broadcast
from models.oplog.jobs.base import Job
from models.oplog.tables import EndReason

ON_AIR = ("live", "reconnecting", "stopping")
RECORDING = ("recording", "paused", "stopping")
SAME_STREAM = 5.0  # seconds: OBS's start of the stream seen again, measured anew, is within this of the first


class ObsSeen(Protocol):
    """What the recorder reads of an OBS snapshot (the values of ``devices.obs.state``'s enums are str)."""

    @property
    def connection(self) -> str: ...
    @property
    def on_air(self) -> str: ...
    @property
    def recording(self) -> str: ...
    @property
    def stream_started(self) -> float | None: ...
    @property
    def record_started(self) -> float | None: ...
    @property
    def record_path(self) -> str | None: ...
    @property
    def program_scene(self) -> str | None: ...
    @property
    def dropped_frames(self) -> int | None: ...


def _now() -> datetime:
    return datetime.now(UTC)


class BroadcastRecorder:
    """``observe(state)`` for every snapshot of one output, in order.

    ``event_of()``: the operations-log event the output streams for now (or None); ``staff()``: who is
    logged in at this console (the one who pressed, for starts, stops and cuts it sees); ``clock()``: now.
    """

    def __init__(
        self,
        output_id: str,
        submit: Callable[[Job[bool]], None],
        *,
        event_of: Callable[[], int | None],
        staff: Callable[[], int | None],
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.output_id = output_id
        self._submit, self._event_of, self._staff, self._clock = submit, event_of, staff, clock
        self._live_since: float | None = None
        self._lost_at: datetime | None = None  # contact with OBS lost while on air, not yet regained
        self._dropping = False
        self._frames: int | None = None
        self._frames_at_drop: int | None = None
        self._recording_since: float | None = None
        self._scene: str | None = None

    def observe(self, state: ObsSeen) -> None:
        now = self._clock()
        online = state.connection == "online"
        self._stream(state, now, online)
        self._record(state, now, online)
        self._cut(state, now, online)

    def close(self) -> None:
        """The console stops following the output (shut down, or the output removed). A stream whose OBS
        was out of contact is not left open for ever: it ended when contact was lost, as far as the
        record can tell."""
        self._end_at_loss()

    def _stream(self, state: ObsSeen, now: datetime, online: bool) -> None:
        if not online:
            if self._live_since is not None and self._lost_at is None:
                self._lost_at = now
            return
        live = state.on_air in ON_AIR and state.stream_started is not None
        if self._lost_at is not None:
            self._regained(self._lost_at, state, now, live)
        if self._live_since is not None and (not live or state.stream_started != self._live_since):
            dropped = self._dropping and state.on_air not in ON_AIR
            reason = EndReason.DROPPED if dropped else EndReason.STOPPED
            by = self._staff() if reason is EndReason.STOPPED else None
            self._submit(broadcast.stream_stopped(self.output_id, now, reason, by, self._frames))
            self._live_since, self._dropping = None, False
        if not live:
            return
        if state.dropped_frames is not None:
            self._frames = state.dropped_frames
        if self._live_since is None:
            self._live_since, self._frames = state.stream_started, state.dropped_frames
            started = _instant(state.stream_started)
            self._submit(broadcast.stream_started(self.output_id, self._event_of(), started, self._staff()))
        if state.on_air == "reconnecting" and not self._dropping:
            self._dropping, self._frames_at_drop = True, self._frames
            self._submit(broadcast.stream_dropped(self.output_id, now))
        elif state.on_air == "live" and self._dropping:
            self._dropping = False
            lost = None
            if self._frames is not None and self._frames_at_drop is not None:
                lost = max(self._frames - self._frames_at_drop, 0)
            self._submit(broadcast.stream_back(self.output_id, now, lost))

    def _regained(self, lost_at: datetime, state: ObsSeen, now: datetime, live: bool) -> None:
        """Back in contact after losing it at ``lost_at``: the same stream goes on, anything else ended at
        the loss."""
        started, since = state.stream_started, self._live_since
        if live and started is not None and since is not None and _same(started, since, lost_at):
            self._submit(broadcast.contact_lost(self.output_id, lost_at, now))
            self._live_since, self._lost_at = started, None
        else:
            self._end_at_loss()

    def _end_at_loss(self) -> None:
        if self._lost_at is None:
            return
        ended = broadcast.stream_stopped(
            self.output_id, self._lost_at, EndReason.OBS_CLOSED, None, self._frames
        )
        self._submit(ended)
        self._live_since, self._dropping, self._lost_at = None, False, None

    def _record(self, state: ObsSeen, now: datetime, online: bool) -> None:
        running = state.recording in RECORDING and state.record_started is not None
        since = self._recording_since
        if since is not None and (not running or state.record_started != since):
            path = state.record_path if online else None
            by = self._staff() if online else None
            self._submit(broadcast.record_stopped(self.output_id, now, path, by))
            self._recording_since = None
        if running and self._recording_since is None:
            self._recording_since = state.record_started
            started = _instant(state.record_started)
            self._submit(broadcast.record_started(self.output_id, self._event_of(), started, self._staff()))

    def _cut(self, state: ObsSeen, now: datetime, online: bool) -> None:
        scene = state.program_scene if online else None
        if scene is not None and self._scene is not None and scene != self._scene:
            self._submit(broadcast.scene_cut(self.output_id, scene, now, self._staff()))
        self._scene = scene


def _same(started: float, since: float, lost_at: datetime) -> bool:
    """The stream OBS reports started at ``started`` is the one seen starting at ``since``: as measured
    again, and not begun after contact was lost (a stream stopped and started again meanwhile)."""
    return abs(started - since) <= SAME_STREAM and started < lost_at.timestamp()


def _instant(timestamp: float | None) -> datetime:
    assert timestamp is not None
    return datetime.fromtimestamp(timestamp, UTC)
