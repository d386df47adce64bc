"""The faults dock's and the quick log entry's jobs."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models.oplog import logbook
from models.oplog.clock import utc_now
from models.oplog.jobs.base import StaffJob, stored
from models.oplog.snapshot import actor
from models.oplog.tables import Event, Fault, FaultSeverity, Staff


def open_fault(
    severity: FaultSeverity, description: str, device: str | None, owner_id: int | None
) -> StaffJob[None]:
    """``device``: an asset number or name, None for the stream, the network etc.; ``owner_id`` None: nobody
    yet."""

    def open_(session: Session, me: Staff) -> None:
        logbook.open_fault(
            session,
            me,
            severity,
            description,
            utc_now(),
            device=device,
            owner=actor(session, owner_id) if owner_id else None,
        )

    return open_


def assign_fault(fault_id: int, owner_id: int | None) -> StaffJob[None]:
    def assign(session: Session, me: Staff) -> None:
        owner = actor(session, owner_id) if owner_id else None
        logbook.assign_fault(session, stored(session, Fault, fault_id), me, owner)

    return assign


def close_fault(fault_id: int, resolution: str) -> StaffJob[None]:
    def close(session: Session, me: Staff) -> None:
        logbook.close_fault(session, stored(session, Fault, fault_id), me, utc_now(), resolution)

    return close


def write_log_entry(text: str, at: datetime, event_id: int | None) -> StaffJob[None]:
    """``at``: when the operator wrote it, however long the database took to answer."""

    def write(session: Session, me: Staff) -> None:
        event = session.get(Event, event_id) if event_id else None
        logbook.add_log_entry(session, me, text, at, event=event)

    return write
