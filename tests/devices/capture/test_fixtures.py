"""Every capture in tests/fixtures/devices replayed through the real drivers (docs/captures.md).

A capture dropped into that folder becomes a test: a replaying device listens on a free port (or a
pseudo-terminal) and the command line runs against it. What to run and what to expect is the
header's ``checks`` — ``[{"run": ["camera", "{url}", "status"], "exit": 0, "output": {…}, "error": "…"}]``,
``output`` compared key by key, ``error`` a part of stderr — or, for a capture the command line
recorded, its ``run`` and its end record. All checks of a capture run in order against one replay.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from devices.replay import Capture, load
from devices.visca.sim.replay import replay_device
from devices.wall.sim.replay import WallReplay
from tests.support.commands import ROOT, run_app

FOLDER = ROOT / "tests" / "fixtures" / "devices"
NOT_COMPARED = {"health", "url", "name", "last_error"}  # differ between the recording and a replay


def fixtures() -> list:
    params = []
    for path in sorted(FOLDER.glob("*.jsonl")):
        marks = []
        if "+serial" in path.read_text(encoding="utf-8").split("\n", 1)[0]:
            marks.append(pytest.mark.posix)
        params.append(pytest.param(path, id=path.stem, marks=marks))
    return params


def test_the_folder_holds_the_documented_captures():
    assert len(fixtures()) >= 8


@pytest.mark.parametrize("path", fixtures())
def test_capture_replays_through_the_real_drivers(path: Path, simulator, wall_sim, tmp_path):
    replay_checks(path, simulator, wall_sim, tmp_path)


def test_a_capture_the_command_line_recorded_is_a_test_as_it_is(simulator, wall_sim, tmp_path):
    """What a site sends in: recorded with --capture, dropped in the folder, no checks written."""
    live = wall_sim("extron", "tcp://127.0.0.1:0?password=Kunci2026&outputs=4")
    path = tmp_path / "site.jsonl"
    result = run_app("wall", f"{live.url}?password=Kunci2026&outputs=4", "status", "--capture", path)
    assert result.returncode == 0, result.stderr
    [check] = checks_of(load(path))
    assert check["run"] == ["wall", "{url}", "status"]
    assert check["exit"] == 0
    assert check["output"]["routes"] == {"1": 1, "2": 2, "3": 3, "4": 4}
    assert "health" not in check["output"]
    replay_checks(path, simulator, wall_sim, tmp_path)


def replay_checks(path: Path, simulator, wall_sim, tmp_path: Path) -> None:
    capture = load(path)
    checks = checks_of(capture)
    assert checks, f"{path.name}: give the header checks, or record it with --capture"
    url = client_url(capture, start_replay(capture, simulator, wall_sim, tmp_path))
    for check in checks:
        result = run_app(*(arg.replace("{url}", url) for arg in check["run"]))
        what = f"{path.name}: {' '.join(check['run'])}\n{result.stderr}"
        assert result.returncode == check["exit"], what
        if "output" in check:
            assert contains(json.loads(result.stdout), check["output"]), f"{what}\n{result.stdout}"
        if "error" in check:
            assert check["error"] in result.stderr, what


def checks_of(capture: Capture) -> list[dict]:
    if "checks" in capture.header:
        return capture.header["checks"]
    if "run" not in capture.header or capture.end is None:
        return []
    check = {"run": capture.header["run"], "exit": capture.end["exit"]}
    if isinstance(capture.end.get("output"), dict):
        check["output"] = {k: v for k, v in capture.end["output"].items() if k not in NOT_COMPARED}
    return [check]


def start_replay(capture: Capture, simulator, wall_sim, folder: Path):
    wiring = capture.protocol.split("+", 1)[1]
    if capture.kind == "camera":
        listen = (
            f"visca+serial://pty?link={folder / 'line'}"
            if wiring == "serial"
            else f"{capture.protocol}://127.0.0.1:0"
        )
        return simulator(listen, device=replay_device(capture))
    listen = f"serial://pty?link={folder / 'line'}" if wiring == "serial" else "tcp://127.0.0.1:0"
    return wall_sim(capture.family, listen, WallReplay(capture))


def client_url(capture: Capture, server) -> str:
    """The replay's address with the options of the captured URL (a masked password becomes one)."""
    query = urlsplit(capture.header.get("url", "")).query.replace("password=****", "password=replayed")
    return f"{server.url}?{query}" if query else server.url


def contains(actual, expected) -> bool:
    """``expected`` is ``actual`` or, for objects, has only keys of ``actual`` with contained values."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            k in actual and contains(actual[k], v) for k, v in expected.items()
        )
    return actual == expected
