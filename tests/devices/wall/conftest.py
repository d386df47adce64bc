"""Fixtures: wall controllers on the test runtime (the simulators: tests/devices/conftest.py), where a
simulator listens."""

from __future__ import annotations

import pytest

from devices.wall.controller import WallController
from tests.support.starting import started


@pytest.fixture
def wall(runtime):
    """``wall(url)`` starts a controller for a wall device URL."""
    with started(
        lambda url, **kwargs: WallController(runtime, url, **kwargs).start(),
        lambda controller: controller.close().result(5),
    ) as make:
        yield make


@pytest.fixture(params=["tcp", pytest.param("pty", marks=pytest.mark.posix)])
def listen(request, tmp_path):
    """Where a simulator listens: TCP on a free port, or a pseudo-terminal behind a symlink."""
    if request.param == "tcp":
        return lambda options="": f"tcp://127.0.0.1:0{'?' + options if options else ''}"
    link = tmp_path / "wall0"
    return lambda options="": f"serial://pty?link={link}{'&' + options if options else ''}"
