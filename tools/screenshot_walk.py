"""The walk through the demo console that ``tools/make_screenshots.py`` renders: the console built against
the demo simulators (``build``), its cameras driven so that the pictures differ (``stage``), the window at
each size (``fit``) and the scenes saved at each step (``console_and_enlarged``, then ``english``).

Qt is imported with this module: ``make_screenshots`` imports it once the display is chosen.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from app import check_wall
from devices.obs.controller import ObsController
from devices.visca.controller import CameraController
from devices.visca.profiles import get_profile
from devices.visca.state import Link, Motion
from devices.visca.url_check import check_camera
from devices.wall.controller import WallController
from models.config.store import demo_config
from models.desk.hotkeys import HotkeyMap
from ui.shell.console import Console
from ui.shell.preview_sources import simulated_pictures

ROOT = Path(__file__).resolve().parent.parent


def wait(seconds: float) -> None:
    QTest.qWait(round(seconds * 1000))


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        QTest.qWait(20)


class Shots:
    """Where the pictures go, named by language and window size, each PNG at most ``max_bytes``."""

    def __init__(self, out: Path, sizes: list[tuple[int, int]], max_bytes: int) -> None:
        self.out = out
        self.largest = max(sizes, key=lambda size: size[0] * size[1])
        self.max_bytes = max_bytes
        self.saved: list[Path] = []

    def name(self, base: str, language: str, size: tuple[int, int]) -> str:
        if size == self.largest:
            return f"{base}-{language}.png"
        return f"{base}-{language}-{size[0]}x{size[1]}.png"

    def save(self, image: QImage, name: str) -> None:
        path = self.out / name
        scale = 1.0
        while True:
            picture = (
                image
                if scale == 1.0
                else image.scaledToWidth(
                    round(image.width() * scale), Qt.TransformationMode.SmoothTransformation
                )
            )
            if not picture.save(str(path), "PNG", 0):  # quality 0: the strongest PNG compression
                raise SystemExit(f"could not write {path}")
            if path.stat().st_size <= self.max_bytes or scale <= 0.5:
                break
            scale -= 0.05
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
            f"{picture.width()}×{picture.height()}, {path.stat().st_size // 1024} KB",
            file=sys.stderr,
        )
        self.saved.append(path)


def build(runtime, demo, wall_url: str, folder: Path, obs_urls: dict[str, str]) -> Console:
    config = demo_config(
        [d.url for d in demo], check_camera, wall_url=wall_url, wall_check=check_wall, obs_urls=obs_urls
    )
    controllers = {
        c.id: CameraController(
            runtime, c.url, c.name, profile=get_profile(c.profile) if c.profile else None
        ).start()
        for c in config.cameras
    }
    walls = {w.id: WallController(runtime, w.url, w.name).start() for w in config.walls}
    settings = QSettings(str(folder / "console.ini"), QSettings.Format.IniFormat)
    simulated = simulated_pictures(config.cameras, demo)
    console = Console(
        config,
        controllers,
        data_folder=folder,
        settings=settings,
        hotkeys=HotkeyMap.defaults(),
        simulated=simulated,
        walls=walls,
        obs={o.id: ObsController(runtime, o.url, o.name).start() for o in config.broadcast},
    )
    console.window.show()
    wait_until(lambda: all(b.state.link is Link.ONLINE for b in console.bridges.values()), "cameras online")
    wait_until(lambda: all(console.previews.latest(c) is not None for c in console.bridges), "previews")
    return console


def stage(console: Console) -> None:
    """Drive the demo cameras so that the four pictures differ."""
    desk = console.desk
    cam = {camera_id: bridge.controller for camera_id, bridge in console.bridges.items()}
    cam["cam1"].goto(-2400, 0x0180, 0x18).result(10)  # pan towards the left flag
    cam["cam3"].zoom_to(0x2C00).result(10)  # zoom in on the podium
    cam["cam4"].goto(3000, -0x0100, 0x18).result(10)
    desk.select("cam2")
    for number, (pan, tilt, zoom) in enumerate(
        ((0, 0, 0x1800), (-1500, -0x0200, 0x0C00), (1800, -0x0100, 0x2000)), start=1
    ):
        cam["cam2"].goto(pan, tilt, 0x18).result(10)
        cam["cam2"].zoom_to(zoom).result(10)
        wait(0.5)  # the preview shows the new view
        desk.save_preset(number)  # with a thumbnail from the preview
        wait(0.2)
    cam["cam2"].home().result(10)
    desk.recall_preset(2)
    cam2 = console.bridges["cam2"]
    wait_until(lambda: cam2.state.target_preset == 2 and cam2.state.motion is Motion.ARRIVED, "preset 2")
    grid = console.window.presets  # slot 2 chosen, as a click leaves it
    grid.view.selectionModel().setCurrentIndex(
        grid.model.index(grid.model.row(2)), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )


def fit(console: Console, size: tuple[int, int]) -> None:
    """The window at ``size``, its docks arranged as on a screen of that size."""
    window = console.window
    window.showNormal()
    window.arrange_docks(QSize(*size))
    window.resize(QSize(*size))
    wait_until(lambda: window.size() == QSize(*size) or window.resize(QSize(*size)), f"the window at {size}")
    picture = lambda: window.bank.picture_size()  # noqa: E731
    wait_until(
        lambda: all(
            console.previews.latest(c) is not None
            and console.previews.latest(c).height() == picture().height()
            for c in console.bridges
        ),
        "previews at the tiles' size",
    )


def take_over_notice(console: Console) -> None:
    console.desk.recall_preset(1, "cam3")  # cam3 belongs to the other running event: the take-over notice
    wait(0.6)


def grab_with(console: Console, tool: QWidget) -> QImage:
    """The main window with a tool window (the cheat sheet, the enlarged preview) painted where it
    stands."""
    window = console.window
    image = window.grab().toImage()
    painter = QPainter(image)
    at = window.mapFromGlobal(tool.mapToGlobal(QPoint(0, 0)))
    painter.drawPixmap(at, tool.grab())
    painter.setPen(QPen(QColor("#424242"), 2))
    painter.drawRect(at.x(), at.y(), tool.width(), tool.height())
    painter.end()
    return image


def console_and_enlarged(console: Console, shots: Shots, language: str, size: tuple[int, int]) -> None:
    window = console.window
    take_over_notice(console)
    shots.save(window.grab().toImage(), shots.name("console", language, size))
    window.enlarge("cam2")
    enlarged = window.enlarged
    wanted = enlarged.grid.picture_size()
    wait_until(lambda: console.previews.latest("cam2").height() >= wanted.height() - 1, "a large picture")
    wait(0.3)
    shots.save(grab_with(console, enlarged), shots.name("enlarged", language, size))
    enlarged.close()


def english(console: Console, shots: Shots) -> None:
    window = console.window
    window.toggle_multiview()  # the tally borders: the demo's simulated OBS Studios' program scenes
    wanted = window.multiview.grid.picture_size()
    wait_until(lambda: console.previews.latest("cam1").height() >= wanted.height() - 1, "multiview pictures")
    wait(0.3)
    shots.save(window.multiview.grab().toImage(), "multiview.png")
    window.toggle_multiview()
    sheet = console.cheat_sheet
    sheet.show()
    sheet.adjustSize()
    sheet.move(
        window.mapToGlobal(
            QPoint((window.width() - sheet.width()) // 2, (window.height() - sheet.height()) // 2)
        )
    )
    wait(0.3)
    shots.save(grab_with(console, sheet), "hotkeys-cheatsheet.png")
    sheet.hide()
    window.docks["health"].raise_()
    wait(1.0)  # fresh previews and health numbers
    shots.save(window.grab().toImage(), "camera-health.png")
    broadcast = console.broadcast.desk
    window.docks["broadcast"].raise_()
    wait_until(lambda: broadcast.state("obs-rapat").online, "OBS online")
    broadcast.command("obs-rapat", "start_stream")
    broadcast.cut("obs-rapat", "Gabungan")  # Kamera Panggung and Kamera Pendopo on air: their tally
    wait_until(lambda: broadcast.state("obs-rapat").streaming, "the stream live")
    wait(5.5)  # an uptime and a bitrate
    shots.save(window.grab().toImage(), "broadcast.png")
