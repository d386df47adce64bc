"""The board's job: take devices over for log events, all or none, shared with every desk."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from models.oplog.clock import utc_now
from models.oplog.jobs.base import Job
from models.oplog.tables import Staff
from models.oplog.takeovers import SharedTakeOver, take_over


@dataclass(frozen=True)
class TakeOverAsked:
    device: str
    device_name: str
    event_id: int  # the log event taking the device over
    seen: int | None  # the take-over in force this desk knew of (None: none)
    from_events: tuple[str, ...]  # the titles of the events it takes the device from


def take_over_all(
    asked: Sequence[TakeOverAsked], staff_id: int | None, desk: str, *, audit: bool
) -> Job[list[SharedTakeOver]]:
    """Every take-over in ``asked`` in one transaction, so that a refused one (``TakeOverRefused``) leaves
    none written. ``audit``: False when the caller writes the audit rows itself."""

    def work(session: Session) -> list[SharedTakeOver]:
        by = session.get(Staff, staff_id) if staff_id is not None else None
        return [
            take_over(
                session,
                item.device,
                item.device_name,
                item.event_id,
                by=by,
                desk=desk,
                from_events=item.from_events,
                seen=item.seen,
                now=utc_now(),
                audit=audit,
            )
            for item in asked
        ]

    return work
