"""The whole console of demo mode behind its Control API, as ``python app.py --demo --api PORT`` builds it:
four simulated cameras, the simulated Kramer wall, the two simulated OBS Studios (``DEMO_SCENES``), both
events running with the Rakor active — and the API on a free port of 127.0.0.1, open to this computer."""

from __future__ import annotations

import asyncio
import concurrent.futures
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from devices.demo import start_demo_cameras
from devices.obs.controller import ObsController
from devices.obs.sim.server import ObsSimulator, start_demo_obs
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.url_check import check_camera
from devices.wall.controller import WallController
from devices.wall.sim.server import WallSimulator
from devices.wall.sim.simulator import start_demo_wall
from models.config.demo import DEMO_SCENES
from models.config.store import demo_config
from models.desk.hotkeys import HotkeyMap
from tests.support.ports import free_port
from tests.support.sim_urls import WALL_FAST
from tests.support.waiting import wait_answering
from ui.controllers.api_service import ApiService
from ui.shell.console import Console
from ui.shell.control_api import attach_control_api
from ui.shell.preview_sources import simulated_pictures

WAIT_MS = 10_000


@dataclass
class Demo:
    console: Console
    service: ApiService
    base: str  # http://127.0.0.1:PORT
    cameras: list[Any]  # the camera simulators, cam1…cam4
    wall: WallSimulator
    obs: dict[str, ObsSimulator]  # output id → its simulator
    sims: DeviceRuntime
    devices: DeviceRuntime

    def wall_received(self) -> list[str]:
        return [text for _at, text in self.wall.received()]

    def program(self, output: str) -> str:
        return self.sims.submit(_read(lambda: self.obs[output].studio.program)).result(5)

    def streaming(self, output: str) -> bool:
        return self.sims.submit(_read(lambda: self.obs[output].studio.stream.active)).result(5)

    def event(self, camera: str) -> Any:
        return next(e for e in self.console.board.events.values() if camera in e.cameras)


async def _read(get):
    return get()


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
    with DeviceRuntime("api-sims") as sims, DeviceRuntime("api-devices") as devices:
        cameras = start_demo_cameras(sims)
        wall = start_demo_wall(sims)
        obs = {
            output: start_demo_obs(sims, tmp_path, scenes=scenes) for output, scenes in DEMO_SCENES.items()
        }
        config = demo_config(
            [c.url + "&timeout=0.2&poll=0.2" for c in cameras],
            check_camera,
            wall_url=f"{wall.url}?{WALL_FAST}",
            obs_urls={output: sim.url for output, sim in obs.items()},
        )
        controllers = {c.id: CameraController(devices, c.url, c.name).start() for c in config.cameras}
        for controller in controllers.values():
            wait_answering(controller)
        walls = {w.id: WallController(devices, w.url, w.name).start() for w in config.walls}
        outputs = {o.id: ObsController(devices, o.url, o.name).start() for o in config.broadcast}
        for device in [*walls.values(), *outputs.values()]:
            device.ready().result(5)
        console = Console(
            config,
            controllers,
            data_folder=tmp_path,
            settings=QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat),
            hotkeys=HotkeyMap.defaults(),
            simulated=simulated_pictures(config.cameras, cameras),
            walls=walls,
            obs=outputs,
        )
        qtbot.addWidget(console.window)
        console.show()
        qtbot.waitExposed(console.window)
        built = Demo(console, None, "", cameras, wall, obs, sims, devices)  # type: ignore[arg-type]
        board = console.board
        for camera in ("cam3", "cam1"):  # the podcast, then the Rakor: the active one
            board.start(built.event(camera).id)
        board.active = built.event("cam1").id
        built.service = attach_control_api(console, devices, tmp_path, ("127.0.0.1", free_port()))
        qtbot.waitUntil(lambda: built.service.address is not None, timeout=WAIT_MS)
        built.base = f"http://127.0.0.1:{built.service.address[1]}"
        qtbot.waitUntil(lambda: all(console.broadcast.desk.state(o).online for o in outputs), timeout=WAIT_MS)
        yield built
        built.service.stop()
        console.window.close()
        console.shutdown()
