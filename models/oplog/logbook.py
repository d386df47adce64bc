"""The shift log: quick notes, and faults that stay open (and in every handover) until closed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import as_utc
from models.oplog.database import reread_locked
from models.oplog.schedule import find_device
from models.oplog.shifts import current_shift, handover_for_shift, incoming_shift, shift_label
from models.oplog.staff import require_role
from models.oplog.tables import Event, Fault, FaultSeverity, HandoverLocked, LogEntry, Role, Shift, Staff

FAULT_DETAILS = (selectinload(Fault.device), selectinload(Fault.owner), selectinload(Fault.opened_by))


class FaultError(Exception):
    """A fault step that is not possible; the message says why."""


def add_log_entry(
    session: Session,
    author: Staff,
    text: str,
    now: datetime,
    *,
    event: Event | None = None,
    shift: Shift | None = None,
) -> LogEntry:
    """Write a note (flushed, not committed); it belongs to ``shift`` or else to the current shift, unless
    that shift's handover is already accepted: then to the next shift, as the locked record must not
    change."""
    require_role(author, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "write in the log"))
    if not text.strip():
        raise ValueError(QT_TRANSLATE_NOOP("Logbook", "a log entry needs some text"))
    entry = LogEntry(
        at=as_utc(now),
        author=author,
        text=text.strip(),
        event_id=event.id if event else None,
        shift=_open_shift(session, shift or current_shift(session, now)),
    )
    session.add(entry)
    session.flush()
    return entry


def _open_shift(session: Session, shift: Shift | None) -> Shift | None:
    """``shift``, or the one after it if its handover is accepted (locked)."""
    if shift is None:
        return None
    handover = handover_for_shift(session, shift)
    if handover is None or not handover.locked:
        return shift
    following = incoming_shift(session, shift)
    if following is None:
        raise HandoverLocked(
            QT_TRANSLATE_NOOP(
                "Logbook",
                "shift {shift} has been handed over and its record is "
                "locked, and no shift is planned after it: plan the next "
                "shift, then write the entry again",
            ).format(shift=shift_label(shift))
        )
    return following


def open_fault(
    session: Session,
    by: Staff,
    severity: FaultSeverity,
    description: str,
    now: datetime,
    *,
    device: str | None = None,
    owner: Staff | None = None,
) -> Fault:
    """Record a fault; ``device`` is an asset number or name, or None for the stream, network etc."""
    require_role(by, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "open a fault"))
    if not description.strip():
        raise ValueError(QT_TRANSLATE_NOOP("Logbook", "describe the fault"))
    fault = Fault(
        device=find_device(session, device) if device else None,
        severity=FaultSeverity(severity),
        description=description.strip(),
        opened_at=as_utc(now),
        opened_by=by,
        owner=owner,
    )
    session.add(fault)
    session.flush()
    return fault


def assign_fault(session: Session, fault: Fault, by: Staff, owner: Staff | None) -> None:
    require_role(by, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "assign a fault"))
    fault.owner = owner
    session.flush()


def close_fault(session: Session, fault: Fault, by: Staff, now: datetime, resolution: str) -> None:
    require_role(by, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "close a fault"))
    reread_locked(session, fault)
    if not fault.is_open:
        raise FaultError(QT_TRANSLATE_NOOP("Logbook", "fault {id} is already closed").format(id=fault.id))
    if not resolution.strip():
        raise FaultError(QT_TRANSLATE_NOOP("Logbook", "say how the fault was resolved before closing it"))
    if as_utc(now) < fault.opened_at:
        raise FaultError(
            QT_TRANSLATE_NOOP("Logbook", "fault {id} cannot be closed before it was opened").format(
                id=fault.id
            )
        )
    fault.closed_at, fault.closed_by, fault.resolution = as_utc(now), by, resolution.strip()
    session.flush()


def open_faults(session: Session, at: datetime | None = None) -> list[Fault]:
    """The faults open now (or at ``at``: opened before and not closed by then), oldest first."""
    query = select(Fault).order_by(Fault.opened_at, Fault.id).options(*FAULT_DETAILS)
    if at is None:
        query = query.where(Fault.closed_at.is_(None))
    else:
        at = as_utc(at)
        query = query.where(Fault.opened_at <= at, or_(Fault.closed_at.is_(None), Fault.closed_at > at))
    return list(session.scalars(query))
