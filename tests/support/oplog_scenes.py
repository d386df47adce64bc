"""A busy morning shift to hand over, shared by the handover and report tests."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import insert

from models.oplog import handover as ho
from models.oplog.logbook import add_log_entry, close_fault, open_fault
from models.oplog.schedule import Place, end_event, schedule_event, start_event
from models.oplog.shifts import plan_shift, start_shift
from models.oplog.tables import AuditEntry, EventMode, FaultSeverity, Handover, Shift
from tests.support.oplog_world import T0

HOUR = timedelta(hours=1)
SIGNED, ACCEPTED = T0 + 7 * HOUR + 50 * timedelta(minutes=1), T0 + 8 * HOUR + 5 * timedelta(minutes=1)


def busy_morning(database, world) -> int:
    """The id of a Pagi shift led by Budi with an event, faults, device errors and log entries; Dwi leads
    Siang."""
    with database.transaction() as session:
        budi, dwi, admin = (world.staff(session, i) for i in (world.budi, world.dwi, world.admin))
        old = open_fault(session, admin, FaultSeverity.MINOR, "Baterai kit cepat habis", T0 - 30 * HOUR)
        pagi = plan_shift(session, "Pagi", T0, T0 + 8 * HOUR, budi, [admin])
        plan_shift(session, "Siang", T0 + 8 * HOUR, T0 + 16 * HOUR, dwi)
        start_shift(session, pagi, budi, T0)
        event = schedule_event(
            session,
            budi,
            "Musrenbang Kecamatan Panggul",
            "Bappeda",
            EventMode.LURING,
            T0 + HOUR,
            T0 + 3 * HOUR,
            [Place("Pendopo Manggala Praja Nugraha", 300, 210)],
            operators=[budi],
            devices=["Kamera Pendopo"],
        )
        start_event(session, event, budi, T0 + HOUR)
        end_event(session, event, budi, T0 + 3 * HOUR)
        wall = open_fault(
            session,
            budi,
            FaultSeverity.MAJOR,
            "Panel 3 berkedip",
            T0 + 2 * HOUR,
            device="Video Wall Command Center",
        )
        close_fault(session, wall, budi, T0 + 4 * HOUR, "Kabel HDMI diganti")
        open_fault(
            session,
            budi,
            FaultSeverity.CRITICAL,
            "Kamera Pendopo tidak merespons",
            T0 + 5 * HOUR,
            device="SC-CAM-02",
            owner=admin,
        )
        results = ["completed"] * 5 + ["timeout"] * 3 + ["not executable", "superseded"]
        session.execute(
            insert(AuditEntry),
            [
                {
                    "at": T0 + HOUR + n * timedelta(minutes=5),
                    "device": "Kamera Pendopo",
                    "action": f"preset recall {n}",
                    "result": result,
                    "event_id": event.id,
                    "staff_id": budi.id,
                }
                for n, result in enumerate(results)
            ],
        )
        session.execute(
            insert(AuditEntry),
            [{"at": T0 - HOUR, "device": "Kamera Pendopo", "action": "home", "result": "timeout"}],
        )  # before the shift: not counted
        for n in range(3):
            add_log_entry(session, budi, f"Catatan {n}", T0 + n * HOUR)
        close_fault(session, old, admin, T0 + 9 * HOUR, "Baterai baru")  # after the shift: still carried over
        return pagi.id


def handover(session, shift_id) -> Handover:
    found = ho.handover_for_shift(session, session.get(Shift, shift_id))
    assert found is not None
    return found


def signed(database, world, shift_id) -> None:
    with database.transaction() as session:
        budi = world.staff(session, world.budi)
        draft = ho.start_handover(
            session, session.get(Shift, shift_id), budi, SIGNED - 5 * timedelta(minutes=1)
        )
        ho.set_notes(session, draft, budi, "Kamera Pendopo perlu dicek teknisi")
        ho.sign(session, draft, budi, SIGNED)


def accepted(database, world, shift_id) -> None:
    signed(database, world, shift_id)
    with database.transaction() as session:
        ho.accept(session, handover(session, shift_id), world.staff(session, world.dwi), ACCEPTED)
