"""What the console shows of the operations log, as plain frozen data loaded on the database thread.

ORM objects never cross to the GUI thread: a closed session cannot load their relationships, and
the GUI thread must not touch the database. ``load_snapshot`` reads everything the operations
docks show in one short transaction (about 25 ms on five years of data).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import WIB
from models.oplog.event_queries import events_between, running_events
from models.oplog.inventory import devices, locations
from models.oplog.logbook import open_faults
from models.oplog.shifts import current_shift, next_shift
from models.oplog.staff import staff_for_login
from models.oplog.tables import Event, Fault, Role, Shift, Staff
from models.oplog.takeovers import SharedTakeOver, takeovers_in_force

LOOKAHEAD = timedelta(hours=12)


@dataclass(frozen=True)
class StaffView:
    id: int
    name: str
    role: Role

    def can(self, needed: Role) -> bool:
        return self.role.rank >= needed.rank


@dataclass(frozen=True)
class ShiftView:
    id: int
    name: str
    planned_start: datetime
    planned_end: datetime
    actual_start: datetime | None
    actual_end: datetime | None
    lead_id: int
    lead: str
    member_ids: tuple[int, ...]
    members: tuple[str, ...]

    @property
    def running(self) -> bool:
        return self.actual_start is not None and self.actual_end is None


@dataclass(frozen=True)
class EventView:
    id: int
    title: str
    organiser: str
    mode: str
    status: str
    planned_start: datetime
    planned_end: datetime
    locations: tuple[str, ...]
    devices: tuple[str, ...]
    stream_platform: str | None
    stream_url: str | None
    broadcast_output: str | None = None  # the id of the OBS output it streams on


@dataclass(frozen=True)
class FaultView:
    id: int
    device: str | None
    severity: str
    description: str
    opened_at: datetime
    owner: str | None


@dataclass(frozen=True)
class DeviceView:
    asset_number: str
    name: str
    in_service: bool


@dataclass(frozen=True)
class Snapshot:
    """The staff who may log in, the current (else next) shift, the board's events (``board_window``) and
    the running ones, open faults, places and devices."""

    staff: tuple[StaffView, ...]
    shift: ShiftView | None
    events: tuple[EventView, ...]
    faults: tuple[FaultView, ...]
    locations: tuple[str, ...]
    devices: tuple[DeviceView, ...]
    takeovers: tuple[SharedTakeOver, ...] = ()  # in force, shared by every desk


def staff_view(staff: Staff) -> StaffView:
    return StaffView(staff.id, staff.name, staff.role)


def shift_view(shift: Shift) -> ShiftView:
    return ShiftView(
        shift.id,
        shift.name,
        shift.planned_start,
        shift.planned_end,
        shift.actual_start,
        shift.actual_end,
        shift.lead_id,
        shift.lead.name,
        tuple(m.id for m in shift.members),
        tuple(m.name for m in shift.members),
    )


def event_view(event: Event) -> EventView:
    return EventView(
        event.id,
        event.title,
        event.organiser,
        event.mode.value,
        event.status.value,
        event.planned_start,
        event.planned_end,
        tuple(place.location.name for place in event.locations),
        tuple(device.name for device in event.devices),
        event.stream_platform,
        event.stream_url,
        event.broadcast_output,
    )


def fault_view(fault: Fault) -> FaultView:
    return FaultView(
        fault.id,
        fault.device.name if fault.device else None,
        fault.severity.value,
        fault.description,
        fault.opened_at,
        fault.owner.name if fault.owner else None,
    )


def board_window(now: datetime) -> tuple[datetime, datetime]:
    """The events the board lists, by planned start: the WIB day around ``now`` (start inclusive, end
    exclusive), reaching at least ``LOOKAHEAD`` past ``now`` so a late shift sees the events after
    midnight."""
    start = now.astimezone(WIB).replace(hour=0, minute=0, second=0, microsecond=0)
    return start, max(start + timedelta(days=1), now + LOOKAHEAD)


def load_snapshot(session: Session, now: datetime) -> Snapshot:
    shift = current_shift(session, now) or next_shift(session, now)
    today = {
        event.id: event
        for event in events_between(session, *board_window(now))
        if event.status.value != "cancelled"
    }
    today.update((event.id, event) for event in running_events(session))
    return Snapshot(
        staff=tuple(staff_view(staff) for staff in staff_for_login(session)),
        shift=shift_view(shift) if shift else None,
        events=tuple(
            event_view(event) for event in sorted(today.values(), key=lambda e: (e.planned_start, e.id))
        ),
        faults=tuple(fault_view(fault) for fault in open_faults(session)),
        locations=tuple(location.name for location in locations(session)),
        devices=tuple(DeviceView(d.asset_number, d.name, d.in_service) for d in devices(session)),
        takeovers=tuple(takeovers_in_force(session)),
    )


def actor(session: Session, staff_id: int) -> Staff:
    """The logged-in staff member as an ORM object of ``session``, for the services' role checks."""
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise LookupError(
            QT_TRANSLATE_NOOP("Login", "There is no staff member number {id}.").format(id=staff_id)
        )
    return staff


def wib_time(moment: datetime | None, pattern: str = "%H:%M") -> str:
    return "" if moment is None else moment.astimezone(WIB).strftime(pattern)
