"""The tables: associations with their counts, UTC instants, constraints, and append-only rows."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import exc, select, text

from models.oplog.clock import UTC, WIB
from models.oplog.schedule import Place, Stream, schedule_event
from models.oplog.shifts import plan_shift
from models.oplog.tables import AppendOnlyError, AuditEntry, Event, EventMode, LogEntry, Shift
from tests.support.oplog_world import T0


def test_an_event_keeps_its_places_counts_operators_devices_and_stream(database, world):
    with database.transaction() as session:
        budi, dwi = world.staff(session, world.budi), world.staff(session, world.dwi)
        event = schedule_event(
            session,
            budi,
            "Rakor Bupati dengan Camat se-Kabupaten",
            "Bagian Prokopim",
            EventMode.CAMPURAN,
            T0 + timedelta(hours=2),
            T0 + timedelta(hours=5),
            [Place("Pendopo Manggala Praja Nugraha", 300, 180), Place("Command Center", 20)],
            operators=[dwi, budi],
            devices=["SC-CAM-02", "Video Wall Command Center"],
            stream=Stream("YouTube", "https://www.youtube.com/live/rakor"),
            notes="Zoom untuk camat",
        )
        event_id = event.id
    with database.transaction() as session:
        event = session.get(Event, event_id)
        assert [(p.location.name, p.participant_limit, p.participant_count) for p in event.locations] == [
            ("Pendopo Manggala Praja Nugraha", 300, 180),
            ("Command Center", 20, None),
        ]
        assert [staff.name for staff in event.operators] == ["Budi Santoso", "Dwi Rahmawati"]
        assert [device.name for device in event.devices] == ["Kamera Pendopo", "Video Wall Command Center"]
        assert (event.stream_platform, event.stream_url, event.notes, event.status.value) == (
            "YouTube",
            "https://www.youtube.com/live/rakor",
            "Zoom untuk camat",
            "scheduled",
        )


def test_times_go_in_with_any_zone_and_come_back_as_utc(database, world):
    start_wib = datetime(2026, 11, 3, 7, 0, tzinfo=WIB)
    with database.transaction() as session:
        lead = world.staff(session, world.budi)
        shift_id = plan_shift(session, "Pagi", start_wib, start_wib + timedelta(hours=8), lead).id
    with database.transaction() as session:
        shift = session.get(Shift, shift_id)
        assert shift.planned_start == T0
        assert shift.planned_start.tzinfo is UTC
        assert [member.name for member in shift.members] == ["Budi Santoso"]


def test_a_time_without_zone_is_refused(database, world):
    with pytest.raises(exc.StatementError, match="has no time zone"), database.transaction() as session:
        session.add(AuditEntry(at=datetime(2026, 11, 3, 7, 0), action="preset recall 1", result="completed"))


def test_check_constraints_hold_in_the_database(database, world):
    with pytest.raises(exc.IntegrityError), database.transaction() as session:
        session.add(
            Event(
                title="Webinar",
                organiser="Diskominfo",
                mode=EventMode.DARING,
                notes="",
                planned_start=T0,
                planned_end=T0 - timedelta(hours=1),
            )
        )


def test_audit_and_log_rows_cannot_be_changed_through_the_orm(database, world):
    with database.transaction() as session:
        session.add(AuditEntry(at=T0, action="preset recall 1", result="completed", device="Kamera Panggung"))
        session.add(LogEntry(at=T0, author_id=world.budi, text="Semua normal"))
    with pytest.raises(AppendOnlyError, match="cannot be changed"), database.transaction() as session:
        session.scalars(select(AuditEntry)).one().result = "timeout"
    with pytest.raises(AppendOnlyError, match="cannot be deleted"), database.transaction() as session:
        session.delete(session.scalars(select(LogEntry)).one())


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_entries SET result = 'timeout'",
        "DELETE FROM audit_entries",
        "UPDATE log_entries SET text = 'diubah'",
        "DELETE FROM log_entries",
    ],
)
def test_audit_and_log_rows_cannot_be_changed_with_plain_sql(database, world, statement):
    with database.transaction() as session:
        session.add(AuditEntry(at=T0, action="preset recall 1", result="completed"))
        session.add(LogEntry(at=T0, author_id=world.budi, text="Semua normal"))
    with pytest.raises(exc.IntegrityError, match="append-only"), database.transaction() as session:
        session.execute(text(statement))
    with database.transaction() as session:
        assert session.scalars(select(AuditEntry.result)).all() == ["completed"]
        assert session.scalars(select(LogEntry.text)).all() == ["Semua normal"]
