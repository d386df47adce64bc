"""Scene cut → CurrentProgramSceneChanged: how long from the call until the new program scene is known.

Ours: ``ObsController.cut(scene)`` called from another thread (as the GUI does) until a listener on
the device thread gets the state with the new program scene. The floor: a bare simpleobsws client
on its own loop, ``SetCurrentProgramScene`` until its ``CurrentProgramSceneChanged`` callback runs.
Against the simulator and, where obs-studio, Xvfb and ffmpeg are installed, the real OBS Studio
(tests/support/obs_studio.py). Cuts alternate between two scenes, 5–35 ms apart.

python benchmarks/bench_obs_cut.py [--count 200]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import simpleobsws  # noqa: E402

from devices.obs.controller import ObsController  # noqa: E402
from devices.obs.state import ObsState  # noqa: E402
from devices.runtime import DeviceRuntime  # noqa: E402
from tests.support.obs_studio import RealObs, obs_missing  # noqa: E402
from tests.support.obs_target import ObsTarget, SimulatedObs  # noqa: E402

SCENES = ("Audience", "Screens")
GAP = (0.005, 0.035)


def ours(target: ObsTarget, count: int, rng: random.Random) -> list[float]:
    seen = threading.Condition()
    arrived: dict[str, float] = {}

    def listener(item: object) -> None:
        if isinstance(item, ObsState) and item.program_scene:
            with seen:
                arrived[item.program_scene] = time.perf_counter()
                seen.notify_all()

    latencies = []
    with DeviceRuntime("bench-obs") as runtime:
        obs = ObsController(runtime, target.url, environ=target.environ).start()
        obs.ready().result(30)
        obs.add_listener(listener)
        for k in range(count):
            scene = SCENES[k % 2]
            with seen:
                arrived.pop(scene, None)
            called = time.perf_counter()
            obs.cut(scene)
            with seen:
                seen.wait_for(lambda s=scene: s in arrived, 5)
                latencies.append(arrived[scene] - called)
            time.sleep(rng.uniform(*GAP))
    return latencies


async def floor(target: ObsTarget, count: int, rng: random.Random) -> list[float]:
    client = simpleobsws.WebSocketClient(f"ws://127.0.0.1:{target.port}", target.password)
    changed = asyncio.Event()

    async def on_change(_data: dict) -> None:
        changed.set()

    client.register_event_callback(on_change, "CurrentProgramSceneChanged")
    await client.connect()
    await client.wait_until_identified(10)
    await client.call(simpleobsws.Request("SetCurrentProgramScene", {"sceneName": "Podium"}))
    await asyncio.sleep(0.1)
    latencies = []
    for k in range(count):
        changed.clear()
        called = time.perf_counter()
        await client.call(simpleobsws.Request("SetCurrentProgramScene", {"sceneName": SCENES[k % 2]}))
        await asyncio.wait_for(changed.wait(), 5)
        latencies.append(time.perf_counter() - called)
        await asyncio.sleep(rng.uniform(*GAP))
    await client.disconnect()
    return latencies


def line(label: str, latencies: list[float]) -> str:
    ms = sorted(1000 * x for x in latencies)
    p99 = ms[min(len(ms) - 1, int(0.99 * len(ms)))]
    return f"| {label} | {len(ms)} | {statistics.median(ms):.2f} | {p99:.2f} | {ms[-1]:.2f} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(15)
    print("| target, client | cuts | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|")
    kinds: list[type[ObsTarget]] = [SimulatedObs] + ([RealObs] if obs_missing() is None else [])
    for kind in kinds:
        with tempfile.TemporaryDirectory() as folder, kind(Path(folder)) as target:
            print(line(f"{target.kind}, ObsController", ours(target, args.count, rng)), flush=True)
            print(
                line(f"{target.kind}, bare simpleobsws (floor)", asyncio.run(floor(target, args.count, rng)))
            )
    if obs_missing():
        print(f"real OBS not measured: {obs_missing()}")


if __name__ == "__main__":
    main()
