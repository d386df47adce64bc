"""Opening the database: default location, SQLite settings, first start, and plain-language problems."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import exc, text

from common import user_files
from models.oplog.database import DatabaseProblem, current_revision, default_url, head_revision, open_database
from models.oplog.database_problems import explain
from models.oplog.tables import Location, LocationKind


def test_default_url_comes_from_the_environment_variable(monkeypatch):
    monkeypatch.setenv("SMARTCENTRE_DB", "postgresql+psycopg://desk@server/smartcentre")
    assert default_url() == "postgresql+psycopg://desk@server/smartcentre"


def test_default_url_is_a_sqlite_file_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("SMARTCENTRE_DB", raising=False)
    monkeypatch.setattr(user_files.platformdirs, "user_data_dir", lambda app, appauthor: str(tmp_path / app))
    assert default_url() == f"sqlite:///{tmp_path}/smartcentre-console/oplog.sqlite"


def test_sqlite_runs_in_wal_with_foreign_keys_a_busy_timeout_and_full_sync(tmp_path):
    database = open_database(f"sqlite:///{tmp_path}/new/folder/oplog.sqlite", busy_timeout_ms=1234)
    with database.engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
        }
    database.close()
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 1234, "synchronous": 2}


def test_first_start_creates_the_schema_and_a_second_start_keeps_it(backend):
    url = backend.url()
    first = backend.open(url)
    assert current_revision(first) == head_revision()
    with first.transaction() as session:
        session.add(Location(name="Aula Diskominfo", kind=LocationKind.VENUE))
    second = backend.open(url)
    with second.transaction() as session:
        assert session.execute(text("SELECT name FROM locations")).scalars().all() == ["Aula Diskominfo"]


def test_a_corrupt_sqlite_file_is_named_in_one_sentence(tmp_path):
    path = tmp_path / "oplog.sqlite"
    path.write_bytes(b"this is a spreadsheet, not a database" * 200)
    with pytest.raises(DatabaseProblem) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.kind == "corrupt"
    assert str(caught.value) == (
        f"The operations log database {path} is damaged or is not a database file; move "
        f"it aside and restore a backup, or let the console create a new one."
    )


def test_a_read_only_sqlite_database_says_so(tmp_path):
    path = tmp_path / "oplog.sqlite"
    open_database(f"sqlite:///{path}").close()
    database = open_database(f"sqlite:///file:{path}?mode=ro&uri=true")
    try:
        with pytest.raises(DatabaseProblem) as caught, database.transaction() as session:
            session.add(Location(name="Aula Diskominfo", kind=LocationKind.VENUE))
    finally:
        database.close()
    assert caught.value.kind == "read-only"
    assert str(path) in str(caught.value)
    assert "read-only" in str(caught.value)


def test_a_locked_sqlite_database_says_so(tmp_path):
    path = tmp_path / "oplog.sqlite"
    database = open_database(f"sqlite:///{path}", busy_timeout_ms=50)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DatabaseProblem) as caught, database.transaction() as session:
            session.add(Location(name="Aula Diskominfo", kind=LocationKind.VENUE))
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        database.close()
    assert caught.value.kind == "locked"
    assert str(caught.value).startswith(f"The operations log database {path} is locked")


def test_a_full_sqlite_database_says_so(tmp_path):
    database = open_database(f"sqlite:///{tmp_path}/oplog.sqlite")
    with database.engine.connect() as c:
        pages = c.exec_driver_sql("PRAGMA page_count").scalar()
        c.exec_driver_sql(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(DatabaseProblem) as caught, database.translated_errors():
            c.execute(
                text("INSERT INTO locations (name, kind) VALUES (:name, 'venue')"),
                [{"name": f"Balai Desa {n} " + "x" * 100} for n in range(2000)],
            )
    database.close()
    assert caught.value.kind == "full"
    assert "is full" in str(caught.value)


def test_an_unreachable_server_is_named_without_its_password():
    with pytest.raises(DatabaseProblem) as caught:
        open_database("postgresql+psycopg://desk:secret@127.0.0.1:1/smartcentre")
    assert caught.value.kind == "unreachable"
    assert str(caught.value) == (
        "The database server of the operations log (smartcentre on 127.0.0.1:1) cannot be "
        "reached; check the network and that the server is running."
    )


def test_a_schema_from_a_newer_console_is_refused(backend):
    url = backend.url()
    with backend.open(url).transaction() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(DatabaseProblem) as caught:
        backend.open(url)
    assert caught.value.kind == "newer"
    assert "newer version of the console" in str(caught.value)


def test_bugs_are_not_dressed_up_as_database_problems(database):
    with database.transaction() as session:
        session.add(Location(name="Aula Diskominfo", kind=LocationKind.VENUE))
    with pytest.raises(exc.IntegrityError), database.transaction() as session:
        session.add(Location(name="Aula Diskominfo", kind=LocationKind.VENUE))  # add_location would refuse it


@pytest.mark.parametrize(
    ("sqlstate", "message", "kind"),
    [
        ("53100", "could not extend file: No space left on device", "full"),
        ("25006", "cannot execute INSERT in a read-only transaction", "read-only"),
        ("55P03", "canceling statement due to lock timeout", "locked"),
        ("28P01", 'password authentication failed for user "desk"', "login"),
        ("3D000", 'database "smartcentre" does not exist', "missing"),
        ("57P01", "terminating connection due to administrator command", "unreachable"),
        ("XX001", "invalid page in block 4 of relation base/16384/2619", "corrupt"),
        ("", "something nobody expected", "other"),
    ],
)
def test_postgresql_errors_get_their_sentence(sqlstate, message, kind):
    error = exc.OperationalError("INSERT …", {}, _Driver(message, sqlstate))
    problem = explain(error, "server/smartcentre")
    assert problem is not None
    assert problem.kind == kind
    assert "server/smartcentre" in str(problem)


class _Driver(Exception):
    def __init__(self, message: str, sqlstate: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate
