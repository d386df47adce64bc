"""A month of the Smart Centre happening, for the demo data (seed_demo in demo.py): each day's three
shifts with their crews, 3–4 events a weekday run and audited, now and then a fault, log entries,
and every ended shift handed over, signed and accepted. What lies after ``now`` is only planned.
Every choice comes from the seeded random generator, so the same month and ``now`` give the same data.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from models.oplog import handover as handovers
from models.oplog.clock import WIB, wib_month_bounds
from models.oplog.jobs import broadcast
from models.oplog.logbook import add_log_entry, close_fault, open_fault
from models.oplog.schedule import Place, Stream, cancel_event, end_event, schedule_event, start_event
from models.oplog.seed.catalog import (
    CAMERA_ACTIONS,
    CAMERA_ERRORS,
    CREW,
    DISTRICTS,
    FAULT_TEXTS,
    LOG_TEXTS,
    ORGANISERS,
    PLACES,
    SHIFTS,
    STREAM_FAULT,
    TITLES,
    TOPICS,
)
from models.oplog.shifts import end_shift, plan_shift, start_shift
from models.oplog.tables import (
    AuditEntry,
    Device,
    DeviceKind,
    EndReason,
    Event,
    EventMode,
    FaultSeverity,
    Role,
    Shift,
    Staff,
)

DEMO_OUTPUT = "youtube"  # the demo's broadcast output


class DemoMonth:
    """Fills one month through the services; counts the handovers and log entries it writes."""

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
        if event.stream_platform:
            self._stream(event, by, started, ended)

    def _stream(self, event: Event, by: Staff, started: datetime, ended: datetime) -> None:
        """The event on air on the demo's output, now and then with a drop. A generator of its own (seeded
        with the event) leaves the rest of the month as it was before streams were logged."""
        rng = random.Random(event.id)
        live, done = (
            started + timedelta(minutes=rng.randint(1, 5)),
            ended - timedelta(minutes=rng.randint(0, 5)),
        )
        if live >= min(done, self.now):
            return
        broadcast.stream_started(DEMO_OUTPUT, event.id, live, by.id)(self.session)
        if rng.random() < 0.3:
            dropped = live + (done - live) * rng.uniform(0.2, 0.7)
            back = dropped + timedelta(seconds=rng.randint(5, 90))
            if back < self.now:
                broadcast.stream_dropped(DEMO_OUTPUT, dropped)(self.session)
                broadcast.stream_back(DEMO_OUTPUT, back, rng.randint(30, 900))(self.session)
        if done <= self.now:
            broadcast.stream_stopped(DEMO_OUTPUT, done, EndReason.STOPPED, by.id, rng.randint(0, 2000))(
                self.session
            )

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
