"""The handover: summary from the data, sign then accept, the hash lock, tampering, admin reopen."""

from __future__ import annotations

import pytest
from sqlalchemy import exc, select, text

from models.oplog import handover as ho
from models.oplog import handover_additions as additions
from models.oplog.shifts import current_shift, start_shift
from models.oplog.staff import PermissionDenied
from models.oplog.staff_admin import create_staff
from models.oplog.tables import AuditEntry, EmploymentCategory, HandoverError, HandoverLocked, Role, Shift
from tests.support.oplog_scenes import ACCEPTED, HOUR, SIGNED, accepted, handover, signed
from tests.support.oplog_world import FAST, PIN


def test_the_summary_is_filled_in_from_the_data(database, world, shift_id):
    signed(database, world, shift_id)
    with database.transaction() as session:
        summary = ho.summary(handover(session, shift_id))
        assert [(e.title, e.participants, e.locations) for e in summary.events] == [
            ("Musrenbang Kecamatan Panggul", 210, ("Pendopo Manggala Praja Nugraha",))
        ]
        assert [f.description for f in summary.faults_opened] == [
            "Panel 3 berkedip",
            "Kamera Pendopo tidak merespons",
        ]
        assert [(f.description, f.resolution) for f in summary.faults_closed] == [
            ("Panel 3 berkedip", "Kabel HDMI diganti")
        ]
        assert [(e.device, e.result, e.count) for e in summary.device_errors] == [
            ("Kamera Pendopo", "timeout", 3),
            ("Kamera Pendopo", "not executable", 1),
        ]
        assert [(f.description, f.closed_at) for f in summary.carried_over] == [
            ("Baterai kit cepat habis", None),
            ("Kamera Pendopo tidak merespons", None),
        ]
        assert summary.log_entries == 3
        assert [fault.description for fault in handover(session, shift_id).carried_over] == [
            "Baterai kit cepat habis",
            "Kamera Pendopo tidak merespons",
        ]


def test_only_the_shift_lead_prepares_and_signs(database, world, shift_id):
    with database.transaction() as session:
        shift = session.get(Shift, shift_id)
        with pytest.raises(HandoverError, match="only the shift lead, Budi Santoso, can hand over the shift"):
            ho.start_handover(session, shift, world.staff(session, world.dwi), SIGNED)
        draft = ho.start_handover(session, shift, world.staff(session, world.budi), SIGNED)
        with pytest.raises(HandoverError, match="only the shift lead"):
            ho.sign(session, draft, world.staff(session, world.admin), SIGNED)


def test_accepting_before_signing_is_refused(database, world, shift_id):
    with database.transaction() as session:
        draft = ho.start_handover(
            session, session.get(Shift, shift_id), world.staff(session, world.budi), SIGNED
        )
        with pytest.raises(HandoverError, match="Budi Santoso has not signed this handover yet"):
            ho.accept(session, draft, world.staff(session, world.dwi), ACCEPTED)
        assert not draft.locked


def test_the_outgoing_lead_and_a_viewer_cannot_accept(database, world, shift_id):
    signed(database, world, shift_id)
    with database.transaction() as session:
        record = handover(session, shift_id)
        with pytest.raises(HandoverError, match="the incoming lead, not the outgoing one"):
            ho.accept(session, record, world.staff(session, world.budi), ACCEPTED)
        with pytest.raises(PermissionDenied):
            ho.accept(session, record, world.staff(session, world.viewer), ACCEPTED)


def test_acceptance_locks_the_record_with_a_hash_that_verifies(database, world, shift_id):
    accepted(database, world, shift_id)
    with database.transaction() as session:
        record = handover(session, shift_id)
        assert record.locked
        assert len(record.content_hash) == 64
        assert record.incoming_lead.name == "Dwi Rahmawati"
        assert record.accepted_at == ACCEPTED
        assert ho.verify(session, record)
        with pytest.raises(HandoverLocked):
            ho.set_notes(session, record, world.staff(session, world.budi), "diubah")
        with pytest.raises(HandoverLocked, match="already accepted by Dwi Rahmawati"):
            ho.accept(session, record, world.staff(session, world.admin), ACCEPTED)


def test_editing_a_locked_record_through_the_orm_raises(database, world, shift_id):
    accepted(database, world, shift_id)
    with pytest.raises(HandoverLocked, match="notes cannot change"), database.transaction() as session:
        handover(session, shift_id).notes = "diubah diam-diam"


@pytest.mark.parametrize(
    "tamper",
    [
        "UPDATE handovers SET notes = 'diubah diam-diam'",
        "UPDATE handovers SET summary_json = replace(summary_json, 'timeout', 'completed')",
        "INSERT INTO log_entries (at, author_id, shift_id, text, prev_hash, chain_hash) "
        "SELECT accepted_at, outgoing_lead_id, shift_id, 'ditambahkan belakangan', 'x', 'y' FROM handovers",
        "UPDATE shifts SET name = 'Siang'",
    ],
)
def test_tampering_with_plain_sql_fails_verification(database, world, shift_id, tamper):
    accepted(database, world, shift_id)
    with database.transaction() as session:
        session.execute(text(tamper))
    with database.transaction() as session:
        assert not ho.verify(session, handover(session, shift_id))


def test_only_an_admin_reopens_and_additions_are_marked_and_chained(database, world, shift_id):
    accepted(database, world, shift_id)
    later = ACCEPTED + 2 * HOUR
    with database.transaction() as session:
        record, budi, admin = (
            handover(session, shift_id),
            world.staff(session, world.budi),
            world.staff(session, world.admin),
        )
        with pytest.raises(HandoverLocked, match="an admin must reopen it"):
            additions.add_addition(session, record, budi, "lupa dicatat", later)
        with pytest.raises(PermissionDenied, match="may not reopen a handover: it needs the admin role"):
            additions.reopen(session, record, budi, "lupa dicatat", later)
        additions.reopen(session, record, admin, "Kronologi gangguan kamera dilengkapi", later)
        additions.add_addition(session, record, budi, "Teknisi datang pukul 16.00", later + HOUR)
        additions.relock(session, record, admin, later + 2 * HOUR)
        with pytest.raises(HandoverLocked):
            additions.add_addition(session, record, budi, "sekali lagi", later + 3 * HOUR)
        assert [(a.kind.value, a.author.name, a.text) for a in record.additions] == [
            ("reopened", "Agus Setiawan", "Kronologi gangguan kamera dilengkapi"),
            ("note", "Budi Santoso", "Teknisi datang pukul 16.00"),
            ("relocked", "Agus Setiawan", ""),
        ]
        assert record.notes == "Kamera Pendopo perlu dicek teknisi"  # the signed content is untouched
    with database.transaction() as session:
        assert ho.verify(session, handover(session, shift_id))
    with pytest.raises(exc.IntegrityError, match="append-only"), database.transaction() as session:
        session.execute(text("UPDATE handover_additions SET text = 'diubah'"))


def test_a_step_taken_on_an_out_of_date_copy_sees_what_another_desk_did(database, world, shift_id):
    """Two desks share one log: a desk that loaded the draft earlier cannot write notes into it or
    sign it after another desk signed, nor accept it twice (each step reads the row, locked, afresh)."""
    with database.transaction() as session:
        budi = world.staff(session, world.budi)
        ho.start_handover(session, session.get(Shift, shift_id), budi, SIGNED - HOUR)
    with database.transaction() as session:  # desk 2 keeps its copy (objects outlive the transaction)
        stale, stale_budi = handover(session, shift_id), world.staff(session, world.budi)
    with database.transaction() as session:  # desk 1 signs and desk 3 accepts
        ho.sign(session, handover(session, shift_id), world.staff(session, world.budi), SIGNED)
        stale_signed = handover(session, shift_id)
    with database.transaction() as session:
        ho.accept(session, handover(session, shift_id), world.staff(session, world.dwi), ACCEPTED)
    with database.transaction() as session:
        copy, budi = session.merge(stale, load=False), session.merge(stale_budi, load=False)
        with pytest.raises(HandoverLocked):
            ho.set_notes(session, copy, budi, "written after the acceptance")
    with database.transaction() as session:
        copy = session.merge(stale_signed, load=False)
        with pytest.raises(HandoverLocked, match="already accepted by Dwi"):
            ho.accept(session, copy, world.staff(session, world.dwi), ACCEPTED)
    with database.transaction() as session:
        record = handover(session, shift_id)
        assert record.notes == ""
        assert ho.verify(session, record)


def test_only_the_planned_incoming_lead_or_an_admin_accepts(database, world, shift_id):
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
        record = handover(session, shift_id)
        with pytest.raises(
            HandoverError,
            match=r"only the incoming lead, Dwi Rahmawati \(shift Siang 03-11-2026\), "
            r"or an admin can accept this handover",
        ):
            ho.accept(session, record, eko, ACCEPTED)
        assert not record.locked
        ho.accept(session, record, world.staff(session, world.dwi), ACCEPTED)
        assert (record.incoming_lead.name, record.planned_incoming_lead.name, record.accepted_as_admin) == (
            "Dwi Rahmawati",
            "Dwi Rahmawati",
            False,
        )
        assert not session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("accept the handover%"))
        ).all()


def test_an_admin_accepts_in_place_of_the_planned_lead_audited_and_hashed(database, world, shift_id):
    signed(database, world, shift_id)
    with database.transaction() as session:
        ho.accept(session, handover(session, shift_id), world.staff(session, world.admin), ACCEPTED)
    with database.transaction() as session:
        record = handover(session, shift_id)
        assert (record.incoming_lead.name, record.planned_incoming_lead.name, record.accepted_as_admin) == (
            "Agus Setiawan",
            "Dwi Rahmawati",
            True,
        )
        audit = session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("accept the handover%"))
        ).one()
        assert (audit.staff_id, audit.at, audit.action) == (
            world.admin,
            ACCEPTED,
            "accept the handover of shift Pagi 03-11-2026 as admin, in place of Dwi Rahmawati",
        )
        assert ho.verify(session, record)
    with database.transaction() as session:  # the admin's acceptance is part of what the hash covers
        session.execute(text("UPDATE handovers SET accepted_as_admin = false"))
    with database.transaction() as session:
        assert not ho.verify(session, handover(session, shift_id))


def test_with_no_shift_planned_after_it_only_an_admin_accepts(database, world, shift_id):
    accepted(database, world, shift_id)
    with database.transaction() as session:  # Siang is the last shift planned
        siang, dwi = (
            session.scalars(select(Shift).where(Shift.name == "Siang")).one(),
            world.staff(session, world.dwi),
        )
        start_shift(session, siang, dwi, ACCEPTED)
        record = ho.start_handover(session, siang, dwi, ACCEPTED + 7 * HOUR)
        ho.sign(session, record, dwi, ACCEPTED + 7 * HOUR)
        with pytest.raises(
            HandoverError, match="no shift is planned after Siang 03-11-2026, so nobody is its incoming lead"
        ):
            ho.accept(session, record, world.staff(session, world.budi), ACCEPTED + 8 * HOUR)
        ho.accept(session, record, world.staff(session, world.admin), ACCEPTED + 8 * HOUR)
        assert record.accepted_as_admin
        assert record.planned_incoming_lead is None
        assert (
            session.scalars(select(AuditEntry.action).where(AuditEntry.action.like("accept the handover%")))
            .one()
            .endswith("in place of an incoming lead (no next shift planned)")
        )


def test_handing_over_ends_the_outgoing_shift(database, world, shift_id):
    with database.transaction() as session:
        assert session.get(Shift, shift_id).actual_end is None  # Budi's Pagi runs while it is handed over
    accepted(database, world, shift_id)
    with database.transaction() as session:
        assert session.get(Shift, shift_id).actual_end == ACCEPTED
        assert current_shift(session, ACCEPTED + HOUR) is None
