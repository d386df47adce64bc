"""`python app.py simulate wall --protocol P --listen URL` (or ``--replay FILE``): simulated matrix
switchers, wall processors and displays until Ctrl+C; one line per listener with its URL.
"""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

from common.command_line import EXIT_OK, EXIT_USAGE
from devices.cli.arguments import fail
from devices.replay import load as load_capture
from devices.wall.sim.replay import WallReplay
from devices.wall.sim.server import WallSimulator
from devices.wall.sim.simulator import SIMULATORS, start_wall_simulator

SIMULATE_EXAMPLES = """examples:
  simulate wall --protocol kramer --listen tcp://127.0.0.1:5000
  simulate wall --protocol extron --listen "tcp://0.0.0.0:2323?password=secret&inputs=16"
  simulate wall --protocol lg --listen "serial://pty?link=/tmp/lg0&set_id=1"
  simulate wall --protocol lg --set-ids 1,2,3,4 --listen "serial://pty?link=/tmp/lgwall"
  simulate wall --protocol kramer --listen "tcp://127.0.0.1:5000?video_only=yes&sender_id=no"
  simulate wall --replay capture.jsonl --listen tcp://127.0.0.1:5000
options: kramer: inputs, outputs, presets, model, compact=yes (ERR without spaces), sender_id=no (~OK,
  no 01@), lowercase=yes (ok/err), video_only=yes (#AV and #AUD answered ERR 002),
  lacks=MODEL?,VERSION? (other commands answered ERR 002);
extron: inputs, outputs, presets, canvases, windows, layouts, password, iac,
  refuse=E30:2 (ties, presets and windows answered with that error: E27, E30:n, E31, E24…);
lg: set_id, set_ids, input_codes; serial: link; every kind: latency=SECONDS (each reply delayed)"""


def add_simulate_parser(devices: argparse._SubParsersAction) -> None:
    """Adds ``wall`` to the sub-commands of ``simulate``."""
    sim = devices.add_parser(
        "wall",
        help="a simulated matrix switcher, wall processor or display",
        epilog=SIMULATE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sim.add_argument("--protocol", choices=sorted(SIMULATORS), help="which device to play")
    sim.add_argument(
        "--replay",
        metavar="FILE",
        type=Path,
        help="answer as the device in this capture did (docs/captures.md); its protocol is the capture's",
    )
    sim.add_argument(
        "--listen",
        action="append",
        required=True,
        metavar="URL",
        help="tcp://HOST:PORT (0 = any free port) or serial://pty?link=PATH (repeatable)",
    )
    sim.add_argument(
        "--set-ids",
        metavar="LIST",
        help="lg: a daisy chain of displays on each line, e.g. 1,2,3,4 (each answers for its own ID)",
    )
    sim.set_defaults(func=run_wall_simulator)


def run_wall_simulator(args: argparse.Namespace) -> int:
    urls, protocol, replay = args.listen, args.protocol, None
    if args.replay is not None:
        try:
            replay = WallReplay(load_capture(args.replay))
        except ValueError as exc:
            return fail(EXIT_USAGE, f"simulate: {exc}")
        if protocol not in (None, replay.protocol):
            return fail(EXIT_USAGE, f"simulate: {args.replay} is a {replay.protocol} capture, not {protocol}")
        protocol = replay.protocol
    elif protocol is None:
        return fail(EXIT_USAGE, "simulate: give --protocol (kramer, extron, lg) or --replay FILE")
    if args.set_ids:
        if protocol != "lg" or replay is not None:
            return fail(EXIT_USAGE, "simulate: --set-ids is for --protocol lg")
        urls = [f"{url}{'&' if '?' in url else '?'}set_ids={args.set_ids}" for url in urls]
    try:
        return asyncio.run(_serve(protocol, urls, replay))
    except KeyboardInterrupt:
        return EXIT_OK


async def _serve(protocol: str, urls: list[str], replay: WallReplay | None) -> int:
    servers: list[WallSimulator] = []
    try:
        for url in urls:
            try:
                server = await start_wall_simulator(protocol, url, replay)
            except ValueError as exc:
                return fail(EXIT_USAGE, f"simulate: {exc}")
            except OSError as exc:
                return fail(EXIT_USAGE, f"simulate: {url}: {exc.strerror or exc}")
            servers.append(server)
            pty = f" (pseudo-terminal {server.slave_path})" if server.slave_path else ""
            what = f"replay of a captured {protocol} device" if replay else f"{protocol} simulator"
            print(f"{what} listening: {server.url}{pty}", flush=True)
        await asyncio.Event().wait()
        return EXIT_OK
    finally:
        for server in servers:
            await server.close()
