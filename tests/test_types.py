"""The static types are kept: mypy, configured in setup.cfg (common/, devices/, models/ with
check_untyped_defs; ui/ and app.py at mypy's default level), finds nothing."""

import os
from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parent.parent

# TEMPORARY (issue #14 item 4): ui/oplog/ and ui/shell/console.py are being rewritten on another branch;
# their type errors are fixed after that merge, and then this list is emptied (and removed).
NOT_YET_CLEAN = ("ui/oplog/", "ui/shell/console.py")


def test_mypy_finds_no_error(monkeypatch):
    monkeypatch.chdir(ROOT)  # setup.cfg's `files` are relative to the repository
    report, errors, status = api.run(
        ["--config-file", os.fspath(ROOT / "setup.cfg"), "--no-incremental", "--cache-dir", os.devnull]
    )
    assert not errors, errors
    assert status in (0, 1), report  # 2: mypy could not check at all
    found = [line.replace("\\", "/") for line in report.splitlines() if ": error:" in line]
    assert [line for line in found if not line.startswith(NOT_YET_CLEAN)] == [], report
    stale = [path for path in NOT_YET_CLEAN if not any(line.startswith(path) for line in found)]
    assert not stale, f"no type error left in {stale}: take them out of NOT_YET_CLEAN"
    if not NOT_YET_CLEAN:
        assert report.startswith("Success: no issues found"), report
