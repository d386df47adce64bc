"""Tally end to end (issue 15): a scene cut made in OBS → the camera tile's border changed in the console.

    python benchmarks/bench_tally.py [--count 100]

The console (four simulated cameras, one OBS output) runs offscreen in this process; camera 1 shows
OBS's "Audience" scene's source, camera 2 the "Screens" one. Another client (a bare simpleobsws one,
on a thread and loop of its own, as a vision mixer or OBS's own window would be) cuts between the two
scenes; the time is from its ``SetCurrentProgramScene`` call until, on the GUI thread, the camera list
model gives the tile of the scene's camera the PROGRAM tally (what the tile paints as its red border).
Against the simulator and, where obs-studio, Xvfb and ffmpeg are installed, the real OBS Studio.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import simpleobsws  # noqa: E402
from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.bench_obs_cut import line  # noqa: E402
from devices.demo import start_demo_cameras  # noqa: E402
from devices.obs.controller import ObsController  # noqa: E402
from devices.runtime import DeviceRuntime  # noqa: E402
from devices.visca.controller import CameraController  # noqa: E402
from devices.visca.url_check import check_camera  # noqa: E402
from models.config.demo import demo_config  # noqa: E402
from models.config.schema import BroadcastConfig  # noqa: E402
from models.desk.hotkeys import HotkeyMap  # noqa: E402
from tests.support.obs_studio import RealObs, obs_missing  # noqa: E402
from tests.support.obs_target import ObsTarget, SimulatedObs  # noqa: E402
from ui.desk.camera_model import Role, Tally  # noqa: E402
from ui.shell.console import Console  # noqa: E402

CAMERA_OF = {"Audience": "cam1", "Screens": "cam2"}
GAP = (0.1, 0.3)  # seconds between cuts


def cutter(
    target: ObsTarget, count: int, shown: dict[str, float], arrived: threading.Condition
) -> list[float]:
    """Cuts ``count`` times on a loop of its own; each latency: the call until the GUI saw the tally."""

    async def run() -> list[float]:
        client = simpleobsws.WebSocketClient(f"ws://127.0.0.1:{target.port}", target.password)
        await client.connect()
        await client.wait_until_identified(10)
        rng, latencies = random.Random(15), []
        for k in range(count):
            scene = list(CAMERA_OF)[k % 2]
            with arrived:
                shown.pop(CAMERA_OF[scene], None)
            called = time.perf_counter()
            await client.call(simpleobsws.Request("SetCurrentProgramScene", {"sceneName": scene}))
            with arrived:
                if not arrived.wait_for(lambda s=scene: CAMERA_OF[s] in shown, 5):
                    raise SystemExit(f"the tally of {CAMERA_OF[scene]} did not follow the cut to {scene}")
                latencies.append(shown[CAMERA_OF[scene]] - called)
            await asyncio.sleep(rng.uniform(*GAP))
        await client.disconnect()
        return latencies

    return asyncio.run(run())


def measure(target: ObsTarget, count: int) -> list[float]:
    with (
        tempfile.TemporaryDirectory() as folder,
        DeviceRuntime("sims") as sims,
        DeviceRuntime("devices") as devices,
    ):
        config = demo_config([c.url for c in start_demo_cameras(sims)], check_camera)
        source_of = {camera: target.sources[scene] for scene, camera in CAMERA_OF.items()}
        cameras = tuple(
            dataclasses.replace(c, obs_source=source_of.get(c.id), tally_lamp=False) for c in config.cameras
        )
        output = BroadcastConfig("studio", "OBS", target.url)
        config = dataclasses.replace(config, cameras=cameras, broadcast=(output,))
        controllers = {c.id: CameraController(devices, c.url, c.name).start() for c in config.cameras}
        obs = ObsController(devices, output.url, output.name, environ=target.environ).start()
        obs.ready().result(30)
        console = Console(
            config,
            controllers,
            data_folder=Path(folder),
            settings=QSettings(str(Path(folder) / "console.ini"), QSettings.Format.IniFormat),
            hotkeys=HotkeyMap.defaults(),
            obs={output.id: obs},
        )
        console.show()
        shown: dict[str, float] = {}
        arrived = threading.Condition()
        model = console.cameras

        def changed(top, bottom, roles=()) -> None:  # GUI thread
            now = time.perf_counter()
            for row in range(top.row(), bottom.row() + 1):
                index = model.index(row, 0)
                if index.data(Role.TALLY) is Tally.PROGRAM:
                    with arrived:
                        shown.setdefault(index.data(Role.CAMERA_ID), now)
                        arrived.notify_all()

        model.dataChanged.connect(changed)
        result: list[list[float]] = []
        worker = threading.Thread(target=lambda: result.append(cutter(target, count, shown, arrived)))
        worker.start()
        loop = QEventLoop()
        poll = QTimer(interval=50)
        poll.timeout.connect(lambda: worker.is_alive() or loop.quit())
        poll.start()
        loop.exec()
        worker.join()
        console.window.close()
        console.shutdown()
    if not result:
        raise SystemExit("the cutting client failed")
    return result[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive for the runs
    print(f"load average {os.getloadavg()[0]:.2f}")
    print("| target | cuts | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|")
    kinds: list[type[ObsTarget]] = [SimulatedObs] + ([RealObs] if obs_missing() is None else [])
    for kind in kinds:
        with tempfile.TemporaryDirectory() as folder, kind(Path(folder)) as target:
            print(line(f"{target.kind}: cut → tile tally", measure(target, args.count)), flush=True)
    if obs_missing():
        print(f"real OBS not measured: {obs_missing()}")
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
