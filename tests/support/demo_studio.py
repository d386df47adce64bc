"""The console of demo mode with its two simulated OBS Studios (``DEMO_SCENES``) and four simulated
cameras, optionally the simulated Kramer wall and an operations log: what the broadcast and the Control
API tests drive. The Rakor (the active event) streams on obs-rapat, the Podcast on obs-podcast."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

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
from tests.support.sim_urls import WALL_FAST
from tests.support.waiting import wait_answering
from ui.broadcast.output_panel import OutputPanel
from ui.shell.console import Console
from ui.shell.preview_sources import simulated_pictures


@dataclass
class DemoStudio:
    console: Console
    cameras: list[Any]  # the camera simulators, cam1…cam4 (``DemoCamera``)
    obs: dict[str, ObsSimulator]  # output id → its simulator
    wall: WallSimulator | None
    sims: DeviceRuntime
    devices: DeviceRuntime
    oplog_url: str = ""  # the operations log's database, when the console has one

    def panel(self, output_id: str) -> OutputPanel:
        return self.console.broadcast.dock.panels[output_id]

    def program(self, output_id: str) -> str:
        return self.sims.submit(_read(lambda: self.obs[output_id].studio.program)).result(5)

    def streaming(self, output_id: str) -> bool:
        return self.sims.submit(_read(lambda: self.obs[output_id].studio.stream.active)).result(5)

    def wall_received(self) -> list[str]:
        assert self.wall is not None
        return [text for _at, text in self.wall.received()]

    def event(self, camera: str) -> Any:
        return next(e for e in self.console.board.events.values() if camera in e.cameras)


async def _read(get):
    return get()


Built = TypeVar("Built", bound=DemoStudio)


@contextlib.contextmanager
def demo_studio(
    tmp_path: Path,
    qtbot,
    *,
    wall: bool = False,
    pictures: bool = False,
    oplog: Callable | None = None,
    kind: type[Built] = DemoStudio,  # type: ignore[assignment]
) -> Iterator[Built]:
    """The console shown, every camera answering and every OBS connected; closed after. ``kind``: a
    ``DemoStudio`` with more to it, made with these parts."""
    with DeviceRuntime("studio-sims") as sims, DeviceRuntime("studio-devices") as devices:
        cameras = start_demo_cameras(sims)
        wall_sim = start_demo_wall(sims) if wall else None
        obs = {
            output: start_demo_obs(sims, tmp_path, scenes=scenes) for output, scenes in DEMO_SCENES.items()
        }
        config = demo_config(
            [c.url + "&timeout=0.2&poll=0.2" for c in cameras],
            check_camera,
            wall_url=f"{wall_sim.url}?{WALL_FAST}" if wall_sim is not None else None,
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
            simulated=simulated_pictures(config.cameras, cameras) if pictures else None,
            walls=walls,
            obs=outputs,
            oplog=oplog,
        )
        qtbot.addWidget(console.window)
        console.show()
        qtbot.waitExposed(console.window)
        try:
            yield kind(console, cameras, obs, wall_sim, sims, devices)
        finally:
            console.window.close()
            console.shutdown()
