"""The static types of common/, devices/ and models/ are kept: mypy, configured in setup.cfg, finds
nothing."""

import os
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_error(monkeypatch):
    monkeypatch.chdir(ROOT)  # setup.cfg's `files` are relative to the repository
    report, errors, status = api.run(
        ["--config-file", os.fspath(ROOT / "setup.cfg"), "--no-incremental", "--cache-dir", os.devnull]
    )
    assert status == 0, report + errors
    assert report.startswith("Success: no issues found"), report
