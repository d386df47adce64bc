"""A 120 Hz stick at the console (issue 16): the GUI thread's stall, and the packets on the wire.

    python benchmarks/bench_stick_console.py [--seconds 20] [--settle 3] [--stalls N]

The demo's console offscreen in this process (gui_probe.demo_console: four simulated cameras with
synthetic pictures) with the joystick poller at 120 Hz; SDL's virtual gamepad, set from a thread of
this benchmark, sweeps pan and tilt on sines (new speeds nearly every poll), driving the selected camera
(cam1) through the console's stick (the desk's rules, then the camera's latest-wins drive). Three runs
of ``--seconds``: the stick still; the stick sweeping; sweeping with Tools → Controllers… open (it reads
the stick at 30 Hz). Reported: the GUI stall (stall_probe.StallProbe: how late a 1 ms timer fires, p99
and max), polls, the stick's drive calls and the pan-tilt drive packets the camera received, per second.
``--stalls N``: the N longest stalls of the sweeping runs, with what the GUI thread ran meanwhile.
"""

from __future__ import annotations

import argparse
import math
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks import harness as h  # noqa: E402
from benchmarks.gui_probe import demo_console, spin  # noqa: E402
from benchmarks.stall_probe import StallProbe  # noqa: E402
from devices.joystick.poller import JoystickPoller  # noqa: E402
from devices.joystick.virtual import VirtualStick  # noqa: E402

PAN_TILT_DRIVE = b"\x01\x06\x01"


def sweep(stick: VirtualStick, seconds: float, stop: threading.Event) -> None:
    for elapsed in h.paced(120, seconds, []):
        if stop.is_set():
            return
        stick.set_axis(0, math.sin(2 * math.pi * 0.3 * elapsed))
        stick.set_axis(1, math.cos(2 * math.pi * 0.2 * elapsed) * 0.8)
    stick.set_axis(0, 0.0)
    stick.set_axis(1, 0.0).result(5)


def drive_packets(camera) -> int:
    return sum(1 for _kind, data in camera.server.received() if data[1:4] == PAN_TILT_DRIVE)


def run(name: str, seconds: float, settle: float, *, moving: bool, window: bool, stalls: int) -> list[str]:
    with JoystickPoller() as poller, demo_console(joystick=poller) as (console, cameras, _folder):
        stick = VirtualStick(poller)
        console.desk.select("cam1")
        if window:
            console.controllers.show_window()
        spin(settle)
        probe = StallProbe()
        stop = threading.Event()
        mover = threading.Thread(target=sweep, args=(stick, seconds, stop), name="sweep")
        polls, calls, packets = poller.polls, console.stick.driver.calls, drive_packets(cameras[0])
        began = time.perf_counter()
        probe.start()
        if moving:
            mover.start()
        spin(seconds)
        probe.stop()
        took = time.perf_counter() - began
        rates = (
            (poller.polls - polls) / took,
            (console.stick.driver.calls - calls) / took,
            (drive_packets(cameras[0]) - packets) / took,
        )
        stop.set()
        if moving:
            mover.join()
        stick.detach().result(5)
        print(
            f"| {name} | {probe.p99_ms():.2f} | {probe.max_ms():.2f} | "
            + " | ".join(f"{rate:.1f}" for rate in rates)
            + " |",
            flush=True,
        )
        return [f"{name}:", probe.report(stalls)] if stalls and moving else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--settle", type=float, default=3.0)
    parser.add_argument("--stalls", type=int, default=0, help="print the N longest stalls and what ran")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])  # noqa: F841 - kept alive for the runs
    print(f"{args.seconds:.0f} s each; GUI stall = how late a 1 ms timer fired (ms)")
    print(
        "| run | GUI stall p99 | GUI stall max | polls/s | stick drive calls/s | drive packets/s at camera |"
    )
    print("|---|---|---|---|---|---|")
    report = []
    for name, moving, window in (
        ("stick still", False, False),
        ("stick sweeping at 120 Hz", True, False),
        ("sweeping, Controllers window open", True, True),
    ):
        report += run(name, args.seconds, args.settle, moving=moving, window=window, stalls=args.stalls)
    print("\n".join(report))


if __name__ == "__main__":
    main()
