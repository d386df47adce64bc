"""How the console opens the operations log: migrated, and in demo mode today's file with a month in it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path

from sqlalchemy import URL

from models.oplog.database import Database, open_database
from models.oplog.demo_log import demo_log_path, remove_earlier_demo_logs
from models.oplog.seed.demo import SeedError, seed_demo


def demo_url(data_folder: Path, now: datetime | None = None) -> str:
    """Demo mode's operations log: today's file beside the other per-workstation files.

    Earlier days' demo logs are removed, so the demo always opens on today's shifts and events.
    """
    path = demo_log_path(data_folder, now)
    remove_earlier_demo_logs(data_folder, keep=path)
    return URL.create("sqlite", database=str(path)).render_as_string()


def open_oplog(url: str, demo: bool = False, busy_timeout_ms: int | None = None) -> Database:
    """Open (and migrate) the database; in demo mode fill an empty one with a realistic month."""
    database = (
        open_database(url) if busy_timeout_ms is None else open_database(url, busy_timeout_ms=busy_timeout_ms)
    )
    if demo:
        try:
            seed_demo(database)
        except SeedError:
            pass  # filled at an earlier start
        except BaseException:
            database.close()
            raise
    return database


def opener(url: str, demo: bool = False) -> Callable[[], Database]:
    return partial(open_oplog, url, demo)
