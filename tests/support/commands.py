"""Running the console's command line from a test: as a separate process (``python app.py …``, what
the IT staff type) or, for the database commands, in the test's own process."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP = [sys.executable, str(ROOT / "app.py")]  # for a test that starts the command itself


def run_app(*arguments: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """``python app.py ARGUMENTS`` in the repository, output captured; Qt without a display."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    environment.pop("DISPLAY", None)
    return subprocess.run(
        [*APP, *arguments],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
        cwd=ROOT,
    )


def run_db_command(*arguments: str) -> int:
    """``python app.py db ARGUMENTS`` in this process (its exit code)."""
    from models.oplog import cli

    parser = argparse.ArgumentParser()
    cli.add_parser(parser.add_subparsers(dest="command"))
    parsed = parser.parse_args(["db", *arguments])
    return parsed.func(parsed)
