"""Previews from a real RTSP server: N cameras' 640×360 H.264 substreams at 30 fps in 320×180 tiles
(at PreviewHub's default tile rate).

The server is the one of the tests (tests/support/rtsp.py: clips encoded by ffmpeg, served by
GStreamer's RTSP server in its own process, so its CPU is not counted here). Each camera is its
own mount with its own RTP session, like separate cameras. The tiles' window tells the hub when it
is minimised through ViewWatcher, as the console's main window does, and the cameras are added
just before it shows (the console adds them while it builds the window, then shows it).
Measured, in the console's process:
  first picture  from the window's first show (its QWindow exposed) to the first frame on the
                 last tile; also from adding the cameras
  CPU cores      process CPU time / wall time while the tiles play
  longest stall  the GUI event loop's longest gap beyond a 5 ms precise timer (bench_preview.py)
  RSS            resident memory at the end (Linux: /proc/self/status)
``--enlarge`` also plays camera 1's 1080p30 main stream into a 1280×720 view, as the enlarged
preview does (PreviewHub switches that camera from its substream to its main stream).
``--decode`` is the console's ``[preview] decode`` (auto, software, hardware); the run says how
camera 1 was decoded (the health view's "Decoding").
``--minimise`` then minimises the window and measures CPU cores again for ``--seconds`` (after
MINIMISED_SETTLE s), frames delivered meanwhile (0 expected: paused) and RSS, then restores it and
times the first frame on every tile again. Minimising needs a window manager: run it under Xvfb
with openbox (the offscreen platform has none).
Issue #13 targets: 4 streams ≤ 0.3 core; 16 streams ≤ 1 core, longest stall < 16 ms, ≤ 350 MB;
minimised with 16 streams ≤ 0.1 core; first picture on every tile ≤ 2 s after the window shows.

    python benchmarks/bench_rtsp.py [--streams 4] [--seconds 15] [--enlarge] [--minimise] [--decode auto]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QObject, QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QGridLayout, QWidget  # noqa: E402

from benchmarks.bench_idle import thread_times  # noqa: E402
from benchmarks.bench_preview import TILE, StallProbe, Tile, measure, spin  # noqa: E402
from devices.video import DecodeMode, open_source  # noqa: E402
from tests.support.rtsp import MAIN_SIZE, SUB_SIZE, RtspServer, encode_clip, rtsp_tools_missing  # noqa: E402
from ui.preview.hub import PreviewHub  # noqa: E402
from ui.preview.views import TILES, ViewWatcher  # noqa: E402

ENLARGED = QSize(1280, 720)
FIRST_PICTURE_TIMEOUT = 20.0
MINIMISED_SETTLE = 2.0


class FirstExposure(QObject):
    """The moment a window is first exposed (shown on the screen)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.at: float | None = None
        window.winId()  # creates the QWindow before it shows
        window.windowHandle().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.at is None and event.type() == QEvent.Type.Expose and watched.isExposed():
            self.at = time.perf_counter()
        return False


def wait_for_pictures(tiles: list[Tile]) -> float:
    """Spin until every tile has had a frame since its count was reset; the time this took ends at
    perf_counter()."""
    deadline = time.perf_counter() + FIRST_PICTURE_TIMEOUT
    while any(tile.frames == 0 for tile in tiles) and time.perf_counter() < deadline:
        spin(0.005)
    return time.perf_counter()


def cores_over(seconds: float) -> tuple[float, float]:
    """Cores used by the whole process and by the GUI thread (Linux: /proc) while the event loop spins."""
    gui = f"{os.getpid()} "
    threads, wall, cpu = thread_times(os.getpid()), time.perf_counter(), time.process_time()
    spin(seconds)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    gui_cpu = sum(
        value - threads.get(key, 0.0)
        for key, value in thread_times(os.getpid()).items()
        if key.startswith(gui)
    )
    return cpu / wall, gui_cpu / wall


def rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def measure_minimised(window: QWidget, tiles: list[Tile], seconds: float) -> dict[str, float]:
    """Minimise, settle, measure; then restore and time the pictures' return."""
    window.showMinimized()
    deadline = time.perf_counter() + 5.0
    while not window.isMinimized() and time.perf_counter() < deadline:
        spin(0.01)
    if not window.isMinimized():
        raise SystemExit("the window did not minimise (no window manager? run under Xvfb with openbox)")
    spin(MINIMISED_SETTLE)
    for tile in tiles:
        tile.frames = 0
    cores, gui = cores_over(seconds)
    frames = sum(tile.frames for tile in tiles)
    memory = rss_mb() or 0.0
    for tile in tiles:
        tile.frames = 0
    restoring = time.perf_counter()
    window.showNormal()
    restored = wait_for_pictures(tiles) - restoring
    return {"cores": cores, "gui": gui, "frames": frames, "rss": memory, "restored": restored}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--streams", type=int, default=4, help="number of cameras")
    parser.add_argument("--seconds", type=float, default=15.0, help="measuring time")
    parser.add_argument(
        "--enlarge", action="store_true", help="camera 1 also shown enlarged (its main stream)"
    )
    parser.add_argument("--minimise", action="store_true", help="then minimise the window and measure again")
    parser.add_argument(
        "--decode",
        choices=[mode.value for mode in DecodeMode],
        default="auto",
        help="hardware or software decoding, as [preview] decode",
    )
    args = parser.parse_args()
    missing = rtsp_tools_missing()
    if missing:
        print(missing, file=sys.stderr)
        return 2
    _app = QApplication.instance() or QApplication(sys.argv)  # held while the widgets live
    window = QWidget()
    grid = QGridLayout(window)
    tiles = [Tile() for _ in range(args.streams)]
    columns = max(1, round(args.streams**0.5))
    for n, tile in enumerate(tiles):
        grid.addWidget(tile, n // columns, n % columns)
    exposure = FirstExposure(window)
    minimised: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="bench-rtsp-") as folder:
        sub = encode_clip(Path(folder) / "sub.h264", SUB_SIZE, seconds=4)
        main_clip = encode_clip(Path(folder) / "main.h264", MAIN_SIZE, seconds=4)
        mounts = {f"/cam{n}/sub": sub for n in range(1, args.streams + 1)}
        mounts["/cam1/main"] = main_clip
        with RtspServer(mounts) as server:
            hub = PreviewHub()
            ViewWatcher(window, hub, TILES)
            by_camera = {f"cam{n}": tile for n, tile in enumerate(tiles, 1)}
            hub.frameReady.connect(lambda camera_id, image: by_camera[camera_id].show_image(image))
            decoded: dict[str, str] = {}
            hub.decodingChanged.connect(lambda camera_id, how: decoded.__setitem__(camera_id, how))
            decode = DecodeMode(args.decode)
            started = time.perf_counter()
            for camera_id in by_camera:
                main_stream = (
                    open_source(server.url(f"/{camera_id}/main"), decode=decode)
                    if camera_id == "cam1"
                    else None
                )
                hub.add(
                    camera_id,
                    open_source(server.url(f"/{camera_id}/sub"), decode=decode),
                    TILE,
                    main_stream=main_stream,
                )
            window.show()
            last_picture = wait_for_pictures(tiles)
            if args.enlarge:
                hub.set_size("cam1", ENLARGED, "enlarged")
            probe = StallProbe()
            try:
                result = measure("rtsp", tiles, probe, args.seconds)
                memory = rss_mb()
                if args.minimise:
                    minimised = measure_minimised(window, tiles, args.seconds)
            finally:
                hub.stop()
    shown = "; camera 1 enlarged (1080p30 main stream into 1280×720)" if args.enlarge else ""
    platform = QApplication.platformName() + (
        f" DISPLAY={os.environ.get('DISPLAY')}" if os.environ.get("DISPLAY") else ""
    )
    print(
        f"nproc {os.cpu_count()}, {platform}: {args.streams} × {SUB_SIZE[0]}×{SUB_SIZE[1]} "
        f"H.264 30 fps over RTSP "
        f"into {TILE.width()}×{TILE.height()} tiles{shown}, {args.seconds:g} s"
    )
    late = [n for n, tile in enumerate(tiles, 1) if tile.frames == 0]
    from_window = "n/a" if exposure.at is None else f"{last_picture - exposure.at:.2f} s"
    print(
        f"| first picture on every tile, from the window's first show | {from_window}"
        + (f" (cameras {late} never)" if late else "")
        + f" |\n| first picture on every tile, from adding the cameras | {last_picture - started:.2f} s |"
        f"\n| CPU cores | {result.cores:.2f} |\n| longest stall | {result.longest_stall * 1000:.1f} ms |"
        f"\n| p99 stall | {result.p99_stall * 1000:.1f} ms |"
        f"\n| frames/s per tile | {min(result.fps_per_tile):.1f}–{max(result.fps_per_tile):.1f} |"
        f"\n| RSS | {'n/a' if memory is None else f'{memory:.0f} MB'} |"
        f"\n| decoding (camera 1, --decode {args.decode}) | {decoded.get('cam1', 'not said')} |"
    )
    if minimised:
        print(
            f"| minimised: CPU cores | {minimised['cores']:.3f} (GUI thread {minimised['gui']:.3f}) |"
            f"\n| minimised: frames delivered | "
            f"{minimised['frames']:.0f} |\n| minimised: RSS | {minimised['rss']:.0f} MB |"
            f"\n| restored: first picture on every tile | {minimised['restored']:.2f} s |"
        )
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
