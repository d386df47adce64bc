"""Fixtures: simulated cameras and wall devices on their own device thread, as a real device would be;
controllers for them on the test runtime."""

from __future__ import annotations

import pytest

from devices.visca.controller import CameraController
from devices.visca.sim.simulator import start_simulator
from devices.wall.sim.simulator import start_wall_simulator
from tests.support.starting import started


@pytest.fixture
def simulator(sim_runtime):
    """``simulator(url, model=…, device=…)`` starts a simulated camera (with ``device``, a replaying one, or a
    chain on a pty) and returns its server object."""
    with started(
        lambda url, **kwargs: sim_runtime.submit(start_simulator(url, **kwargs)).result(5),
        lambda server: sim_runtime.submit(server.close()).result(5),
    ) as start:
        yield start


@pytest.fixture
def camera(runtime):
    """``camera(url)`` starts a controller for a camera URL."""
    with started(
        lambda url, **kwargs: CameraController(runtime, url, **kwargs).start(),
        lambda cam: cam.close().result(5),
    ) as make:
        yield make


@pytest.fixture
def wall_sim(sim_runtime):
    """``wall_sim(protocol, listen="tcp://127.0.0.1:0", device_type=None)`` starts a simulated (with
    ``device_type``, a replaying) wall device and returns its server."""

    def start(protocol: str, listen: str = "tcp://127.0.0.1:0", device_type=None):
        return sim_runtime.submit(start_wall_simulator(protocol, listen, device_type)).result(5)

    with started(start, lambda server: sim_runtime.submit(server.close()).result(5)) as make:
        yield make
