"""Several desks share one log: when two take the same step at the same moment, the second waits
for the first one's transaction, then sees it and is refused (a row lock on PostgreSQL; SQLite
writes one transaction at a time). Without the lock, PostgreSQL would let both through."""

from __future__ import annotations

import threading

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.oplog import handover as ho
from models.oplog.logbook import close_fault
from models.oplog.schedule import Place, schedule_event, start_event
from models.oplog.shifts import set_team, start_shift
from models.oplog.staff_admin import create_staff
from models.oplog.tables import (
    EmploymentCategory,
    Event,
    EventMode,
    Fault,
    HandoverError,
    HandoverLocked,
    Role,
    Shift,
    Staff,
)
from tests.models.oplog.two_desks import race
from tests.support.oplog_scenes import ACCEPTED, HOUR, handover, signed
from tests.support.oplog_world import FAST, PIN, T0


def test_starting_the_same_shift(database, world, shift_id):
    def start(session: Session, me: Staff) -> None:
        siang = session.scalars(select(Shift).where(Shift.name == "Siang")).one()
        start_shift(session, siang, me, T0 + 8 * HOUR)

    refused = race(database, world, start)
    assert "shift Siang" in str(refused)
    assert "already started at 15:00 WIB" in str(refused)


def test_starting_the_same_event(database, world, shift_id):
    with database.transaction() as session:
        schedule_event(
            session,
            session.get(Staff, world.budi),
            "Rakor Inflasi Daerah",
            "Bagian Perekonomian",
            EventMode.CAMPURAN,
            T0 + 4 * HOUR,
            T0 + 6 * HOUR,
            [Place("Ruang Rapat Utama", 40, 0)],
        )

    def start(session: Session, me: Staff) -> None:
        event = session.scalars(select(Event).where(Event.title == "Rakor Inflasi Daerah")).one()
        start_event(session, event, me, T0 + 4 * HOUR)

    assert str(race(database, world, start)) == "Rakor Inflasi Daerah cannot start: it is running"


def test_closing_the_same_fault(database, world, shift_id):
    def close(session: Session, me: Staff) -> None:
        fault = session.scalars(
            select(Fault).where(Fault.description == "Kamera Pendopo tidak merespons")
        ).one()
        close_fault(session, fault, me, T0 + 6 * HOUR, f"dicek oleh {me.name}")

    refused = race(database, world, close)
    assert str(refused).endswith("is already closed")
    with database.transaction() as session:
        fault = session.scalars(
            select(Fault).where(Fault.description == "Kamera Pendopo tidak merespons")
        ).one()
        assert fault.resolution == "dicek oleh Budi Santoso"


def test_accepting_the_same_handover(database, world, shift_id):
    signed(database, world, shift_id)

    def accept(session: Session, me: Staff) -> None:
        # Budi signed it, so at his desk Agus accepts
        ho.accept(
            session,
            handover(session, shift_id),
            me if me.id != world.budi else session.get(Staff, world.admin),
            ACCEPTED,
        )

    refused = race(database, world, accept)
    assert isinstance(refused, HandoverLocked)
    assert "already accepted by Agus Setiawan" in str(refused)
    with database.transaction() as session:
        record = handover(session, shift_id)
        assert record.incoming_lead_id == world.admin
        assert ho.verify(session, record)


def test_a_new_incoming_lead_chosen_at_one_desk_while_the_old_one_accepts_at_another(
    database, world, shift_id
):
    """The accepting desk waits for the desk that is changing the next shift's lead, then sees the new
    lead."""
    signed(database, world, shift_id)
    with database.transaction() as session:
        eko = create_staff(
            session,
            world.staff(session, world.admin),
            "Eko Prasetyo",
            EmploymentCategory.PENUNJANG,
            Role.OPERATOR,
            PIN,
            rounds=FAST,
        )
        eko_id = eko.id
    outcome: list[BaseException | None] = []

    def dwi_accepts() -> None:
        try:
            with database.transaction() as session:
                ho.accept(session, handover(session, shift_id), session.get(Staff, world.dwi), ACCEPTED)
            outcome.append(None)
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            outcome.append(error)

    with database.transaction() as session:
        siang = session.scalars(select(Shift).where(Shift.name == "Siang")).one()
        set_team(session, siang, session.get(Staff, eko_id), [])
        other = threading.Thread(target=dwi_accepts)
        other.start()
        other.join(0.5)
        assert other.is_alive(), "the acceptance must wait for the change of the incoming lead"
    other.join(10)
    assert isinstance(outcome[0], HandoverError)
    assert "only the incoming lead, Eko Prasetyo" in str(outcome[0])
    with database.transaction() as session:
        ho.accept(session, handover(session, shift_id), session.get(Staff, eko_id), ACCEPTED)
        assert handover(session, shift_id).planned_incoming_lead_id == eko_id
