"""The per-camera controller against the simulator, over real sockets and a real pseudo-terminal."""

from __future__ import annotations

import concurrent.futures
import time

import pytest

from devices.records import Link
from devices.visca.state import CameraError, Motion
from tests.support.sim_urls import CAMERA_FAST, client_url
from tests.support.waiting import wait_until

NETWORK_URLS = ["visca+udp://127.0.0.1:0", "visca+udpraw://127.0.0.1:0", "visca+tcp://127.0.0.1:0"]


@pytest.fixture(
    params=NETWORK_URLS + [pytest.param("visca+serial://pty?cameras=2", marks=pytest.mark.posix)],
    ids=["sony-udp", "raw-udp", "raw-tcp", "serial"],
)
def any_sim(request, simulator):
    return simulator(request.param)


def test_preset_save_move_recall_on_every_transport(any_sim, camera):
    cam = camera(client_url(any_sim, CAMERA_FAST))
    assert cam.save_preset(4).result(3).ok
    cam.goto(1000, 500, speed=0x18).result(5)
    assert (any_sim.state()["pan"], any_sim.state()["tilt"]) == (1000, 500)
    record = cam.recall_preset(4).result(5)
    assert record.action == "preset recall 4"
    assert record.result == "completed"
    assert any_sim.state()["last_preset"] == 4
    assert (any_sim.state()["pan"], any_sim.state()["tilt"]) == (0, 0)
    wait_until(lambda: cam.snapshot().motion is Motion.ARRIVED, what="arrival confirmed by a position read")
    assert cam.snapshot().link is Link.ONLINE
    assert cam.snapshot().last_preset == 4


def test_drive_then_stop_moves_and_halts_the_camera(any_sim, camera):
    cam = camera(client_url(any_sim, CAMERA_FAST))
    cam.drive(-0x10, 0)
    cam.settled().result(3)
    wait_until(lambda: any_sim.state()["pan"] < -50, what="the camera to pan left")
    cam.drive(0, 0)
    cam.settled().result(3)
    wait_until(lambda: not any_sim.state()["moving"], what="the camera to stop")
    stopped_at = any_sim.state()["pan"]
    assert any_sim.state()["pan"] == stopped_at < 0


def test_a_held_key_burst_is_coalesced_and_the_latest_speed_wins(simulator, camera):
    sim = simulator("visca+udp://127.0.0.1:0?latency=0.02")
    cam = camera(client_url(sim, CAMERA_FAST))
    cam.inquire("power").result(3)
    sent_before = cam.snapshot().health.sent
    for speed in range(1, 201):
        cam.drive(speed % 0x18 + 1, 0)
    cam.drive(5, 0)
    cam.settled().result(3)
    packets = cam.snapshot().health.sent - sent_before
    assert packets < 20, f"{packets} packets for a burst of 201 requests"
    cam.drive(0, 0)
    cam.settled().result(3)
    wait_until(lambda: not sim.state()["moving"], what="stop")


def test_a_new_recall_supersedes_one_still_moving(simulator, camera):
    sim = simulator("visca+udp://127.0.0.1:0")
    cam = camera(client_url(sim, CAMERA_FAST))
    cam.goto(-0x2000, 0).result(5)
    cam.save_preset(1).result(3)
    cam.goto(0x2000, 0).result(5)
    cam.save_preset(2).result(3)
    cam.home().result(5)
    first = cam.recall_preset(1)
    wait_until(lambda: sim.state()["moving"], what="the first recall to start")
    second = cam.recall_preset(2)
    assert second.result(10).ok
    with pytest.raises(CameraError) as err:
        first.result(1)
    assert err.value.result == "superseded"
    assert sim.state()["last_preset"] == 2
    assert sim.state()["pan"] == 0x2000


def test_all_stop_halts_a_preset_move(simulator, camera):
    sim = simulator("visca+tcp://127.0.0.1:0")
    cam = camera(client_url(sim, CAMERA_FAST))
    cam.goto(-0x2000, 0).result(5)
    cam.save_preset(7).result(3)
    cam.home().result(5)
    recall = cam.recall_preset(7)
    wait_until(lambda: sim.state()["moving"], what="the recall to start")
    cam.stop()
    cam.settled().result(3)
    with pytest.raises(CameraError):
        recall.result(3)
    wait_until(lambda: not sim.state()["moving"], what="the camera to stop")
    assert -0x2000 < sim.state()["pan"] < 0


@pytest.mark.parametrize(
    "url", ["visca+udp://127.0.0.1:0", "visca+tcp://127.0.0.1:0"], ids=["sony-udp", "raw-tcp"]
)
def test_all_stop_during_a_recall_ends_moving_within_a_poll(simulator, camera, url):
    """Issue #10 point 2: hold left, recall, ALL STOP 0.2 s later — the state said "moving" for good."""
    sim = simulator(url)
    cam = camera(client_url(sim, CAMERA_FAST))
    cam.goto(-0x2000, 0).result(5)
    cam.save_preset(4).result(3)
    cam.home().result(5)
    cam.drive(-5, 0)
    wait_until(lambda: sim.state()["moving"], what="the held pan")
    recall = cam.recall_preset(4)
    wait_until(lambda: cam.snapshot().motion is Motion.MOVING, what="the recall under way")
    cam.stop()
    with pytest.raises(CameraError) as err:
        recall.result(3)
    assert err.value.result == "stopped"  # what the audit trail says: not "superseded"
    wait_until(lambda: not sim.state()["moving"], what="the camera to stop")
    wait_until(lambda: cam.snapshot().motion is not Motion.MOVING, timeout=0.6, what="'moving' to clear")
    assert cam.snapshot().target_preset is None  # it stopped short: no preset to call arrived
    time.sleep(0.6)  # two polls later it still says so
    assert cam.snapshot().motion is not Motion.MOVING
    assert not sim.state()["moving"]


def test_two_long_moves_then_a_third_never_reports_buffer_full(simulator, camera):
    sim = simulator("visca+udpraw://127.0.0.1:0")
    cam = camera(client_url(sim, CAMERA_FAST))
    slow = [cam.goto(-0x2000, 0, speed=1), cam.zoom_to(0x4000), cam.power(True)]
    assert slow[2].result(5).ok  # waited for a free socket instead of failing
    cam.stop()
    assert cam.snapshot().health.buffer_full >= 0  # counted, never surfaced as a failure
    assert cam.snapshot().last_error is None or "buffer" not in cam.snapshot().last_error


def test_commands_and_stops_land_through_thirty_percent_loss(simulator, camera):
    sim = simulator("visca+udp://127.0.0.1:0?loss=0.3&seed=7")
    cam = camera(client_url(sim, "timeout=0.05&poll=5"))
    burst = [cam.recall_preset(n % 5) for n in range(20)]
    assert burst[-1].result(20).ok
    assert sim.state()["last_preset"] == 4
    for n in range(8):
        assert cam.recall_preset(n).result(20).ok
        assert sim.state()["last_preset"] == n
        cam.drive(8, 8)
        cam.settled().result(5)
        cam.drive(0, 0)
        cam.settled().result(5)
        wait_until(lambda: not sim.state()["moving"], what="the stop to land")
    assert cam.snapshot().health.retries > 0  # the loss was real and was repaired by resending


def test_offline_within_two_seconds_then_back_with_a_stop_first(simulator, camera):
    sim = simulator("visca+udp://127.0.0.1:0")
    cam = camera(client_url(sim, "timeout=0.25&poll=1"))
    cam.inquire("power").result(3)
    cam.drive(3, 0)
    cam.settled().result(3)
    sim.silence(True)
    wait_until(lambda: cam.snapshot().link is Link.OFFLINE, timeout=2.5, what="offline")
    with pytest.raises(CameraError) as err:
        cam.recall_preset(1).result(1)
    assert err.value.result == "offline"
    assert sim.state()["moving"]  # the silent camera is still panning
    sim.silence(False)
    wait_until(lambda: cam.snapshot().link is Link.ONLINE, timeout=2.5, what="recovery")
    wait_until(lambda: not sim.state()["moving"], timeout=2, what="the stop sent after recovery")
    assert cam.snapshot().health.offline_count == 1


def test_restarted_camera_is_resynchronised(simulator, camera):
    sim = simulator("visca+udp://127.0.0.1:0")
    cam = camera(client_url(sim, CAMERA_FAST))
    cam.recall_preset(1).result(3)
    sim.restart()
    assert cam.recall_preset(2).result(3).ok
    assert sim.state()["last_preset"] == 2


def test_refused_command_names_the_camera_error(simulator, camera):
    sim = simulator("visca+tcp://127.0.0.1:0")
    cam = camera(client_url(sim, CAMERA_FAST))
    cam.power(False).result(3)
    with pytest.raises(CameraError) as err:
        cam.recall_preset(3).result(3)
    assert err.value.result == "not executable"


def test_bad_parameters_raise_before_anything_is_sent(simulator, camera):
    sim = simulator("visca+udp://127.0.0.1:0?model=sony-srg300h")
    cam = camera(client_url(sim, "model=sony-srg300h&timeout=0.1&poll=30"))
    cam.inquire("power").result(3)
    sent = cam.snapshot().health.sent
    for bad, refusal in (
        (lambda: cam.recall_preset(300), "preset 300 is out of range"),
        (lambda: cam.recall_preset(16), "preset 16 is out of range"),
        (lambda: cam.drive(99, 0), "pan speed 99 is out of range"),
        (lambda: cam.zoom_to(0x9000), "zoom position 36864 is out of range"),
        (lambda: cam.zoom(1, 8), "zoom speed 8 is out of range"),
    ):
        with pytest.raises(ValueError, match=refusal):
            bad()
    assert cam.snapshot().health.sent == sent


@pytest.mark.posix
def test_serial_chain_addresses_and_unplug(simulator, camera):
    sim = simulator("visca+serial://pty?cameras=3")
    device = sim.url.split("://", 1)[1].split("?")[0]
    cam2 = camera(f"visca+serial://{device}?address=2&{CAMERA_FAST}")
    cam3 = camera(f"visca+serial://{device}?address=3&{CAMERA_FAST}")
    assert cam2.recall_preset(5).result(3).ok
    assert cam3.recall_preset(6).result(3).ok
    assert sim.state(2)["last_preset"] == 5
    assert sim.state(3)["last_preset"] == 6
    sim.unplug()
    wait_until(lambda: cam2.snapshot().link is Link.OFFLINE, what="offline after unplug")
    sim.replug()
    wait_until(lambda: cam2.snapshot().link is Link.ONLINE, timeout=6, what="back after replug")
    assert cam2.recall_preset(8).result(3).ok
    assert sim.state(2)["last_preset"] == 8


def test_futures_never_block_the_caller(simulator, camera):
    sim = simulator("visca+udp://127.0.0.1:0")
    sim.silence(True)
    cam = camera(client_url(sim, CAMERA_FAST))
    future = cam.recall_preset(1)
    assert isinstance(future, concurrent.futures.Future)
    assert not future.done()
    with pytest.raises(CameraError):
        future.result(4)
