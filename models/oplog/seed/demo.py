"""A realistic month of demo data: the team of eight, three shifts a day, 3–4 events a weekday.

Deterministic: the same month and ``now`` give the same data (the random generator is seeded with
the month; only the bcrypt salts differ). Everything before ``now`` has happened (events run,
audit rows, faults, log entries, handovers signed and accepted); the shift and events at ``now``
are running; the rest of the month is scheduled. Data goes in through the services, so the demo
also exercises them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog import handover as handovers
from models.oplog.clock import WIB, as_utc, utc_now, wib_month_bounds
from models.oplog.database import Database
from models.oplog.inventory import add_device, add_location
from models.oplog.logbook import add_log_entry, close_fault, open_fault
from models.oplog.schedule import Place, Stream, cancel_event, end_event, schedule_event, start_event
from models.oplog.seed.catalog import (
    CAMERA_ACTIONS,
    CAMERA_ERRORS,
    DEMO_PIN,
    DEVICES,
    DISTRICTS,
    FAULT_TEXTS,
    LOG_TEXTS,
    ORGANISERS,
    PLACES,
    SHIFTS,
    STREAM_FAULT,
    TEAM,
    TITLES,
    TOPICS,
)
from models.oplog.shifts import end_shift, plan_shift, start_shift
from models.oplog.staff import hash_pin
from models.oplog.tables import (
    AuditEntry,
    Device,
    DeviceKind,
    Event,
    EventMode,
    Fault,
    FaultSeverity,
    Role,
    Shift,
    Staff,
)

CREW = (3, 2, 1)  # staff on duty in the Pagi, Siang and Malam shifts


class SeedError(Exception):
    """The database cannot take demo data (it already has some)."""


@dataclass(frozen=True)
class SeedResult:
    month: str
    staff: int
    shifts: int
    events: int
    handovers: int
    faults: int
    log_entries: int
    audit_rows: int


MONTH_YEARS = range(1900, 9999)  # a month's WIB days must stay inside the calendar Python counts in


def parse_month(text: str) -> tuple[int, int]:
    """``YYYY-MM`` → (year, month)."""
    try:
        year, month = (int(part) for part in text.split("-"))
        datetime(year, month, 1)
        if year not in MONTH_YEARS:
            raise ValueError
    except ValueError:
        raise ValueError(
            f"{text!r} is not a month like 2026-11 (years {MONTH_YEARS.start} to {MONTH_YEARS.stop - 1})"
        ) from None
    return year, month


def add_team_and_places(session: Session, pin_hash: str) -> tuple[list[Staff], dict[str, Device]]:
    """The catalog's staff, locations and devices (flushed)."""
    team = [
        Staff(name=name, nip=nip, category=category, role=role, pin_hash=pin_hash, active=True, failed_pins=0)
        for name, nip, category, role in TEAM
    ]
    session.add_all(team)
    session.flush()
    admin = next(member for member in team if member.role is Role.ADMIN)
    places = {name: add_location(session, admin, name, kind) for name, kind, _limit in PLACES}
    devices = {
        name: add_device(session, admin, asset, name, kind, places.get(where) if where else None)
        for asset, name, kind, where in DEVICES
    }
    return team, devices


def seed_demo(database: Database, month: str | None = None, now: datetime | None = None) -> SeedResult:
    """Fill an empty database with one month (``YYYY-MM``, default: the current month in WIB)."""
    now = as_utc(now or utc_now())
    year, number = parse_month(month) if month else (now.astimezone(WIB).year, now.astimezone(WIB).month)
    with database.transaction() as session:
        if session.scalar(select(func.count()).select_from(Staff)):
            raise SeedError(
                QT_TRANSLATE_NOOP(
                    "Seed", "{db} already has staff; demo data only goes into an empty database"
                ).format(db=database.name)
            )
        team, devices = add_team_and_places(session, hash_pin(DEMO_PIN))
        month_seed = _Month(
            session, random.Random(f"smartcentre-demo-{year:04d}-{number:02d}"), now, team, devices
        )
        month_seed.fill(year, number)
        counts = {
            table: session.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (Shift, Event, Fault, AuditEntry)
        }
        return SeedResult(
            f"{year:04d}-{number:02d}",
            len(team),
            counts[Shift],
            counts[Event],
            month_seed.handovers,
            counts[Fault],
            month_seed.log_entries,
            counts[AuditEntry],
        )


class _Month:
    def __init__(
        self,
        session: Session,
        rng: random.Random,
        now: datetime,
        team: list[Staff],
        devices: dict[str, Device],
    ) -> None:
        self.session, self.rng, self.now, self.team, self.devices = session, rng, now, team, devices
        self.handovers = self.log_entries = 0

    def fill(self, year: int, month: int) -> None:
        start, end = wib_month_bounds(year, month)
        shifts: list[Shift] = []
        resting: set[int] = set()
        day = start.astimezone(WIB)
        while day < end:
            day_shifts = self._shifts(day, resting)
            resting = {member.id for member in day_shifts[-1].members}
            self._events(day, day_shifts)
            self._fault(day_shifts)
            shifts += day_shifts
            day += timedelta(days=1)
        for shift in shifts:
            self._log(shift)
        for outgoing, incoming in zip(shifts, shifts[1:] + [None], strict=True):
            self._handover(outgoing, incoming)

    def _shifts(self, day: datetime, resting: set[int]) -> list[Shift]:
        order = self.rng.sample(self.team, len(self.team))
        order.sort(key=lambda member: member.id in resting)  # last night's crew do not work the morning
        shifts, taken = [], 0
        for (name, hour, hours), crew in zip(SHIFTS, CREW, strict=True):
            members = order[taken : taken + crew]
            taken += crew
            lead = next((m for m in members if m.role is not Role.VIEWER), None) or self._any_operator(order)
            begin = day.replace(hour=hour)
            shift = plan_shift(self.session, name, begin, begin + timedelta(hours=hours), lead, members)
            actual_start = begin + timedelta(minutes=self.rng.randint(-10, 5))
            if actual_start <= self.now:
                start_shift(self.session, shift, lead, actual_start)
                actual_end = shift.planned_end + timedelta(minutes=self.rng.randint(-5, 15))
                if actual_end <= self.now:
                    end_shift(self.session, shift, lead, actual_end)
            shifts.append(shift)
        return shifts

    def _any_operator(self, staff: list[Staff]) -> Staff:
        return next(member for member in staff if member.role is not Role.VIEWER)

    def _events(self, day: datetime, shifts: list[Shift]) -> None:
        count = self.rng.choice((3, 3, 4, 4, 4)) if day.weekday() < 5 else self.rng.choice((0, 1, 1, 2))
        for _ in range(count):
            mode = self.rng.choices(list(EventMode), weights=(35, 40, 25))[0]
            begin = day.replace(hour=8) + timedelta(minutes=30 * self.rng.randint(0, 14))
            end = begin + timedelta(minutes=30 * self.rng.randint(3, 8))
            places = self._places(mode)
            organiser = self.rng.choice(ORGANISERS)
            title = self.rng.choice(TITLES[mode]).format(
                topic=self.rng.choice(TOPICS), organiser=organiser, district=self.rng.choice(DISTRICTS)
            )
            crew = [
                m for m in (shifts[0] if begin.hour < 15 else shifts[1]).members if m.role is not Role.VIEWER
            ]
            streamed = mode is not EventMode.DARING and self.rng.random() < 0.35
            stream = (
                Stream("YouTube", f"https://www.youtube.com/live/{self._video_id()}") if streamed else None
            )
            event = schedule_event(
                self.session,
                crew[0],
                title,
                organiser,
                mode,
                begin,
                end,
                places,
                operators=self.rng.sample(crew, min(len(crew), self.rng.randint(1, 2))),
                devices=self._equipment(places),
                stream=stream,
            )
            self._run(event, crew[0])

    def _places(self, mode: EventMode) -> list[Place]:
        limits = {name: limit for name, _kind, limit in PLACES}
        if mode is EventMode.DARING:
            names = [self.rng.choice(("Command Center", "Studio Smart Centre"))]
        else:
            names = [
                self.rng.choice(
                    (
                        "Pendopo Manggala Praja Nugraha",
                        "Aula Diskominfo",
                        "Ruang Rapat Utama",
                        "Mobil Liputan",
                    )
                )
            ]
            if mode is EventMode.CAMPURAN:
                names.append("Command Center")
        return [Place(name, limits[name] or None) for name in names]

    def _equipment(self, places: list[Place]) -> list[str]:
        """The devices at the places; a venue without a camera gets the portable one and a streaming kit."""
        names = {place.location for place in places}
        equipment = [
            device for device in self.devices.values() if device.location and device.location.name in names
        ]
        if not any(device.kind is DeviceKind.CAMERA for device in equipment):
            equipment += [self.devices["Kamera Mobil Liputan"], self.devices["Kit Streaming Mobile 2"]]
        return [device.name for device in equipment]

    def _video_id(self) -> str:
        return "".join(
            self.rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
            for _ in range(11)
        )

    def _run(self, event: Event, by: Staff) -> None:
        started = event.planned_start + timedelta(minutes=self.rng.randint(0, 15))
        if started > self.now:
            return
        if self.rng.random() < 0.03:
            cancel_event(self.session, event, by)
            return
        start_event(self.session, event, by, started)
        ended = event.planned_end + timedelta(minutes=self.rng.randint(-10, 20))
        if ended <= self.now:
            end_event(self.session, event, by, ended)
            for place in event.locations:
                if place.participant_limit:
                    place.participant_count = self.rng.randint(
                        place.participant_limit // 2, place.participant_limit
                    )
        self._audit(event, started, min(ended, self.now))

    def _audit(self, event: Event, start: datetime, end: datetime) -> None:
        rows: list[dict[str, Any]] = []
        for camera in (device for device in event.devices if device.kind is DeviceKind.CAMERA):
            for _ in range(self.rng.randint(20, 80)):
                roll = self.rng.random()
                result = (
                    "completed"
                    if roll < 0.94
                    else "superseded"
                    if roll < 0.97
                    else self.rng.choice(CAMERA_ERRORS)
                )
                rows.append(
                    {
                        "at": start + (end - start) * self.rng.random(),
                        "staff_id": event.operators[0].id,
                        "event_id": event.id,
                        "device": camera.name,
                        "action": self.rng.choice(CAMERA_ACTIONS),
                        "result": result,
                        "duration_ms": round(self.rng.uniform(20, 3000), 1),
                    }
                )
        if rows:
            self.session.execute(insert(AuditEntry), sorted(rows, key=lambda row: row["at"]))

    def _fault(self, shifts: list[Shift]) -> None:
        if self.rng.random() > 0.3:
            return
        shift = self.rng.choice(shifts[:2])
        opened = shift.planned_start + timedelta(minutes=self.rng.randint(30, 420))
        if opened > self.now:
            return
        by = self._any_operator(shift.members + self.team)
        device = self.rng.choice([*self.devices.values(), None])
        text = self.rng.choice(FAULT_TEXTS).format(device=device.name) if device else STREAM_FAULT
        severity = self.rng.choices(list(FaultSeverity), weights=(50, 35, 15))[0]
        owner = self.rng.choice([member for member in self.team if member.role is Role.ADMIN] + [None])
        fault = open_fault(
            self.session, by, severity, text, opened, device=device.name if device else None, owner=owner
        )
        closed = opened + timedelta(minutes=self.rng.randint(60, 3 * 24 * 60))
        if closed <= self.now and self.rng.random() < 0.85:
            close_fault(
                self.session, fault, owner or by, closed, "Sudah diperbaiki dan dicek bersama teknisi"
            )

    def _log(self, shift: Shift) -> None:
        writers = [member for member in shift.members if member.role is not Role.VIEWER]
        for _ in range(self.rng.randint(2, 5)):
            at = shift.planned_start + (shift.planned_end - shift.planned_start) * self.rng.random()
            if at <= self.now:
                text = self.rng.choice(LOG_TEXTS).format(organiser=self.rng.choice(ORGANISERS))
                add_log_entry(self.session, self.rng.choice(writers), text, at, shift=shift)
                self.log_entries += 1

    def _handover(self, shift: Shift, incoming: Shift | None) -> None:
        if shift.actual_end is None:
            return
        lead = shift.lead
        handover = handovers.start_handover(
            self.session, shift, lead, shift.actual_end - timedelta(minutes=15)
        )
        open_count = len(handovers.summary(handover).carried_over)
        handovers.set_notes(
            self.session,
            handover,
            lead,
            f"Perhatikan: {open_count} gangguan masih terbuka."
            if open_count
            else "Semua perangkat normal, tidak ada gangguan terbuka.",
        )
        handovers.sign(self.session, handover, lead, shift.actual_end - timedelta(minutes=10))
        self.handovers += 1
        if incoming is None or incoming.actual_start is None or incoming.lead.id == lead.id:
            return
        accepted = max(incoming.actual_start, shift.actual_end - timedelta(minutes=10)) + timedelta(minutes=5)
        if accepted <= self.now:
            handovers.accept(self.session, handover, incoming.lead, accepted)
