"""Slow and lossy links (issue 11, "slow links fail"): the first command is not held back by a
handshake of many round trips, the resend timeout follows the measured round trip, and the command
line's default patience stretches with it, so a camera or matrix at a remote venue (VPN, mobile data:
0.4 s a round trip) or behind 30 % loss still gets `status`, `power on` and `preset recall` through."""

from __future__ import annotations

import concurrent.futures
import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from devices.cli.patience import Patience
from devices.visca import ipframe
from devices.visca.controller import CameraController
from devices.wall.sim.simulator import start_wall_simulator
from tests.support.fake_camera import FakeTransport
from tests.support.waiting import wait_until

ROOT = Path(__file__).resolve().parents[2]
PATIENT = "timeout=5&poll=60"  # nothing resent, no poll due, while the test looks
POWER_ON = bytes.fromhex("81 01 04 00 02 FF")
VERSION = bytes.fromhex("81 09 00 02 FF")
ZOOM = bytes.fromhex("81 09 04 47 FF")
POWER = bytes.fromhex("81 09 04 00 FF")


def app(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "app.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=60
    )


def sent_payloads(fake: FakeTransport) -> list[ipframe.Datagram]:
    return [ipframe.unpack(d) for d in fake.sent]


@pytest.fixture
def queued(runtime):
    """``queued(url, fake, command)``: a controller given ``command`` before it starts, as the command
    line does; what it sent goes to ``fake``."""
    made = []

    def make(
        url: str, fake: FakeTransport, command: Callable[[CameraController], object]
    ) -> CameraController:
        cam = CameraController(runtime, url, transport=fake)
        command(cam)
        made.append(cam.start())
        return cam

    yield make
    for cam in made:
        cam.close().result(5)


def test_a_command_the_same_on_every_camera_leaves_before_anything_is_answered(queued):
    sony, raw = FakeTransport(), FakeTransport(reliable=True)  # neither answers
    queued(f"visca+udp://10.0.0.9?{PATIENT}", sony, lambda cam: cam.power(True))
    queued(f"visca+tcp://10.0.0.9?{PATIENT}", raw, lambda cam: cam.power(True))
    wait_until(lambda: len(sony.sent) >= 2 and raw.sent, what="the command on the wire")
    time.sleep(0.2)
    reset, power = sent_payloads(sony)
    assert reset.is_reset
    assert power.payload == POWER_ON  # the RESET's answer is not waited for
    assert raw.sent == [POWER_ON]  # nor the camera's identity


def test_a_command_built_for_the_model_waits_for_one_round_trip_only(queued):
    fake = FakeTransport()
    queued(f"visca+udp://10.0.0.9?{PATIENT}", fake, lambda cam: cam.goto(0x100, 0x50))  # bytes per head
    wait_until(lambda: len(fake.sent) >= 2, what="the version inquiry")
    time.sleep(0.2)
    reset, version = sent_payloads(fake)
    assert reset.is_reset
    assert version.payload == VERSION
    fake.inject(
        ipframe.pack(ipframe.PayloadType.REPLY, version.seq, bytes.fromhex("90 50 00 01 05 1C 01 00 02 FF"))
    )  # a Sony BRC-X400
    wait_until(lambda: len(fake.sent) >= 3, what="the goto")
    time.sleep(0.2)
    goto = sent_payloads(fake)[2]
    assert goto.payload.startswith(bytes.fromhex("81 01 06 02"))
    assert len(fake.sent) == 3  # no poll first


def test_a_stop_does_not_wait_for_the_camera_to_say_what_it_is(queued):
    fake = FakeTransport(reliable=True)
    cam = queued(f"visca+tcp://10.0.0.9?{PATIENT}", fake, lambda cam: None)
    wait_until(lambda: fake.sent == [VERSION], what="the version inquiry")
    cam.stop()
    wait_until(lambda: len(fake.sent) >= 2, what="the stop")
    assert fake.sent[1].startswith(bytes.fromhex("81 01 06 01"))
    assert fake.sent[1].endswith(b"\x03\x03\xff")


def test_on_raw_links_a_late_answer_to_a_resent_copy_is_not_taken_for_the_next_message(queued):
    fake = FakeTransport()  # a raw camera whose answers come later than the resend timeout
    asked: dict = {}
    cam = queued(
        "visca+udpraw://10.0.0.9?timeout=0.1&poll=60",
        fake,
        lambda cam: asked.update(power=cam.inquire("power"), zoom=cam.inquire("zoom")),
    )
    wait_until(lambda: len(fake.sent) >= 2, what="the version inquiry resent")
    assert fake.sent[:2] == [VERSION, VERSION]
    version = bytes.fromhex("90 50 00 01 05 1C 01 00 02 FF")
    fake.inject(version)  # the first copy's answer
    wait_until(lambda: POWER in fake.sent, what="the power inquiry")
    fake.inject(version)  # the second copy's, later than the resend timeout
    fake.inject(bytes.fromhex("90 50 03 FF"))
    asked["power"].result(3)
    wait_until(lambda: ZOOM in fake.sent, what="the zoom inquiry")
    fake.inject(bytes.fromhex("90 50 01 02 03 04 FF"))
    asked["zoom"].result(3)
    state = cam.snapshot()
    assert (state.model, state.power, state.zoom) == ("Sony BRC-X400", False, 0x1234)


@pytest.mark.parametrize(
    "url", ["visca+udpraw://10.0.0.9", "visca+tcp://10.0.0.9", "visca+serial://fake?address=1"]
)
def test_on_raw_links_an_answer_of_another_shape_is_a_late_one_and_the_inquiry_waits_on(queued, url):
    version = bytes.fromhex("90 50 00 01 05 1C 01 00 02 FF")
    fake = FakeTransport(lambda packet: [version] if packet == VERSION else [])
    asked: dict = {}
    cam = queued(
        f"{url}{'&' if '?' in url else '?'}{PATIENT}",
        fake,
        lambda cam: asked.update(power=cam.inquire("power")),
    )
    wait_until(lambda: POWER in fake.sent, what="the power inquiry")
    fake.inject(bytes.fromhex("90 50 7F FF"))  # a last preset answer, late: none recalled
    fake.inject(bytes.fromhex("90 50 01 02 03 04 FF"))  # a zoom answer, late
    fake.inject(bytes.fromhex("90 50 0A FF"))  # one byte, but no power answer has this value
    time.sleep(0.2)
    assert not asked["power"].done()  # none of them was taken for this inquiry's answer
    fake.inject(bytes.fromhex("90 50 02 FF"))
    asked["power"].result(3)
    state = cam.snapshot()
    assert state.power is True
    assert state.last_error is None


def test_the_command_line_waits_longer_once_the_link_proves_slow():
    measured: list[float] = []
    patience = Patience(None, lambda: measured[-1] if measured else None)
    assert patience.seconds == 3  # nothing known: the usual 3 s
    measured.append(40.0)
    assert patience.seconds == 3  # a LAN
    measured.append(400.0)
    assert patience.seconds == pytest.approx(8)  # 0.4 s round trips: 20 of them
    assert Patience(2.5, lambda: 400.0).seconds == 2.5  # --timeout is taken as given
    late: concurrent.futures.Future = concurrent.futures.Future()
    threading.Timer(0.3, late.set_result, ("done",)).start()
    assert patience.result(late) == "done"
    with pytest.raises(concurrent.futures.TimeoutError):
        Patience(0.2, lambda: None).result(concurrent.futures.Future())


@pytest.mark.parametrize("fault", ["latency=0.4", "loss=0.3&seed=11"], ids=["0.4 s round trip", "30 % loss"])
@pytest.mark.parametrize("scheme", ["visca+udp", "visca+tcp"])
def test_status_power_and_recall_succeed_with_the_defaults(simulator, scheme, fault):
    sim = simulator(f"{scheme}://127.0.0.1:0?{fault}")
    status = app("camera", sim.url, "status")
    assert status.returncode == 0, status.stderr
    assert "no answer" not in status.stderr
    answered = json.loads(status.stdout)
    assert answered["online"]
    assert answered["power"] is True
    assert answered["unsupported"] == []
    assert None not in (answered["pan"], answered["zoom"], answered["focus_mode"], answered["model"])
    for command in (["power", "on"], ["preset", "recall", "1"]):
        result = app("camera", sim.url, *command)
        assert result.returncode == 0, f"{command}: {result.stderr}"
    assert sim.state()["last_preset"] == 1


def test_a_matrix_at_the_end_of_a_slow_link_answers_with_the_defaults(sim_runtime):
    sim = sim_runtime.submit(start_wall_simulator("kramer", "tcp://127.0.0.1:0?latency=0.4")).result(5)
    try:
        status = app("wall", sim.url, "status")
        assert status.returncode == 0, status.stderr
        assert json.loads(status.stdout)["routes"]["1"] == 1
        route = app("wall", sim.url, "route", "3", "1")
        assert route.returncode == 0, route.stderr
        assert sim.state()["video"][1] == 3
    finally:
        sim_runtime.submit(sim.close()).result(5)
