"""Fixtures: simulated wall devices on their own device thread, controllers on the test runtime."""

from __future__ import annotations

import os

import pytest

from devices.wall.controller import WallController
from devices.wall.sim.simulator import start_wall_simulator
from tests.starting import started

posix_only = [
    pytest.mark.posix,
    pytest.mark.skipif(os.name != "posix", reason="the serial simulator needs a POSIX pseudo-terminal"),
]
FAST = "timeout=0.3&gap=0.01"


@pytest.fixture
def wall_sim(sim_runtime):
    """``wall_sim(protocol, listen="tcp://127.0.0.1:0")`` starts a simulator and returns its server."""

    def start(protocol: str, listen: str = "tcp://127.0.0.1:0"):
        return sim_runtime.submit(start_wall_simulator(protocol, listen)).result(5)

    with started(start, lambda server: sim_runtime.submit(server.close()).result(5)) as make:
        yield make


@pytest.fixture
def wall(runtime):
    """``wall(url)`` starts a controller for a wall device URL."""
    with started(
        lambda url, **kwargs: WallController(runtime, url, **kwargs).start(),
        lambda controller: controller.close().result(5),
    ) as make:
        yield make


@pytest.fixture(params=["tcp", pytest.param("pty", marks=posix_only)])
def listen(request, tmp_path):
    """Where a simulator listens: TCP on a free port, or a pseudo-terminal behind a symlink."""
    if request.param == "tcp":
        return lambda options="": f"tcp://127.0.0.1:0{'?' + options if options else ''}"
    link = tmp_path / "wall0"
    return lambda options="": f"serial://pty?link={link}{'&' + options if options else ''}"


def client_url(server, options: str = FAST) -> str:
    return f"{server.url}{'&' if '?' in server.url else '?'}{options}" if options else server.url


def sent(server) -> list[str]:
    """The commands the simulated device received, in order."""
    return [text for _time, text in server.received()]
