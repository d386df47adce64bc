"""Fixtures: live and replaying simulators on their own device thread; the command line as a process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from devices.visca.sim.simulator import start_simulator
from devices.wall.sim.simulator import start_wall_simulator
from tests.starting import started

ROOT = Path(__file__).resolve().parents[2]


def app(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "app.py", *map(str, args)], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def frames(path: Path, direction: str) -> list[bytes]:
    return [bytes.fromhex(r["hex"]) for r in records(path) if r.get("dir") == direction]


@pytest.fixture
def camera_sim(sim_runtime):
    """``camera_sim(url, device=None)``: a simulated camera (or, with ``device``, a replaying one)."""
    with started(
        lambda url, **kwargs: sim_runtime.submit(start_simulator(url, **kwargs)).result(5),
        lambda server: sim_runtime.submit(server.close()).result(5),
    ) as start:
        yield start


@pytest.fixture
def wall_sim(sim_runtime):
    """``wall_sim(protocol, listen, device_type=None)``: a simulated (or replaying) wall device."""
    with started(
        lambda *args: sim_runtime.submit(start_wall_simulator(*args)).result(5),
        lambda server: sim_runtime.submit(server.close()).result(5),
    ) as start:
        yield start
