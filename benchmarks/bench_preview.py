"""Live previews: four 1280×720 25 fps MJPEG streams shown in four 320×180 tiles.

Three ways, one after the other in the same run:
  hub          PreviewHub: decode in worker threads, JPEG decoded at reduced size (1/4 here)
  hub-full     PreviewHub with reduced decoding off: full decode + INTER_AREA resize in workers
  naive        a 25 Hz QTimer on the GUI thread reads every VideoCapture, converts the full
               frame to a QImage and scales it with Qt (SmoothTransformation)

The sources are looping .avi files generated first (a camera-like pan over the bundled panorama
plus a moving ball and a frame counter), played at their own 25 fps. ``--codec mp4v`` makes
MPEG-4 clips instead, which cannot be decoded at reduced size (like H.264 from RTSP cameras);
``--streams`` changes the number of cameras.
Targets (issue 3): the GUI event loop's longest stall under 20 ms, under one CPU core in total.
Stall = gap between two runs of a 5 ms precise QTimer beyond its 5 ms interval.

    python benchmarks/bench_preview.py [--seconds 20] [--streams 4] [--codec mjpg|mp4v]
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
from PySide6.QtCore import QEventLoop, QSize, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication, QGridLayout, QWidget  # noqa: E402

from devices.video import OpenCvSource  # noqa: E402
from devices.video.synthetic import DEFAULT_PANORAMA  # noqa: E402
from ui.preview.hub import PreviewHub  # noqa: E402

WIDTH, HEIGHT, FPS, CLIP_SECONDS = 1280, 720, 25, 10
FOURCC = {"mjpg": "MJPG", "mp4v": "FMP4"}  # FMP4: the tag FFmpeg writes MPEG-4 Part 2 under in .avi
TILE = QSize(320, 180)
PROBE_MS = 5
WARM_UP_S = 2.0


class Tile(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setFixedSize(TILE)
        self.image = QImage()
        self.frames = 0
        self.paints = 0

    def show_image(self, image: QImage) -> None:
        self.image = image
        self.frames += 1
        self.update()

    def paintEvent(self, _event) -> None:
        self.paints += 1
        painter = QPainter(self)
        painter.fillRect(self.rect(), Qt.GlobalColor.black)
        if not self.image.isNull():
            painter.drawImage(0, 0, self.image)
        painter.end()


class StallProbe:
    """A precise 5 ms timer on the GUI thread; records how late each run is."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(PROBE_MS)
        self.timer.timeout.connect(self._tick)
        self.stalls: list[float] = []
        self._last = 0.0

    def start(self) -> None:
        self.stalls.clear()
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.stalls.append(max(0.0, now - self._last - PROBE_MS / 1000))
        self._last = now


@dataclass
class Result:
    name: str
    longest_stall: float
    p99_stall: float
    cores: float
    fps_per_tile: list[float]


def make_clips(folder: Path, streams: int, codec: str) -> list[Path]:
    panorama = cv2.imread(str(DEFAULT_PANORAMA))
    panorama = cv2.resize(
        panorama, (panorama.shape[1] * HEIGHT // panorama.shape[0], HEIGHT), interpolation=cv2.INTER_AREA
    )
    frames = FPS * CLIP_SECONDS
    clips = []
    for stream in range(streams):
        path = folder / f"camera{stream + 1}.avi"
        writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*FOURCC[codec]), FPS, (WIDTH, HEIGHT))
        span = panorama.shape[1] - WIDTH
        for n in range(frames):
            phase = (n / frames + stream / streams) % 1.0
            left = round(span * (0.5 - 0.5 * math.cos(2 * math.pi * phase)))
            frame = panorama[:, left : left + WIDTH].copy()
            ball = (round(WIDTH * (0.1 + 0.8 * (n % FPS) / FPS)), HEIGHT // 4 + stream * 40 % (HEIGHT // 2))
            cv2.circle(frame, ball, 40, (0, 200, 255), -1, cv2.LINE_AA)
            cv2.putText(
                frame,
                f"CAM {stream + 1}  frame {n:04d}",
                (40, HEIGHT - 40),
                cv2.FONT_HERSHEY_SIMPLEX,
                1.5,
                (255, 255, 255),
                3,
                cv2.LINE_AA,
            )
            writer.write(frame)
        writer.release()
        clips.append(path)
    return clips


def spin(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def measure(name: str, tiles: list[Tile], probe: StallProbe, seconds: float) -> Result:
    spin(WARM_UP_S)
    for tile in tiles:
        tile.frames = 0
    probe.start()
    wall, cpu = time.perf_counter(), time.process_time()
    spin(seconds)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    probe.stop()
    stalls = sorted(probe.stalls)
    p99 = stalls[min(len(stalls) - 1, math.ceil(0.99 * len(stalls)) - 1)]
    return Result(name, stalls[-1], p99, cpu / wall, [tile.frames / wall for tile in tiles])


def run_hub(
    name: str, clips: list[Path], tiles: list[Tile], probe: StallProbe, seconds: float, reduced_decode: bool
) -> Result:
    hub = PreviewHub(max_fps=FPS, tile_fps=FPS)
    by_camera = {f"cam{n}": tile for n, tile in enumerate(tiles)}
    hub.frameReady.connect(lambda camera_id, image: by_camera[camera_id].show_image(image))
    for (camera_id, _tile), clip in zip(by_camera.items(), clips, strict=True):
        hub.add(camera_id, OpenCvSource(str(clip), reduced_decode=reduced_decode), TILE)
    try:
        return measure(name, tiles, probe, seconds)
    finally:
        hub.stop()


def run_naive(clips: list[Path], tiles: list[Tile], probe: StallProbe, seconds: float) -> Result:
    captures = [cv2.VideoCapture(str(clip)) for clip in clips]

    def tick() -> None:
        for capture, tile in zip(captures, tiles, strict=True):
            ok, frame = capture.read()
            if not ok:
                capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
                ok, frame = capture.read()
            rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
            image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888)
            tile.show_image(
                image.scaled(
                    TILE, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(tick)
    timer.start(1000 // FPS)
    try:
        return measure("naive", tiles, probe, seconds)
    finally:
        timer.stop()
        for capture in captures:
            capture.release()


def print_table(results: list[Result], seconds: float, streams: int, codec: str) -> None:
    rows = [
        [
            "approach",
            "longest stall ms",
            "p99 stall ms",
            "CPU cores",
            "frames/s per tile (min–max)",
            "stall < 20 ms",
            "< 1 core",
        ]
    ]
    for r in results:
        rows.append(
            [
                r.name,
                f"{r.longest_stall * 1000:.1f}",
                f"{r.p99_stall * 1000:.1f}",
                f"{r.cores:.2f}",
                f"{min(r.fps_per_tile):.1f}–{max(r.fps_per_tile):.1f}",
                "yes" if r.longest_stall < 0.020 else "NO",
                "yes" if r.cores < 1.0 else "NO",
            ]
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print(
        f"\n{streams} × {WIDTH}×{HEIGHT} {codec.upper()} at {FPS} fps "
        f"into {TILE.width()}×{TILE.height()} tiles, "
        f"{seconds:g} s each (after {WARM_UP_S:g} s warm-up)"
    )
    for n, row in enumerate(rows):
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=20.0, help="measuring time per approach")
    parser.add_argument("--streams", type=int, default=4, help="number of cameras")
    parser.add_argument("--codec", choices=tuple(FOURCC), default="mjpg", help="codec of the generated clips")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    window = QWidget()
    grid = QGridLayout(window)
    tiles = [Tile() for _ in range(args.streams)]
    for n, tile in enumerate(tiles):
        grid.addWidget(tile, n // 2, n % 2)
    window.show()
    probe = StallProbe()
    print(
        f"nproc {os.cpu_count()}, Python {sys.version.split()[0]}, OpenCV {cv2.__version__}, "
        f"Qt platform {app.platformName()}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-preview-") as folder:
        started = time.perf_counter()
        clips = make_clips(Path(folder), args.streams, args.codec)
        frame_kb = sum(clip.stat().st_size for clip in clips) / (args.streams * FPS * CLIP_SECONDS) / 1024
        print(
            f"generated {args.streams} clips of {CLIP_SECONDS} s in {time.perf_counter() - started:.1f} s, "
            f"{frame_kb:.0f} KB per frame on average"
        )
        runs: list[Callable[[], Result]] = [
            lambda: run_hub("hub", clips, tiles, probe, args.seconds, reduced_decode=True),
            lambda: run_hub("hub-full", clips, tiles, probe, args.seconds, reduced_decode=False),
            lambda: run_naive(clips, tiles, probe, args.seconds),
        ]
        results = []
        for run in runs:
            results.append(run())
            print(f"  {results[-1].name}: done; tiles painted {sum(t.paints for t in tiles)} times so far")
    print_table(results, args.seconds, args.streams, args.codec)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
