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
    broadcast.png           the Broadcast dock raised, the meeting's stream live

The walk's steps are in tools/screenshot_walk.py; this script chooses the display and drives them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
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


# ---- the console (its walk: screenshot_walk.py) ---------------------------------------------------
def render(out: Path, sizes: list[tuple[int, int]], max_bytes: int = MAX_BYTES) -> list[Path]:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication
    from screenshot_walk import Shots, build, console_and_enlarged, english, fit, stage

    from app import store_demo_layouts
    from devices.demo import start_demo_cameras
    from devices.obs.sim.server import start_demo_obs
    from devices.runtime import DeviceRuntime
    from devices.wall.sim.simulator import start_demo_wall
    from models.config.demo import DEMO_SCENES
    from ui.common.language import install_translator

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName("Diskominfo Trenggalek")
    app.setApplicationName("Smart Centre Console")
    shots = Shots(out, sizes, max_bytes)
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
                    console_and_enlarged(console, shots, language, size)
                if language == "en":
                    english(console, shots)  # the window is at the largest size now
            finally:
                console.shutdown()
                console.window.hide()
                for bridge in console.bridges.values():
                    bridge.controller.close().result(5)
                for translator in app.findChildren(QTranslator):
                    app.removeTranslator(translator)
    return shots.saved


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
