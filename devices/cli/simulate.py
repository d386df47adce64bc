"""``simulate camera --listen URL [--listen URL …] [--model NAME]``: run simulated cameras until Ctrl+C.
``?state=PATH`` keeps a simulated camera's presets across restarts (``devices/visca/sim/memory.py``).
``simulate camera --replay FILE --listen URL``: a camera that answers as a capture shows (docs/captures.md).
``simulate wall --protocol P --listen URL``, ``simulate wall --replay FILE --listen URL``:
``simulate_wall.py``. ``simulate obs --listen ws://HOST:PORT``: ``simulate_obs.py``.

Prints one line per listener with the URL a client should use (the pty path for serial).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from devices.cli import simulate_obs, simulate_wall
from devices.replay import load
from devices.visca.profiles import PROFILES
from devices.visca.sim.pty_server import PtyServer
from devices.visca.sim.replay import replay_device
from devices.visca.sim.server import DeviceFactory, SimulatorServer
from devices.visca.sim.simulator import DEFAULT_MODEL, start_simulator
from devices.visca.urls import CameraUrlError

EXAMPLES = """examples:
  simulate camera --listen visca+udp://127.0.0.1:52381
  simulate camera --listen visca+tcp://0.0.0.0:5678?model=ptzoptics --listen visca+udpraw://0.0.0.0:1259
  simulate camera --listen "visca+serial://pty?link=/tmp/visca0&cameras=3"
  simulate camera --listen "visca+tcp://0.0.0.0:5678?model=ptzoptics&refuse=last-preset,focus-mode"
  simulate camera --listen "visca+udp://127.0.0.1:52381?state=cam1.json"
  simulate camera --replay capture.jsonl --listen visca+udp://127.0.0.1:52381
options in a URL: model, latency, loss, seed, refuse, state; udp: reply_port; udpraw/tcp: address;
serial: link, cameras, baud
  model=NAME     the camera played: its limits, position layout and its answer to the version
                 inquiry (Sony models: vendor 0001 and their model id; ptzoptics: PTZOptics' own
                 layout; generic: vendor and model 0000)
  refuse=A,B     answer these inquiries with a syntax error (90 60 02 FF), as OEM cameras do:
                 power, position, zoom, focus, focus-mode, last-preset, version, max-speed
  state=PATH     keep the presets in this JSON file across restarts: read at start, written after
                 every change (a serial chain's cameras share one file, by position on the line);
                 a file that cannot be used is reported and ignored"""


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    simulate = subparsers.add_parser("simulate", help="run simulated devices (demo, training, tests)")
    devices = simulate.add_subparsers(dest="device", metavar="DEVICE", required=True)
    camera = devices.add_parser(
        "camera",
        help="simulated VISCA PTZ cameras",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    camera.add_argument(
        "--listen",
        action="append",
        required=True,
        metavar="URL",
        help="where to listen, e.g. visca+udp://127.0.0.1:52381 (repeatable)",
    )
    camera.add_argument(
        "--model",
        default=DEFAULT_MODEL,
        choices=sorted(PROFILES),
        help=f"camera profile for URLs without model= (default {DEFAULT_MODEL})",
    )
    camera.add_argument(
        "--replay",
        metavar="FILE",
        type=Path,
        help="answer as the camera in this capture did (docs/captures.md)",
    )
    camera.set_defaults(func=run_camera_simulator)
    simulate_wall.add_simulate_parser(devices)
    simulate_obs.add_simulate_parser(devices)


def run_camera_simulator(args: argparse.Namespace) -> int:
    device = None
    if args.replay is not None:
        try:
            device = replay_device(load(args.replay))
        except ValueError as exc:
            print(f"simulate: {exc}", file=sys.stderr)
            return 2
    try:
        return asyncio.run(_serve(args.listen, args.model, device))
    except KeyboardInterrupt:
        return 0


async def _serve(urls: list[str], model: str, device: DeviceFactory | None) -> int:
    servers: list[SimulatorServer] = []
    try:
        for url in urls:
            try:
                server = await start_simulator(url, model=model, device=device)
            except CameraUrlError as exc:
                print(f"simulate: {exc}", file=sys.stderr)
                return 2
            except OSError as exc:
                print(f"simulate: {url}: {exc.strerror or exc}", file=sys.stderr)
                return 2
            servers.append(server)
            if server.memory_problem:
                print(f"simulate: {server.memory_problem}", file=sys.stderr, flush=True)
            pty = ""
            if isinstance(server, PtyServer) and server.slave_path != server.address:
                pty = f" (pseudo-terminal {server.slave_path})"
            what = "replay of a captured camera" if device else server.profile.label
            kept = f" (presets kept in {server.memory.path})" if server.memory else ""
            print(f"{what} listening: {server.url}{pty}{kept}", flush=True)
        await asyncio.Event().wait()
        return 0
    finally:
        for server in servers:
            await server.close()
