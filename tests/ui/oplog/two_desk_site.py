"""Two desks on one operations log: the small Smart Centre they share, on SQLite (several consoles on one
file) and on PostgreSQL, the demo configuration's two events, and what a desk was told."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support import oplog_console as support
from tests.support.oplog_console import log_lines
from tests.support.oplog_databases import Backend

RAKOR, PODCAST = "Rapat Koordinasi Bupati", "Podcast Diskominfo"  # the demo configuration's events


@pytest.fixture(params=["sqlite", "postgresql"])
def site(request, tmp_path) -> Iterator[support.Site]:
    """The small Smart Centre on SQLite (several consoles on one file) and on PostgreSQL."""
    backend = Backend(request.param, tmp_path)
    yield support.make_site(tmp_path, url=backend.url())
    backend.close()


def told(console, sentence: str) -> bool:
    return any(line.endswith(f"  {sentence}") for line in log_lines(console))
