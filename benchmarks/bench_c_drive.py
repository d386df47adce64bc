"""(c) A 60 Hz joystick stream for ``--seconds`` (sinusoidal pan/tilt speeds), then release to 0,0.

Reported per client: stream calls made, drive packets the camera received, buffer-full errors
(target 0), how long a call blocked, and release-to-stop: from the release call to the stop
packet reaching the camera (the simulated head halts on that packet; checked afterwards).
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import harness as h  # noqa: E402

RATE_HZ = 60


def speeds(elapsed: float) -> tuple[int, int]:
    """Pan up to ±24, tilt up to ±16; both non-zero at whole multiples of 10 s."""
    return (
        round(24 * math.sin(2 * math.pi * 0.3 * elapsed + 0.5)),
        round(16 * math.cos(2 * math.pi * 0.2 * elapsed)),
    )


def stream(sim: h.Sim, drive: Callable[[int, int], object], seconds: float) -> dict:
    lateness: list[float] = []
    blocks: list[float] = []
    errors = 0
    began = time.perf_counter()
    for elapsed in h.paced(RATE_HZ, seconds, lateness):
        took, _, error = h.timed(drive, *speeds(elapsed))
        blocks.append(took)
        errors += error is not None
    if not sim.state()["moving"]:
        raise RuntimeError("the camera should be moving at release")
    released = time.perf_counter()
    took, _, error = h.timed(drive, 0, 0)
    blocks.append(took)
    errors += error is not None
    still = sim.wait_for(lambda s: not s["moving"], timeout=3)
    stops = sim.arrivals(h.is_stop, since=released)
    return {
        "calls": len(blocks),
        "errors": errors,
        "blocks": blocks,
        "lateness": lateness,
        "packets": len(sim.arrivals(lambda p: p.startswith(h.PAN_TILT_DRIVE), since=began)),
        "stop_on_wire": stops[0][0] - released if stops else None,
        "stopped": still is not None,
    }


def run_ours(start, seconds: float) -> tuple[dict, int, h.Sim]:
    sim = start(h.OURS_HOST)
    with h.our_cameras([sim]) as (camera,):
        h.wait_online([camera])
        result = stream(sim, camera.drive, seconds)
        return result, camera.snapshot().health.buffer_full, sim


def run_voip(start, seconds: float) -> tuple[dict, str, h.Sim]:
    sim = start(h.VOIP_HOST)
    with h.voip_camera(sim) as camera:
        return stream(sim, camera.pantilt, seconds), "-", sim


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="length of the stream (default 10)")
    args = parser.parse_args(argv)
    rows = []
    with h.simulators() as start:
        for name, run in (("ours", run_ours), ("visca-over-ip", run_voip)):
            r, client_buffer_full, sim = run(start, args.seconds)
            rows.append(
                [
                    name,
                    r["calls"],
                    r["packets"],
                    f"{client_buffer_full} / {sim.buffer_full_sent}",
                    r["errors"],
                    h.ms(h.percentile(r["blocks"], 99)),
                    h.ms(max(r["blocks"])),
                    h.ms(max(r["lateness"])),
                    h.ms(r["stop_on_wire"]),
                    "yes" if r["stopped"] else "NO",
                ]
            )
    h.table(
        f"(c) {RATE_HZ} Hz drive stream for {args.seconds:g} s, then release "
        "(target: 0 buffer full); times in ms",
        [
            "client",
            "calls",
            "packets at camera",
            "buffer full (client / camera)",
            "call errors",
            "call p99",
            "call max",
            "max tick lateness",
            "release→stop at camera",
            "head stopped",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
