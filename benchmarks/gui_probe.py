"""What the console-level benchmarks share: the demo console offscreen in this process and its GUI
thread's event loop (the stall probe is stall_probe.py). The console runs as app.py runs it: the
garbage collector on the GUI thread only, the start-up objects frozen out of its full passes once the
window is shown.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
import tempfile
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
