"""A virtual SDL gamepad drives a simulated camera over VISCA over IP: the bytes on the wire."""

from __future__ import annotations

import time

import pytest

from devices.joystick.driver import JoystickDriver
from devices.joystick.mapping import StickMapping
from tests.support.sim_urls import client_url
from tests.support.waiting import wait_until

LINEAR = StickMapping(dead_zone=0.1, expo=0.0)  # speeds easy to work out: (|x| − 0.1) / 0.9 × top
PAN_TILT = b"\x81\x01\x06\x01"
STOP = PAN_TILT + b"\x01\x01\x03\x03\xff"
LATENCY = 0.05  # seconds the simulator takes to answer anything


def _rig(simulator, camera, poller, options: str = ""):
    sim = simulator(f"visca+udp://127.0.0.1:0?model=sony-srg300h{options}")
    cam = camera(client_url(sim, "timeout=1&poll=10"))
    cam.identified().result(5)  # pan top 0x18, tilt top 0x17
    return sim, cam, JoystickDriver(poller, cam, LINEAR).attach()


@pytest.fixture
def rig(simulator, camera, poller, gamepad):
    sim, cam, driver = _rig(simulator, camera, poller)
    yield sim, cam, driver
    driver.detach()


def drives(sim) -> list[bytes]:
    return [data for kind, data in sim.received() if kind == "COMMAND" and data.startswith(PAN_TILT)]


def settle(poller, cam) -> None:
    poller.call(lambda: None).result(5)  # what was set is polled …
    poller.call(lambda: None).result(5)
    cam.settled().result(5)  # … and the camera acknowledged the latest speeds


def test_deflection_drives_at_a_proportional_speed_and_release_sends_one_stop(rig, poller, gamepad):
    sim, cam, _ = rig
    gamepad.set_axis(0, 0.5)  # right, (0.5 − 0.1) / 0.9 × 0x18 = 10.7: 0x0B (never 0 past the dead zone)
    gamepad.set_axis(1, -1.0)  # pushed away: up at the top tilt speed 0x17
    settle(poller, cam)
    assert drives(sim)[-1] == PAN_TILT + b"\x0b\x17\x02\x01\xff"
    wait_until(lambda: sim.state()["pan"] > 0 and sim.state()["tilt"] > 0, what="the camera to move")
    moving = len(drives(sim))
    gamepad.set_axis(0, 0.05)  # inside the dead zone
    gamepad.set_axis(1, 0.0)
    settle(poller, cam)
    assert drives(sim)[moving:] == [STOP]
    wait_until(lambda: not sim.state()["moving"], what="the camera to stop")


def test_unplugging_a_held_stick_stops_the_camera(rig, poller, gamepad):
    sim, cam, driver = rig
    gamepad.set_axis(0, -1.0)
    settle(poller, cam)
    assert drives(sim)[-1] == PAN_TILT + b"\x18\x01\x01\x03\xff"  # left at the top speed, tilt still
    gamepad.detach().result(5)
    settle(poller, cam)
    assert drives(sim)[-1] == STOP
    assert driver.stick is None
    wait_until(lambda: not sim.state()["moving"], what="the camera to stop")


def test_the_zoom_stick_zooms_in_and_a_button_recalls_its_preset(rig, poller, gamepad):
    sim, cam, _ = rig
    cam.save_preset(3).result(5)
    gamepad.set_axis(3, -1.0)  # right stick pushed away: tele at speed 7
    settle(poller, cam)
    gamepad.set_axis(3, 0.0)
    settle(poller, cam)
    gamepad.set_button(2, True)  # x: preset.recall.3
    settle(poller, cam)
    commands = [data for kind, data in sim.received() if kind == "COMMAND"]
    assert b"\x81\x01\x04\x07\x27\xff" in commands
    after_tele = commands[commands.index(b"\x81\x01\x04\x07\x27\xff") + 1 :]
    assert after_tele[:2] == [b"\x81\x01\x04\x07\x00\xff", b"\x81\x01\x04\x3f\x02\x03\xff"]
    wait_until(lambda: sim.state()["last_preset"] == 3, what="the recall")
    assert commands.count(b"\x81\x01\x04\x3f\x02\x03\xff") == 1


def test_a_stick_held_when_plugged_in_drives_only_after_it_came_back_to_rest(simulator, camera, poller):
    from devices.joystick.virtual import VirtualStick

    stick = VirtualStick(poller, gamepad=True)
    stick.set_axis(0, 1.0)
    sim, cam, driver = _rig(simulator, camera, poller)
    settle(poller, cam)
    assert drives(sim) == []
    stick.set_axis(0, 0.0)
    settle(poller, cam)
    stick.set_axis(0, 1.0)
    settle(poller, cam)
    assert drives(sim) == [PAN_TILT + b"\x18\x01\x02\x03\xff"]
    driver.halt()  # the window lost the focus
    settle(poller, cam)
    assert drives(sim)[-1] == STOP
    driver.detach()
    stick.detach().result(5)


def test_a_stick_changing_every_poll_for_two_seconds_sends_no_more_than_one_drive_per_reply(
    simulator, camera, poller, gamepad
):
    """The camera session has one message on the wire at a time and the simulator answers each after
    LATENCY, so in a window of T seconds at most T / LATENCY + 1 drives can leave, however often the
    stick changes (every poll here: 0x0B and 0x18 in turn)."""
    sim, cam, driver = _rig(simulator, camera, poller, f"&latency={LATENCY}")
    before = len(drives(sim))
    started = time.monotonic()
    for poll in range(240):
        gamepad.set_axis(0, 0.5 if poll % 2 else 1.0).result(5)
    settle(poller, cam)
    window = time.monotonic() - started
    sent = len(drives(sim)) - before
    assert driver.calls >= 100  # the stick asked for a new speed (nearly) every poll
    assert 1 <= sent <= window / LATENCY + 1
    driver.detach()
