"""Monthly statistics, aggregated in SQL (GROUP BY) so that five years of data stay fast.

The month is a calendar month in WIB, counted up to ``now``: what happened is counted, the rest
of the schedule is counted apart as *planned*. An event counts on the WIB day it was planned to
start; it was *held* if it started by ``now``, else it is planned (also one whose time passed
without a start); cancelled events are left out. Staff hours come from shift membership: each
member of a shift that started by ``now`` is counted for the whole shift as worked, from its
actual start to its actual end (or ``now`` while it runs); a shift not started is planned, for
its planned hours. Device faults are the faults opened in the month up to ``now``; device errors
come from the audit trail. Time on air: the broadcast outputs' sessions that went live in the month by
``now`` (to their end, or ``now`` while on air), per event type (mode) and OPD, with their drops.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, and_, bindparam, case, func, select
from sqlalchemy.orm import Session

from models.oplog.clock import (
    UtcDateTime,
    as_date,
    as_utc,
    hours_between,
    utc_now,
    wib_date,
    wib_month_bounds,
)
from models.oplog.handover_summary import NO_DEVICE, DeviceErrorCount, device_errors
from models.oplog.tables import (
    Device,
    Event,
    EventLocation,
    EventStatus,
    Fault,
    Location,
    OnAirSession,
    Shift,
    Staff,
    StreamDrop,
    shift_members,
)


@dataclass(frozen=True)
class DayModeCount:
    day: date
    mode: str
    events: int  # held
    planned: int = 0


@dataclass(frozen=True)
class LocationCount:
    location: str
    events: int  # held
    participants: int
    planned: int = 0


@dataclass(frozen=True)
class StaffHours:
    staff: str
    category: str
    shifts: int  # worked
    hours: float
    planned_shifts: int = 0
    planned_hours: float = 0.0


@dataclass(frozen=True)
class DeviceFaultCount:
    device: str
    severity: str
    faults: int


@dataclass(frozen=True)
class OnAirHours:
    mode: str  # the event type; "—" for streams of no event
    organiser: str  # the OPD
    streams: int
    hours: float
    drops: int


@dataclass(frozen=True)
class MonthlyStats:
    year: int
    month: int
    events_per_day: tuple[DayModeCount, ...]
    locations: tuple[LocationCount, ...]
    staff_hours: tuple[StaffHours, ...]
    device_faults: tuple[DeviceFaultCount, ...]
    device_errors: tuple[DeviceErrorCount, ...]
    until: datetime | None = None  # counted up to (UTC); None: the whole month is past
    on_air: tuple[OnAirHours, ...] = ()

    def on_air_by_organiser(self) -> dict[str, dict[str, float]]:
        """Hours on air per event type of each OPD, the OPD with the most hours first."""
        organisers: dict[str, dict[str, float]] = {}
        for row in self.on_air:
            organisers.setdefault(row.organiser, {})[row.mode] = row.hours
        return dict(sorted(organisers.items(), key=lambda item: (-sum(item[1].values()), item[0])))

    def events_by_mode(self) -> dict[str, int]:
        """Events held, per mode."""
        totals: dict[str, int] = {}
        for row in self.events_per_day:
            totals[row.mode] = totals.get(row.mode, 0) + row.events
        return totals

    def events_by_day(self) -> dict[date, dict[str, int]]:
        """Events held per mode on each day that had any held or planned, in date order."""
        days: dict[date, dict[str, int]] = {}
        for row in sorted(self.events_per_day, key=lambda row: row.day):
            days.setdefault(row.day, {})[row.mode] = row.events
        return days

    def planned_by_day(self) -> dict[date, int]:
        """Events planned (not held) on each day of ``events_by_day``."""
        days: dict[date, int] = {}
        for row in sorted(self.events_per_day, key=lambda row: row.day):
            days[row.day] = days.get(row.day, 0) + row.planned
        return days

    def planned_events(self) -> int:
        return sum(row.planned for row in self.events_per_day)

    def faults_by_device(self) -> dict[str, dict[str, int]]:
        """Faults per severity of each device, the device with the most faults first."""
        devices: dict[str, dict[str, int]] = {}
        for row in self.device_faults:
            devices.setdefault(row.device, {})[row.severity] = row.faults
        return dict(sorted(devices.items(), key=lambda item: (-sum(item[1].values()), item[0])))


def monthly_stats(session: Session, year: int, month: int, now: datetime | None = None) -> MonthlyStats:
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not 1–12")
    start, end = wib_month_bounds(year, month)
    until = min(max(as_utc(now or utc_now()), start), end)
    moment = bindparam("until", until, type_=UtcDateTime())
    in_month = (
        Event.planned_start >= start,
        Event.planned_start < end,
        Event.status != EventStatus.CANCELLED,
    )
    held = and_(Event.actual_start.is_not(None), Event.actual_start <= moment)

    day = wib_date(Event.planned_start)
    per_day = session.execute(
        select(day, Event.mode, _count(held), _count(~held))
        .where(*in_month)
        .group_by(day, Event.mode)
        .order_by(day, Event.mode)
    )
    per_location = session.execute(
        select(
            Location.name,
            _count(held),
            func.coalesce(func.sum(case((held, EventLocation.participant_count))), 0),
            _count(~held),
        )
        .join(EventLocation, EventLocation.location_id == Location.id)
        .join(Event, Event.id == EventLocation.event_id)
        .where(*in_month)
        .group_by(Location.name)
        .order_by(_count(held).desc(), Location.name)
    )

    worked = and_(Shift.actual_start.is_not(None), Shift.actual_start <= moment)
    hours = hours_between(Shift.actual_start, func.coalesce(Shift.actual_end, moment))
    per_staff = session.execute(
        select(
            Staff.name,
            Staff.category,
            _count(worked),
            func.sum(case((worked, hours), else_=0.0)),
            _count(~worked),
            func.sum(case((worked, 0.0), else_=hours_between(Shift.planned_start, Shift.planned_end))),
        )
        .join(shift_members, shift_members.c.staff_id == Staff.id)
        .join(Shift, Shift.id == shift_members.c.shift_id)
        .where(Shift.planned_start >= start, Shift.planned_start < end)
        .group_by(Staff.id, Staff.name, Staff.category)
        .order_by(Staff.name)
    )

    faults = session.execute(
        select(Device.name, Fault.severity, func.count())
        .outerjoin(Device, Device.id == Fault.device_id)
        .where(Fault.opened_at >= start, Fault.opened_at < until)
        .group_by(Device.name, Fault.severity)
    )

    return MonthlyStats(
        on_air=_on_air(session, start, moment),
        year=year,
        month=month,
        events_per_day=tuple(
            DayModeCount(as_date(d), mode.value, n, planned) for d, mode, n, planned in per_day
        ),
        locations=tuple(
            LocationCount(name, n, int(people), planned) for name, n, people, planned in per_location
        ),
        staff_hours=tuple(
            StaffHours(name, category.value, n, _hours(total), planned, _hours(planned_total))
            for name, category, n, total, planned, planned_total in per_staff
        ),
        device_faults=tuple(
            sorted(
                (DeviceFaultCount(name or NO_DEVICE, severity.value, n) for name, severity, n in faults),
                key=lambda row: (-row.faults, row.device),
            )
        ),
        device_errors=device_errors(session, start, until),
        until=until if until < end else None,
    )


def _on_air(session: Session, start: datetime, until: ColumnElement[datetime]) -> tuple[OnAirHours, ...]:
    drops = (
        select(StreamDrop.session_id, func.count().label("drops")).group_by(StreamDrop.session_id).subquery()
    )
    rows = session.execute(
        select(
            Event.mode,
            Event.organiser,
            func.count(OnAirSession.id),
            func.sum(hours_between(OnAirSession.started_at, func.coalesce(OnAirSession.ended_at, until))),
            func.coalesce(func.sum(drops.c.drops), 0),
        )
        .select_from(OnAirSession)
        .outerjoin(Event, Event.id == OnAirSession.event_id)
        .outerjoin(drops, drops.c.session_id == OnAirSession.id)
        .where(OnAirSession.started_at >= start, OnAirSession.started_at < until)
        .group_by(Event.mode, Event.organiser)
    )
    return tuple(
        sorted(
            (
                OnAirHours(
                    mode.value if mode else NO_DEVICE, organiser or NO_DEVICE, n, _hours(total), int(lost)
                )
                for mode, organiser, n, total, lost in rows
            ),
            key=lambda row: (-row.hours, row.organiser, row.mode),
        )
    )


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """SQL: how many rows meet ``condition``."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _hours(total: float | None) -> float:
    return round(float(total or 0), 2)
