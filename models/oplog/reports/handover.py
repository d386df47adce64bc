"""The handover report of one shift as plain frozen data, for the PDF writer and the CSV export.

Times are in WIB. A signed handover shows its frozen summary; a shift without a signed handover
shows a summary built from the data at ``now`` (a preview).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import WIB, to_wib, utc_now
from models.oplog.handover import handover_for_shift, misfits, summary
from models.oplog.handover_summary import (
    DeviceErrorCount,
    DropNote,
    EventRun,
    FaultNote,
    GapNote,
    StreamRun,
    build_summary,
)
from models.oplog.tables import Event, Handover, LogEntry, Shift, Staff


@dataclass(frozen=True)
class ReportHeader:
    shift_id: int
    shift_name: str
    day: date
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None
    lead: str
    team: tuple[str, ...]
    status: str  # no handover, draft, signed, accepted, reopened
    outgoing_lead: str | None
    incoming_lead: str | None
    notes: str
    content_hash: str | None
    verified: bool | None  # None until the handover is accepted
    planned_incoming_lead: str | None = None  # the next shift's lead when it was accepted
    accepted_as_admin: bool = False  # an admin accepted in the planned lead's place
    misfits: tuple[str, ...] = ()  # what no longer fits the signature, when not verified


@dataclass(frozen=True)
class ReportSignature:
    step: str  # signed (outgoing lead), accepted (incoming lead) or accepted as admin
    name: str
    at: datetime


@dataclass(frozen=True)
class ReportEntry:
    id: int
    at: datetime
    author: str
    event: str | None
    text: str


@dataclass(frozen=True)
class ReportAddition:
    at: datetime
    author: str
    kind: str  # reopened (text = reason), note, relocked
    text: str | None


@dataclass(frozen=True)
class HandoverReport:
    header: ReportHeader
    signatures: tuple[ReportSignature, ...]
    events: tuple[EventRun, ...]
    streams: tuple[StreamRun, ...]
    faults: tuple[FaultNote, ...]  # opened or closed during the shift
    carried_over: tuple[FaultNote, ...]  # still open at the handover
    device_errors: tuple[DeviceErrorCount, ...]
    entries: tuple[ReportEntry, ...]
    additions: tuple[ReportAddition, ...]  # written after a reopen, marked as additions


def handover_report(session: Session, shift_id: int, now: datetime | None = None) -> HandoverReport:
    shift = session.get(Shift, shift_id)
    if shift is None:
        raise LookupError(QT_TRANSLATE_NOOP("Reports", "there is no shift number {id}").format(id=shift_id))
    handover = handover_for_shift(session, shift)
    wrong = tuple(misfits(session, handover)) if handover is not None and handover.locked else None
    if handover is not None and handover.signed_at is not None:
        data = summary(handover)
    else:
        data = build_summary(session, shift, now or utc_now())
    by_id = {fault.id: fault for fault in (*data.faults_opened, *data.faults_closed)}
    return HandoverReport(
        header=_header(shift, handover, wrong),
        signatures=_signatures(handover),
        events=tuple(_in_wib(event, "start", "end") for event in data.events),
        streams=tuple(
            dataclasses.replace(
                _in_wib(stream, "start", "end"),
                drops=tuple(_in_wib(drop, "at") for drop in stream.drops),
                contact_gaps=tuple(_in_wib(gap, "start", "end") for gap in stream.contact_gaps),
            )
            for stream in data.streams
        ),
        faults=tuple(
            _in_wib(fault, "opened_at", "closed_at")
            for fault in sorted(by_id.values(), key=lambda fault: (fault.opened_at, fault.id))
        ),
        carried_over=tuple(_in_wib(fault, "opened_at", "closed_at") for fault in data.carried_over),
        device_errors=data.device_errors,
        entries=_entries(session, shift),
        additions=tuple(
            ReportAddition(to_wib(item.at), item.author.name, item.kind.value, item.text or None)
            for item in (handover.additions if handover else ())
        ),
    )


def _header(shift: Shift, handover: Handover | None, wrong: tuple[str, ...] | None) -> ReportHeader:
    return ReportHeader(
        shift_id=shift.id,
        shift_name=shift.name,
        day=shift.planned_start.astimezone(WIB).date(),
        planned_start=to_wib(shift.planned_start),
        planned_end=to_wib(shift.planned_end),
        actual_start=to_wib(shift.actual_start),
        actual_end=to_wib(shift.actual_end),
        lead=shift.lead.name,
        team=tuple(member.name for member in shift.members),
        status=handover_status(handover),
        outgoing_lead=handover.outgoing_lead.name if handover else None,
        incoming_lead=handover.incoming_lead.name if handover and handover.incoming_lead else None,
        notes=handover.notes if handover else "",
        content_hash=handover.content_hash if handover else None,
        verified=None if wrong is None else not wrong,
        misfits=wrong or (),
        planned_incoming_lead=handover.planned_incoming_lead.name
        if handover and handover.planned_incoming_lead
        else None,
        accepted_as_admin=bool(handover and handover.accepted_as_admin),
    )


def handover_status(handover: Handover | None) -> str:
    """no handover, draft, signed, accepted or reopened."""
    if handover is None:
        return "no handover"
    if handover.reopened:
        return "reopened"
    if handover.accepted_at is not None:
        return "accepted"
    return "signed" if handover.signed_at is not None else "draft"


def _signatures(handover: Handover | None) -> tuple[ReportSignature, ...]:
    if handover is None:
        return ()
    signatures = []
    if handover.signed_at is not None:
        signatures.append(ReportSignature("signed", handover.outgoing_lead.name, to_wib(handover.signed_at)))
    if handover.accepted_at is not None and handover.incoming_lead is not None:
        signatures.append(
            ReportSignature(
                "accepted as admin" if handover.accepted_as_admin else "accepted",
                handover.incoming_lead.name,
                to_wib(handover.accepted_at),
            )
        )
    return tuple(signatures)


def _entries(session: Session, shift: Shift) -> tuple[ReportEntry, ...]:
    author = aliased(Staff)
    rows = session.execute(
        select(LogEntry.id, LogEntry.at, author.name, Event.title, LogEntry.text)
        .join(author, LogEntry.author_id == author.id)
        .outerjoin(Event, LogEntry.event_id == Event.id)
        .where(LogEntry.shift_id == shift.id)
        .order_by(LogEntry.at, LogEntry.id)
    )
    return tuple(
        ReportEntry(entry_id, to_wib(at), name, title, text) for entry_id, at, name, title, text in rows
    )


_Timed = TypeVar("_Timed", EventRun, FaultNote, StreamRun, DropNote, GapNote)


def _in_wib(item: _Timed, *fields: str) -> _Timed:
    return dataclasses.replace(item, **{name: to_wib(getattr(item, name)) for name in fields})
