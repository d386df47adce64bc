"""Fixtures: wall controllers on the test runtime (the simulators: tests/devices/conftest.py), where a
simulator listens."""

from __future__ import annotations

import os

import pytest

from devices.wall.controller import WallController
from tests.support.starting import started

posix_only = [
    pytest.mark.posix,
    pytest.mark.skipif(os.name != "posix", reason="the serial simulator needs a POSIX pseudo-terminal"),
]
FAST = "timeout=0.3&gap=0.01"


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
