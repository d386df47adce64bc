"""What happened in a shift, filled in from the data for the handover.

Events run, streams on air (with their drops and the console's lost contacts with their OBS), faults
opened and closed, device errors from the audit trail (counted by device and error), the faults still
open (carried over) and the number of log entries.
The summary is frozen into the handover as JSON when the outgoing lead signs; times are UTC here and WIB in
reports.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from models.oplog.clock import as_utc
from models.oplog.logbook import FAULT_DETAILS, open_faults
from models.oplog.plain_data import canonical_json, from_plain, to_plain
from models.oplog.tables import (
    NOT_ERRORS,
    AuditEntry,
    ContactGap,
    Event,
    EventStatus,
    Fault,
    LogEntry,
    OnAirSession,
    Shift,
)

NO_DEVICE = "—"


@dataclass(frozen=True)
class EventRun:
    id: int
    title: str
    organiser: str
    mode: str
    status: str
    locations: tuple[str, ...]
    participants: int | None
    start: datetime | None
    end: datetime | None
    stream_platform: str | None
    stream_url: str | None


@dataclass(frozen=True)
class FaultNote:
    id: int
    device: str | None
    severity: str
    description: str
    opened_at: datetime
    opened_by: str
    owner: str | None
    closed_at: datetime | None
    resolution: str | None


@dataclass(frozen=True)
class DeviceErrorCount:
    device: str
    result: str
    count: int


@dataclass(frozen=True)
class DropNote:
    at: datetime
    seconds: int | None  # None: it had not come back when the summary was made
    dropped_frames: int | None


@dataclass(frozen=True)
class GapNote:
    """The console lost contact with the stream's OBS from ``start`` to ``end`` and the stream ran on."""

    start: datetime
    end: datetime | None  # None: contact was not back when the summary was made


@dataclass(frozen=True)
class StreamRun:
    """One on-air session of a broadcast output, with its problems."""

    output: str
    event: str | None
    start: datetime
    end: datetime | None
    seconds: int | None
    end_reason: str | None  # stopped / dropped / obs_closed; None while on air
    dropped_frames: int | None
    drops: tuple[DropNote, ...]
    contact_gaps: tuple[GapNote, ...] = ()  # not in summaries signed before it was kept


@dataclass(frozen=True)
class ShiftSummary:
    window_start: datetime
    window_end: datetime
    events: tuple[EventRun, ...]
    faults_opened: tuple[FaultNote, ...]
    faults_closed: tuple[FaultNote, ...]
    device_errors: tuple[DeviceErrorCount, ...]
    carried_over: tuple[FaultNote, ...]
    log_entries: int
    streams: tuple[StreamRun, ...] = ()  # not in summaries signed before the broadcast log

    def to_json(self) -> str:
        return canonical_json(to_plain(self))

    @classmethod
    def from_json(cls, text: str) -> ShiftSummary:
        return from_plain(cls, json.loads(text))


def shift_window(shift: Shift, now: datetime) -> tuple[datetime, datetime]:
    """From the actual (else planned) start to the actual end, else ``now`` if running, else the planned
    end."""
    start = shift.actual_start or shift.planned_start
    if shift.actual_end is not None:
        return start, shift.actual_end
    return start, as_utc(now) if shift.actual_start is not None else shift.planned_end


def build_summary(session: Session, shift: Shift, now: datetime) -> ShiftSummary:
    start, end = shift_window(shift, now)
    events = session.scalars(
        select(Event)
        .where(
            Event.actual_start.is_not(None),
            Event.actual_start < end,
            or_(Event.actual_end.is_(None), Event.actual_end > start),
            Event.status != EventStatus.CANCELLED,
        )
        .order_by(Event.actual_start, Event.id)
        .options(selectinload(Event.locations))
    )
    opened = session.scalars(
        select(Fault)
        .where(Fault.opened_at >= start, Fault.opened_at < end)
        .order_by(Fault.opened_at, Fault.id)
        .options(*FAULT_DETAILS)
    )
    closed = session.scalars(
        select(Fault)
        .where(Fault.closed_at >= start, Fault.closed_at < end)
        .order_by(Fault.closed_at, Fault.id)
        .options(*FAULT_DETAILS)
    )
    entries = session.scalar(select(func.count()).select_from(LogEntry).where(LogEntry.shift_id == shift.id))
    return ShiftSummary(
        window_start=start,
        window_end=end,
        events=tuple(_event_run(event) for event in events),
        faults_opened=tuple(fault_note(fault, end) for fault in opened),
        faults_closed=tuple(fault_note(fault, end) for fault in closed),
        device_errors=device_errors(session, start, end),
        carried_over=tuple(fault_note(fault, end) for fault in open_faults(session, at=end)),
        log_entries=entries or 0,
        streams=streams_between(session, start, end),
    )


def streams_between(session: Session, start: datetime, end: datetime) -> tuple[StreamRun, ...]:
    """The on-air sessions that overlap [start, end), as they stood at ``end``."""
    found = session.scalars(
        select(OnAirSession)
        .where(
            OnAirSession.started_at < end, or_(OnAirSession.ended_at.is_(None), OnAirSession.ended_at > start)
        )
        .order_by(OnAirSession.started_at, OnAirSession.id)
        .options(selectinload(OnAirSession.drops), selectinload(OnAirSession.event))
    ).all()
    gaps = session.scalars(
        select(ContactGap)
        .where(ContactGap.output.in_({stream.output for stream in found}), ContactGap.lost_at < end)
        .order_by(ContactGap.lost_at)
    ).all()
    return tuple(_stream_run(stream, end, gaps) for stream in found)


def _stream_run(stream: OnAirSession, as_of: datetime, gaps: Sequence[ContactGap]) -> StreamRun:
    ended = stream.ended_at if stream.ended_at is not None and stream.ended_at <= as_of else None
    return StreamRun(
        output=stream.output,
        event=stream.event.title if stream.event else None,
        start=stream.started_at,
        end=ended,
        seconds=round((ended - stream.started_at).total_seconds()) if ended else None,
        end_reason=stream.end_reason.value if ended and stream.end_reason else None,
        dropped_frames=stream.dropped_frames if ended else None,
        drops=tuple(
            DropNote(
                drop.at,
                _rounded(drop.seconds) if drop.back_at and drop.back_at <= as_of else None,
                drop.dropped_frames,
            )
            for drop in stream.drops
            if drop.at < as_of
        ),
        contact_gaps=tuple(
            GapNote(gap.lost_at, gap.back_at if gap.back_at <= as_of else None)
            for gap in gaps
            if gap.output == stream.output and _ran_through(stream, gap)
        ),
    )


def _ran_through(stream: OnAirSession, gap: ContactGap) -> bool:
    """The stream was on air when contact was lost and went on (one that did not ended at the loss)."""
    return stream.started_at <= gap.lost_at and (stream.ended_at is None or gap.lost_at < stream.ended_at)


def device_errors(session: Session, start: datetime, end: datetime) -> tuple[DeviceErrorCount, ...]:
    """The audit trail's failed device actions in [start, end), counted per device and result, most first."""
    rows = session.execute(
        select(AuditEntry.device, AuditEntry.result, func.count())
        .where(AuditEntry.at >= start, AuditEntry.at < end, AuditEntry.result.not_in(NOT_ERRORS))
        .group_by(AuditEntry.device, AuditEntry.result)
    )
    return tuple(
        sorted(
            (DeviceErrorCount(device or NO_DEVICE, result, count) for device, result, count in rows),
            key=lambda error: (-error.count, error.device, error.result),
        )
    )


def _event_run(event: Event) -> EventRun:
    counts = [place.participant_count for place in event.locations if place.participant_count is not None]
    return EventRun(
        id=event.id,
        title=event.title,
        organiser=event.organiser,
        mode=event.mode.value,
        status=event.status.value,
        locations=tuple(place.location.name for place in event.locations),
        participants=sum(counts) if counts else None,
        start=event.actual_start,
        end=event.actual_end,
        stream_platform=event.stream_platform,
        stream_url=event.stream_url or None,
    )


def fault_note(fault: Fault, as_of: datetime) -> FaultNote:
    """The fault as it stood at ``as_of`` (a later closing is not shown)."""
    closed = fault.closed_at is not None and fault.closed_at <= as_of
    return FaultNote(
        id=fault.id,
        device=fault.device.name if fault.device else None,
        severity=fault.severity.value,
        description=fault.description,
        opened_at=fault.opened_at,
        opened_by=fault.opened_by.name,
        owner=fault.owner.name if fault.owner else None,
        closed_at=fault.closed_at if closed else None,
        resolution=(fault.resolution or None) if closed else None,
    )


def _rounded(seconds: float | None) -> int | None:
    return None if seconds is None else round(seconds)
