"""Monthly statistics, aggregated in SQL (GROUP BY) so that five years of data stay fast.

The month is a calendar month in WIB. An event counts on the WIB day it was planned to start;
cancelled events are left out. Staff hours come from shift membership: each member is counted
for the whole shift, from its actual (else planned) start to its actual (else planned) end.
Device faults are the faults opened in the month; device errors come from the audit trail.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.handover_summary import NO_DEVICE, DeviceErrorCount, device_errors
from models.oplog_time import as_date, hours_between, wib_date, wib_month_bounds
from models.schema import (
    Device, Event, EventLocation, EventStatus, Fault, Location, Shift, Staff, shift_members)



@dataclass(frozen=True)
class DayModeCount:
    day: date
    mode: str
    events: int


@dataclass(frozen=True)
class LocationCount:
    location: str
    events: int
    participants: int


@dataclass(frozen=True)
class StaffHours:
    staff: str
    category: str
    shifts: int
    hours: float


@dataclass(frozen=True)
class DeviceFaultCount:
    device: str
    severity: str
    faults: int


@dataclass(frozen=True)
class MonthlyStats:
    year: int
    month: int
    events_per_day: tuple[DayModeCount, ...]
    locations: tuple[LocationCount, ...]
    staff_hours: tuple[StaffHours, ...]
    device_faults: tuple[DeviceFaultCount, ...]
    device_errors: tuple[DeviceErrorCount, ...]

    def events_by_mode(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for row in self.events_per_day:
            totals[row.mode] = totals.get(row.mode, 0) + row.events
        return totals

    def events_by_day(self) -> dict[date, dict[str, int]]:
        """Events per mode on each day that had any, in date order."""
        days: dict[date, dict[str, int]] = {}
        for row in sorted(self.events_per_day, key=lambda row: row.day):
            days.setdefault(row.day, {})[row.mode] = row.events
        return days

    def faults_by_device(self) -> dict[str, dict[str, int]]:
        """Faults per severity of each device, the device with the most faults first."""
        devices: dict[str, dict[str, int]] = {}
        for row in self.device_faults:
            devices.setdefault(row.device, {})[row.severity] = row.faults
        return dict(sorted(devices.items(), key=lambda item: (-sum(item[1].values()), item[0])))


def monthly_stats(session: Session, year: int, month: int) -> MonthlyStats:
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not 1–12")
    start, end = wib_month_bounds(year, month)
    in_month = (Event.planned_start >= start, Event.planned_start < end, Event.status != EventStatus.CANCELLED)

    day = wib_date(Event.planned_start)
    per_day = session.execute(select(day, Event.mode, func.count()).where(*in_month)
                              .group_by(day, Event.mode).order_by(day, Event.mode))
    per_location = session.execute(
        select(Location.name, func.count(), func.coalesce(func.sum(EventLocation.participant_count), 0))
        .join(EventLocation, EventLocation.location_id == Location.id)
        .join(Event, Event.id == EventLocation.event_id).where(*in_month)
        .group_by(Location.name).order_by(func.count().desc(), Location.name))

    hours = hours_between(func.coalesce(Shift.actual_start, Shift.planned_start),
                          func.coalesce(Shift.actual_end, Shift.planned_end))
    per_staff = session.execute(
        select(Staff.name, Staff.category, func.count(), func.sum(hours))
        .join(shift_members, shift_members.c.staff_id == Staff.id)
        .join(Shift, Shift.id == shift_members.c.shift_id)
        .where(Shift.planned_start >= start, Shift.planned_start < end)
        .group_by(Staff.id, Staff.name, Staff.category).order_by(Staff.name))

    faults = session.execute(
        select(Device.name, Fault.severity, func.count()).outerjoin(Device, Device.id == Fault.device_id)
        .where(Fault.opened_at >= start, Fault.opened_at < end)
        .group_by(Device.name, Fault.severity))

    return MonthlyStats(
        year=year, month=month,
        events_per_day=tuple(DayModeCount(as_date(d), mode.value, n) for d, mode, n in per_day),
        locations=tuple(LocationCount(name, n, int(people)) for name, n, people in per_location),
        staff_hours=tuple(StaffHours(name, category.value, n, round(float(total or 0), 2))
                          for name, category, n, total in per_staff),
        device_faults=tuple(sorted((DeviceFaultCount(name or NO_DEVICE, severity.value, n)
                                    for name, severity, n in faults), key=lambda row: (-row.faults, row.device))),
        device_errors=device_errors(session, start, end))
