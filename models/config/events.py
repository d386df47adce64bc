"""The configuration's events and the operations log's schedule: one set of events.

With an operations log, the log's events are the events the console runs: which run now, where,
with which devices, started and ended by the operators (from any desk), and so what the handover
and the statistics count. An event of the configuration file is the *template* of the log's
events with its title: their cameras (with the log's own), shots (F1–F12) and wall outputs.

Configuration files from before gave an event a day and times, and the console ran it by the
clock, unlogged. ``carry_configured_events`` carries such an event into the log, once (matched by
title and planned start): one not over yet is scheduled; one under way is scheduled and started
(it was running on the board). Configuration times are read in the PC's own time zone, as the
console's clock ran them (on the desk PCs that is WIB). An event the log cannot take (no place,
or a place the log does not know) is left out, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.config.schema import Config, EventConfig
from models.oplog.admin_audit import audit_change
from models.oplog.clock import as_utc
from models.oplog.database import one_desk_at_a_time
from models.oplog.schedule import Place, ScheduleError, new_event
from models.oplog.tables import Device, Event, EventMode, EventStatus, Location

ORGANISER = "Diskominfo"  # what the Smart Centre's own configuration set up, its department organises
CARRYING = 4_052_020_232  # one desk at a time carries the configuration's events (models.oplog.database)


@dataclass(frozen=True)
class Carried:
    """What ``carry_configured_events`` did: titles scheduled (``started`` too: under way), and why any
    configured event was left out."""

    scheduled: tuple[str, ...] = ()
    started: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()


def carry_configured_events(session: Session, config: Config, now: datetime) -> Carried:
    """Schedule in the log the configuration's dated events that are not over and not in the log yet."""
    now = as_utc(now)
    if not any(event.start and event.end for event in config.events):
        return Carried()
    one_desk_at_a_time(session, CARRYING)  # two desks starting together would both find an event missing
    names = {camera.id: camera.name for camera in config.cameras}
    devices = set(session.scalars(select(Device.name).where(Device.in_service)))
    scheduled, started, left_out = [], [], []
    for configured in config.events:
        if configured.start is None or configured.end is None:
            continue  # a template only
        start, end = configured.start.astimezone(), configured.end.astimezone()
        if as_utc(end) <= now or _in_log(session, configured.title, start):
            continue
        try:
            event = _schedule(
                session,
                configured,
                start,
                end,
                [names[camera] for camera in configured.cameras if names.get(camera) in devices],
            )
        except (ScheduleError, ValueError) as error:
            left_out.append(error.args[0])  # the Phrase, said in the operator's language
            continue
        scheduled.append(event.title)
        action = f"schedule event {event.title} from the configuration"
        if as_utc(start) <= now:
            event.status, event.actual_start = EventStatus.RUNNING, now
            started.append(event.title)
            action += ", running when the console opened the log"
        audit_change(session, None, action, now)
    session.flush()
    return Carried(tuple(scheduled), tuple(started), tuple(left_out))


def streams_on(own: str | None, title: str, config: Config) -> str | None:
    """The id of the OBS output a log event streams on: its ``own`` (the log's), else that of its template
    (the configuration event with its ``title``)."""
    return own or next((event.broadcast for event in config.events if event.title == title), None)


def _in_log(session: Session, title: str, start: datetime) -> bool:
    return (
        session.scalar(
            select(Event.id)
            .where(Event.title == title.strip(), Event.planned_start == as_utc(start))
            .limit(1)
        )
        is not None
    )


def _schedule(
    session: Session, configured: EventConfig, start: datetime, end: datetime, devices: list[str]
) -> Event:
    if not configured.location:
        raise ScheduleError(
            QT_TRANSLATE_NOOP(
                "Schedule",
                "{title}: the configuration names no location, so it is "
                "not in the operations log; schedule it there",
            ).format(title=configured.title)
        )
    if session.scalar(select(Location.id).where(Location.name == configured.location)) is None:
        raise ScheduleError(
            QT_TRANSLATE_NOOP(
                "Schedule",
                "{title}: the operations log has no location {location}, "
                "so the event is not in it; an admin adds the location "
                "(Tools → Locations)",
            ).format(title=configured.title, location=configured.location)
        )
    return new_event(
        session,
        configured.title,
        ORGANISER,
        EventMode.LURING,
        start,
        end,
        [Place(configured.location)],
        devices=devices,
    )
