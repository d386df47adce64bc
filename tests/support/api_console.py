"""The whole console of demo mode behind its Control API, as ``python app.py --demo --api PORT`` builds it:
four simulated cameras, the simulated Kramer wall, the two simulated OBS Studios (``DEMO_SCENES``), both
events running with the Rakor active — and the API on a free port of 127.0.0.1, open to this computer."""

from __future__ import annotations

import asyncio
import concurrent.futures
from dataclasses import dataclass
from typing import Any

import pytest

from tests.support.demo_studio import DemoStudio, demo_studio
from tests.support.ports import free_port
from ui.controllers.api_service import ApiService
from ui.shell.control_api import attach_control_api

WAIT_MS = 10_000


@dataclass
class Demo(DemoStudio):
    service: ApiService | None = None
    base: str = ""  # http://127.0.0.1:PORT


def in_background(qtbot, work) -> Any:
    """``work()`` on another thread while Qt runs here (the API hops to the GUI thread)."""
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        done = pool.submit(work)
        qtbot.waitUntil(done.done, timeout=WAIT_MS)
        return done.result()


def run_async(qtbot, coroutine_function) -> Any:
    return in_background(qtbot, lambda: asyncio.run(coroutine_function()))


@pytest.fixture
def demo(tmp_path, qtbot):
    with demo_studio(tmp_path, qtbot, wall=True, pictures=True, kind=Demo) as built:
        console = built.console
        board = console.board
        for camera in ("cam3", "cam1"):  # the podcast, then the Rakor: the active one
            board.start(built.event(camera).id)
        board.active = built.event("cam1").id
        service = built.service = attach_control_api(
            console, built.devices, tmp_path, ("127.0.0.1", free_port())
        )
        qtbot.waitUntil(lambda: service.address is not None, timeout=WAIT_MS)
        built.base = f"http://127.0.0.1:{service.address[1]}"
        qtbot.waitUntil(
            lambda: all(console.broadcast.desk.state(o).online for o in built.obs), timeout=WAIT_MS
        )
        yield built
        service.stop()
