"""Idle cost (issue 13): `python app.py --demo` left untouched, in cores, whole process and GUI thread.

    python benchmarks/bench_idle.py [--seconds 20] [--settle 8] [--baseline DIR]

Starts the console in demo mode (four simulated cameras, the demo wall) as a fresh process with
its own empty settings and data folders, waits ``--settle`` seconds for it to start, then reads
the CPU time of the process and of each of its threads (/proc/PID/task/*/stat, Linux only) at the
start and the end of ``--seconds`` untouched. Cores = CPU time / wall time; the GUI thread is the
main thread (thread id = process id). With ``--baseline DIR`` (another checkout, e.g.
``git worktree add /tmp/idle-baseline c321150``) the same runs alternate between both trees.
The display is whatever QT_QPA_PLATFORM / DISPLAY say (state which with the results).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")


def thread_times(pid: int) -> dict[str, float]:
    """CPU seconds (user + system) per thread, keyed "tid name"."""
    times = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue  # the thread ended meanwhile
        name = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        times[f"{task.name} {name}"] = (int(fields[11]) + int(fields[12])) / TICKS
    return times


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def once(tree: Path, seconds: float, settle: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "XDG_CONFIG_HOME": f"{home}/config", "XDG_DATA_HOME": f"{home}/data"}
        app = subprocess.Popen(
            [sys.executable, "app.py", "--demo", "--lang", "en"],
            cwd=tree,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(settle)
            if app.poll() is not None:
                raise SystemExit(f"{tree}: the console ended early (exit {app.returncode})")
            before, started = thread_times(app.pid), time.monotonic()
            time.sleep(seconds)
            after, wall = thread_times(app.pid), time.monotonic() - started
            memory = rss_mb(app.pid)
        finally:
            app.terminate()
            app.wait(10)
    used = {key: after[key] - before.get(key, 0.0) for key in after}
    gui = next(value for key, value in used.items() if key.split()[0] == str(app.pid))
    workers = sorted(
        (value / wall for key, value in used.items() if key.split()[0] != str(app.pid)), reverse=True
    )
    return {
        "total": sum(used.values()) / wall,
        "gui": gui / wall,
        "busiest other thread": workers[0] if workers else 0.0,
        "threads": len(after),
        "rss MB": memory,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--settle", type=float, default=8.0)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with (run the same way)")
    options = parser.parse_args()
    trees = {"this tree": ROOT, **({"baseline": options.baseline.resolve()} if options.baseline else {})}
    print(
        f"display: QT_QPA_PLATFORM={os.environ.get('QT_QPA_PLATFORM', '')!r}"
        f" DISPLAY={os.environ.get('DISPLAY', '')!r};"
        f" {options.seconds:g} s untouched after {options.settle:g} s"
    )
    for run in range(options.runs):
        for label, tree in trees.items():
            result = once(tree, options.seconds, options.settle)
            print(
                f"run {run + 1} {label:10}  "
                + "  ".join(
                    f"{key} {value:.2f}" if isinstance(value, float) else f"{key} {value}"
                    for key, value in result.items()
                )
            )


if __name__ == "__main__":
    main()
