"""Years of operations-log data for benchmarks: ~3.75 events a day, ~150 audit rows per event.

Five years give about 6,850 events and one million audit rows. Rows go in with Core
``executemany`` in chunks, with ids assigned here so that rows can refer to each other without
reading anything back; everything has already happened (no handovers: the benchmark makes the
one it measures).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import WIB, as_utc, utc_now
from models.oplog.database import Database
from models.oplog.seed.catalog import (
    CAMERA_ACTIONS,
    CAMERA_ERRORS,
    CREW,
    DEMO_PIN,
    ORGANISERS,
    PLACES,
    SHIFTS,
    TOPICS,
)
from models.oplog.seed.demo import SeedError, SeedResult, add_team_and_places
from models.oplog.staff import hash_pin
from models.oplog.tables import (
    AuditEntry,
    Event,
    EventLocation,
    Fault,
    LogEntry,
    Role,
    Shift,
    Staff,
    event_devices,
    event_operators,
    shift_members,
)

CHUNK = 20_000
EVENTS_PER_DAY = (3, 4, 4, 4)
AUDIT_PER_EVENT = (100, 200)


def seed_bulk(database: Database, years: float = 5, end: datetime | None = None) -> SeedResult:
    """Fill an empty database with ``years`` of history ending at the start of ``end``'s WIB month."""
    end_wib = (
        as_utc(end or utc_now()).astimezone(WIB).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    )
    first_day = (end_wib - timedelta(days=round(365.25 * years))).replace(hour=0)
    with database.transaction() as session:
        if session.scalar(select(func.count()).select_from(Staff)):
            raise SeedError(
                QT_TRANSLATE_NOOP(
                    "Seed", "{db} already has staff; bulk data only goes into an empty database"
                ).format(db=database.name)
            )
        team, devices = add_team_and_places(session, hash_pin(DEMO_PIN))
        locations = {device.location.name: device.location for device in devices.values() if device.location}
        generator = _History(
            random.Random(f"smartcentre-bulk-{years}"),
            [member.id for member in team],
            [member.id for member in team if member.role is not Role.VIEWER],
            {name: location.id for name, location in locations.items()},
            [device for device in devices.values() if device.kind.value == "camera"],
        )
        writer = _ChunkWriter(session.connection())
        day = first_day
        while day < end_wib:
            for table, row in generator.day(day):
                writer.add(table, row)
            day += timedelta(days=1)
        writer.flush()
        _advance_sequences(session.connection(), (Shift.__table__, Event.__table__))
        return SeedResult(
            f"{first_day:%Y-%m}..{end_wib:%Y-%m}",
            len(team),
            generator.shift_id,
            generator.event_id,
            0,
            writer.counts.get("faults", 0),
            writer.counts.get("log_entries", 0),
            writer.counts.get("audit_entries", 0),
        )


class _ChunkWriter:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.pending: dict[Table, list[dict[str, Any]]] = {}
        self.counts: dict[str, int] = {}

    def add(self, table: Table, row: dict[str, Any]) -> None:
        rows = self.pending.setdefault(table, [])
        rows.append(row)
        if len(rows) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        for table in sorted(self.pending, key=_DEPENDENCY_ORDER.index):  # parents before children
            rows = self.pending[table]
            if rows:
                self.connection.execute(insert(table), rows)
                self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
                rows.clear()


_DEPENDENCY_ORDER = [
    Shift.__table__,
    shift_members,
    Event.__table__,
    EventLocation.__table__,
    event_operators,
    event_devices,
    AuditEntry.__table__,
    LogEntry.__table__,
    Fault.__table__,
]


def _advance_sequences(connection: Connection, tables: tuple[Table, ...]) -> None:
    """PostgreSQL: ids were given explicitly, so move the id sequences past them."""
    if connection.dialect.name != "postgresql":
        return
    for table in tables:
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"(SELECT max(id) FROM {table.name}))"
            )
        )


class _History:
    def __init__(
        self,
        rng: random.Random,
        staff: list[int],
        leads: list[int],
        places: dict[str, int],
        cameras: list[Any],
    ) -> None:
        self.rng, self.staff, self.leads, self.places = rng, staff, leads, places
        self.all_places = [name for name, _kind, _limit in PLACES if name in places] or list(places)
        self.cameras = cameras
        self.shift_id = self.event_id = 0

    def day(self, day: datetime) -> Iterator[tuple[Table, dict[str, Any]]]:
        rng = self.rng
        order = rng.sample(self.staff, len(self.staff))
        taken = 0
        for (name, hour, hours), crew in zip(SHIFTS, CREW, strict=True):
            self.shift_id += 1
            begin = day.replace(hour=hour)
            members = order[taken : taken + crew]
            taken += crew
            lead = next((member for member in members if member in self.leads), None)
            if lead is None:
                lead = rng.choice(self.leads)
                members.append(lead)
            yield (
                Shift.__table__,
                {
                    "id": self.shift_id,
                    "name": name,
                    "planned_start": begin,
                    "planned_end": begin + timedelta(hours=hours),
                    "actual_start": begin + timedelta(minutes=rng.randint(-10, 5)),
                    "actual_end": begin + timedelta(hours=hours, minutes=rng.randint(-5, 15)),
                    "lead_id": lead,
                },
            )
            for member in members:
                yield shift_members, {"shift_id": self.shift_id, "staff_id": member}
            for _ in range(rng.randint(3, 7)):
                yield (
                    LogEntry.__table__,
                    {
                        "at": begin + timedelta(minutes=rng.randint(0, hours * 60 - 1)),
                        "author_id": rng.choice(members),
                        "shift_id": self.shift_id,
                        "event_id": None,
                        "text": "Catatan rutin: perangkat dicek, semua normal",
                    },
                )
        for _ in range(rng.choice(EVENTS_PER_DAY)):
            yield from self._event(day, order[:5])
        if rng.random() < 0.3:
            opened = day + timedelta(hours=rng.randint(8, 20))
            closed = opened + timedelta(hours=rng.randint(1, 72)) if rng.random() < 0.9 else None
            yield (
                Fault.__table__,
                {
                    "device_id": rng.choice(self.cameras).id,
                    "severity": rng.choice(("minor", "major", "critical")),
                    "description": "Gangguan perangkat",
                    "opened_at": opened,
                    "opened_by_id": order[0],
                    "owner_id": None,
                    "closed_at": closed,
                    "closed_by_id": order[0] if closed else None,
                    "resolution": "Sudah diperbaiki" if closed else None,
                },
            )

    def _event(self, day: datetime, crew: list[int]) -> Iterator[tuple[Table, dict[str, Any]]]:
        rng = self.rng
        self.event_id += 1
        begin = day.replace(hour=8) + timedelta(minutes=30 * rng.randint(0, 14))
        end = begin + timedelta(minutes=30 * rng.randint(3, 8))
        cancelled = rng.random() < 0.03
        mode = rng.choices(("daring", "luring", "campuran"), weights=(35, 40, 25))[0]
        yield (
            Event.__table__,
            {
                "id": self.event_id,
                "title": f"{rng.choice(('Rapat Koordinasi', 'Sosialisasi', 'Webinar'))} {rng.choice(TOPICS)}",
                "organiser": rng.choice(ORGANISERS),
                "mode": mode,
                "status": "cancelled" if cancelled else "finished",
                "planned_start": begin,
                "planned_end": end,
                "actual_start": None if cancelled else begin,
                "actual_end": None if cancelled else end,
                "stream_platform": None,
                "stream_url": None,
                "notes": "",
            },
        )
        place = rng.choice(self.all_places)
        yield (
            EventLocation.__table__,
            {
                "event_id": self.event_id,
                "location_id": self.places[place],
                "participant_limit": 100,
                "participant_count": rng.randint(10, 100),
            },
        )
        operator = rng.choice(crew)
        yield event_operators, {"event_id": self.event_id, "staff_id": operator}
        camera = rng.choice(self.cameras)
        yield event_devices, {"event_id": self.event_id, "device_id": camera.id}
        if cancelled:
            return
        span = (end - begin).total_seconds()
        for _ in range(rng.randint(*AUDIT_PER_EVENT)):
            roll = rng.random()
            yield (
                AuditEntry.__table__,
                {
                    "at": begin + timedelta(seconds=span * rng.random()),
                    "staff_id": operator,
                    "event_id": self.event_id,
                    "device": camera.name,
                    "action": rng.choice(CAMERA_ACTIONS),
                    "result": "completed" if roll < 0.96 else rng.choice(CAMERA_ERRORS),
                    "duration_ms": round(rng.uniform(20, 3000), 1),
                },
            )
