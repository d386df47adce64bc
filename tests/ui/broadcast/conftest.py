"""The console of demo mode with its two simulated OBS Studios (``DEMO_SCENES``) and four simulated
cameras, without the operations log: the Rakor (the active event) streams on obs-rapat, the Podcast on
obs-podcast."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from devices.demo import start_demo_cameras
from devices.obs.controller import ObsController
from devices.obs.sim.server import ObsSimulator, start_demo_obs
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.url_check import check_camera
from models.config.demo import DEMO_SCENES
from models.config.store import demo_config
from models.desk.hotkeys import HotkeyMap
from models.oplog.opening import open_oplog
from ui.broadcast.output_panel import OutputPanel
from ui.shell.console import Console


@dataclass
class Studio:
    console: Console
    obs: dict[str, ObsSimulator]  # output id -> its simulator
    cameras: list[Any]  # the demo camera simulators (``DemoCamera``)
    sims: DeviceRuntime
    oplog_url: str = ""

    def panel(self, output_id: str) -> OutputPanel:
        return self.console.broadcast.dock.panels[output_id]

    def program(self, output_id: str) -> str:
        return self.sims.submit(_read(lambda: self.obs[output_id].studio.program)).result(5)

    def streaming(self, output_id: str) -> bool:
        return self.sims.submit(_read(lambda: self.obs[output_id].studio.stream.active)).result(5)


async def _read(get):
    return get()


@pytest.fixture
def studio(tmp_path: Path, qtbot):
    yield from _studio(tmp_path, qtbot, None)


@pytest.fixture
def logged_studio(tmp_path: Path, qtbot):
    """The console with demo mode's operations log (SQLite in the test's folder): ``studio.oplog_url``."""
    url = f"sqlite:///{tmp_path / 'oplog.sqlite'}"
    for studio in _studio(tmp_path, qtbot, lambda: open_oplog(url, demo=True)):
        studio.oplog_url = url
        yield studio


def _studio(tmp_path: Path, qtbot, oplog):
    with DeviceRuntime("broadcast-sims") as sims, DeviceRuntime("broadcast-devices") as devices:
        cameras = start_demo_cameras(sims)
        obs = {
            output: start_demo_obs(sims, tmp_path, scenes=scenes) for output, scenes in DEMO_SCENES.items()
        }
        config = demo_config(
            [c.url + "&timeout=0.2&poll=0.2" for c in cameras],
            check_camera,
            obs_urls={output: sim.url for output, sim in obs.items()},
        )
        controllers = {c.id: CameraController(devices, c.url, c.name).start() for c in config.cameras}
        outputs = {o.id: ObsController(devices, o.url, o.name).start() for o in config.broadcast}
        for output in outputs.values():
            output.ready().result(5)
        console = Console(
            config,
            controllers,
            data_folder=tmp_path,
            settings=QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat),
            hotkeys=HotkeyMap.defaults(),
            obs=outputs,
            oplog=oplog,
        )
        qtbot.addWidget(console.window)
        console.show()
        qtbot.waitExposed(console.window)
        console.window.docks["broadcast"].raise_()
        yield Studio(console, obs, cameras, sims)
        console.window.close()
        console.shutdown()
