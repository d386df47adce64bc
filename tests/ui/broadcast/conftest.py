"""The console of demo mode with its two simulated OBS Studios and four simulated cameras
(tests/support/demo_studio.py), the Broadcast dock in front; ``logged_studio`` with demo mode's
operations log."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.oplog.opening import open_oplog
from tests.support.demo_studio import demo_studio


@pytest.fixture
def studio(tmp_path: Path, qtbot):
    with demo_studio(tmp_path, qtbot) as built:
        built.console.window.docks["broadcast"].raise_()
        yield built


@pytest.fixture
def logged_studio(tmp_path: Path, qtbot):
    """The console with demo mode's operations log (SQLite in the test's folder): ``studio.oplog_url``."""
    url = f"sqlite:///{tmp_path / 'oplog.sqlite'}"
    with demo_studio(tmp_path, qtbot, oplog=lambda: open_oplog(url, demo=True)) as built:
        built.console.window.docks["broadcast"].raise_()
        built.oplog_url = url
        yield built
