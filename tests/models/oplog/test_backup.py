"""`python app.py db backup|restore`: proven copies of the SQLite log, made while it is written, and restores
that check what they put back."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.oplog.backup import check_copy
from models.oplog.backup_schedule import (
    DAILY,
    HANDOVER,
    backup_age_sentence,
    backups_folder,
    daily_due,
    make_backup,
    newest_backup,
)
from models.oplog.clock import WIB
from models.oplog.database import head_revision, known_revisions, open_database
from models.oplog.tables import Staff
from tests.support.commands import run_db_command
from tests.support.oplog_world import build_world

ROOT = Path(__file__).resolve().parents[3]


@contextmanager
def connect(path: Path, **options) -> Iterator[sqlite3.Connection]:
    """A connection committed and closed at the end of the block (a console's would stay open)."""
    with closing(sqlite3.connect(path, **options)) as connection, connection:
        yield connection


@pytest.fixture
def live(tmp_path) -> Path:
    """A SQLite log with the test world and a ``counter`` table a writer can fill."""
    path = tmp_path / "oplog.sqlite"
    database = open_database(f"sqlite:///{path}")
    build_world(database)
    database.close()
    with connect(path) as connection:
        connection.execute("CREATE TABLE counter (n INTEGER PRIMARY KEY)")
    return path


def staff_count(path: Path) -> int:
    database = open_database(f"sqlite:///{path}")
    try:
        with database.transaction() as session:
            return session.scalar(select(func.count()).select_from(Staff))
    finally:
        database.close()


def test_a_backup_made_while_the_log_is_written_is_whole_and_consistent(live, tmp_path, capsys):
    stop = threading.Event()

    def write() -> None:
        with connect(live, isolation_level=None, timeout=5) as connection:
            connection.execute("PRAGMA journal_mode=WAL")
            n = 0
            while not stop.is_set():
                n += 1
                connection.execute("INSERT INTO counter VALUES (?)", (n,))  # one commit each

    writer = threading.Thread(target=write)
    writer.start()
    try:
        time.sleep(0.2)
        for number in range(3):
            copy = tmp_path / f"copy{number}.sqlite"
            assert run_db_command("backup", "--db", f"sqlite:///{live}", "-o", str(copy)) == 0
            assert f"backed up to {copy}" in capsys.readouterr().out
            assert check_copy(copy, known_revisions()).revision == head_revision()
            with connect(copy) as connection:
                rows = [n for (n,) in connection.execute("SELECT n FROM counter ORDER BY n")]
                assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            assert rows
            assert rows == list(range(1, len(rows) + 1))  # a moment of the log, no gaps
            assert not copy.with_name(copy.name + "-wal").exists()
    finally:
        stop.set()
        writer.join()
    assert staff_count(tmp_path / "copy2.sqlite") == 4
    assert run_db_command("backup", "--db", f"sqlite:///{live}", "-o", str(tmp_path / "copy0.sqlite")) == 2
    assert "add --force" in capsys.readouterr().err
    assert run_db_command("backup", "--db", f"sqlite:///{live}", "-o", str(live), "--force") == 2
    assert "is the operations log database" in capsys.readouterr().err


def test_a_backup_of_a_damaged_or_locked_log_says_so_in_one_line(live, tmp_path, capsys):
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"not a database" * 500)
    assert run_db_command("backup", "--db", f"sqlite:///{damaged}", "-o", str(tmp_path / "a.sqlite")) == 1
    error = capsys.readouterr().err
    assert "is not a usable SQLite database" in error
    assert error.count("\n") == 1
    with connect(live, isolation_level=None) as holder:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")  # not even readers get in
        assert run_db_command("backup", "--db", f"sqlite:///{live}", "-o", str(tmp_path / "b.sqlite")) == 1
        holder.execute("ROLLBACK")
    error = capsys.readouterr().err
    assert "is locked by another program; nothing was copied" in error
    assert error.count("\n") == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["damaged.sqlite", "oplog.sqlite"]


def test_a_restore_checks_the_copy_and_replaces_only_with_force(live, tmp_path, capsys):
    url = f"sqlite:///{live}"
    copy = tmp_path / "copy.sqlite"
    assert run_db_command("backup", "--db", url, "-o", str(copy)) == 0
    with connect(live) as connection:
        connection.execute("DELETE FROM counter")
        connection.execute("INSERT INTO counter VALUES (42)")  # written after the backup
    capsys.readouterr()
    assert run_db_command("restore", str(copy), "--db", url) == 2
    assert "exists; add --force" in capsys.readouterr().err

    garbage, foreign, future = (
        tmp_path / "garbage.sqlite",
        tmp_path / "foreign.sqlite",
        tmp_path / "future.sqlite",
    )
    garbage.write_bytes(b"not a database" * 100)
    with connect(foreign) as connection:
        connection.execute("CREATE TABLE notes (text TEXT)")
    future.write_bytes(copy.read_bytes())
    with connect(future) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    for bad, words in (
        (garbage, "not a usable SQLite database"),
        (foreign, "has no schema version"),
        (future, "another version of the console (schema 9999)"),
        (tmp_path / "none", "no such file"),
    ):
        assert run_db_command("restore", str(bad), "--db", url, "--force") == 1
        error = capsys.readouterr().err
        assert words in error, error
        assert error.count("\n") == 1, error
    with connect(live) as connection:
        assert connection.execute("SELECT n FROM counter").fetchall() == [(42,)]  # still the live log

    assert run_db_command("restore", str(copy), "--db", url, "--force") == 0
    out = capsys.readouterr().out
    assert f"restored from {copy}" in out
    assert "the database it replaced is kept as" in out
    with connect(live) as connection:
        assert connection.execute("SELECT n FROM counter").fetchall() == []
    (kept,) = (tmp_path / "backups").glob("oplog-before-restore-*.sqlite")
    with connect(kept) as connection:
        assert connection.execute("SELECT n FROM counter").fetchall() == [(42,)]  # nothing is lost
    assert staff_count(live) == 4
    assert not list(tmp_path.glob(".*.tmp*"))
    assert (
        run_db_command("restore", str(copy), "--db", f"sqlite:///{tmp_path / 'fresh' / 'oplog.sqlite'}") == 0
    )


def test_a_restore_refuses_a_log_a_console_has_open(live, tmp_path, capsys):
    copy = tmp_path / "copy.sqlite"
    assert run_db_command("backup", "--db", f"sqlite:///{live}", "-o", str(copy)) == 0
    console = open_database(f"sqlite:///{live}")
    try:
        with console.transaction():
            pass  # the console's pooled connection stays open
        assert run_db_command("restore", str(copy), "--db", f"sqlite:///{live}", "--force") == 1
        assert "is in use" in capsys.readouterr().err
    finally:
        console.close()


def test_postgresql_is_sent_to_pg_dump(capsys):
    for action in (("backup", "-o", "x.sqlite"), ("restore", "x.sqlite")):
        assert run_db_command(*action, "--db", "postgresql+psycopg://smartcentre@db.example/smartcentre") == 2
        error = capsys.readouterr().err
        assert "pg_dump" in error
        assert "docs/backups.md" in error
        assert error.count("\n") == 1
    assert not Path("x.sqlite").exists()


CHILD = """
import sys
from pathlib import Path
from models.oplog.backup import backup_sqlite
while True:
    backup_sqlite(Path(sys.argv[1]), Path(sys.argv[2]))
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_a_backup_killed_halfway_leaves_the_previous_backup_intact(live, tmp_path):
    with connect(live) as connection:  # some megabytes, so that a copy takes a while
        connection.execute("CREATE TABLE padding (data BLOB)")
        connection.executemany("INSERT INTO padding VALUES (randomblob(65536))", [()] * 300)
    target = tmp_path / "backups" / "oplog.sqlite"
    assert run_db_command("backup", "--db", f"sqlite:///{live}", "-o", str(target)) == 0
    killed_halfway = 0
    for _attempt in range(20):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(live), str(target)], cwd=ROOT)
        deadline = time.monotonic() + 30
        while not list(target.parent.glob(".oplog.sqlite.*.tmp")) and time.monotonic() < deadline:
            time.sleep(0.001)
        child.send_signal(signal.SIGKILL)
        child.wait()
        killed_halfway += bool(list(target.parent.glob(".oplog.sqlite.*.tmp")))
        checked = check_copy(target, known_revisions())  # whole after every kill
        assert checked.revision == head_revision()
        assert checked.size == target.stat().st_size
        with connect(target) as connection:
            assert connection.execute("SELECT count(*) FROM padding").fetchone() == (300,)
        if killed_halfway >= 3:
            break
    assert killed_halfway >= 3, "the kills never landed inside a backup"
    assert run_db_command("backup", "--db", f"sqlite:///{live}", "-o", str(target), "--force") == 0
    assert sorted(path.name for path in target.parent.iterdir()) == ["oplog.sqlite"]  # leftovers removed


def test_scheduled_backups_keep_14_daily_and_30_handover_copies(live, tmp_path):
    folder = tmp_path / "backups"
    start = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)  # 1 December 00:30 WIB
    assert daily_due(live, start, folder)
    assert newest_backup(live, folder) is None
    for day in range(16):
        make_backup(live, DAILY, start + timedelta(days=day), folder)
    killed = folder / ".oplog-handover-20261216-002959.sqlite.x1y2.tmp"
    killed.write_bytes(b"half a backup")
    for number in range(31):
        make_backup(live, HANDOVER, start + timedelta(days=15, minutes=number), folder)
    assert not killed.exists()
    names = sorted(path.name for path in folder.iterdir())
    assert names[:14] == [f"oplog-daily-202612{day:02d}-003000.sqlite" for day in range(3, 17)]
    assert names[14] == "oplog-handover-20261216-003100.sqlite"
    assert len(names) == 14 + 30
    assert not daily_due(live, start + timedelta(days=15, hours=23), folder)  # 16 December 23:30 WIB
    assert daily_due(live, start + timedelta(days=16), folder)
    assert newest_backup(live, folder) == (start + timedelta(days=15, minutes=30)).astimezone(WIB)
    assert check_copy(folder / names[-1], known_revisions()).revision == head_revision()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(path.stat().st_mode) for path in folder.iterdir()} == {0o600}


def test_backups_go_where_smartcentre_backups_says(live, tmp_path, monkeypatch):
    assert backups_folder(live) == live.parent / "backups"
    monkeypatch.setenv("SMARTCENTRE_BACKUPS", str(tmp_path / "other disk"))
    made = make_backup(live, DAILY, datetime(2026, 12, 5, 3, tzinfo=UTC))
    assert made.path == tmp_path / "other disk" / "oplog-daily-20261205-100000.sqlite"


def test_the_newest_backups_age_warns_after_36_hours():
    now = datetime(2026, 12, 5, 3, tzinfo=UTC)
    assert backup_age_sentence(now - timedelta(hours=35), now) == (False, "Last backup 35 h ago")
    assert backup_age_sentence(now - timedelta(hours=37), now) == (
        True,
        "Last backup 37 h ago: too old, ask IT staff",
    )
    assert backup_age_sentence(None, now) == (True, "No backup of the operations log yet")
