"""(b) Back-to-back preset recalls: 199 alternating between presets 0–3, then preset 4.

The presets are stored in the simulator at distinct positions, so every recall is a real move
that the next one interrupts. Target: no errors, and the camera ends on preset 4, at its position.
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import harness as h  # noqa: E402

PRESETS = {0: (-3000, 0), 1: (3000, 0), 2: (-3000, 1500), 3: (3000, 1500), 4: (1200, 600)}
FINAL = 4


def sequence(count: int) -> list[int]:
    return [n % 4 for n in range(count - 1)] + [FINAL]


def is_recall(packet: bytes) -> bool:
    return packet.startswith(h.RECALL)


def ended_on(sim: h.Sim) -> str:
    sim.wait_for(lambda s: not s["moving"], timeout=10)
    state = sim.state()
    where = (
        "at its position"
        if (state["pan"], state["tilt"]) == PRESETS[FINAL]
        else f"at pan {state['pan']} tilt {state['tilt']}"
    )
    return f"preset {state['last_preset']}, {where}"


def run_ours(start, count: int) -> list:
    sim = start(h.OURS_HOST)
    sim.store_presets(PRESETS)
    with h.our_cameras([sim]) as (camera,):
        h.wait_online([camera])
        began = time.perf_counter()
        futures = [camera.recall_preset(n) for n in sequence(count)]
        calls_took = time.perf_counter() - began
        concurrent.futures.wait(futures, timeout=15)
        outcomes = collections.Counter(h.outcome(future) for future in futures)
        errors = sum(n for result, n in outcomes.items() if result not in ("completed", "superseded"))
        health = camera.snapshot().health
        return [
            "ours",
            h.ms(calls_took),
            errors,
            dict(outcomes),
            len(sim.arrivals(is_recall)),
            f"{health.buffer_full} / {sim.buffer_full_sent}",
            ended_on(sim),
        ]


def run_voip(start, count: int) -> list:
    sim = start(h.VOIP_HOST)
    sim.store_presets(PRESETS)
    with h.voip_camera(sim) as camera:
        failures: collections.Counter[str] = collections.Counter()
        began = time.perf_counter()
        for n in sequence(count):
            _, _, error = h.timed(camera.recall_preset, n)
            if error is not None:
                failures[type(error).__name__] += 1
        calls_took = time.perf_counter() - began
        return [
            "visca-over-ip",
            h.ms(calls_took),
            sum(failures.values()),
            dict(failures) or "all calls returned",
            len(sim.arrivals(is_recall)),
            f"- / {sim.buffer_full_sent}",
            ended_on(sim),
        ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200, help="recalls per client (default 200)")
    args = parser.parse_args(argv)
    with h.simulators() as start:
        rows = [run_ours(start, args.count), run_voip(start, args.count)]
    h.table(
        f"(b) {args.count} back-to-back preset recalls (target: 0 errors, ends on preset {FINAL})",
        [
            "client",
            "calls took ms",
            "errors",
            "outcomes",
            "recalls on wire",
            "buffer full (client / camera)",
            "camera ended on",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
