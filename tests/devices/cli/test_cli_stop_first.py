"""Every way out of a move from the command line sends the stop first (issue #11): the command runs as
a real process against a simulated camera, is ended mid-move, and the head is found still."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from devices.visca.profiles import PROFILES
from devices.visca.sim.engine import FRAME, ViscaDevice
from devices.visca.sim.simulator import start_simulator
from tests.support.waiting import wait_until

ROOT = Path(__file__).resolve().parents[3]
# Ctrl+C and SIGTERM on POSIX; Ctrl+Break on Windows (a console's Ctrl+C cannot be sent to one process)
SIGNALS = [signal.SIGINT, signal.SIGTERM] if sys.platform != "win32" else [signal.CTRL_BREAK_EVENT]
NEW_GROUP = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)
DRIVE, STOP = bytes.fromhex("01 06 01"), bytes.fromhex("03 03")  # pan-tilt drive; its stop directions


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "app.py", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        creationflags=NEW_GROUP,
    )


def assert_still(sim, what: str = "pan") -> None:
    """The simulated head does not move any more (sampled over half a second)."""
    before = sim.state()[what]
    time.sleep(0.5)
    state = sim.state()
    assert state[what] == before, f"{what} went from {before} to {state[what]}"
    assert not state["moving"], f"still moving ({what} {before} → {state[what]})"


@pytest.mark.parametrize("sent", SIGNALS, ids=lambda number: signal.Signals(number).name)
@pytest.mark.parametrize("url", ["visca+udpraw://127.0.0.1:0", "visca+tcp://127.0.0.1:0"])
def test_a_signal_during_a_move_stops_the_head_before_the_process_ends(simulator, url, sent):
    sim = simulator(url)
    start_pan = sim.state()["pan"]
    process = start("camera", sim.url, "move", "right", "--speed", "2", "--for", "30")
    try:
        wait_until(lambda: sim.state()["pan"] > start_pan + 2, timeout=15, what="the head to pan")
        process.send_signal(sent)
        _out, err = process.communicate(timeout=15)
    finally:
        process.kill()
    assert process.returncode in (128 + signal.SIGINT, 128 + sent), err
    assert "stopped" in err, err
    assert "Traceback" not in err, err
    assert_still(sim)


def test_a_signal_during_a_zoom_stops_the_lens(simulator):
    sim = simulator("visca+udpraw://127.0.0.1:0")
    process = start("camera", sim.url, "zoom", "in", "--speed", "1", "--for", "30")
    try:
        wait_until(lambda: sim.state()["zoom"] > 0, timeout=15, what="the lens to zoom")
        process.send_signal(SIGNALS[0])
        process.communicate(timeout=15)
    finally:
        process.kill()
    assert_still(sim, "zoom")


def test_a_signal_during_an_absolute_move_stops_it_too(simulator):
    sim = simulator("visca+tcp://127.0.0.1:0")
    process = start("camera", sim.url, "goto", "0x800", "0", "--speed", "1", "--timeout", "60")
    try:
        wait_until(lambda: sim.state()["pan"] > 2, timeout=15, what="the head to head for its target")
        process.send_signal(SIGNALS[0])
        _out, err = process.communicate(timeout=15)
    finally:
        process.kill()
    assert "stopped" in err, err
    assert_still(sim)
    assert sim.state()["pan"] < 0x800


class LateToAcknowledgeMoves(ViscaDevice):
    """Moves at once, but acknowledges a pan-tilt drive 2 s late (a congested way back): the command
    times out, or the camera is taken for offline, while it moves."""

    def handle(self, packet: bytes, origin=None) -> None:
        self.latency = 2.0 if packet[1:4] == DRIVE and packet[6:8] != STOP else FRAME
        super().handle(packet, origin)


def test_a_timeout_while_moving_stops_the_head_first(sim_runtime):
    def camera(send, address):
        return LateToAcknowledgeMoves(PROFILES["generic"], send, address=address)

    sim = sim_runtime.submit(start_simulator("visca+udpraw://127.0.0.1:0", device=camera)).result(5)
    try:
        process = start(
            "camera",
            f"{sim.url}?model=generic",
            "move",
            "left",
            "--speed",
            "2",
            "--for",
            "20",
            "--timeout",
            "1.5",
        )
        try:
            _out, err = process.communicate(timeout=30)
        finally:
            process.kill()
        assert process.returncode == 3, err
        assert "Traceback" not in err, err
        assert sim.state()["pan"] < 0  # it did move …
        assert_still(sim)  # … and was stopped before the command gave up
    finally:
        sim_runtime.submit(sim.close()).result(5)
