"""(a) Call-to-wire latency of a preset recall, and how long the call keeps the caller.

Each client recalls empty presets (they complete at once, nothing moves) ``--count`` times; the
next recall is made once the previous one has finished plus a random 5–35 ms gap, so no two
coalesce or supersede each other. Call-to-wire = arrival at the simulated camera − call start.
"""

from __future__ import annotations

import argparse
import bisect
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import harness as h  # noqa: E402

GAP = (0.005, 0.035)
PRESETS = 8


def wire_latencies(sim: h.Sim, calls: list[float]) -> list[float]:
    """For each call, its recall's first arrival before the next call."""
    arrivals = [t for t, _ in sim.arrivals(lambda p: p.startswith(h.RECALL), since=calls[0])]
    latencies = []
    for k, called in enumerate(calls):
        i = bisect.bisect_left(arrivals, called)
        ends = calls[k + 1] if k + 1 < len(calls) else float("inf")
        if i < len(arrivals) and arrivals[i] < ends:
            latencies.append(arrivals[i] - called)
    return latencies


def run_ours(start, count: int, rng: random.Random) -> tuple[list[float], list[float]]:
    sim = start(h.OURS_HOST)
    calls, blocks = [], []
    with h.our_cameras([sim]) as (camera,):
        h.wait_online([camera])
        for n in range(count):
            called = time.perf_counter()
            future = camera.recall_preset(n % PRESETS)
            blocks.append(time.perf_counter() - called)
            calls.append(called)
            future.result(5)
            time.sleep(rng.uniform(*GAP))
    return wire_latencies(sim, calls), blocks


def run_voip(start, count: int, rng: random.Random) -> tuple[list[float], list[float]]:
    sim = start(h.VOIP_HOST)
    calls, blocks = [], []
    with h.voip_camera(sim) as camera:
        for n in range(count):
            called = time.perf_counter()
            camera.recall_preset(n % PRESETS)
            blocks.append(time.perf_counter() - called)
            calls.append(called)
            time.sleep(rng.uniform(*GAP))
    return wire_latencies(sim, calls), blocks


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500, help="recalls per client (default 500)")
    args = parser.parse_args(argv)
    rows = []
    with h.simulators() as start:
        for name, run in (("ours", run_ours), ("visca-over-ip", run_voip)):
            wire, blocks = run(start, args.count, random.Random(2))
            rows.append(
                [
                    name,
                    f"{len(wire)}/{args.count}",
                    h.ms(h.percentile(wire, 50)),
                    h.ms(h.percentile(wire, 99)),
                    h.ms(max(wire)),
                    h.ms(h.percentile(blocks, 50)),
                    h.ms(h.percentile(blocks, 99)),
                    h.ms(max(blocks)),
                ]
            )
    h.table(
        f"(a) preset recall: call-to-wire and call blocking, ms ({args.count} recalls each)",
        ["client", "on wire", "wire p50", "wire p99", "wire max", "call p50", "call p99", "call max"],
        rows,
    )


if __name__ == "__main__":
    main()
