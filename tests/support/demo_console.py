"""The console of demo mode against its simulated cameras (no wall, no operations log): demo cameras on
their own thread, controllers on another, like the real console."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from devices.demo import start_demo_cameras
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.url_check import check_camera
from models.config.store import demo_config
from models.desk.hotkeys import HotkeyMap
from tests.support.waiting import wait_answering
from ui.shell.console import Console
from ui.shell.preview_sources import simulated_pictures


@pytest.fixture
def rig(tmp_path):
    """Demo cameras on their own thread, controllers on another, like the real console."""
    with DeviceRuntime("test-sims") as sims, DeviceRuntime("test-devices") as devices:
        demo = start_demo_cameras(sims)
        yield demo, devices, tmp_path


def make_console(rig, qtbot, config=None, errors=(), **options):
    """``options``: more of ``Console``'s keyword arguments (``joystick=``)."""
    demo, devices, folder = rig
    config = config or demo_config([d.url + "&timeout=0.1&poll=0.5" for d in demo], check_camera)
    controllers = {c.id: CameraController(devices, c.url, c.name).start() for c in config.cameras}
    for controller in controllers.values():  # connected
        wait_answering(controller)
    settings = QSettings(str(folder / "console.ini"), QSettings.Format.IniFormat)
    simulated = simulated_pictures(config.cameras, demo)
    console = Console(
        config,
        controllers,
        data_folder=folder,
        settings=settings,
        hotkeys=HotkeyMap.defaults(),
        config_errors=list(errors),
        simulated=simulated,
        **options,
    )
    qtbot.addWidget(console.window)
    console.show()
    qtbot.waitExposed(console.window)
    console.window.activateWindow()
    return console
