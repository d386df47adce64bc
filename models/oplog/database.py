"""Opening the operations log: where it is, the engine (engines.py: the settings of SQLite and
PostgreSQL), migrations to head, and sessions.

The default is a SQLite file in the user's data folder. Several desks share one PostgreSQL
database instead: any SQLAlchemy URL, from ``--db`` or ``SMARTCENTRE_DB``. The ``Database`` is
built once in ``app.py`` and passed to whatever needs it; nothing here is global.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, Connection, Engine, exc, make_url, text
from sqlalchemy.orm import Session, sessionmaker

from common.user_files import data_folder
from common.wording import QT_TRANSLATE_NOOP
from models.oplog.database_problems import DatabaseProblem, explain
from models.oplog.engines import server_engine, sqlite_engine

ENV_VAR = "SMARTCENTRE_DB"
DB_FILE = "oplog.sqlite"
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000
MIGRATION_LOCK = 4_052_020_231  # PostgreSQL advisory lock: one desk migrates at a time

__all__ = [
    "Database",
    "DatabaseProblem",
    "check_url",
    "current_revision",
    "default_url",
    "head_revision",
    "migrate_database",
    "open_database",
    "sqlite_path",
]


def default_url() -> str:
    """``SMARTCENTRE_DB`` if set, else a SQLite file in the user's data folder."""
    configured = os.environ.get(ENV_VAR, "").strip()
    if configured:
        return configured
    return URL.create("sqlite", database=str(data_folder() / DB_FILE)).render_as_string()


def check_url(text: str) -> URL:
    """``text`` as a database URL; raises ``ValueError`` (one sentence) when it is not one this console can
    use."""
    try:
        url = make_url(text)
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise exc.NoSuchModuleError(url.drivername)
        url.get_dialect()
    except (exc.ArgumentError, exc.NoSuchModuleError):
        raise ValueError(
            f"{text!r} is not a database URL like sqlite:///C:/data/oplog.sqlite or "
            f"postgresql+psycopg://user@host/smartcentre"
        ) from None
    return url


def sqlite_path(url: str | URL) -> Path | None:
    """The file of a SQLite URL (None for another database, an in-memory one or a ``file:`` URI)."""
    url = make_url(url)
    if (
        url.get_backend_name() != "sqlite"
        or not url.database
        or url.database == ":memory:"
        or url.query.get("uri") == "true"
    ):
        return None
    return Path(url.database)


class Database:
    """An engine with its session factory and the name used in messages (file path or server)."""

    def __init__(self, engine: Engine, name: str) -> None:
        self.engine = engine
        self.name = name
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session committed when the block ends, rolled back on an exception; database errors
        caused by the environment are raised as ``DatabaseProblem``. Loaded objects stay readable
        afterwards (not expired); relationships not loaded by then cannot be loaded any more."""
        with self.translated_errors(), self._sessions() as session:
            yield session
            session.commit()

    @contextmanager
    def translated_errors(self) -> Iterator[None]:
        """Re-raise environment errors (locked, full, unreachable …) as ``DatabaseProblem``."""
        try:
            yield
        except Exception as error:
            problem = explain(error, self.name)
            if problem is None or problem is error:
                raise
            raise problem from error

    def problem(self, error: BaseException) -> DatabaseProblem | None:
        return explain(error, self.name)

    def close(self) -> None:
        self.engine.dispose()


def one_desk_at_a_time(session: Session, step: int) -> None:
    """Until the transaction ends, no other desk takes ``step`` (a number naming it): a PostgreSQL advisory
    lock, for a step that reads before it writes but has no one row to lock; SQLite transactions already
    write one at a time."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": step})


def reread_locked(session: Session, row: Any) -> None:
    """Read ``row`` again and lock it until the transaction ends, before a step that depends on its state.

    Several desks may share one log: the copy in hand may predate another desk's step, and two
    desks may take a step at the same moment. On PostgreSQL the row lock makes the second wait
    for the first and then see it; SQLite transactions already write one at a time.
    """
    session.refresh(row, with_for_update=True)


def open_database(
    url: str | URL | None = None, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, migrate: bool = True
) -> Database:
    """Connect to ``url`` (default: ``default_url()``), create or migrate the schema to head,
    and return the ``Database``; raises ``DatabaseProblem`` when it cannot be used."""
    url = make_url(url or default_url())
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() == "sqlite":
        engine, name = sqlite_engine(url, busy_timeout_ms)
    else:
        engine, name = server_engine(url, busy_timeout_ms)
    database = Database(engine, name)
    if migrate:
        try:
            migrate_database(database)
        except BaseException:
            database.close()
            raise
    return database


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def known_revisions() -> set[str]:
    """Every schema revision this console can migrate from."""
    return {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(database: Database) -> str | None:
    """The schema revision the database is at (None for an empty database)."""
    with database.translated_errors(), database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate_database(database: Database, revision: str = "head") -> None:
    """Migrate to ``revision`` in one transaction; SQLite foreign keys are checked at the end
    (batch mode recreates tables, which cannot run with enforcement on)."""
    engine = database.engine
    sqlite = engine.dialect.name == "sqlite"
    with database.translated_errors(), engine.connect() as connection:
        if sqlite:
            _pragma(connection, "foreign_keys=OFF")
        try:
            with connection.begin():
                if engine.dialect.name == "postgresql":
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
                _refuse_newer_schema(connection, database.name)
                command.upgrade(alembic_config(connection), revision)
                if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("migration left rows whose foreign keys point nowhere; rolled back")
        finally:
            if sqlite:
                _pragma(connection, "foreign_keys=ON")


def _pragma(connection: Connection, pragma: str) -> None:
    """Run a PRAGMA outside any transaction (foreign_keys is ignored inside one)."""
    cursor = connection.connection.cursor()
    cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _refuse_newer_schema(connection: Connection, name: str) -> None:
    current = MigrationContext.configure(connection).get_current_revision()
    if current is not None and current not in known_revisions():
        raise DatabaseProblem(
            QT_TRANSLATE_NOOP(
                "Database",
                "The operations log database {db} was written by a newer "
                "version of the console (schema {schema}); update this "
                "console before using it.",
            ).format(db=name, schema=current),
            "newer",
        )
