"""Tamper evidence: the audit and log chains, keyed handover signatures, `db check` and `db rekey` (issue
#12)."""

from __future__ import annotations

import stat
import threading
from datetime import timedelta

import pytest
from alembic import command
from sqlalchemy import MetaData, func, select, text

from models.oplog import handover as ho
from models.oplog import handover_additions as additions
from models.oplog.audit_log import AuditRecord, AuditWriter
from models.oplog.database import alembic_config, migrate_database
from models.oplog.handover import content_hash
from models.oplog.install_key import load_key
from models.oplog.logbook import add_log_entry
from models.oplog.record_check import RekeyRefused, check, rekey
from models.oplog.tables import AuditEntry, HandoverLocked, LogEntry, Shift
from tests.models.oplog.first_revision import first_revision, rows_of_the_first_revision
from tests.support.commands import run_db_command
from tests.support.oplog_databases import Backend
from tests.support.oplog_scenes import ACCEPTED, HOUR, accepted, busy_morning, handover
from tests.support.oplog_world import build_world


@pytest.fixture
def site(backend: Backend):
    """An operations log with Budi's morning shift accepted by Dwi, and its URL for the command line."""
    url = backend.url()
    database = backend.open(url)
    world = build_world(database)
    shift_id = busy_morning(database, world)
    accepted(database, world, shift_id)
    return url, database, world, shift_id


def tamper(database, *statements: str) -> None:
    """Plain SQL, as someone with the database file or the console's login would run it."""
    with database.engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)


def query(database, sql: str) -> list:
    with database.engine.connect() as connection:
        return list(connection.execute(text(sql)).scalars())


def misfits(database, shift_id) -> list[str]:
    with database.transaction() as session:
        return [str(part) for part in ho.misfits(session, handover(session, shift_id))]


def test_editing_the_notes_and_recomputing_the_old_hash_is_detected(site):
    _url, database, _world, shift_id = site
    with database.transaction() as session:
        record = handover(session, shift_id)
        record_id = record.id
    tamper(database, f"UPDATE handovers SET notes = 'semua aman' WHERE id = {record_id}")
    with database.transaction() as session:
        forged = content_hash(session, handover(session, shift_id))
    tamper(database, f"UPDATE handovers SET content_hash = '{forged}' WHERE id = {record_id}")
    assert misfits(database, shift_id) == ["the handover itself (notes, summary, times or leads)"]


@pytest.mark.parametrize(
    ("statement", "part"),
    [
        ("UPDATE staff SET name = 'Budi Hartono' WHERE name = 'Budi Santoso'", "the people"),
        (
            "UPDATE shifts SET actual_start = planned_start + (actual_start - planned_start) "
            "WHERE name = 'Pagi'",
            None,
        ),
        ("UPDATE handovers SET reopened = {true}", "the reopened flag or the additions"),
    ],
)
def test_renaming_moving_the_start_or_reopening_by_hand_is_detected(site, backend, statement, part):
    _url, database, _world, shift_id = site
    true = "1" if backend.kind == "sqlite" else "true"
    if part is None:  # move the actual start by ten minutes, in each database's own words
        statement = (
            "UPDATE shifts SET actual_start = datetime(actual_start, '+10 minutes') WHERE name = 'Pagi'"
            if backend.kind == "sqlite"
            else "UPDATE shifts SET actual_start = actual_start + interval '10 minutes' WHERE name = 'Pagi'"
        )
        part = "the shift's name or times"
    tamper(database, statement.format(true=true))
    assert [found for found in misfits(database, shift_id) if found.startswith(part)], misfits(
        database, shift_id
    )


def test_an_addition_after_reopened_was_set_by_hand_is_refused(site, backend):
    _url, database, world, shift_id = site
    tamper(database, f"UPDATE handovers SET reopened = {'1' if backend.kind == 'sqlite' else 'true'}")
    with (
        pytest.raises(HandoverLocked, match="no longer fits its signature"),
        database.transaction() as session,
    ):
        additions.add_addition(
            session, handover(session, shift_id), world.staff(session, world.dwi), "ditambah", ACCEPTED + HOUR
        )


def test_reopen_addition_and_relock_keep_the_signature_valid(site):
    url, database, world, shift_id = site
    with database.transaction() as session:
        record, admin = handover(session, shift_id), world.staff(session, world.admin)
        additions.reopen(session, record, admin, "catatan kurang", ACCEPTED + HOUR)
        additions.add_addition(
            session, record, world.staff(session, world.dwi), "Kamera sudah dicek", ACCEPTED + 2 * HOUR
        )
        additions.relock(session, record, admin, ACCEPTED + 3 * HOUR)
    assert misfits(database, shift_id) == []
    assert run_db_command("check", "--db", url) == 0


def test_a_signature_made_with_another_key_does_not_fit(site, install_key_file):
    _url, database, _world, shift_id = site
    install_key_file.write_text("ab" * 32 + "\n")
    assert "the handover itself (notes, summary, times or leads)" in misfits(database, shift_id)


def test_check_names_the_gap_after_audit_rows_are_deleted_behind_the_triggers(site, backend, capsys):
    url, database, _world, _shift_id = site
    assert run_db_command("check", "--db", url) == 0
    ids = query(database, "SELECT id FROM audit_entries ORDER BY id")
    gone = ids[3:5]
    if backend.kind == "sqlite":
        tamper(
            database,
            "DROP TRIGGER audit_entries_no_delete",
            f"DELETE FROM audit_entries WHERE id IN ({gone[0]}, {gone[1]})",
        )
    else:  # what the tables' owner can do; the console's login cannot (see test_postgresql_roles)
        tamper(
            database,
            "ALTER TABLE audit_entries DISABLE TRIGGER USER",
            f"DELETE FROM audit_entries WHERE id IN ({gone[0]}, {gone[1]})",
            "ALTER TABLE audit_entries ENABLE TRIGGER USER",
        )
    capsys.readouterr()
    assert run_db_command("check", "--db", url) == 1
    assert (
        f"audit_entries row {ids[5]}: it was not written after row {ids[2]}: rows between them are missing"
        in capsys.readouterr().out
    )


def test_check_names_a_changed_log_entry_and_deleted_last_rows(site, backend):
    _url, database, _world, _shift_id = site
    trigger_off = (
        "DROP TRIGGER log_entries_no_delete"
        if backend.kind == "sqlite"
        else "ALTER TABLE log_entries DISABLE TRIGGER USER"
    )
    last = query(database, "SELECT max(id) FROM log_entries")[0]
    tamper(database, trigger_off, f"DELETE FROM log_entries WHERE id = {last}")
    found = check(database, load_key())
    assert found[0] == (
        f"log_entries row {last - 1}: the chain head says more rows were written after row {last - 1}:"
        f" they are missing"
    )


def test_check_exit_codes(site, tmp_path, capsys):
    url, _database, _world, _shift_id = site
    assert run_db_command("check", "--db", url) == 0
    assert "fit" in capsys.readouterr().out
    assert run_db_command("check", "--db", url, "--key-file", str(tmp_path / "none.key")) == 1
    assert "there is no install key" in capsys.readouterr().err
    with pytest.raises(SystemExit) as bad:
        run_db_command("check", "--bogus")
    assert bad.value.code == 2
    assert run_db_command("check", "--db", "notaurl") == 2
    assert "is not a database URL" in capsys.readouterr().err


def test_rows_written_before_the_chain_get_one_in_the_migration(backend):
    database = backend.open(backend.url(), migrate=False)
    migrate_database(database, first_revision())
    with database.engine.begin() as connection:
        tables = MetaData()
        tables.reflect(connection)
        rows = rows_of_the_first_revision()
        rows["audit_entries"].append({**rows["audit_entries"][0], "id": 2, "action": "home"})
        for name, table_rows in rows.items():
            connection.execute(tables.tables[name].insert(), table_rows)
    migrate_database(database)
    assert check(database, load_key()) == []
    assert len(set(query(database, "SELECT chain_hash FROM audit_entries"))) == 2


def test_the_install_key_is_created_for_the_user_only(install_key_file):
    assert not install_key_file.exists()
    key = load_key()
    assert len(key) == 32
    assert load_key() == key
    assert stat.S_IMODE(install_key_file.stat().st_mode) == 0o600


def test_rekey_signs_again_with_a_new_key_and_is_audited(site, install_key_file):
    url, database, _world, shift_id = site
    old = install_key_file.read_text()
    assert run_db_command("rekey", "--db", url) == 0
    assert install_key_file.read_text() != old
    assert stat.S_IMODE(install_key_file.stat().st_mode) == 0o600
    assert misfits(database, shift_id) == []
    with database.transaction() as session:
        assert (
            session.scalar(
                select(func.count())
                .select_from(AuditEntry)
                .where(AuditEntry.action.like("re-sign 1 accepted handovers%"))
            )
            == 1
        )
    install_key_file.write_text(old)
    assert misfits(database, shift_id)  # the old key no longer fits


def test_rekey_refuses_when_a_handover_does_not_fit(site, install_key_file):
    _url, database, _world, shift_id = site
    old = install_key_file.read_text()
    tamper(database, "UPDATE handovers SET notes = 'diubah'")
    with pytest.raises(RekeyRefused, match="does not fit its signature"):
        rekey(database, install_key_file, ACCEPTED)
    assert install_key_file.read_text() == old
    assert not install_key_file.with_name("install.key.new").exists()


def test_entries_written_after_acceptance_go_to_the_next_shift(site):
    _url, database, world, shift_id = site
    with database.transaction() as session:
        pagi = session.get(Shift, shift_id)
        entry = add_log_entry(
            session,
            world.staff(session, world.budi),
            "Kabel dirapikan",
            ACCEPTED + timedelta(minutes=1),
            shift=pagi,
        )
        assert entry.shift.name == "Siang"
    assert misfits(database, shift_id) == []


def test_an_entry_after_acceptance_with_no_next_shift_is_refused(backend):
    database = backend.open()
    world = build_world(database)
    shift_id = busy_morning(database, world)
    tamper(
        database,
        f"DELETE FROM shift_members WHERE shift_id <> {shift_id:d}",
        f"DELETE FROM shifts WHERE id <> {shift_id:d}",
    )
    with database.transaction() as session:
        ho.sign(
            session,
            ho.start_handover(
                session, session.get(Shift, shift_id), world.staff(session, world.budi), ACCEPTED - HOUR
            ),
            world.staff(session, world.budi),
            ACCEPTED - HOUR,
        )
        ho.accept(session, handover(session, shift_id), world.staff(session, world.admin), ACCEPTED)
    with (
        pytest.raises(HandoverLocked, match="no shift is planned after it"),
        database.transaction() as session,
    ):
        add_log_entry(
            session,
            world.staff(session, world.budi),
            "terlambat",
            ACCEPTED,
            shift=session.get(Shift, shift_id),
        )


def test_appends_from_several_writers_at_once_keep_one_chain(site):
    _url, database, world, _shift_id = site

    def notes(n: int) -> None:
        for i in range(10):
            with database.transaction() as session:
                add_log_entry(session, world.staff(session, world.dwi), f"dari meja {n}-{i}", ACCEPTED + HOUR)

    with AuditWriter(database, batch=3) as writer:
        threads = [threading.Thread(target=notes, args=(n,)) for n in range(3)]
        for thread in threads:
            thread.start()
        futures = [
            writer.record(AuditRecord(ACCEPTED + HOUR, f"preset recall {n}", "completed")) for n in range(40)
        ]
        for thread in threads:
            thread.join()
        for future in futures:
            future.result(30)
    assert check(database, load_key()) == []
    with database.transaction() as session:
        assert (
            session.scalar(
                select(func.count()).select_from(LogEntry).where(LogEntry.text.like("dari meja %"))
            )
            == 30
        )


def test_a_handover_changed_before_the_upgrade_stays_unsigned_and_is_named(site, backend):
    _url, database, _world, shift_id = site
    with database.engine.connect() as connection:
        if backend.kind == "sqlite":  # as migrate_database does: batch mode drops and recreates tables
            connection.connection.cursor().execute("PRAGMA foreign_keys=OFF")
        with connection.begin():
            command.downgrade(alembic_config(connection), "0002")
        if backend.kind == "sqlite":
            connection.connection.cursor().execute("PRAGMA foreign_keys=ON")
    tamper(database, "UPDATE handovers SET notes = 'diubah sebelum pembaruan'")
    migrate_database(database)
    assert misfits(database, shift_id) == [
        "the signature (there is none; the record did not match its hash when the console was upgraded, "
        "or the signature was removed)"
    ]
