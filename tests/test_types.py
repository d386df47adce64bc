"""The static types are kept: mypy, configured in setup.cfg (common/, devices/, models/, ui/ and app.py,
with check_untyped_defs), finds nothing."""

import os
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_error(monkeypatch):
    monkeypatch.chdir(ROOT)  # setup.cfg's `files` are relative to the repository
    report, errors, status = api.run(
        ["--config-file", os.fspath(ROOT / "setup.cfg"), "--no-incremental", "--cache-dir", os.devnull]
    )
    assert not errors, errors
    assert status in (0, 1), report  # 2: mypy could not check at all
    assert report.startswith("Success: no issues found"), report
