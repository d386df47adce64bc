"""The event schedule's jobs: schedule an event, start or end one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from models.oplog import schedule
from models.oplog.clock import utc_now
from models.oplog.jobs.base import StaffJob, stored
from models.oplog.schedule import Place, Stream
from models.oplog.tables import Event, EventMode, Staff


def schedule_event(
    title: str,
    organiser: str,
    mode: EventMode,
    start: datetime,
    end: datetime,
    places: Sequence[Place],
    *,
    devices: Sequence[str],
    stream: Stream | None,
    broadcast_output: str | None = None,
    notes: str,
) -> StaffJob[int]:
    """Schedules the event with the logged-in staff member as its operator; the result is its id."""

    def add(session: Session, me: Staff) -> int:
        event = schedule.schedule_event(
            session,
            me,
            title,
            organiser,
            mode,
            start,
            end,
            places,
            operators=[me],
            devices=devices,
            stream=stream,
            broadcast_output=broadcast_output,
            notes=notes,
        )
        session.flush()
        return event.id

    return add


def start_or_end_event(event_id: int, start: bool) -> StaffJob[None]:
    """Starts (or ends) the event now."""
    step = schedule.start_event if start else schedule.end_event

    def run(session: Session, me: Staff) -> None:
        step(session, stored(session, Event, event_id), me, utc_now())

    return run
