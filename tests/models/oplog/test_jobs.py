"""models/oplog/jobs: what the console's screens ask of the log, run as the worker runs them (``run_job``,
``as_staff``), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models.oplog.clock import utc_now
from models.oplog.database import Database
from models.oplog.jobs import events, handover, inventory, logbook, shifts, staff_admin, takeovers
from models.oplog.jobs.base import Job, StaffJob, as_staff, log_in, run_job, snapshot_now
from models.oplog.schedule import Place
from models.oplog.staff import PermissionDenied, WrongPin
from models.oplog.tables import (
    AuditEntry,
    DeviceKind,
    EventMode,
    Fault,
    FaultSeverity,
    LocationKind,
    LogEntry,
    Role,
    Shift,
    TakeOverRow,
)
from models.oplog.takeovers import TakeOverRefused
from tests.support.oplog_world import PIN, World

HOUR = timedelta(hours=1)
STUDIO = Place("Command Center", None)


def count(database: Database, table: type) -> int:
    with database.transaction() as session:
        return session.scalar(select(func.count()).select_from(table)) or 0


def as_(database: Database, staff_id: int, job: StaffJob) -> object:
    return run_job(database, as_staff(staff_id, job))


def running_event(database: Database, staff_id: int, title: str) -> int:
    start = utc_now()
    job = events.schedule_event(
        title, "Bappeda", EventMode.DARING, start, start + HOUR, [STUDIO], devices=(), stream=None, notes=""
    )
    event_id = as_(database, staff_id, job)
    assert isinstance(event_id, int)
    as_(database, staff_id, events.start_or_end_event(event_id, start=True))
    return event_id


def test_a_job_that_fails_half_way_leaves_nothing_written(database, world):
    def write_then_refuse(session, me):
        logbook.write_log_entry("Mic podium diganti", utc_now(), None)(session, me)
        raise ValueError("refused after the first write")

    with pytest.raises(ValueError, match="refused after the first write"):
        as_(database, world.budi, write_then_refuse)
    assert count(database, LogEntry) == 0


def test_the_role_is_checked_as_the_log_has_it_when_the_job_runs(database, world):
    job = logbook.open_fault(FaultSeverity.MINOR, "Kabel longgar", None, None)
    with pytest.raises(PermissionDenied):
        as_(database, world.viewer, job)
    as_(database, world.admin, staff_admin.change_account(world.viewer, None, Role.OPERATOR, None))
    as_(database, world.viewer, job)  # the same job, now that the account may
    assert count(database, Fault) == 1


def test_a_row_that_is_gone_is_refused_in_plain_words(database, world):
    with pytest.raises(LookupError, match="Number 999 is no longer in the operations log"):
        as_(database, world.budi, shifts.start_shift(999))
    with pytest.raises(LookupError, match="no staff member number 998"):
        as_(database, 998, shifts.start_shift(999))


def test_a_shift_is_planned_started_and_ended_by_id(database, world: World):
    start = utc_now() - HOUR
    as_(database, world.budi, shifts.plan_shift("Pagi", start, start + 8 * HOUR, world.budi, [world.dwi]))
    snapshot = run_job(database, snapshot_now)
    assert snapshot.shift is not None
    assert snapshot.shift.members == ("Budi Santoso", "Dwi Rahmawati")
    shift_id = snapshot.shift.id
    as_(database, world.budi, shifts.set_team(shift_id, world.budi, [world.admin]))
    as_(database, world.budi, shifts.start_shift(shift_id))
    assert as_(database, world.budi, shifts.end_shift(shift_id)) == "no handover"
    with database.transaction() as session:
        shift = session.get(Shift, shift_id)
        assert shift is not None
        assert shift.actual_end is not None
        assert {member.name for member in shift.members} == {"Budi Santoso", "Agus Setiawan"}


def test_an_event_is_scheduled_started_and_ended_by_id(database, world):
    event_id = running_event(database, world.budi, "Rapat Koordinasi")
    snapshot = run_job(database, snapshot_now)
    assert [(event.id, event.status, event.locations) for event in snapshot.events] == [
        (event_id, "running", ("Command Center",))
    ]
    as_(database, world.budi, events.start_or_end_event(event_id, start=False))
    assert run_job(database, snapshot_now).events[0].status == "finished"


def test_faults_are_opened_given_an_owner_and_closed_by_id(database, world):
    as_(database, world.budi, logbook.open_fault(FaultSeverity.MAJOR, "Panel 3 berkedip", "SC-CAM-01", None))
    (fault,) = run_job(database, snapshot_now).faults
    assert (fault.device, fault.owner) == ("Kamera Panggung", None)
    as_(database, world.budi, logbook.assign_fault(fault.id, world.dwi))
    assert run_job(database, snapshot_now).faults[0].owner == "Dwi Rahmawati"
    as_(database, world.dwi, logbook.close_fault(fault.id, "Kabel HDMI diganti"))
    assert run_job(database, snapshot_now).faults == ()


def test_a_log_entry_keeps_the_moment_it_was_written(database, world):
    written = utc_now() - timedelta(minutes=3)  # the database answered late
    as_(database, world.budi, logbook.write_log_entry("Mic podium diganti", written, None))
    with database.transaction() as session:
        entry = session.scalars(select(LogEntry)).one()
        assert (entry.text, entry.at) == ("Mic podium diganti", written)


def test_the_admin_screens_list_plain_rows_and_every_change_is_audited(database, world):
    admin = world.admin
    as_(database, admin, inventory.add_location("Aula Kecamatan", LocationKind.VENUE))
    as_(
        database,
        admin,
        inventory.add_device("SC-KIT-09", "Kit Liputan", DeviceKind.MOBILE_KIT, "Aula Kecamatan"),
    )
    rows = {row.asset_number: row for row in run_job(database, inventory.devices)}
    assert (rows["SC-KIT-09"].location, rows["SC-KIT-09"].in_service) == ("Aula Kecamatan", True)
    as_(database, admin, inventory.switch_device(rows["SC-KIT-09"].id))
    assert {row.asset_number: row.in_service for row in run_job(database, inventory.devices)}[
        "SC-KIT-09"
    ] is False
    assert "Aula Kecamatan" in [row.name for row in run_job(database, inventory.locations)]
    as_(database, admin, staff_admin.switch_account(world.viewer))
    as_(database, admin, staff_admin.unlock_account(world.dwi))
    accounts = {account.name: account for account in run_job(database, staff_admin.accounts)}
    assert accounts["Wahyu Hidayat"].active is False
    assert list(accounts) == sorted(accounts)
    assert count(database, AuditEntry) == 5
    with pytest.raises(PermissionDenied):
        as_(
            database,
            world.budi,
            staff_admin.create_staff("Rina", accounts["Budi Santoso"].category, Role.VIEWER, "1357", None),
        )


def test_the_handover_is_prepared_signed_and_accepted_by_shift_id(database, world, shift_id):
    loaded = run_job(database, handover.load_handover(shift_id))
    assert loaded is not None
    assert loaded.report.header.status == "no handover"
    assert loaded.incoming is not None
    assert loaded.incoming.name == "Dwi Rahmawati"
    as_(database, world.budi, handover.prepare(shift_id))
    as_(database, world.budi, handover.set_notes(shift_id, "Kamera Pendopo masih mati"))
    with pytest.raises(WrongPin):
        run_job(database, handover.sign(shift_id, world.budi, "0000"))
    run_job(database, handover.sign(shift_id, world.budi, PIN))
    run_job(database, handover.accept(shift_id, world.dwi, PIN))
    report = run_job(database, handover.report_now(shift_id))
    assert (report.header.status, report.header.notes) == ("accepted", "Kamera Pendopo masih mati")


def test_a_step_on_a_shift_without_a_handover_says_so(database, world, shift_id):
    with pytest.raises(Exception, match="this shift has no handover yet"):
        as_(database, world.budi, handover.set_notes(shift_id, "catatan"))


def test_take_overs_are_written_all_or_none(database, world):
    event_id = running_event(database, world.budi, "Siaran Langsung")
    asked = [
        takeovers.TakeOverAsked(device, device.upper(), event_id, None, ("Rapat Pagi",))
        for device in ("cam1", "cam2")
    ]
    first = run_job(database, takeovers.take_over_all(asked, world.budi, "desk A", audit=True))
    assert [row.device for row in first] == ["cam1", "cam2"]
    other_id = running_event(database, world.dwi, "Rapat Lain")
    refused: Job = takeovers.take_over_all(
        [
            takeovers.TakeOverAsked("cam3", "CAM3", other_id, None, ()),
            takeovers.TakeOverAsked("cam1", "CAM1", other_id, None, ()),  # desk A's, not seen here
        ],
        world.dwi,
        "desk B",
        audit=True,
    )
    with pytest.raises(TakeOverRefused):
        run_job(database, refused)
    with database.transaction() as session:
        assert session.scalars(select(TakeOverRow.device).order_by(TakeOverRow.device)).all() == [
            "cam1",
            "cam2",
        ]


def test_logging_in_gives_plain_data(database, world):
    staff = run_job(database, log_in(world.dwi, PIN))
    assert (staff.id, staff.name, staff.role) == (world.dwi, "Dwi Rahmawati", Role.OPERATOR)
