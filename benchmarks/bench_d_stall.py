"""(d) Eight cameras, four of them silent, driven from one GUI-like thread at 20 Hz.

Each tick the thread reads camera state and sends one command, round-robin over the cameras
(recall, drive, stop in turn). Ours reads ``snapshot()`` of all eight (its controllers poll in
the background); visca-over-ip can only poll by asking, so it asks one camera per tick for its
position. Target: the calling thread never stalls for 5 ms or more (ours).
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import harness as h  # noqa: E402

CAMERAS, SILENT, RATE_HZ = 8, 4, 20


class CallLog:
    """Duration of every call by kind, and the work of each tick."""

    def __init__(self) -> None:
        self.calls: dict[str, list[float]] = collections.defaultdict(list)
        self.ticks: list[float] = []
        self.lateness: list[float] = []
        self.failures: collections.Counter[str] = collections.Counter()

    def call(self, kind: str, fn: Callable[..., Any], *args: Any) -> Any:
        took, result, error = h.timed(fn, *args)
        self.calls[kind].append(took)
        if error is not None:
            self.failures[type(error).__name__] += 1
        return result

    def run(self, seconds: float, tick: Callable[[int], None]) -> None:
        for n, _ in enumerate(h.paced(RATE_HZ, seconds, self.lateness)):
            began = time.perf_counter()
            tick(n)
            self.ticks.append(time.perf_counter() - began)

    def row(self, name: str, setup: float, seconds: float, outcomes: Any) -> list:
        every = [t for durations in self.calls.values() for t in durations]
        worst = max(self.calls, key=lambda kind: max(self.calls[kind]))
        return [
            name,
            h.ms(setup),
            f"{len(self.ticks)}/{round(seconds * RATE_HZ)}",
            h.ms(h.percentile(every, 99)),
            f"{h.ms(max(every))} ({worst})",
            h.ms(max(self.ticks)),
            h.ms(max(self.lateness)),
            outcomes,
        ]


def command(n: int) -> int:
    """0 recall, 1 drive, 2 stop: which command tick ``n`` sends."""
    return (n // CAMERAS) % 3


def run_ours(start, seconds: float) -> list:
    sims = [start(h.OURS_HOST) for _ in range(CAMERAS)]
    for sim in sims[CAMERAS - SILENT :]:
        sim.silence()
    log = CallLog()
    futures: list[concurrent.futures.Future] = []
    began = time.perf_counter()
    with h.our_cameras(sims) as cameras:
        setup = time.perf_counter() - began

        def tick(n: int) -> None:
            for camera in cameras:
                log.call("snapshot", camera.snapshot)
            camera = cameras[n % CAMERAS]
            if command(n) == 0:
                futures.append(log.call("recall_preset", camera.recall_preset, n % 4))
            else:
                log.call("drive", camera.drive, 6 if command(n) == 1 else 0, 0)

        log.run(seconds, tick)
        concurrent.futures.wait(futures, timeout=3)
        outcomes = collections.Counter(h.outcome(future) for future in futures)
    return log.row("ours", setup, seconds, f"recalls: {dict(outcomes)}")


def run_voip(start, seconds: float) -> list:
    sims = [start(h.VOIP_HOST) for _ in range(CAMERAS)]
    for sim in sims[CAMERAS - SILENT :]:
        sim.silence()
    log = CallLog()
    with contextlib.ExitStack() as stack:
        began = time.perf_counter()
        cameras = [stack.enter_context(h.voip_camera(sim)) for sim in sims]
        setup = time.perf_counter() - began

        def tick(n: int) -> None:
            camera = cameras[n % CAMERAS]
            log.call("get_pantilt_position", camera.get_pantilt_position)
            if command(n) == 0:
                log.call("recall_preset", camera.recall_preset, n % 4)
            else:
                log.call("pantilt", camera.pantilt, 6 if command(n) == 1 else 0, 0)

        log.run(seconds, tick)
    return log.row("visca-over-ip", setup, seconds, f"exceptions: {dict(log.failures) or 0}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0, help="length of the run (default 30)")
    args = parser.parse_args(argv)
    with h.simulators() as start:
        rows = [run_ours(start, args.seconds), run_voip(start, args.seconds)]
    h.table(
        f"(d) {CAMERAS} cameras ({SILENT} silent), one calling thread at {RATE_HZ} Hz for "
        f"{args.seconds:g} s (target: no stall ≥ 5 ms); times in ms",
        [
            "client",
            "setup blocked",
            "ticks",
            "call p99",
            "longest call",
            "longest tick",
            "max tick lateness",
            "command results",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
