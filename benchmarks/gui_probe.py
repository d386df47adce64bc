"""What the console-level benchmarks share: the demo console offscreen in this process, its GUI thread's
event loop, and the stall probe (issue 15's, bench_broadcast.py, now used by bench_stick_console.py).
The console runs as app.py runs it: the garbage collector on the GUI thread only, the start-up objects
frozen out of its full passes once the window is shown.

GUI stall = how late a 1 ms QTimer fires on the GUI thread: each run's gap beyond 1 ms. With
``profile=True`` a sampler thread also records the GUI thread's Python stack every ~0.5 ms, so the
longest stalls can say what ran during them (``StallProbe.culprits``).
"""

from __future__ import annotations

import collections
import contextlib
import gc
import os
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from devices.demo import start_demo_cameras  # noqa: E402
from devices.runtime import DeviceRuntime  # noqa: E402
from devices.visca.controller import CameraController  # noqa: E402
from devices.visca.url_check import check_camera  # noqa: E402
from models.config.demo import demo_config  # noqa: E402
from models.desk.hotkeys import HotkeyMap  # noqa: E402
from ui.shell.console import Console  # noqa: E402
from ui.shell.garbage_collector import collect_garbage_on_gui_thread  # noqa: E402

ROOT = str(Path(__file__).resolve().parents[1])


def spin(seconds: float) -> None:
    """Run the GUI thread's event loop for ``seconds``, as the console's own loop runs."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


@contextlib.contextmanager
def demo_console(
    config_change=None, *, started=None, **options: Any
) -> Iterator[tuple[Console, list[Any], Path]]:
    """The demo's console (four simulated cameras with synthetic pictures) shown offscreen:
    (console, the demo cameras, its data folder). ``config_change(config, sims, folder)`` returns the
    configuration to use; ``started(config, devices)`` returns more ``Console`` keyword arguments;
    ``options``: more still (``joystick=``)."""
    with (
        tempfile.TemporaryDirectory() as name,
        DeviceRuntime("sims") as sims,
        DeviceRuntime("devices") as devices,
    ):
        folder = Path(name)
        cameras = start_demo_cameras(sims)
        config = demo_config([c.url for c in cameras], check_camera)
        if config_change is not None:
            config = config_change(config, sims, folder)
        controllers = {c.id: CameraController(devices, c.url, c.name).start() for c in config.cameras}
        console = Console(
            config,
            controllers,
            data_folder=folder,
            settings=QSettings(str(folder / "console.ini"), QSettings.Format.IniFormat),
            hotkeys=HotkeyMap.defaults(),
            **(started(config, devices) if started is not None else {}),
            **options,
        )
        collect_garbage_on_gui_thread(QApplication.instance())  # for the rest of the process, as app.py
        console.show()
        gc.freeze()
        try:
            yield console, cameras, folder
        finally:
            console.window.close()
            console.shutdown()
            gc.unfreeze()


class StallProbe:
    """A 1 ms timer on the GUI thread; ``lateness``: how late each run was (seconds)."""

    def __init__(self, profile: bool = False) -> None:
        self.lateness: list[float] = []
        self.ends: list[float] = []  # perf_counter of each run: a stall is (end − lateness − 1 ms, end)
        self._timer = QTimer(interval=1)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._gui = threading.get_ident()
        self._samples: list[tuple[float, tuple[str, ...]]] = []
        self._sampling = threading.Event()
        self._profile = profile

    def start(self) -> None:
        self.lateness.clear()
        self.ends.clear()
        self._last = time.perf_counter()
        self._timer.start()
        if self._profile:
            self._sampling.set()
            threading.Thread(target=self._sample, name="stall-sampler", daemon=True).start()

    def stop(self) -> None:
        self._timer.stop()
        self._sampling.clear()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.lateness.append(now - self._last - 0.001)
        self.ends.append(now)
        self._last = now

    def max_ms(self) -> float:
        return max(self.lateness) * 1000

    def p99_ms(self) -> float:
        ordered = sorted(self.lateness)
        return ordered[int(len(ordered) * 0.99)] * 1000

    def _sample(self) -> None:
        while self._sampling.is_set():
            frame = sys._current_frames().get(self._gui)
            stack = []
            while frame is not None:
                code = frame.f_code
                stack.append(f"{code.co_filename.replace(ROOT + '/', '')}:{frame.f_lineno} {code.co_name}")
                frame = frame.f_back
            self._samples.append((time.perf_counter(), tuple(stack)))
            time.sleep(0.0005)

    def culprits(self, stalls: int = 5, frames: int = 6) -> list[str]:
        """The longest ``stalls``, each with the GUI thread's most seen stacks meanwhile (innermost first)."""
        lines = []
        worst = sorted(range(len(self.lateness)), key=self.lateness.__getitem__, reverse=True)[:stalls]
        for run in worst:
            end, late = self.ends[run], self.lateness[run]
            began = end - late - 0.001
            seen = collections.Counter(stack[:frames] for at, stack in self._samples if began <= at <= end)
            lines.append(f"stall {late * 1000:.1f} ms, {sum(seen.values())} samples:")
            for stack, count in seen.most_common(3):
                lines.append(f"  {count:3d}× " + (" ← ".join(stack) or "(no Python frame)"))
        return lines
