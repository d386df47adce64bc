"""Events read back with their places, operators and devices (readable after the session): the running
ones, and those of a span of time (e.g. one day's schedule)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.oplog.clock import as_utc
from models.oplog.tables import Event, EventStatus

FULL_EVENT = (selectinload(Event.locations), selectinload(Event.operators), selectinload(Event.devices))
"""Loader options so that an event's places, operators and devices stay readable after the session."""


def running_events(session: Session) -> list[Event]:
    query = (
        select(Event)
        .where(Event.status == EventStatus.RUNNING)
        .order_by(Event.actual_start)
        .options(*FULL_EVENT)
    )
    return list(session.scalars(query))


def events_between(session: Session, start: datetime, end: datetime) -> list[Event]:
    """Events planned to start in [start, end), e.g. one day's schedule, with their places and devices."""
    query = (
        select(Event)
        .where(Event.planned_start >= as_utc(start), Event.planned_start < as_utc(end))
        .order_by(Event.planned_start, Event.id)
        .options(*FULL_EVENT)
    )
    return list(session.scalars(query))
