"""(e) 30 % packet loss both ways: preset recalls, and a drive + stop after every fifth recall.

Each client gets ``--count`` recalls or ``--seconds``, whichever ends first; the two clients run
at the same time (each on its own thread and simulator) to keep the run short, which is harmless
here because loss, not CPU, decides every number.

A recall has landed when the simulated camera's last preset is the one asked for; a stop has
landed when the head, moving at the release call, stands still. Ours resends on its own, so a
recall gets until it lands, its future fails, or ``WINDOW`` s; a drive or a stop gets ``WINDOW``
s. A visca-over-ip call sends once and returns after the ACK or its 100 ms timeout, so whatever
it sent has arrived (or never will) ``SETTLE`` after it returns.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import harness as h  # noqa: E402

LOSS = "loss=0.3&seed=7"
STOP_EVERY, DRIVE_SPEED = 5, 8
WINDOW, SETTLE = 2.0, 0.005
FUTURE_GRACE = 0.1  # after a recall landed: time for its ACK and completion to come back


class Tally:
    def __init__(self) -> None:
        self.recalls = self.recalls_landed = 0
        self.stop_trials = self.stops_landed = self.drives_lost = 0
        self.stop_times: list[float] = []
        self.seconds = 0.0

    def cells(self) -> list:
        return [
            f"{self.recalls_landed}/{self.recalls}",
            f"{self.stops_landed}/{self.stop_trials}",
            self.drives_lost,
            h.ms(h.percentile(self.stop_times, 50)),
            h.ms(max(self.stop_times, default=None)),
            f"{self.seconds:.0f}",
        ]


def _landed(sim: h.Sim, preset: int) -> bool:
    """Whether the simulated camera's last preset is ``preset`` within ``SETTLE``."""
    return sim.wait_for(lambda s: s["last_preset"] == preset, SETTLE) is not None


def exercise(
    sim: h.Sim,
    count: int,
    seconds: float,
    window: float,
    recall: Callable[[int], object],
    drive: Callable[[int, int], object],
) -> Tally:
    """``recall`` returns once the client is done with it; a drive or a stop gets ``window`` s."""
    tally = Tally()
    began = time.perf_counter()
    for k in range(count):
        if time.perf_counter() - began > seconds:
            break
        preset = k % 4
        recall(preset)
        tally.recalls += 1
        tally.recalls_landed += _landed(sim, preset)
        if k % STOP_EVERY == STOP_EVERY - 1:
            speed = DRIVE_SPEED if k // STOP_EVERY % 2 else -DRIVE_SPEED  # back and forth, off the limits
            drive(speed, speed)
            if sim.wait_for(lambda s: s["moving"], window) is None:
                tally.drives_lost += 1
                continue
            time.sleep(0.05)
            released = time.perf_counter()
            drive(0, 0)
            still = sim.wait_for(lambda s: not s["moving"], window)
            tally.stop_trials += 1
            if still is None:
                sim.halt()
            else:
                tally.stops_landed += 1
                tally.stop_times.append(still - released)
    tally.seconds = time.perf_counter() - began
    return tally


def run_ours(sim: h.Sim, count: int, seconds: float) -> list:
    futures: list[concurrent.futures.Future] = []
    with h.our_cameras([sim]) as (camera,):
        h.wait_online([camera])

        def recall(preset: int) -> None:
            future = camera.recall_preset(preset)
            futures.append(future)

            def landed_or_given_up(state: dict) -> bool:
                return state["last_preset"] == preset or future.done() and future.exception() is not None

            if sim.wait_for(landed_or_given_up, WINDOW) is not None:
                concurrent.futures.wait([future], timeout=FUTURE_GRACE)

        tally = exercise(sim, count, seconds, WINDOW, recall, camera.drive)
        concurrent.futures.wait(futures, timeout=5)
        health = camera.snapshot().health
    outcomes = collections.Counter(h.outcome(future) for future in futures)
    return [
        "ours",
        *tally.cells(),
        f"futures {dict(outcomes)}; retries {health.retries}, offline {health.offline_count}x",
    ]


def run_voip(sim: h.Sim, count: int, seconds: float) -> list:
    failures: collections.Counter[str] = collections.Counter()

    def call(fn: Callable, *args: int) -> None:
        _, _, error = h.timed(fn, *args)
        if error is not None:
            failures[type(error).__name__] += 1
        time.sleep(SETTLE)

    with h.voip_camera(sim) as camera:
        tally = exercise(
            sim,
            count,
            seconds,
            SETTLE,
            lambda p: call(camera.recall_preset, p),
            lambda pan, tilt: call(camera.pantilt, pan, tilt),
        )
    return ["visca-over-ip", *tally.cells(), f"exceptions: {dict(failures) or 0}"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500, help="recalls per client (default 500)")
    parser.add_argument("--seconds", type=float, default=45.0, help="time limit per client (default 45)")
    args = parser.parse_args(argv)
    with h.simulators() as start, concurrent.futures.ThreadPoolExecutor(2) as pool:
        ours = pool.submit(run_ours, start(h.OURS_HOST, LOSS), args.count, args.seconds)
        voip = pool.submit(run_voip, start(h.VOIP_HOST, LOSS), args.count, args.seconds)
        rows = [ours.result(), voip.result()]
    h.table(
        f"(e) 30 % loss both ways: up to {args.count} recalls or {args.seconds:g} s per client, "
        f"a drive + stop after every {STOP_EVERY}th recall",
        [
            "client",
            "recalls landed",
            "stops landed",
            "drives lost",
            "stop p50 ms",
            "stop max ms",
            "took s",
            "what the client reported",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
