"""What OBS outputs cost the console (issue 15): GUI stall and CPU with 0 and N outputs on air.

    python benchmarks/bench_broadcast.py [--outputs 4] [--seconds 20] [--settle 3] [--stalls N]
                                         [--obs-in-process]

The demo's console (four simulated cameras with synthetic pictures, the Broadcast dock) runs
offscreen in this process; each output is an ``ObsController`` on the console's device thread,
connected to a simulated OBS Studio that streams, in a process of its own as OBS is on the operator's
PC (``--obs-in-process``: on a runtime in this process, as until 2026-12-06, sharing its GIL).
Measured over ``--seconds``: the GUI thread's stall (how late a 1 ms timer fires: max and p99)
and the CPU time of the GUI thread and of the device thread (/proc/self/task, Linux only), once
without outputs and once with ``--outputs`` streaming; the difference is what the outputs cost.
The beats are ``benchmarks/stall_probe.py``'s: "over 5 ms" counts the late ones, "most CPU in one
stall" is the GUI thread's own CPU time in its busiest stall (a stall with little of it was the
machine's, the thread waiting for a CPU), and ``--stalls N`` prints the N longest with what ran.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.bench_idle import thread_times  # noqa: E402
from benchmarks.gui_probe import demo_console, spin  # noqa: E402
from benchmarks.stall_probe import StallProbe  # noqa: E402
from devices.obs.controller import ObsController  # noqa: E402
from devices.obs.sim.server import start_demo_obs  # noqa: E402
from models.config.schema import BroadcastConfig  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@contextlib.contextmanager
def studios_apart(count: int, folder: Path) -> Iterator[list[str]]:
    """``count`` simulated OBS Studios, each a process of its own (``app.py simulate obs``), as OBS is
    on the operator's PC: their work does not share this process's GIL. Yields their URLs."""
    command = [sys.executable, str(ROOT / "app.py"), "simulate", "obs", "--listen", "ws://127.0.0.1:0"]
    processes = [
        subprocess.Popen([*command, "--record-dir", str(folder)], stdout=subprocess.PIPE, text=True)
        for _ in range(count)
    ]
    try:
        yield [process.stdout.readline().rsplit(" ", 1)[-1].strip() for process in processes]  # type: ignore[union-attr]
    finally:
        for process in processes:
            process.terminate()
            process.wait(10)


def measure(
    outputs: int, seconds: float, settle: float, report: int = 0, in_process: bool = False
) -> dict[str, float]:
    def with_studios(config, sims, folder):
        if in_process:
            urls = [start_demo_obs(sims, folder).url for _ in range(outputs)]
        else:
            urls = stack.enter_context(studios_apart(outputs, folder))
        broadcast = tuple(BroadcastConfig(f"obs{n}", f"OBS {n}", url) for n, url in enumerate(urls, 1))
        return dataclasses.replace(config, broadcast=broadcast)

    def streaming(config, devices):
        obs = {o.id: ObsController(devices, o.url, o.name).start() for o in config.broadcast}
        for output in obs.values():
            output.ready().result(5)
            output.start_stream().result(10)
        return {"obs": obs}

    with contextlib.ExitStack() as stack, demo_console(with_studios, started=streaming):
        spin(settle)
        probe = StallProbe()
        device_thread = next(t for t in threading.enumerate() if t.name == "devices")
        before = thread_times(os.getpid())
        started = time.monotonic()
        probe.start()
        spin(seconds)
        probe.stop()
        wall = time.monotonic() - started
        after = thread_times(os.getpid())
    if report:
        print(probe.report(report))

    def cores(thread: str) -> float:
        """``thread``: a thread's id or name (the GUI thread's id is the process id)."""
        keys = [key for key in after if thread in key.split(" ", 1)]
        return sum(after[key] - before.get(key, after[key]) for key in keys) / wall

    return {
        "gui_cores": cores(str(os.getpid())),
        "device_cores": cores(str(device_thread.native_id)),
        "stall_max_ms": probe.max_ms(),
        "stall_p99_ms": probe.p99_ms(),
        "over_5ms": probe.over_ms(5),
        "busiest_ms": probe.busiest_ms(),
        "load": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--outputs", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument("--stalls", type=int, default=0, help="print the N longest stalls and what ran")
    parser.add_argument(
        "--obs-in-process",
        action="store_true",
        help="run the simulated OBS Studios in this process (their work then shares its GIL)",
    )
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive for the runs
    print(f"{args.seconds:.0f} s each; GUI stall = how late a 1 ms timer fired")
    print(
        "outputs on air | GUI thread cores | device thread cores | GUI stall p99 ms | max ms | over 5 ms"
        " | most CPU in one stall ms | load"
    )
    for outputs in (0, args.outputs):
        result = measure(outputs, args.seconds, args.settle, args.stalls, args.obs_in_process)
        print(
            f"{outputs:14d} | {result['gui_cores']:16.3f} | {result['device_cores']:19.3f} | "
            f"{result['stall_p99_ms']:16.2f} | {result['stall_max_ms']:6.2f} | {result['over_5ms']:9d} | "
            f"{result['busiest_ms']:25.2f} | {result['load']:.2f}"
        )


if __name__ == "__main__":
    main()
