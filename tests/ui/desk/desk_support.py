"""The whole console of demo mode — four simulated cameras, the simulated wall, the operations log —
for the tests of how it fits a screen: every dock an operator has is there, as at the desk."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize
from PySide6.QtWidgets import QApplication, QWidget

from app import check_wall
from devices.demo import start_demo_cameras
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.url_check import check_camera
from devices.wall.controller import WallController
from devices.wall.sim.simulator import start_demo_wall
from models.config.store import CameraConfig, demo_config
from models.desk.hotkeys import HotkeyMap
from models.oplog.opening import open_oplog
from ui.shell.console import Console
from ui.shell.preview_sources import simulated_pictures

WAIT_MS = 10_000
# what a window manager's title bar and a taskbar take from a desk screen
SCREEN_MARGINS = QSize(16, 80)


@dataclass
class Desk:
    cameras: list[Any]  # the demo simulators
    devices: DeviceRuntime
    wall_url: str
    folder: Path


@pytest.fixture
def desk(tmp_path):
    with DeviceRuntime("layout-sims") as sims, DeviceRuntime("layout-devices") as devices:
        yield Desk(start_demo_cameras(sims), devices, start_demo_wall(sims).url, tmp_path)


@pytest.fixture
def make_console(desk, qtbot):
    """``make_console()`` builds demo mode's console (settings kept in the test's folder) and shows it."""
    built: list[Console] = []

    def build(edit: Callable[[CameraConfig], CameraConfig] = lambda camera: camera) -> Console:
        """``edit`` may change each camera's configuration (e.g. its preview) before the console starts."""
        config = demo_config(
            [c.url + "&timeout=0.1&poll=0.5" for c in desk.cameras],
            check_camera,
            wall_url=desk.wall_url,
            wall_check=check_wall,
        )
        config = replace(config, cameras=tuple(edit(camera) for camera in config.cameras))
        cameras = {c.id: CameraController(desk.devices, c.url, c.name).start() for c in config.cameras}
        walls = {w.id: WallController(desk.devices, w.url, w.name).start() for w in config.walls}
        for wall in walls.values():
            wall.ready().result(5)  # online before the console is: it reads the routes back at once
        settings = QSettings(str(desk.folder / "console.ini"), QSettings.Format.IniFormat)
        simulated = simulated_pictures(config.cameras, desk.cameras)
        url = f"sqlite:///{desk.folder / 'oplog.sqlite'}"
        running = set(threading.enumerate())
        console = Console(
            config,
            cameras,
            data_folder=desk.folder,
            settings=settings,
            hotkeys=HotkeyMap.defaults(),
            simulated=simulated,
            walls=walls,
            oplog=lambda: open_oplog(url),
        )
        built.append(console)
        console.preview_threads = [
            thread
            for thread in threading.enumerate()
            if thread.name.startswith("preview-") and thread not in running
        ]
        qtbot.addWidget(console.window)
        console.show()
        qtbot.waitExposed(console.window)
        return console

    yield build
    for console in built:
        close(console)


def close(console: Console) -> None:
    """Close the window (it saves its layout) and let go of the cameras, so that another console may use
    them."""
    if getattr(console, "closed_by_test", False):
        return
    console.closed_by_test = True
    console.window.close()
    console.shutdown()
    for bridge in console.bridges.values():  # a camera's UDP port may have one controller only
        bridge.controller.close().result(5)
    deadline = (
        time.monotonic() + WAIT_MS / 1000
    )  # large pictures take a while: no preview thread outlives the test
    while any(thread.is_alive() for thread in console.preview_threads):
        assert time.monotonic() < deadline, "a preview thread did not end"
        time.sleep(0.05)


def resize(window: QWidget, size: QSize, qtbot) -> None:
    """The window at ``size`` (it starts maximised, on the offscreen platform's 800×800 screen)."""
    window.showNormal()
    window.resize(size)
    settle(qtbot)


def settle(qtbot, ms: int = 150) -> None:
    """Let the window lay itself out (docks, the bank's tiles, the dock column's balance)."""
    QApplication.processEvents()
    qtbot.wait(ms)


def rect_in(widget: QWidget, window: QWidget) -> QRect:
    """The widget's rectangle in the window's coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def shown_within(widget: QWidget, window: QWidget) -> bool:
    """The widget is shown (not behind another tab), and wholly inside each of its parents up to the window:
    nothing of it is scrolled away, cut off by a dock or off the window."""
    if not widget.isVisible() or widget.visibleRegion().isEmpty():
        return False
    rect, child = widget.rect(), widget
    while child is not window:
        rect = rect.translated(child.pos())
        child = child.parentWidget()
        if child is None or not child.rect().contains(rect):
            return False
    return True
