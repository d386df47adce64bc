"""PostgreSQL: after `db setup-roles` (or `db upgrade --console`) the console's login cannot set the
append-only triggers aside (issue #12).

Runs on the real server only (``SMARTCENTRE_TEST_PG_URL``; on CI it must be set)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import exc, make_url

from models.oplog.install_key import load_key
from models.oplog.logbook import add_log_entry
from models.oplog.record_check import check
from tests.support.commands import run_db_command
from tests.support.oplog_databases import Backend
from tests.support.oplog_scenes import ACCEPTED, accepted, busy_morning
from tests.support.oplog_world import build_world


@pytest.fixture
def roles(tmp_path):
    backend = Backend("postgresql", tmp_path)
    suffix = uuid.uuid4().hex[:8]
    owner, console = f"sc_owner_{suffix}", f"sc_console_{suffix}"
    with backend._admin.begin() as connection:
        connection.exec_driver_sql(f"CREATE ROLE {console} LOGIN")
    yield backend, owner, console
    try:
        for database in backend._opened:
            database.close()
        with backend._admin.begin() as connection:
            for role in (owner, console):
                if connection.exec_driver_sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{role}'").first():
                    connection.exec_driver_sql(f"REASSIGN OWNED BY {role} TO CURRENT_USER")
                    connection.exec_driver_sql(f"DROP OWNED BY {role}")
                    connection.exec_driver_sql(f"DROP ROLE {role}")
    finally:
        backend.close()


@pytest.mark.parametrize("command", ["setup-roles", "upgrade"])
def test_the_console_login_cannot_disable_triggers_or_delete_audit_rows(roles, command):
    backend, owner, console = roles
    url = backend.url()
    database = backend.open(url)
    world = build_world(database)
    shift_id = busy_morning(database, world)
    accepted(database, world, shift_id)
    assert run_db_command(command, "--db", url, "--owner", owner, "--console", console) == 0
    desk = backend.open(make_url(url).set(username=console).render_as_string(hide_password=False))
    with desk.transaction() as session:  # the console still does its work
        add_log_entry(session, world.staff(session, world.dwi), "Siang dimulai", ACCEPTED)
    for statement in (
        "ALTER TABLE audit_entries DISABLE TRIGGER USER",
        "DROP TRIGGER audit_entries_append_only ON audit_entries",
        "DELETE FROM audit_entries",
        "TRUNCATE audit_entries",
        "UPDATE log_entries SET text = 'x'",
        "ALTER TABLE log_entries DROP COLUMN chain_hash",
    ):
        with (
            pytest.raises(exc.ProgrammingError, match="must be owner|permission denied"),
            desk.engine.begin() as connection,
        ):
            connection.exec_driver_sql(statement)
    assert check(desk, load_key()) == []


def test_setup_roles_refuses_a_missing_console_role_and_one_role_for_both(roles, capsys):
    backend, owner, console = roles
    url = backend.url()
    backend.open(url)
    assert run_db_command("setup-roles", "--db", url, "--owner", owner, "--console", "sc_nobody_here") == 1
    assert "there is no role sc_nobody_here" in capsys.readouterr().err
    assert run_db_command("setup-roles", "--db", url, "--owner", console, "--console", console) == 1
    assert "must be different roles" in capsys.readouterr().err
