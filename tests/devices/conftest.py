"""Fixtures: simulated cameras on their own device thread, as a real camera would be."""
from __future__ import annotations

import time
from typing import Callable

import pytest

from devices.visca.controller import CameraController
from devices.visca.sim.simulator import start_simulator



@pytest.fixture
def simulator(sim_runtime):
    """``simulator(url)`` starts a simulated camera and returns its server object."""
    servers = []

    def start(url: str):
        server = sim_runtime.submit(start_simulator(url)).result(5)
        servers.append(server)
        return server

    yield start
    for server in servers:
        sim_runtime.submit(server.close()).result(5)


@pytest.fixture
def camera(runtime):
    """``camera(url)`` starts a controller for a camera URL."""
    cameras = []

    def make(url: str, **kwargs) -> CameraController:
        cam = CameraController(runtime, url, **kwargs).start()
        cameras.append(cam)
        return cam

    yield make
    for cam in cameras:
        cam.close().result(5)


def wait_until(predicate: Callable[[], object], timeout: float = 5.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)
