"""CLI start (issue 11): how long `python app.py camera …` takes from start to exit, as a fresh process.

    python benchmarks/bench_cli_start.py [--runs 15] [--baseline DIR]

Command lines, each run ``--runs`` times (after one warm-up run that writes the bytecode caches):

    python -c pass                                  the interpreter alone, the floor
    camera URL move sideways                        a bad argument (argparse refuses it; exit 2)
    camera URL?local_port=abc status                a bad URL option (exit 2; before issue 11 it
                                                    timed out: exit 3 after --timeout, 3 s)
    camera URL status                               against a simulated Sony camera (VISCA over IP,
                                                    model=auto) in this process (exit 0)

With ``--baseline DIR`` (a checkout of another revision, e.g. ``git worktree add /tmp/baseline-main
d082129``) the same command lines run from that tree too, interleaved run by run so that both see the
same load. Prints min / median / max seconds per command line and tree, with the exit codes seen.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devices.runtime import DeviceRuntime  # noqa: E402
from devices.visca.sim.simulator import start_simulator  # noqa: E402


def command_lines(url: str) -> dict[str, list[str]]:
    return {
        "python -c pass (floor)": ["-c", "pass"],
        "bad argument": ["app.py", "camera", url, "move", "sideways"],
        "bad URL option": ["app.py", "camera", f"{url}?local_port=abc", "status"],
        "camera URL status": ["app.py", "camera", url, "status"],
    }


def once(tree: Path, args: list[str]) -> tuple[float, int]:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, *args], cwd=tree, capture_output=True, text=True, timeout=60)
    return time.perf_counter() - started, result.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with (run the same way)")
    options = parser.parse_args()
    trees = {"this tree": ROOT, **({"baseline": options.baseline.resolve()} if options.baseline else {})}
    with DeviceRuntime("bench-simulator") as runtime:
        sim = runtime.submit(start_simulator("visca+udp://127.0.0.1:0")).result(5)
        lines = command_lines(sim.url)
        times: dict[tuple[str, str], list[float]] = {}
        exits: dict[tuple[str, str], set[int]] = {}
        for name, args in lines.items():
            for tree in trees.values():
                once(tree, args)  # warm-up: bytecode caches
            for _ in range(options.runs):
                for label, tree in trees.items():
                    seconds, code = once(tree, args)
                    times.setdefault((name, label), []).append(seconds)
                    exits.setdefault((name, label), set()).add(code)
        runtime.submit(sim.close()).result(5)
    print(
        f"{options.runs} runs each, Python {sys.version.split()[0]}; seconds from start to exit (exit codes)"
    )
    print(f"{'command line':24} " + " ".join(f"{label + ': min / median / max':>36}" for label in trees))
    for name in lines:
        cells = []
        for label in trees:
            got, codes = times[name, label], ",".join(map(str, sorted(exits[name, label])))
            cells.append(f"{min(got):.3f} / {statistics.median(got):.3f} / {max(got):.3f} ({codes})")
        print(f"{name:24} " + " ".join(f"{cell:>36}" for cell in cells))


if __name__ == "__main__":
    main()
