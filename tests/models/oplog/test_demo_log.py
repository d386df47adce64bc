"""Demo mode opens a demo log of today: a log seeded on an earlier day would show an old shift."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import make_url

from models.oplog.demo_log import demo_log_path, remove_earlier_demo_logs
from models.oplog.opening import demo_url

LATE_EVENING_UTC = datetime(2026, 11, 28, 18, 30, tzinfo=UTC)  # 01:30 WIB on the 29th


def test_the_demo_log_is_named_by_the_day_in_wib(tmp_path):
    assert demo_log_path(tmp_path, LATE_EVENING_UTC).name == "demo-oplog-2026-11-29.sqlite"
    assert (
        demo_log_path(tmp_path, datetime(2026, 11, 28, 9, tzinfo=UTC)).name == "demo-oplog-2026-11-28.sqlite"
    )


def test_a_new_day_removes_the_earlier_demo_logs_and_keeps_everything_else(tmp_path):
    earlier = ["demo-oplog-2026-11-27.sqlite", "demo-oplog-2026-11-27.sqlite-wal", "demo-oplog.sqlite"]
    today = ["demo-oplog-2026-11-29.sqlite", "demo-oplog-2026-11-29.sqlite-shm"]
    others = ["config.yaml", "hotkeys.json", "oplog.sqlite"]
    for name in earlier + today + others:
        (tmp_path / name).write_text("x")
    url = demo_url(tmp_path, LATE_EVENING_UTC)
    assert make_url(url).database == str(tmp_path / "demo-oplog-2026-11-29.sqlite")
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(today + others)


def test_a_demo_log_that_cannot_be_removed_is_left_for_the_next_start(tmp_path, monkeypatch):
    stuck = tmp_path / "demo-oplog-2026-11-20.sqlite"
    stuck.write_text("in use")
    keep = demo_log_path(tmp_path, LATE_EVENING_UTC)

    def refuse(self, missing_ok=False):
        raise PermissionError("used by another process")

    monkeypatch.setattr(type(stuck), "unlink", refuse)
    assert remove_earlier_demo_logs(tmp_path, keep) == []
    assert stuck.exists()
