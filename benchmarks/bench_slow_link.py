"""The first command over a slow link (issue 11): a camera at a remote venue over VPN or mobile data.

A simulated camera answers every message 0.4 s late (``latency=0.4``: a 0.4 s round trip). For each
wiring the script measures, in a new controller process each time:

- in process: from creating the controller (command queued first, as the command line does) to the
  command's completion, for ``power on``, ``preset recall 1`` and the seven inquiries of ``status``,
  with the messages the camera took in before the command (the handshake);
- end to end: ``python app.py camera URL …`` with the default options: exit code and wall time.

    python benchmarks/bench_slow_link.py [--latency 0.4] [--repeat 3] [--repo PATH]

``--repo`` measures another checkout's controller and command line against the same simulators.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devices.runtime import DeviceRuntime  # noqa: E402
from devices.visca.sim.simulator import start_simulator  # noqa: E402

SCHEMES = ("visca+udp", "visca+udpraw", "visca+tcp")
COMMANDS = {"power on": ["power", "on"], "preset recall 1": ["preset", "recall", "1"], "status": ["status"]}
INQUIRIES = ("power", "position", "zoom", "focus mode", "focus", "last preset", "version")

CHILD = rf"""
import json, logging, sys, time
logging.basicConfig(level=logging.CRITICAL)
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
url, command = sys.argv[1], sys.argv[2]
with DeviceRuntime("bench") as runtime:
    started = time.monotonic()
    camera = CameraController(runtime, url)
    if command == "power on":
        futures = [camera.power(True)]
    elif command == "preset recall 1":
        futures = [camera.recall_preset(1)]
    else:
        futures = [camera.inquire(what) for what in {INQUIRIES!r}]
    camera.start()
    try:
        for future in futures:
            future.result(30)
        outcome = "done"
    except Exception as exc:
        outcome = f"{{type(exc).__name__}}: {{exc}}"
    took = time.monotonic() - started
    camera.close().result(5)
print(json.dumps({{"seconds": took, "outcome": outcome}}))
"""


def child_env(repo: Path) -> dict:
    return {**os.environ, "PYTHONPATH": str(repo)}


def in_process(repo: Path, url: str, command: str) -> dict:
    run = subprocess.run(
        [sys.executable, "-c", CHILD, url, command],
        cwd=repo,
        env=child_env(repo),
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


def end_to_end(repo: Path, url: str, command: str) -> tuple[int, float]:
    started = time.monotonic()
    run = subprocess.run(
        [sys.executable, "app.py", "camera", url, *COMMANDS[command]],
        cwd=repo,
        env=child_env(repo),
        capture_output=True,
        text=True,
        timeout=120,
    )
    ok = run.returncode == 0 and "no answer" not in run.stderr
    return (run.returncode if ok or run.returncode else 4), time.monotonic() - started


def handshake(sim, before: int) -> list[str]:
    """What the camera took in for this run, up to the first message that is not a RESET or inquiry."""
    kinds = []
    for kind, payload in sim.received()[before:]:
        if kind == "CONTROL":
            kinds.append("RESET")
        elif payload[1:2] == b"\x09":
            kinds.append("inquiry " + payload[2:4].hex(" "))
        else:
            break
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--latency", type=float, default=0.4)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--repo", type=Path, default=ROOT)
    args = parser.parse_args()
    repo = args.repo.resolve()
    print(f"repo {repo}, replies {args.latency:g} s late, {args.repeat} runs each (median)")
    print(
        f"{'wiring':13} {'command':16} {'in process':>11} {'before the command (first run)':40} "
        f"{'CLI exit codes':>15} {'CLI wall':>9}"
    )
    with DeviceRuntime("bench-sim") as sim_runtime:
        for scheme in SCHEMES:
            sim = sim_runtime.submit(
                start_simulator(f"{scheme}://127.0.0.1:0?latency={args.latency}")
            ).result(5)
            for command in COMMANDS:
                times, outcomes, before_command = [], set(), None
                for _ in range(args.repeat):
                    before = len(sim.received())
                    result = in_process(repo, sim.url, command)
                    times.append(result["seconds"])
                    outcomes.add(result["outcome"])
                    if before_command is None and command != "status":
                        before_command = ", ".join(handshake(sim, before)) or "nothing"
                cli = [end_to_end(repo, sim.url, command) for _ in range(args.repeat)]
                codes = " ".join(str(code) for code, _ in cli)
                done = "" if outcomes == {"done"} else f" ({'; '.join(sorted(outcomes))[:60]})"
                print(
                    f"{scheme:13} {command:16} {statistics.median(times):10.2f}s "
                    f"{(before_command or '-')[:40]:40} {codes:>15} "
                    f"{statistics.median(t for _, t in cli):8.2f}s{done}"
                )
            sim_runtime.submit(sim.close()).result(5)
    print("CLI exit code 4 here: exit 0, but some inquiry went unanswered ('no answer' warning)")


if __name__ == "__main__":
    main()
