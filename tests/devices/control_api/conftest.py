"""Fixtures: the Control API on a free port of 127.0.0.1, driving simulated cameras through a fake console."""

from __future__ import annotations

import pytest
import requests

from devices.control_api.server import ControlApi, Listen
from devices.control_api.tokens import TokenStore
from tests.devices.control_api.fake_console import FakeConsole
from tests.support.ports import free_port
from tests.support.sim_urls import client_url


@pytest.fixture
def sim(simulator):
    return simulator("visca+udp://127.0.0.1:0?model=sony-srg300h")


@pytest.fixture
def console(sim, camera):
    cam = camera(client_url(sim, "timeout=1&poll=10"))
    cam.identified().result(5)
    return FakeConsole({"cam1": cam})


@pytest.fixture
def tokens(tmp_path):
    return TokenStore(tmp_path / "remote-access.json").load()


@pytest.fixture
def serve(runtime, console, tokens):
    """``serve(open_locally=True, **options)``: a running ControlApi and its base URL."""
    started: list[ControlApi] = []

    def start(open_locally: bool = True, **options) -> tuple[ControlApi, str]:
        api = ControlApi(runtime, console, tokens, Listen("127.0.0.1", free_port(), open_locally), **options)
        host, port = api.start().result(5)
        started.append(api)
        return api, f"http://{host}:{port}"

    yield start
    for api in started:
        api.stop().result(5)


@pytest.fixture
def http():
    with requests.Session() as session:
        yield session
