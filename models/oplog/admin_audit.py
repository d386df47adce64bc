"""Admins' changes (staff accounts, devices, locations, an admin's acceptance of a handover), the events
operators schedule, and the console's own changes (the configuration's events carried into the log) in
the audit trail.

Device actions reach the trail through ``AuditWriter`` (batched, off the GUI thread). An admin's
change is written in the same transaction as the change itself, so the trail never shows a change
that was not made and never misses one that was. The wording is English, like every audit row.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models.oplog.clock import as_utc
from models.oplog.tables import NOT_ERRORS, AuditEntry, Staff

DONE = NOT_ERRORS[0]  # "completed": not counted as a device error in the summaries
ACTION_LIMIT = 200  # AuditEntry.action is a String(200)


def audit_change(
    session: Session, by: Staff | None, action: str, now: datetime, event_id: int | None = None
) -> None:
    """``by`` made the change ``action`` (e.g. "add location Balai Desa (venue)") at ``now``, about the
    event ``event_id`` if any; None: the console itself did (e.g. carried the configuration's events into
    the log)."""
    session.add(
        AuditEntry(
            at=as_utc(now),
            staff_id=by.id if by else None,
            event_id=event_id,
            action=str(action)[:ACTION_LIMIT],
            result=DONE,
        )
    )
