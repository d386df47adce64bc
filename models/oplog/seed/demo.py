"""A realistic month of demo data: the team of eight, three shifts a day, 3–4 events a weekday.

Deterministic: the same month and ``now`` give the same data (the random generator is seeded with
the month; only the bcrypt salts differ). Everything before ``now`` has happened (events run,
audit rows, faults, log entries, handovers signed and accepted); the shift and events at ``now``
are running; the rest of the month is scheduled. Data goes in through the services, so the demo
also exercises them. The team, places and devices go in here (also for seed_bulk); the month itself
is ``DemoMonth``'s (month.py).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import WIB, as_utc, utc_now
from models.oplog.database import Database
from models.oplog.inventory import add_device, add_location
from models.oplog.seed.catalog import DEMO_PIN, DEVICES, PLACES, TEAM
from models.oplog.seed.month import DemoMonth
from models.oplog.staff import hash_pin
from models.oplog.tables import AuditEntry, Device, Event, Fault, Role, Shift, Staff


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
        month_seed = DemoMonth(
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
