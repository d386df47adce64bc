"""The broadcast log's jobs: what an OBS output did, each in one transaction with its audit row.

Every job is idempotent: the same thing seen twice (a repeated state, a second desk watching the same
output, a console restarted while a stream runs) writes nothing the second time. Each returns True when it
wrote. ``staff`` is who pressed (None: nobody at the console, e.g. a drop or OBS closing). Times are aware.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.admin_audit import DONE
from models.oplog.clock import as_utc, to_wib
from models.oplog.jobs.base import Job
from models.oplog.tables import (
    AuditEntry,
    ContactGap,
    EndReason,
    Event,
    OnAirSession,
    Recording,
    StreamDrop,
)

ACTION_LIMIT = 200
CONTACT_LOST = QT_TRANSLATE_NOOP("Broadcast", "console lost contact with OBS from {start} to {end}")


def stream_started(output_id: str, event_id: int | None, at: datetime, staff: int | None) -> Job[bool]:
    """The output went live at ``at`` for ``event_id``. A session still open from an earlier start (its
    end was never seen) is ended at ``at`` first."""

    def run(session: Session) -> bool:
        when = as_utc(at)
        if _session_started(session, output_id, when) is not None:
            return False
        stale = _open_session(session, output_id)
        if stale is not None:
            _end(session, stale, when, EndReason.STOPPED, None, stale.dropped_frames)
        session.add(OnAirSession(output=output_id, event_id=event_id, started_at=when, started_by_id=staff))
        _audit(session, when, output_id, event_id, staff, "stream on air")
        session.flush()
        _refresh_event(session, event_id)
        return True

    return run


def stream_stopped(
    output_id: str, at: datetime, reason: EndReason, staff: int | None, dropped_frames: int | None = None
) -> Job[bool]:
    """The output's stream ended at ``at`` (stopped, dropped for good, or OBS closed)."""

    def run(session: Session) -> bool:
        live = _open_session(session, output_id)
        if live is None:
            return False
        _end(session, live, as_utc(at), reason, staff, dropped_frames)
        session.flush()
        _refresh_event(session, live.event_id)
        return True

    return run


def stream_dropped(output_id: str, at: datetime) -> Job[bool]:
    """The stream dropped at ``at``; OBS is reconnecting."""

    def run(session: Session) -> bool:
        live = _open_session(session, output_id)
        if live is None or _open_drop(session, live) is not None:
            return False
        when = as_utc(at)
        session.add(StreamDrop(session_id=live.id, at=when))
        # result "completed": the row records what was seen; drops are counted from the broadcast log, not
        # among the device errors (a failed command)
        _audit(session, when, output_id, live.event_id, None, "stream dropped, reconnecting")
        return True

    return run


def stream_back(output_id: str, at: datetime, dropped_frames: int | None) -> Job[bool]:
    """The stream came back at ``at``; ``dropped_frames``: frames lost while it was away, if known."""

    def run(session: Session) -> bool:
        live = _open_session(session, output_id)
        drop = _open_drop(session, live) if live is not None else None
        if live is None or drop is None:
            return False
        drop.back_at, drop.dropped_frames = max(as_utc(at), drop.at), dropped_frames
        action = f"stream back after {_seconds(drop.at, drop.back_at)} s"
        _audit(session, drop.back_at, output_id, live.event_id, None, action)
        return True

    return run


def contact_lost(output_id: str, lost_at: datetime, back_at: datetime) -> Job[bool]:
    """The console lost contact with the output's OBS at ``lost_at`` and found, at ``back_at``, the stream
    or recording it had seen still running: the gap (``ContactGap``, read by the handover) and one audit
    row, for the event of the session or recording still open — what did not run on was ended at the loss
    by the jobs before this one. Not an end and not a drop: the viewers saw nothing. The audit row's times
    are the office's (WIB), like the rest of what operators read."""

    def run(session: Session) -> bool:
        lost, back = as_utc(lost_at), max(as_utc(back_at), as_utc(lost_at))
        live, recording = _open_session(session, output_id), _open_recording(session, output_id)
        seen = select(ContactGap.id).where(ContactGap.output == output_id, ContactGap.lost_at == lost)
        if (live is None and recording is None) or session.scalar(seen) is not None:
            return False
        session.add(ContactGap(output=output_id, lost_at=lost, back_at=back))
        event_id = live.event_id if live is not None else recording.event_id if recording else None
        action = CONTACT_LOST.format(start=_clock(lost), end=_clock(back))
        _audit(session, back, output_id, event_id, None, action)
        return True

    return run


def record_started(output_id: str, event_id: int | None, at: datetime, staff: int | None) -> Job[bool]:
    def run(session: Session) -> bool:
        when = as_utc(at)
        if session.scalar(
            select(Recording.id).where(Recording.output == output_id, Recording.started_at == when)
        ):
            return False
        stale = _open_recording(session, output_id)
        if stale is not None:
            stale.stopped_at = max(when, stale.started_at)
        session.add(Recording(output=output_id, event_id=event_id, started_at=when, started_by_id=staff))
        _audit(session, when, output_id, event_id, staff, "recording started")
        return True

    return run


def record_stopped(output_id: str, at: datetime, path: str | None, staff: int | None) -> Job[bool]:
    """The recording's file was closed at ``at``; ``path``: where OBS wrote it."""

    def run(session: Session) -> bool:
        recording = _open_recording(session, output_id)
        if recording is None:
            return False
        recording.stopped_at, recording.stopped_by_id = max(as_utc(at), recording.started_at), staff
        recording.path = path
        action = f"recording stopped: {path}" if path else "recording stopped"
        _audit(session, recording.stopped_at, output_id, recording.event_id, staff, action)
        return True

    return run


def scene_cut(output_id: str, scene: str, at: datetime, staff: int | None) -> Job[bool]:
    """``scene`` went on program at ``at``: an audit row only, for the event on air on the output."""

    def run(session: Session) -> bool:
        when, action = as_utc(at), f"scene cut to {scene}"[:ACTION_LIMIT]
        seen = select(AuditEntry.id).where(
            AuditEntry.at == when, AuditEntry.device == output_id, AuditEntry.action == action
        )
        if session.scalar(seen) is not None:
            return False
        live = _open_session(session, output_id)
        _audit(session, when, output_id, live.event_id if live else None, staff, action)
        return True

    return run


def _end(
    session: Session,
    live: OnAirSession,
    at: datetime,
    reason: EndReason,
    staff: int | None,
    dropped_frames: int | None,
) -> None:
    end = max(at, live.started_at)
    drop = _open_drop(session, live)
    if drop is not None:
        drop.back_at = max(end, drop.at)  # it ended with the stream
    live.ended_at, live.end_reason, live.stopped_by_id = end, reason, staff
    live.dropped_frames = dropped_frames
    action = f"stream off air ({reason.value}) after {_seconds(live.started_at, end)} s"
    _audit(session, end, live.output, live.event_id, staff, action)


def _refresh_event(session: Session, event_id: int | None) -> None:
    """The event's on-air start, end and seconds, from its sessions (end: none while one is open)."""
    if event_id is None:
        return
    event = session.get(Event, event_id)
    if event is None:
        return
    streams = session.scalars(select(OnAirSession).where(OnAirSession.event_id == event_id)).all()
    ended = [stream for stream in streams if stream.ended_at is not None]
    event.on_air_start = min(stream.started_at for stream in streams) if streams else None
    open_now = len(ended) < len(streams)
    event.on_air_end = None if open_now or not ended else max(s.ended_at for s in ended if s.ended_at)
    event.on_air_seconds = sum(
        (stream.ended_at - stream.started_at).total_seconds() for stream in ended if stream.ended_at
    )


def _audit(
    session: Session,
    at: datetime,
    output_id: str,
    event_id: int | None,
    staff: int | None,
    action: str,
    result: str = DONE,
) -> None:
    session.add(
        AuditEntry(
            at=at,
            staff_id=staff,
            event_id=event_id,
            device=output_id,
            action=action[:ACTION_LIMIT],
            result=result,
        )
    )


def _session_started(session: Session, output_id: str, at: datetime) -> OnAirSession | None:
    return session.scalar(
        select(OnAirSession).where(OnAirSession.output == output_id, OnAirSession.started_at == at)
    )


def _open_session(session: Session, output_id: str) -> OnAirSession | None:
    return session.scalar(
        select(OnAirSession).where(OnAirSession.output == output_id, OnAirSession.ended_at.is_(None))
    )


def _open_drop(session: Session, live: OnAirSession) -> StreamDrop | None:
    return session.scalar(
        select(StreamDrop).where(StreamDrop.session_id == live.id, StreamDrop.back_at.is_(None))
    )


def _open_recording(session: Session, output_id: str) -> Recording | None:
    return session.scalar(
        select(Recording).where(Recording.output == output_id, Recording.stopped_at.is_(None))
    )


def _clock(at: datetime) -> str:
    return f"{to_wib(at):%H:%M:%S} WIB"


def _seconds(start: datetime, end: datetime) -> int:
    return round((end - start).total_seconds())
