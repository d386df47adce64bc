#!/usr/bin/env python3
"""Render screenshots of the operator console in demo mode into docs/screenshots/.

    python tools/make_screenshots.py [--out DIR] [--sizes 1366x768,1920x1080]

On Linux without a display it starts its own Xvfb (package ``xvfb``) and stops it afterwards;
with a display (and on Windows or macOS) it uses that one. Without either it falls back to
Qt's offscreen platform. The console runs in this process against the demo simulators, is
driven a little (a pan, a zoom, presets with thumbnails, a refused move that asks for a
take-over) and every picture is rendered with ``QWidget.grab()``, so nothing else on the
screen can appear in it. For each window size (the docks arranged as on a screen of that size),
in English and in Bahasa Indonesia:

    console-LANG[-WxH].png   the console (no suffix for the largest size)
    enlarged-LANG[-WxH].png  the enlarged preview of camera 2 over it (a double-click on its tile)

and once, in English at the largest size:

    multiview.png           the multiview of every camera (F11), one camera tallied on air
    hotkeys-cheatsheet.png  the hotkey cheat sheet over the console
    camera-health.png       the camera health table raised
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OUT = ROOT / "docs" / "screenshots"
MAX_BYTES = 400 * 1024
SCREEN = (1920, 1080)
SIZES = ((1366, 768), (1920, 1080))


# ---- display ----------------------------------------------------------------------------------
def start_display() -> subprocess.Popen | None:
    """Start Xvfb on a free display if this is Linux without one; returns it, or None."""
    if (
        sys.platform in ("win32", "darwin")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    ):
        return None
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        print("no display and no Xvfb: rendering with Qt's offscreen platform", file=sys.stderr)
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        return None
    read, write = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()  # Xvfb writes the display it chose once it is ready
    if not number:
        server.wait(5)
        raise SystemExit(f"Xvfb did not start (exit code {server.returncode})")
    os.environ["DISPLAY"] = f":{number}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    print(f"Xvfb on :{number}", file=sys.stderr)
    return server


# ---- the console --------------------------------------------------------------------------------
def render(out: Path, sizes: list[tuple[int, int]], max_bytes: int = MAX_BYTES) -> list[Path]:
    from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings, QSize, Qt, QTranslator
    from PySide6.QtGui import QColor, QImage, QPainter, QPen
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from app import check_wall, store_demo_layouts
    from devices.demo import start_demo_cameras
    from devices.obs.controller import ObsController
    from devices.obs.sim.server import start_demo_obs
    from devices.runtime import DeviceRuntime
    from devices.visca.controller import CameraController
    from devices.visca.profiles import get_profile
    from devices.visca.state import Link, Motion
    from devices.visca.url_check import check_camera
    from devices.wall.controller import WallController
    from devices.wall.sim.simulator import start_demo_wall
    from models.config.demo import DEMO_SCENES
    from models.config.store import demo_config
    from models.desk.hotkeys import HotkeyMap
    from ui.common.language import install_translator
    from ui.shell.console import Console
    from ui.shell.preview_sources import simulated_pictures

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName("Diskominfo Trenggalek")
    app.setApplicationName("Smart Centre Console")
    saved: list[Path] = []
    largest = max(sizes, key=lambda size: size[0] * size[1])

    def wait(seconds: float) -> None:
        QTest.qWait(round(seconds * 1000))

    def wait_until(condition: Callable[[], bool], what: str, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise SystemExit(f"timed out waiting for {what}")
            QTest.qWait(20)

    def name(base: str, language: str, size: tuple[int, int]) -> str:
        return f"{base}-{language}.png" if size == largest else f"{base}-{language}-{size[0]}x{size[1]}.png"

    def save(image: QImage, name: str) -> None:
        path = out / name
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
            if path.stat().st_size <= max_bytes or scale <= 0.5:
                break
            scale -= 0.05
        print(
            f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
            f"{picture.width()}×{picture.height()}, {path.stat().st_size // 1024} KB",
            file=sys.stderr,
        )
        saved.append(path)

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
        wait_until(
            lambda: all(b.state.link is Link.ONLINE for b in console.bridges.values()), "cameras online"
        )
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
        wait_until(
            lambda: window.size() == QSize(*size) or window.resize(QSize(*size)), f"the window at {size}"
        )
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

    def console_and_enlarged(console: Console, language: str, size: tuple[int, int]) -> None:
        window = console.window
        take_over_notice(console)
        save(window.grab().toImage(), name("console", language, size))
        window.enlarge("cam2")
        enlarged = window.enlarged
        wanted = enlarged.grid.picture_size()
        wait_until(lambda: console.previews.latest("cam2").height() >= wanted.height() - 1, "a large picture")
        wait(0.3)
        save(grab_with(console, enlarged), name("enlarged", language, size))
        enlarged.close()

    def english(console: Console) -> None:
        window = console.window
        window.toggle_multiview()  # the tally borders: the demo's simulated OBS Studios' program scenes
        wanted = window.multiview.grid.picture_size()
        wait_until(
            lambda: console.previews.latest("cam1").height() >= wanted.height() - 1, "multiview pictures"
        )
        wait(0.3)
        save(window.multiview.grab().toImage(), "multiview.png")
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
        save(grab_with(console, sheet), "hotkeys-cheatsheet.png")
        sheet.hide()
        window.docks["health"].raise_()
        wait(1.0)  # fresh previews and health numbers
        save(window.grab().toImage(), "camera-health.png")
        broadcast = console.broadcast.desk
        window.docks["broadcast"].raise_()
        wait_until(lambda: broadcast.state("obs-rapat").online, "OBS online")
        broadcast.command("obs-rapat", "start_stream")
        broadcast.cut("obs-rapat", "Gabungan")  # Kamera Panggung and Kamera Pendopo on air: their tally
        wait_until(lambda: broadcast.state("obs-rapat").streaming, "the stream live")
        wait(5.5)  # an uptime and a bitrate
        save(window.grab().toImage(), "broadcast.png")

    out.mkdir(parents=True, exist_ok=True)
    with (
        DeviceRuntime("devices") as runtime,
        DeviceRuntime("simulators") as simulators,
        tempfile.TemporaryDirectory(prefix="screenshots-") as data,
    ):
        demo = start_demo_cameras(simulators)
        obs_urls = {
            output: start_demo_obs(simulators, scenes=scenes).url for output, scenes in DEMO_SCENES.items()
        }
        wall = start_demo_wall(simulators)
        store_demo_layouts(simulators, wall.url)
        for language in ("en", "id"):
            install_translator(app, language)
            folder = Path(data) / language
            folder.mkdir()
            console = build(runtime, demo, wall.url, folder, obs_urls)
            try:
                stage(console)
                for size in sorted(sizes, key=lambda size: size[0] * size[1]):  # the largest last
                    fit(console, size)
                    console_and_enlarged(console, language, size)
                if language == "en":
                    english(console)  # the window is at the largest size now
            finally:
                console.shutdown()
                console.window.hide()
                for bridge in console.bridges.values():
                    bridge.controller.close().result(5)
                for translator in app.findChildren(QTranslator):
                    app.removeTranslator(translator)
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder for the PNGs (default {OUT})")
    parser.add_argument(
        "--sizes",
        default=",".join(f"{w}x{h}" for w, h in SIZES),
        help="window sizes, WIDTHxHEIGHT separated by commas "
        "(default %(default)s; the window's minimum size wins)",
    )
    parser.add_argument(
        "--max-kb",
        type=int,
        default=MAX_BYTES // 1024,
        help="scale a picture down until its PNG is at most this many KiB (default %(default)s)",
    )
    args = parser.parse_args(argv)
    try:
        sizes = [tuple(int(n) for n in size.lower().split("x")) for size in args.sizes.split(",")]
    except ValueError:
        parser.error(f"--sizes: expected sizes like 1366x768,1920x1080, not {args.sizes!r}")
    if any(len(size) != 2 or min(size) <= 0 for size in sizes):
        parser.error(f"--sizes: expected sizes like 1366x768,1920x1080, not {args.sizes!r}")
    server = start_display()
    try:
        render(args.out.resolve(), sizes, args.max_kb * 1024)
    finally:
        if server is not None:
            server.terminate()
            server.wait(5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
