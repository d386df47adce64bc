"""The simulator driven by an independent client, visca-over-ip 0.5.2 (commands only).

visca-over-ip binds a second socket to ('', port) for inquiries; the simulator binds
127.0.0.1:port with SO_REUSEADDR, so both coexist and datagrams to 127.0.0.1 reach the
simulator (the more specific binding wins). That client's inquiries would be answered to its
own port, i.e. to the simulator (docs/protocols/visca.md "Other implementations"), so only commands are
used here.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from visca_over_ip import Camera

from devices.visca.sim.server import SimulatorServer
from tests.support.waiting import wait_for

TIMEOUT = 2.0


@pytest.fixture
def sim(simulator) -> SimulatorServer:
    return simulator("visca+udp://127.0.0.1:0")


@pytest.fixture
def camera(sim: SimulatorServer) -> Iterator[Camera]:
    host, port = sim.address
    client = Camera(host, port)
    try:
        yield client
    finally:
        client.close_connection()


def test_power(sim: SimulatorServer, camera: Camera) -> None:
    camera.set_power(False)
    wait_for(sim.state, lambda s: s["power"] is False, TIMEOUT)
    camera.set_power(True)
    wait_for(sim.state, lambda s: s["power"] is True, TIMEOUT)


def test_pan_tilt_drive_and_stop(sim: SimulatorServer, camera: Camera) -> None:
    camera.pantilt(-12, 10)  # visca-over-ip: negative → direction 01 (left), positive → 02 (down)
    state = wait_for(sim.state, lambda s: s["pan"] < -50 and s["tilt"] < -50, TIMEOUT)
    assert state["moving"]
    camera.pantilt(0, 0)
    stopped = wait_for(sim.state, lambda s: not s["moving"], TIMEOUT)
    time.sleep(0.05)
    assert sim.state()["pan"] == stopped["pan"]


def test_zoom_and_presets(sim: SimulatorServer, camera: Camera) -> None:
    camera.zoom(7)
    wait_for(sim.state, lambda s: s["zoom"] > 0x800, TIMEOUT)
    camera.zoom(0)
    camera.pantilt(24, 20, 0x300, 0x100)
    wait_for(sim.state, lambda s: (s["pan"], s["tilt"]) == (0x300, 0x100), TIMEOUT)
    zoom = wait_for(sim.state, lambda s: not s["moving"], TIMEOUT)["zoom"]
    camera.save_preset(4)
    wait_for(sim.state, lambda s: 4 in s["presets"], TIMEOUT)
    camera.pantilt_home()
    camera.zoom_to(0)
    wait_for(sim.state, lambda s: (s["pan"], s["tilt"], s["zoom"]) == (0, 0, 0), TIMEOUT)
    camera.recall_preset(4)
    state = wait_for(sim.state, lambda s: (s["pan"], s["tilt"], s["zoom"]) == (0x300, 0x100, zoom), TIMEOUT)
    assert state["last_preset"] == 4
