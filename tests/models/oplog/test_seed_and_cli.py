"""Demo data (a realistic, deterministic month), bulk data, and `python app.py db …`."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.pool import NullPool

from models.oplog.clock import WIB
from models.oplog.database import MIGRATION_LOCK, head_revision, open_database, sqlite_path
from models.oplog.event_queries import running_events
from models.oplog.handover import verify
from models.oplog.reports.monthly import monthly_stats
from models.oplog.seed.bulk import seed_bulk
from models.oplog.seed.demo import SeedError, seed_demo
from models.oplog.shifts import current_shift
from models.oplog.staff import login
from models.oplog.tables import AuditEntry, Event, EventStatus, Handover, Role, Shift, Staff
from tests.support.commands import run_db_command

NOW = datetime(2026, 11, 18, 3, 30, tzinfo=UTC)  # Wednesday 10:30 WIB


def test_a_demo_month_looks_like_the_smart_centre(database):
    result = seed_demo(database, "2026-11", now=NOW)
    assert (result.staff, result.shifts) == (8, 90)
    with database.transaction() as session:
        staff = session.scalars(select(Staff)).all()
        assert Counter(member.role for member in staff)[Role.ADMIN] == 2
        assert {member.category.value for member in staff} == {"PNS", "CPNS", "penunjang"}
        assert login(session, staff[0].id, "1234").name == staff[0].name
        events = session.scalars(select(Event)).all()
        per_weekday = Counter(
            e.planned_start.astimezone(WIB).date()
            for e in events
            if e.planned_start.astimezone(WIB).weekday() < 5
        )
        assert set(per_weekday.values()) <= {3, 4}
        assert any(e.stream_platform == "YouTube" for e in events)
        assert {e.status for e in events if e.planned_end < NOW} <= {
            EventStatus.FINISHED,
            EventStatus.CANCELLED,
        }
        assert {e.status for e in events if e.planned_start > NOW + timedelta(hours=1)} == {
            EventStatus.SCHEDULED
        }
        assert current_shift(session, NOW).name == "Pagi"
        assert running_events(session)
        handovers = session.scalars(select(Handover)).all()
        ended = session.scalar(select(func.count()).select_from(Shift).where(Shift.actual_end.is_not(None)))
        assert len(handovers) == ended == result.handovers
        assert all(verify(session, h) for h in handovers if h.locked)
        assert sum(h.locked for h in handovers) >= ended - 1
        assert session.scalar(select(func.count()).select_from(AuditEntry)) == result.audit_rows > 1000
        stats = monthly_stats(session, 2026, 11, NOW)
        assert sum(stats.events_by_mode().values()) == sum(e.actual_start is not None for e in events)
        assert stats.planned_events() == sum(e.status is EventStatus.SCHEDULED for e in events) > 0
        assert {row.staff for row in stats.staff_hours} == {member.name for member in staff}


def test_the_demo_month_is_the_same_every_time(tmp_path):
    def fingerprint(url):
        database = open_database(url)
        seed_demo(database, "2026-11", now=NOW)
        with database.transaction() as session:
            rows = session.execute(
                select(
                    Event.title,
                    Event.organiser,
                    Event.mode,
                    Event.status,
                    Event.planned_start,
                    Event.actual_end,
                ).order_by(Event.id)
            ).all()
            audit = session.execute(select(func.count(), func.sum(AuditEntry.duration_ms))).one()
            hashes = session.scalars(select(Handover.content_hash).order_by(Handover.id)).all()
        database.close()
        return rows, audit, hashes

    assert fingerprint(f"sqlite:///{tmp_path}/a.sqlite") == fingerprint(f"sqlite:///{tmp_path}/b.sqlite")


def test_demo_and_bulk_data_only_go_into_an_empty_database(database, world):
    with pytest.raises(SeedError, match="already has staff"):
        seed_demo(database, "2026-11", now=NOW)
    with pytest.raises(SeedError, match="already has staff"):
        seed_bulk(database, years=1, end=NOW)


def test_bulk_data_has_the_planned_shape(database):
    result = seed_bulk(database, years=0.1, end=NOW)  # 37 days
    assert result.shifts == 3 * 37
    assert 3 * 37 <= result.events <= 4 * 37
    assert 100 * result.events * 0.9 < result.audit_rows < 200 * result.events
    with database.transaction() as session:  # ids continue after the bulk ids on every database
        session.add(Shift(name="Pagi", planned_start=NOW, planned_end=NOW + timedelta(hours=8), lead_id=1))


def test_db_upgrade_and_seed_demo_from_the_command_line(tmp_path, capsys):
    url = f"sqlite:///{tmp_path}/cli.sqlite"
    assert run_db_command("upgrade", "--db", url) == 0
    assert capsys.readouterr().out == (
        f"The operations log database {tmp_path}/cli.sqlite was migrated from empty "
        f"to schema {head_revision()}.\n"
    )
    assert run_db_command("upgrade", "--db", url) == 0
    assert f"is already at schema {head_revision()}" in capsys.readouterr().out
    assert run_db_command("seed-demo", "--db", url, "--month", "2026-10") == 0
    assert capsys.readouterr().out.startswith(
        f"Demo data for 2026-10 written to {tmp_path}/cli.sqlite: 8 staff, 93 shifts,"
    )
    assert run_db_command("seed-demo", "--db", url) == 1
    assert "already has staff" in capsys.readouterr().err


def test_the_command_line_names_a_database_problem_in_one_line(tmp_path, capsys):
    (tmp_path / "rusak.sqlite").write_bytes(b"garbage" * 1000)
    assert run_db_command("upgrade", "--db", f"sqlite:///{tmp_path}/rusak.sqlite") == 1
    error = capsys.readouterr().err
    assert error.startswith(f"error: The operations log database {tmp_path}/rusak.sqlite is damaged")
    assert error.count("\n") == 1


def test_a_bad_month_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as caught:
        run_db_command("seed-demo", "--month", "2026-13")
    assert caught.value.code == 2
    assert "is not a month like 2026-11" in capsys.readouterr().err


def test_a_bad_database_url_is_a_usage_error(capsys):
    assert run_db_command("upgrade", "--db", "notaurl") == 2
    error = capsys.readouterr().err
    assert error == (
        "error: --db: 'notaurl' is not a database URL like sqlite:///C:/data/oplog.sqlite or "
        "postgresql+psycopg://user@host/smartcentre\n"
    )


def test_a_locked_database_is_told_in_command_line_words(backend, capsys):
    url = backend.url()
    backend.open(url).close()
    if backend.kind == "sqlite":
        holder = sqlite3.connect(sqlite_path(url), isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
    else:
        holder = create_engine(url, poolclass=NullPool).connect()
        holder.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})  # a desk migrating
    try:
        assert run_db_command("upgrade", "--db", url) == 1
    finally:
        holder.close()
    error = capsys.readouterr().err
    assert "is locked by another program or desk; nothing was done, run the command again" in error, error
    assert "the console will try again" not in error
    assert error.count("\n") == 1


def test_upgrade_with_a_console_role_is_for_postgresql_only(tmp_path, capsys):
    url = f"sqlite:///{tmp_path}/oplog.sqlite"
    assert run_db_command("upgrade", "--db", url, "--console", "smartcentre_console") == 2
    assert "--console is for PostgreSQL" in capsys.readouterr().err
