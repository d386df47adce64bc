"""Events: schedule them with their places, operators, devices, stream and OBS output; start, end or cancel
them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog import takeovers
from models.oplog.admin_audit import audit_change
from models.oplog.clock import as_utc
from models.oplog.database import reread_locked
from models.oplog.staff import database_now, require_role
from models.oplog.tables import Device, Event, EventLocation, EventMode, EventStatus, Location, Role, Staff

STATUS_WORDS = {
    EventStatus.SCHEDULED: QT_TRANSLATE_NOOP("Schedule", "scheduled"),
    EventStatus.RUNNING: QT_TRANSLATE_NOOP("Schedule", "running"),
    EventStatus.FINISHED: QT_TRANSLATE_NOOP("Schedule", "finished"),
    EventStatus.CANCELLED: QT_TRANSLATE_NOOP("Schedule", "cancelled"),
}

OUTPUT_ID = re.compile(r"[a-z0-9_-]{1,60}")  # an OBS output's id, as the configuration allows it


class ScheduleError(Exception):
    """An event step that is not possible; the message names what is wrong."""


@dataclass(frozen=True)
class Place:
    """Where an event happens: a location's name and, optionally, its participant limit and count."""

    location: str
    participant_limit: int | None = None
    participant_count: int | None = None


@dataclass(frozen=True)
class Stream:
    platform: str  # e.g. "YouTube"
    url: str | None = None  # the watch or studio URL, once known


def find_location(session: Session, name: str) -> Location:
    location = session.scalars(select(Location).where(Location.name == name)).first()
    if location is None:
        raise ScheduleError(
            QT_TRANSLATE_NOOP("Schedule", "there is no location named {name}").format(name=repr(name))
        )
    return location


def find_device(session: Session, key: str) -> Device:
    """A device by asset number or by name."""
    device = session.scalars(
        select(Device).where(or_(Device.asset_number == key, Device.name == key))
    ).first()
    if device is None:
        raise ScheduleError(
            QT_TRANSLATE_NOOP("Schedule", "there is no device with the asset number or name {key}").format(
                key=repr(key)
            )
        )
    return device


def schedule_event(
    session: Session,
    by: Staff,
    title: str,
    organiser: str,
    mode: EventMode,
    planned_start: datetime,
    planned_end: datetime,
    places: Sequence[Place],
    *,
    operators: Sequence[Staff] = (),
    devices: Sequence[str] = (),
    stream: Stream | None = None,
    broadcast_output: str | None = None,
    notes: str = "",
) -> Event:
    """Add an event (flushed, not committed), in the audit trail as ``by``'s. ``devices`` are asset numbers
    or names; a place, operator or device given twice counts once. ``broadcast_output`` is the id of the
    configuration's OBS output it streams on (the caller offers only those)."""
    require_role(by, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "schedule an event"))
    event = new_event(
        session,
        title,
        organiser,
        mode,
        planned_start,
        planned_end,
        places,
        operators=operators,
        devices=devices,
        stream=stream,
        broadcast_output=broadcast_output,
        notes=notes,
    )
    audit_change(session, by, scheduled_action(event), database_now(session), event.id)
    return event


def scheduled_action(event: Event) -> str:
    """The audit trail's words for a new event, its fields in the order they matter when the action is cut
    at 200 characters (the event's row keeps them all)."""
    when = f"{as_utc(event.planned_start):%Y-%m-%d %H:%M}–{as_utc(event.planned_end):%H:%M} UTC"
    fields = [event.mode.value, when]
    if event.broadcast_output:
        fields.append(f"on OBS output {event.broadcast_output}")
    fields.append("at " + ", ".join(place.location.name for place in event.locations))
    if event.devices:
        fields.append("with " + ", ".join(device.name for device in event.devices))
    if event.stream_platform:
        fields.append(" ".join(p for p in ("stream", event.stream_platform, event.stream_url) if p))
    return f"schedule event {event.id} {event.title[:60]!r} ({event.organiser[:40]}): {'; '.join(fields)}"


def new_event(
    session: Session,
    title: str,
    organiser: str,
    mode: EventMode,
    planned_start: datetime,
    planned_end: datetime,
    places: Sequence[Place],
    *,
    operators: Sequence[Staff] = (),
    devices: Sequence[str] = (),
    stream: Stream | None = None,
    broadcast_output: str | None = None,
    notes: str = "",
) -> Event:
    """``schedule_event`` without the staff member: the checks of the event itself (flushed, not
    committed)."""
    if not title.strip() or not organiser.strip():
        raise ScheduleError(QT_TRANSLATE_NOOP("Schedule", "an event needs a title and an organiser (OPD)"))
    if as_utc(planned_end) <= as_utc(planned_start):
        raise ScheduleError(
            QT_TRANSLATE_NOOP("Schedule", "{title}: the event must end after it starts").format(title=title)
        )
    if not places:
        raise ScheduleError(
            QT_TRANSLATE_NOOP(
                "Schedule", "{title}: an event needs at least one location (the studio for an online event)"
            ).format(title=title)
        )
    if broadcast_output is not None and not OUTPUT_ID.fullmatch(broadcast_output):
        raise ScheduleError(
            QT_TRANSLATE_NOOP(
                "Schedule",
                "{title}: {output} is not an OBS output's id (lower-case letters, digits, '-' and '_')",
            ).format(title=title, output=repr(broadcast_output[:60]))
        )
    event = Event(
        title=title.strip(),
        organiser=organiser.strip(),
        mode=EventMode(mode),
        status=EventStatus.SCHEDULED,
        planned_start=planned_start,
        planned_end=planned_end,
        notes=notes,
        broadcast_output=broadcast_output,
        operators=list({staff.id: staff for staff in operators}.values()),
    )
    event.locations = list(
        {place.location_id: place for place in (_place(session, title, place) for place in places)}.values()
    )
    event.devices = list(
        {device.id: device for device in (_usable_device(session, title, key) for key in devices)}.values()
    )
    session.add(event)
    set_stream(session, event, stream)
    return event


def _place(session: Session, title: str, place: Place) -> EventLocation:
    for number in (place.participant_limit, place.participant_count):
        if number is not None and number < 0:
            raise ScheduleError(
                QT_TRANSLATE_NOOP("Schedule", "{title}: participant numbers cannot be negative").format(
                    title=title
                )
            )
    location = find_location(session, place.location)
    return EventLocation(
        location=location,
        location_id=location.id,
        participant_limit=place.participant_limit,
        participant_count=place.participant_count,
    )


def _usable_device(session: Session, title: str, key: str) -> Device:
    device = find_device(session, key)
    if not device.in_service:
        raise ScheduleError(
            QT_TRANSLATE_NOOP("Schedule", "{title}: {device} ({asset}) is out of service").format(
                title=title, device=device.name, asset=device.asset_number
            )
        )
    return device


def set_stream(session: Session, event: Event, stream: Stream | None) -> None:
    if (
        stream is not None
        and stream.url
        and not stream.url.startswith(("https://", "http://", "rtmp://", "rtmps://"))
    ):
        raise ScheduleError(
            QT_TRANSLATE_NOOP(
                "Schedule", "{title}: the stream URL must start with https:// (or rtmp://)"
            ).format(title=event.title)
        )
    event.stream_platform = stream.platform.strip() if stream else None
    event.stream_url = stream.url if stream else None
    session.flush()


def set_participant_count(session: Session, event: Event, location: str, count: int) -> None:
    if count < 0:
        raise ScheduleError(QT_TRANSLATE_NOOP("Schedule", "a participant count cannot be negative"))
    for place in event.locations:
        if place.location.name == location:
            place.participant_count = count
            session.flush()
            return
    raise ScheduleError(
        QT_TRANSLATE_NOOP("Schedule", "{title} does not take place at {location}").format(
            title=event.title, location=location
        )
    )


def set_notes(session: Session, event: Event, notes: str) -> None:
    event.notes = notes
    session.flush()


def start_event(session: Session, event: Event, by: Staff, now: datetime) -> None:
    require_role(by, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "start an event"))
    reread_locked(session, event)
    if event.status is not EventStatus.SCHEDULED:
        raise ScheduleError(
            QT_TRANSLATE_NOOP("Schedule", "{title} cannot start: it is {status}").format(
                title=event.title, status=STATUS_WORDS[event.status]
            )
        )
    event.status, event.actual_start = EventStatus.RUNNING, as_utc(now)
    session.flush()
    takeovers.announce(session)


def end_event(session: Session, event: Event, by: Staff, now: datetime) -> None:
    require_role(by, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "end an event"))
    reread_locked(session, event)
    if event.status is not EventStatus.RUNNING:
        raise ScheduleError(
            QT_TRANSLATE_NOOP("Schedule", "{title} cannot end: it is {status}").format(
                title=event.title, status=STATUS_WORDS[event.status]
            )
        )
    event.status, event.actual_end = EventStatus.FINISHED, as_utc(now)
    session.flush()
    takeovers.release(session, event.id, now)  # what it took goes back to the events that list it
    takeovers.announce(session)


def cancel_event(session: Session, event: Event, by: Staff) -> None:
    require_role(by, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "cancel an event"))
    reread_locked(session, event)
    if event.status is not EventStatus.SCHEDULED:
        raise ScheduleError(
            QT_TRANSLATE_NOOP("Schedule", "{title} cannot be cancelled: it is {status}").format(
                title=event.title, status=STATUS_WORDS[event.status]
            )
        )
    event.status = EventStatus.CANCELLED
    session.flush()
