"""Previews from a real RTSP server: N cameras' 640×360 H.264 substreams at 30 fps in 320×180 tiles
(at PreviewHub's default tile rate).

The server is the one of the tests (tests/video/rtsp.py: clips encoded by ffmpeg, served by
GStreamer's RTSP server in its own process, so its CPU is not counted here). Each camera is its
own mount with its own RTP session, like separate cameras. Measured, in the console's process:
  first picture  from adding the cameras to the first frame on the last tile
  CPU cores      process CPU time / wall time while the tiles play
  longest stall  the GUI event loop's longest gap beyond a 5 ms precise timer (bench_preview.py)
  RSS            resident memory at the end (Linux: /proc/self/status)
``--enlarge`` also plays camera 1's 1080p30 main stream into a 1280×720 view, as the enlarged
preview does (PreviewHub switches that camera from its substream to its main stream).
Issue #13 targets: 4 streams ≤ 0.3 core; 16 streams ≤ 1 core, longest stall < 16 ms, ≤ 350 MB;
first picture on every tile ≤ 2 s.

    python benchmarks/bench_rtsp.py [--streams 4] [--seconds 15] [--enlarge]
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

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QGridLayout, QWidget  # noqa: E402

from benchmarks.bench_preview import TILE, StallProbe, Tile, measure, spin  # noqa: E402
from tests.video.rtsp import MAIN_SIZE, SUB_SIZE, RtspServer, encode_clip, rtsp_tools_missing  # noqa: E402
from ui.preview import PreviewHub  # noqa: E402

ENLARGED = QSize(1280, 720)
FIRST_PICTURE_TIMEOUT = 20.0


def rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--streams", type=int, default=4, help="number of cameras")
    parser.add_argument("--seconds", type=float, default=15.0, help="measuring time")
    parser.add_argument("--enlarge", action="store_true", help="camera 1 also shown enlarged (its main stream)")
    args = parser.parse_args()
    missing = rtsp_tools_missing()
    if missing:
        print(missing, file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv)
    window = QWidget()
    grid = QGridLayout(window)
    tiles = [Tile() for _ in range(args.streams)]
    columns = max(1, round(args.streams ** 0.5))
    for n, tile in enumerate(tiles):
        grid.addWidget(tile, n // columns, n % columns)
    window.show()
    with tempfile.TemporaryDirectory(prefix="bench-rtsp-") as folder:
        sub = encode_clip(Path(folder) / "sub.h264", SUB_SIZE, seconds=4)
        main_clip = encode_clip(Path(folder) / "main.h264", MAIN_SIZE, seconds=4)
        mounts = {f"/cam{n}/sub": sub for n in range(1, args.streams + 1)}
        mounts["/cam1/main"] = main_clip
        with RtspServer(mounts) as server:
            hub = PreviewHub()
            by_camera = {f"cam{n}": tile for n, tile in enumerate(tiles, 1)}
            hub.frameReady.connect(lambda camera_id, image: by_camera[camera_id].show_image(image))
            started = time.perf_counter()
            for camera_id in by_camera:
                main_stream = server.url(f"/{camera_id}/main") if camera_id == "cam1" else None
                hub.add(camera_id, server.url(f"/{camera_id}/sub"), TILE, main_stream=main_stream)
            deadline = started + FIRST_PICTURE_TIMEOUT
            while any(tile.frames == 0 for tile in tiles) and time.perf_counter() < deadline:
                spin(0.01)
            first_picture = time.perf_counter() - started
            if args.enlarge:
                hub.set_size("cam1", ENLARGED, "enlarged")
            probe = StallProbe()
            try:
                result = measure("rtsp", tiles, probe, args.seconds)
            finally:
                hub.stop()
            memory = rss_mb()
    shown = "; camera 1 enlarged (1080p30 main stream into 1280×720)" if args.enlarge else ""
    print(f"nproc {os.cpu_count()}: {args.streams} × {SUB_SIZE[0]}×{SUB_SIZE[1]} H.264 30 fps over RTSP "
          f"into {TILE.width()}×{TILE.height()} tiles{shown}, {args.seconds:g} s")
    late = [n for n, tile in enumerate(tiles, 1) if tile.frames == 0]
    print(f"| first picture on every tile | {first_picture:.2f} s" + (f" (cameras {late} never)" if late else "")
          + f" |\n| CPU cores | {result.cores:.2f} |\n| longest stall | {result.longest_stall * 1000:.1f} ms |"
          f"\n| p99 stall | {result.p99_stall * 1000:.1f} ms |"
          f"\n| frames/s per tile | {min(result.fps_per_tile):.1f}–{max(result.fps_per_tile):.1f} |"
          f"\n| RSS | {'n/a' if memory is None else f'{memory:.0f} MB'} |")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
