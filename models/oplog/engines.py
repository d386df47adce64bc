"""The engine for each kind of database the operations log lives in, with its settings.

SQLite settings: WAL (readers never block the writer), foreign keys on, a busy timeout, and
``synchronous=FULL``. With WAL, ``NORMAL`` already keeps every committed transaction when the
process is killed (SIGKILL); ``FULL`` also keeps it through a power cut or an OS crash, which a
desk PC without a UPS does see. The audit writer commits in batches, so the extra sync per
commit costs little. Every SQLite transaction begins IMMEDIATE (takes the write lock at once) so
that a transaction that reads and then writes never fails halfway with "database is locked"
while the audit writer is busy; keep transactions short, as ``database.Database.transaction`` does.
The file and the ones SQLite keeps beside it are readable by this user only.

PostgreSQL: a connection gives up after 5 s, and waiting for a lock after the busy timeout.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event

from common.user_files import PRIVATE_FOLDER, data_folder, keep_private, private_folder
from common.wording import QT_TRANSLATE_NOOP
from models.oplog.database_problems import DatabaseProblem

SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")  # the database file and the ones SQLite keeps beside it


def server_engine(url: URL, busy_timeout_ms: int) -> tuple[Engine, str]:
    """The engine of a database server and its name for messages (database on host:port)."""
    name = f"{url.database} on {url.host or 'localhost'}:{url.port or 5432}"
    engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    if url.get_backend_name() == "postgresql":
        _set_lock_timeout(engine, busy_timeout_ms)
    return engine, name


def sqlite_engine(url: URL, busy_timeout_ms: int) -> tuple[Engine, str]:
    """The engine of a SQLite file (made private first) and the file's path, for messages."""
    if not url.database or url.database == ":memory:":
        raise ValueError(
            QT_TRANSLATE_NOOP("Database", "the operations log needs a SQLite file, not an in-memory database")
        )
    uri = url.query.get("uri") == "true"  # e.g. sqlite:///file:/path/oplog.sqlite?mode=ro&uri=true
    path = Path(url.database.removeprefix("file:") if uri else url.database)
    if not uri:
        try:
            _private_file(path)
        except OSError as error:
            raise DatabaseProblem(
                QT_TRANSLATE_NOOP(
                    "Database", "The folder of the operations log database {db} cannot be created ({reason})."
                ).format(db=str(path), reason=error.strerror),
                "cannot-open",
            ) from error
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun explicitly below
        cursor = dbapi_connection.cursor()
        for pragma in (
            f"busy_timeout={int(busy_timeout_ms)}",
            "journal_mode=WAL",
            "synchronous=FULL",
            "foreign_keys=ON",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()
        if not uri:
            for companion in SQLITE_COMPANIONS:  # made by SQLite with the file's mode; older ones tightened
                keep_private(path.with_name(path.name + companion))

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine, str(path)


def _private_file(path: Path) -> None:
    """Create the database file (an empty file is an empty SQLite database) readable by this user only, before
    SQLite creates it with the umask's mode (0644) and its -wal/-shm with the same; tighten an existing one.
    The console's own data folder is made private too; a folder chosen with ``--db`` only when created
    here."""
    if path.parent.resolve() == data_folder().resolve():
        private_folder(path.parent)
    else:
        path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    try:
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        keep_private(path)


def _set_lock_timeout(engine: Engine, timeout_ms: int) -> None:
    """Waiting for a row or table lock gives up after ``timeout_ms`` instead of hanging."""

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {int(timeout_ms)}")
        dbapi_connection.autocommit = autocommit
