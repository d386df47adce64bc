"""Every operations-log test runs on SQLite and on PostgreSQL (tests/support/oplog_databases.py says how)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from models.oplog.database import Database
from tests.support.oplog_databases import Backend
from tests.support.oplog_scenes import busy_morning
from tests.support.oplog_world import World, build_world


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path) -> Iterator[Backend]:
    backend = Backend(request.param, tmp_path)
    yield backend
    backend.close()


@pytest.fixture
def database(backend: Backend) -> Database:
    return backend.open()


@pytest.fixture
def world(database: Database) -> World:
    return build_world(database)


@pytest.fixture
def shift_id(database: Database, world: World) -> int:
    return busy_morning(database, world)
