"""Turns what an OBS output reports, one snapshot after another, into the broadcast log's jobs.

Qt-free and device-free: it reads the few fields of ``ObsSeen`` (an ``devices.obs.state.ObsState`` fits,
passed as it is) and hands jobs to ``submit`` (the console's database worker). Snapshots may be skipped
(the Qt bridge keeps only the newest), so it compares what it saw last with what it sees now rather than
following each step: a stream is identified by OBS's start time, a drop by the reconnecting state.

Losing contact with OBS ends neither a stream nor a recording: the console cannot see them, OBS may still
run them. The loss is remembered, and the next snapshot online decides for each (docs/broadcast.md "When
the console loses OBS"): the same one still running (OBS's start of it within ``SAME_RUN`` seconds, and
before the loss) goes on, with the gap stored and audited once; otherwise it ended when contact was lost.
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
SAME_RUN = 5.0  # seconds: OBS's start of a stream or recording seen again, measured anew, is within this


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
        self._lost_at: datetime | None = None  # contact lost while streaming or recording, not yet regained
        self._dropping = False
        self._frames: int | None = None
        self._frames_at_drop: int | None = None
        self._recording_since: float | None = None
        self._scene: str | None = None

    def observe(self, state: ObsSeen) -> None:
        now = self._clock()
        online = state.connection == "online"
        running = self._live_since is not None or self._recording_since is not None
        if not online and running and self._lost_at is None:
            self._lost_at = now
        elif online and self._lost_at is not None:
            self._regained(self._lost_at, state, now)
        if online:
            self._stream(state, now)
            self._record(state, now)
        self._cut(state, now, online)

    def close(self) -> None:
        """The console stops following the output (shut down, or the output removed). A stream or
        recording whose OBS was out of contact is not left open for ever: it ended when contact was lost,
        as far as the record can tell."""
        if self._lost_at is not None:
            self._end_at_loss(self._lost_at, stream=True, record=True)

    def _stream(self, state: ObsSeen, now: datetime) -> None:
        live = state.on_air in ON_AIR and state.stream_started is not None
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

    def _regained(self, lost_at: datetime, state: ObsSeen, now: datetime) -> None:
        """Back in contact after losing it at ``lost_at``: the stream and the recording OBS still runs go
        on; the others ended at the loss."""
        stream_on = _goes_on(self._live_since, state.on_air in ON_AIR, state.stream_started, lost_at)
        record_on = _goes_on(
            self._recording_since, state.recording in RECORDING, state.record_started, lost_at
        )
        self._end_at_loss(lost_at, stream=not stream_on, record=not record_on)
        if stream_on:
            self._live_since = state.stream_started
        if record_on:
            self._recording_since = state.record_started
        if stream_on or record_on:
            self._submit(broadcast.contact_lost(self.output_id, lost_at, now))

    def _end_at_loss(self, lost_at: datetime, *, stream: bool, record: bool) -> None:
        """What was running when contact was lost ended then, nobody as who: a recording's file unknown
        (OBS names it as it stops, which the console did not see)."""
        if stream and self._live_since is not None:
            ended = broadcast.stream_stopped(
                self.output_id, lost_at, EndReason.OBS_CLOSED, None, self._frames
            )
            self._submit(ended)
            self._live_since, self._dropping = None, False
        if record and self._recording_since is not None:
            self._submit(broadcast.record_stopped(self.output_id, lost_at, None, None))
            self._recording_since = None
        self._lost_at = None

    def _record(self, state: ObsSeen, now: datetime) -> None:
        running = state.recording in RECORDING and state.record_started is not None
        if self._recording_since is not None and not running:  # a start that moved is a pause, not a new one
            self._submit(broadcast.record_stopped(self.output_id, now, state.record_path, self._staff()))
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


def _goes_on(since: float | None, running: bool, started: float | None, lost_at: datetime) -> bool:
    """The stream (or recording) seen starting at ``since`` before contact was lost at ``lost_at`` is the
    one OBS runs now, started at ``started``: as measured again, and not begun after the loss (one stopped
    and started again meanwhile)."""
    if since is None or not running or started is None:
        return False
    return abs(started - since) <= SAME_RUN and started < lost_at.timestamp()


def _instant(timestamp: float | None) -> datetime:
    assert timestamp is not None
    return datetime.fromtimestamp(timestamp, UTC)
