"""A device that babbles: what a garbage stream costs the controller (issue 11).

A TCP peer streams random bytes at full speed (what a serial line at the wrong baud rate or a
misconfigured converter sends all day). One controller process — a camera (``visca+tcp``) or a
Kramer wall (``kramer+tcp``) — is connected to it for ``--seconds``; the script prints that
process's CPU seconds per wall-second, the bytes the peer managed to send, and the device's
state and last error at the end.

    python benchmarks/bench_babble.py [--seconds 10] [--repo PATH]

``--repo`` runs the controller from another checkout (e.g. a worktree of an older revision), so
the same peer measures before and after. The peer runs in this process, the controller in a
child process: only the child's CPU is counted. A CPU share depends on what else the machine runs
(a controller that reads as fast as it can gets whatever the scheduler gives it), so the script
also prints what the parsers alone cost per MB of garbage, which does not.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 64 * 1024

CHILD = r"""
import json, logging, sys, time
logging.basicConfig(level=logging.CRITICAL)
from devices.runtime import DeviceRuntime
kind, url, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
if kind == "camera":
    from devices.visca.controller import CameraController as Controller
else:
    from devices.wall.controller import WallController as Controller
with DeviceRuntime("bench") as runtime:
    device = Controller(runtime, url).start()
    time.sleep(0.5)                      # connected, babble flowing
    cpu0, wall0 = time.process_time(), time.monotonic()
    time.sleep(seconds)
    cpu, wall = time.process_time() - cpu0, time.monotonic() - wall0
    state = device.snapshot()
print(json.dumps({"cpu": cpu, "wall": wall, "link": state.link.value, "last_error": state.last_error}))
"""


PARSERS = r"""
import os, sys, time
from devices.visca.replies import ReplyParser
from devices.wall.framing import Framer
from devices.wall.kramer import parse
garbage = os.urandom(4 << 20)
chunks = [garbage[i:i + 65536] for i in range(0, len(garbage), 65536)]
visca = ReplyParser()
started = time.process_time()
for chunk in chunks:
    visca.feed(chunk)
visca_s = time.process_time() - started
framer = Framer(b"\r\n")
started = time.process_time()
for chunk in chunks:
    for frame in framer.feed(chunk):
        parse(frame)
print(visca_s / 4, (time.process_time() - started) / 4)
"""


class Babbler:
    """Accepts every connection and sends random bytes to it as fast as the socket takes them."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.sent = 0
        self.connections = 0
        self._garbage = os.urandom(CHUNK)
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.server.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self.server.accept()
            except OSError:
                continue
            self.connections += 1
            threading.Thread(target=self._babble, args=(conn,), daemon=True).start()

    def _babble(self, conn: socket.socket) -> None:
        with conn:
            while not self._stop.is_set():
                try:
                    self.sent += conn.send(self._garbage)
                except OSError:
                    return

    def close(self) -> None:
        self._stop.set()
        self.server.close()


def run(kind: str, scheme: str, seconds: float, repo: Path) -> dict:
    babbler = Babbler()
    try:
        url = f"{scheme}://127.0.0.1:{babbler.port}"
        child = subprocess.run(
            [sys.executable, "-c", CHILD, kind, url, str(seconds)],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            env={**os.environ, "PYTHONPATH": str(repo)},
        )
        if child.returncode != 0:
            raise SystemExit(child.stderr)
        result = json.loads(child.stdout.strip().splitlines()[-1])
    finally:
        babbler.close()
    result.update(kind=kind, bytes=babbler.sent, connections=babbler.connections)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--repo", type=Path, default=ROOT, help="checkout whose controller is measured")
    args = parser.parse_args()
    print(f"repo {args.repo.resolve()}, {args.seconds:g} s of babble each")
    print(f"{'device':8} {'CPU s / s':>10} {'MB sent':>9} {'conns':>6}  state at the end")
    for kind, scheme in (("camera", "visca+tcp"), ("wall", "kramer+tcp")):
        r = run(kind, scheme, args.seconds, args.repo)
        print(
            f"{kind:8} {r['cpu'] / r['wall']:10.3f} {r['bytes'] / 1e6:9.1f} {r['connections']:6}  "
            f"{r['link']}: {r['last_error']}"
        )
    parsers = subprocess.run(
        [sys.executable, "-c", PARSERS],
        cwd=args.repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(args.repo)},
        check=True,
    )
    visca, kramer = (float(x) * 1000 for x in parsers.stdout.split())
    print(
        f"parsers alone, CPU ms per MB of random bytes: VISCA replies {visca:.1f}, Kramer lines {kramer:.1f}"
    )


if __name__ == "__main__":
    main()
