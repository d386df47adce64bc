"""The console of demo mode with its video wall — four simulated cameras and the simulated Kramer matrix on
their own thread, controllers on another, as in app.py --demo — and how a test routes a screen by drag
and drop and reads the wall's screens and the log pane."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from devices.demo import start_demo_cameras
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.url_check import check_camera
from devices.wall.controller import WallController
from devices.wall.sim.simulator import start_demo_wall
from models.config.store import Config, demo_config
from models.desk.hotkeys import HotkeyMap
from tests.support.sim_urls import WALL_FAST as FAST
from ui.shell.console import Console
from ui.shell.preview_sources import simulated_pictures
from ui.wall.outputs_model import WallRole
from ui.wall.wall_page import WallPage

WAIT_MS = 5000


@dataclass
class Rig:
    sims: DeviceRuntime
    devices: DeviceRuntime
    cameras: list[Any]
    wall: Any
    folder: Path


@pytest.fixture
def rig(tmp_path):
    """Demo cameras and the demo wall on their own thread, controllers on another, as in app.py --demo."""
    with DeviceRuntime("wall-test-sims") as sims, DeviceRuntime("wall-test-devices") as devices:
        yield Rig(sims, devices, start_demo_cameras(sims), start_demo_wall(sims), tmp_path)


@pytest.fixture
def make_console(rig, qtbot):
    """``make_console(wall_options)``: demo mode's console with its wall, shown, the routes read back."""
    consoles = []

    def make(wall_options: str = FAST) -> Console:
        config = demo_config(
            [c.url + "&timeout=0.1&poll=0.5" for c in rig.cameras],
            check_camera,
            wall_url=f"{rig.wall.url}?{wall_options}",
        )
        cameras = {c.id: CameraController(rig.devices, c.url, c.name).start() for c in config.cameras}
        walls = {w.id: WallController(rig.devices, w.url, w.name).start() for w in config.walls}
        for wall in walls.values():
            wall.ready().result(5)
        settings = QSettings(str(rig.folder / "console.ini"), QSettings.Format.IniFormat)
        simulated = simulated_pictures(config.cameras, rig.cameras)
        console = Console(
            config,
            cameras,
            data_folder=rig.folder,
            settings=settings,
            hotkeys=HotkeyMap.defaults(),
            simulated=simulated,
            walls=walls,
        )
        consoles.append(console)
        qtbot.addWidget(console.window)
        console.show()
        qtbot.waitExposed(console.window)
        page = console.wall_view.pages["smart-wall"]
        qtbot.waitUntil(
            lambda: screen(page, 4, WallRole.INPUT) is not None, timeout=WAIT_MS
        )  # routes read back
        return console

    yield make
    for console in consoles:
        console.shutdown()


def screen(page: WallPage, output: int, role: int) -> Any:
    return page.outputs.index(page.outputs.row_of(output)).data(role)


def drag_source(page: WallPage, input: int, output: int) -> None:
    """What a mouse drag from the source list ends in: enter, move and drop events on the canvas."""
    sources = page.sources.model()
    row = next(r for r in range(sources.rowCount()) if sources.index(r, 0).data(WallRole.NUMBER) == input)
    drop_mime(page, sources.mimeData([sources.index(row, 0)]), output)


def drop_mime(page: WallPage, mime, output: int) -> None:
    canvas = page.canvas
    point = canvas.cell_rect(page.outputs.row_of(output)).center()
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(canvas, QDragEnterEvent(point.toPoint(), copy, mime, left, none))
    QApplication.sendEvent(canvas, QDragMoveEvent(point.toPoint(), copy, mime, left, none))
    drop = QDropEvent(point, copy, mime, left, none)
    QApplication.sendEvent(canvas, drop)
    assert drop.isAccepted()


@pytest.fixture
def console_for(rig, qtbot):
    """A console for ``config`` with controllers for its cameras (the demo simulators or nothing)."""
    consoles = []

    def build(config: Config, errors=(), simulated=None) -> Console:
        cameras = {c.id: CameraController(rig.devices, c.url, c.name).start() for c in config.cameras}
        settings = QSettings(str(rig.folder / "console.ini"), QSettings.Format.IniFormat)
        console = Console(
            config,
            cameras,
            data_folder=rig.folder,
            settings=settings,
            hotkeys=HotkeyMap.defaults(),
            config_errors=list(errors),
            simulated=simulated,
        )
        consoles.append(console)
        qtbot.addWidget(console.window)
        return console

    yield build
    for console in consoles:
        console.shutdown()


def log_lines(console: Console) -> list[str]:
    return [console.log.index(row).data() for row in range(console.log.rowCount())]
