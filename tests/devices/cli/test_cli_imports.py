"""The device commands import only what they use (issue #11): parsing a camera or wall command loads
neither the database (SQLAlchemy, Alembic), nor Qt, nor the drivers; a bad argument is answered
before any of them is imported. (How long that takes is measured in benchmarks/bench_cli_start.py.)"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
HEAVY = (
    "sqlalchemy",
    "alembic",
    "PySide6",
    "cv2",
    "serial",
    "yaml",
    "asyncio",
    "devices.visca.controller",
    "devices.wall.controller",
    "devices.obs.controller",
    "simpleobsws",
    "devices.runtime",
    "models.oplog.database",
)
SCRIPT = """
import json, sys, app
argv = sys.argv[1:]
try:
    {call}
except SystemExit:
    pass
print(json.dumps(sorted(name for name in {heavy!r} if name in sys.modules)))
"""


def loaded_after(call: str, *argv: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(call=call, heavy=HEAVY), *argv],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize(
    "argv",
    [
        ("camera", "visca+udp://192.168.1.20", "move", "left", "--for", "2"),
        ("camera", "visca+serial:///dev/ttyUSB0?address=2", "status"),
        ("wall", "kramer+tcp://192.168.1.39", "route", "1", "2"),
        ("obs", "obs://192.168.1.50?password_env=OBS_PASSWORD", "scene", "Podium"),
    ],
)
def test_parsing_a_device_command_imports_nothing_heavy(argv):
    assert loaded_after("app.build_parser(app.chosen_command(argv)).parse_args(argv)", *argv) == []


@pytest.mark.parametrize(
    "argv",
    [
        ("camera", "visca+udp://192.168.1.20", "move", "sideways"),
        ("camera", "visca+udp://192.168.1.20", "status", "--timeout", "nan"),
        ("wall", "kramer+tcp://192.168.1.39", "route", "one", "2"),
        ("camera", "visca+udp://192.168.1.20?local_port=abc", "status"),
        ("camera", f"visca+tcp://{'h' * 64}.example", "status"),
        ("obs", "obs://192.168.1.50?password=secret", "status"),
        ("obs", "obs://192.168.1.50", "stream", "begin"),
    ],
)
def test_a_bad_argument_is_answered_before_anything_heavy_is_imported(argv):
    assert loaded_after("app.main(argv)", *argv) == []


def test_the_full_parser_still_lists_every_command():
    import app

    help_text = app.build_parser().format_help()
    for command in ("camera", "wall", "obs", "probe", "db", "report", "simulate"):
        assert command in help_text
