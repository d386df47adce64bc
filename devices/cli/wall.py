"""`python app.py wall URL ACTION …` — test and script one matrix, wall processor or display;
`python app.py simulate wall --protocol P --listen URL` — run a simulated one.

Exit codes as for `camera`: 0 done (the device accepted, or answered for `status`); 2 bad
arguments, nothing sent; 1 the device refused (its error is named); 3 no answer or no connection
in time. Numbers are checked against the size in the URL (inputs=, outputs=, presets=) before
connecting, or else against the size the device reports, before the command is sent.
"""
from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import functools
import json
import sys
from pathlib import Path
from typing import Callable

from devices.cli import capture_option
from devices.cli.camera import EXIT_OK, EXIT_REFUSED, EXIT_TIMEOUT, EXIT_USAGE, number
from devices.cli.patience import Patience
from devices.runtime import DeviceRuntime
from devices.wall.capabilities import Capability
from devices.wall.controller import WallController
from devices.replay import load as load_capture
from devices.wall.sim.replay import WallReplay
from devices.wall.sim.server import WallSimulator
from devices.wall.state import WallError
from devices.wall.sim.simulator import SIMULATORS, start_wall_simulator

NEEDS = {"route": Capability.ROUTE, "preset": Capability.PRESETS, "window": Capability.WINDOWS,
         "layout": Capability.LAYOUTS, "power": Capability.DISPLAY_POWER, "input": Capability.DISPLAY_INPUT,
         "tile": Capability.TILE_MODE}
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


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("wall", help="drive one matrix switcher, wall processor or display",
                              description="Send one command to a wall device and wait for its answer.")
    p.add_argument("url", help="device URL, e.g. kramer+tcp://192.168.1.39 or extron+serial://COM3?outputs=8")
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds to wait for the device (default 3, or 20 round trips on a slower link)")
    common = argparse.ArgumentParser(add_help=False)  # --timeout also after the action
    common.add_argument("--timeout", type=float, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    capture_option.add(p, common)
    actions = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = functools.partial(actions.add_parser, parents=[common])
    route = add("route", help="route IN OUT [--layer av|video|audio]; input 0 disconnects")
    route.add_argument("input", type=number)
    route.add_argument("output", type=number)
    route.add_argument("--layer", choices=("av", "video", "audio"), default="av")
    preset = add("preset", help="preset recall|save N")
    preset.add_argument("verb", choices=("recall", "save"))
    preset.add_argument("number", type=number)
    add("status", help="print one JSON object with the routes and the device's state")
    window = add("window", help="window CANVAS WINDOW INPUT (wall processor)")
    for name in ("canvas", "window", "input"):
        window.add_argument(name, type=number)
    layout = add("layout", help="layout CANVAS PRESET (wall processor; canvas 0 = all)")
    layout.add_argument("canvas", type=number)
    layout.add_argument("preset", type=number)
    power = add("power", help="power on|off (display)")
    power.add_argument("state", choices=("on", "off"))
    display_input = add("input", help="input CODE (display), e.g. 90")
    display_input.add_argument("code")
    tile = add("tile", help="tile ROWS COLUMNS (display)")
    tile.add_argument("rows", type=number)
    tile.add_argument("columns", type=number)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with DeviceRuntime("cli-devices") as runtime:
        try:
            wall = WallController(runtime, args.url)
            if args.action in NEEDS:
                wall.require(NEEDS[args.action])
            size = wall.snapshot()
            # with the size in the URL, check before connecting; otherwise once the device has told it
            early = {"route": size.inputs and size.outputs, "preset": size.presets, "status": False}
            action = _plan(wall, args) if early.get(args.action, True) else None
            recorder = capture_option.recorder_for(args, args.url, "wall", text=True)
        except ValueError as exc:
            return _fail(EXIT_USAGE, exc)
        wall.start(capture=recorder)
        code, result, error = _outcome(wall, action, args)
    if result is not None:
        print(json.dumps(result, indent=2, sort_keys=True))
    capture_option.finish(recorder, code, result, error)
    return code if error is None else _fail(code, error)


def _outcome(wall: WallController, action: "Action | None", args: argparse.Namespace
             ) -> tuple[int, "dict | None", "object | None"]:
    """(exit code, JSON to print, error to print)."""
    patience = Patience(args.timeout, lambda: wall.snapshot().health.rtt_ms)
    try:
        if action is None:
            patience.result(wall.ready())
            action = _plan(wall, args)
        return EXIT_OK, action(patience), None
    except ValueError as exc:
        return EXIT_USAGE, None, exc
    except concurrent.futures.TimeoutError:
        last_error = wall.snapshot().last_error
        why = f" ({last_error})" if last_error else ""
        return EXIT_TIMEOUT, None, f"timeout: {wall.name} did not answer within {patience.seconds:g} s{why}"
    except WallError as exc:
        return (EXIT_TIMEOUT if exc.result in ("timeout", "offline") else EXIT_REFUSED), None, exc


def _fail(code: int, message: object) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


Action = Callable[[Patience], "dict | None"]


def _plan(wall: WallController, args: argparse.Namespace) -> Action:
    """Queue the action's command and return a function that waits for its end."""
    action = args.action
    if action == "status":
        if wall.can(Capability.STATUS_QUERY):
            future = wall.query_status()
            return lambda patience: patience.result(future).to_json()
        return lambda patience: patience.result(wall.ready()).to_json()
    commands = {
        "route": lambda: wall.route(args.input, args.output, args.layer),
        "preset": lambda: (wall.recall_preset if args.verb == "recall" else wall.save_preset)(args.number),
        "window": lambda: wall.set_window_source(args.canvas, args.window, args.input),
        "layout": lambda: wall.recall_layout(args.canvas, args.preset),
        "power": lambda: wall.power(args.state == "on"),
        "input": lambda: wall.select_input(args.code),
        "tile": lambda: wall.tile_mode(args.rows, args.columns),
    }
    future = commands[action]()
    return lambda patience: patience.result(future) and None


# --- simulate wall --------------------------------------------------------------------------------

def add_simulate_parser(devices: argparse._SubParsersAction) -> None:
    """Adds ``wall`` to the sub-commands of ``simulate``."""
    sim = devices.add_parser("wall", help="a simulated matrix switcher, wall processor or display",
                             epilog=SIMULATE_EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    sim.add_argument("--protocol", choices=sorted(SIMULATORS), help="which device to play")
    sim.add_argument("--replay", metavar="FILE", type=Path,
                     help="answer as the device in this capture did (docs/captures.md); its protocol is the capture's")
    sim.add_argument("--listen", action="append", required=True, metavar="URL",
                     help="tcp://HOST:PORT (0 = any free port) or serial://pty?link=PATH (repeatable)")
    sim.add_argument("--set-ids", metavar="LIST",
                     help="lg: a daisy chain of displays on each line, e.g. 1,2,3,4 (each answers for its own ID)")
    sim.set_defaults(func=run_wall_simulator)


def run_wall_simulator(args: argparse.Namespace) -> int:
    urls, protocol, replay = args.listen, args.protocol, None
    if args.replay is not None:
        try:
            replay = WallReplay(load_capture(args.replay))
        except ValueError as exc:
            return _fail(EXIT_USAGE, f"simulate: {exc}")
        if protocol not in (None, replay.protocol):
            return _fail(EXIT_USAGE, f"simulate: {args.replay} is a {replay.protocol} capture, not {protocol}")
        protocol = replay.protocol
    elif protocol is None:
        return _fail(EXIT_USAGE, "simulate: give --protocol (kramer, extron, lg) or --replay FILE")
    if args.set_ids:
        if protocol != "lg" or replay is not None:
            return _fail(EXIT_USAGE, "simulate: --set-ids is for --protocol lg")
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
                return _fail(EXIT_USAGE, f"simulate: {exc}")
            except OSError as exc:
                return _fail(EXIT_USAGE, f"simulate: {url}: {exc.strerror or exc}")
            servers.append(server)
            pty = f" (pseudo-terminal {server.slave_path})" if server.slave_path else ""
            what = f"replay of a captured {protocol} device" if replay else f"{protocol} simulator"
            print(f"{what} listening: {server.url}{pty}", flush=True)
        await asyncio.Event().wait()
        return EXIT_OK
    finally:
        for server in servers:
            await server.close()
