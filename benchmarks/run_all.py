"""Run every camera-control benchmark, ours against visca-over-ip, and print the tables.

python benchmarks/run_all.py            # the issue's sizes, about three minutes
python benchmarks/run_all.py --quick    # shorter runs, for a smoke test (about 40 s)
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks import (  # noqa: E402
    bench_a_latency,
    bench_b_burst,
    bench_c_drive,
    bench_d_stall,
    bench_e_loss,
    harness,
)

SCENARIOS = [  # (module, arguments at the sizes, arguments with --quick)
    (bench_a_latency, [], ["--count", "100"]),
    (bench_b_burst, [], []),
    (bench_c_drive, [], ["--seconds", "3"]),
    (bench_d_stall, [], ["--seconds", "5"]),
    (bench_e_loss, [], ["--count", "100", "--seconds", "10"]),
]


def revision() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=harness.ROOT, capture_output=True, text=True).stdout.strip()

    changed = git("status", "--porcelain", "--", "devices/visca", "devices/transport", "devices/runtime.py")
    return git("rev-parse", "--short", "HEAD") + (
        " + uncommitted changes to the controller" if changed else ""
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs (smoke test)")
    args = parser.parse_args()
    print(
        f"{datetime.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}; nproc {len(os.sched_getaffinity(0))}; "
        f"Python {platform.python_version()} on {platform.platform()}; "
        f"visca-over-ip {importlib.metadata.version('visca-over-ip')}; revision {revision()}"
    )
    print(f"command: python benchmarks/run_all.py{' --quick' if args.quick else ''}")
    began = time.perf_counter()
    for module, full, quick in SCENARIOS:
        started = time.perf_counter()
        module.main(quick if args.quick else full)
        print(f"({module.__name__.rsplit('.', 1)[-1]}: {time.perf_counter() - started:.0f} s)")
    print(f"\ntotal {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
