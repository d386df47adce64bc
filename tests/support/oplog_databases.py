"""Operations-log databases for tests, on SQLite (a file under a temporary folder) and on PostgreSQL.

PostgreSQL: ``SMARTCENTRE_TEST_PG_URL`` names a database the tests may use; each database opened here
gets its own schema (created, then dropped on close). Without the variable the PostgreSQL runs are
skipped, except on CI (``CI=true``), where they fail: CI must really test PostgreSQL.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, make_url
from sqlalchemy.pool import NullPool

from models.oplog.database import Database, open_database

PG_ENV = "SMARTCENTRE_TEST_PG_URL"


def pg_url() -> str | None:
    url = os.environ.get(PG_ENV, "").strip()
    if url:
        return url
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(
            f"{PG_ENV} is not set on CI: the operations log tests must run on PostgreSQL too "
            f"(.ci/run starts a server and exports it)",
            pytrace=False,
        )
    pytest.skip(f"PostgreSQL not tested: set {PG_ENV}=postgresql+psycopg://user@host:port/database")


class Backend:
    """Opens databases of one kind; on PostgreSQL each gets a schema of its own."""

    def __init__(self, kind: str, tmp_path, busy_timeout_ms: int = 5000) -> None:
        self.kind, self.tmp_path, self.busy_timeout_ms = kind, tmp_path, busy_timeout_ms
        self._schemas: list[str] = []
        self._opened: list[Database] = []
        self._admin = create_engine(pg_url(), poolclass=NullPool) if kind == "postgresql" else None

    def url(self, name: str = "oplog") -> str:
        if self._admin is None:
            return f"sqlite:///{self.tmp_path / name}.sqlite"
        schema = f"t_{uuid.uuid4().hex[:12]}"
        with self._admin.begin() as connection:
            connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
        self._schemas.append(schema)
        return (
            make_url(pg_url())
            .update_query_dict({"options": f"-csearch_path={schema}"})
            .render_as_string(hide_password=False)
        )

    def open(self, url: str | None = None, **kwargs) -> Database:
        kwargs.setdefault("busy_timeout_ms", self.busy_timeout_ms)
        database = open_database(url or self.url(), **kwargs)
        self._opened.append(database)
        return database

    def close(self) -> None:
        for database in self._opened:
            database.close()
        if self._admin is not None:
            with self._admin.begin() as connection:
                for schema in self._schemas:
                    connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
            self._admin.dispose()
