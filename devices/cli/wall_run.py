"""The work of `python app.py wall URL ACTION …` (the parser is ``devices.cli.wall``).

Ctrl+C, Ctrl+Break or SIGTERM end the wait for the device with exit code 130 / 143 and a plain
sentence (a command already sent is not taken back: a route, once made, is the device's).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
from collections.abc import Callable

from common.command_line import EXIT_FAILED, EXIT_OK, EXIT_TIMEOUT, EXIT_USAGE
from devices.cli import capture_option, interrupts
from devices.cli.arguments import fail
from devices.cli.patience import Patience
from devices.runtime import DeviceRuntime
from devices.secrets import hide
from devices.wall.capabilities import Capability
from devices.wall.controller import WallController
from devices.wall.state import WallError

NEEDS = {
    "route": Capability.ROUTE,
    "preset": Capability.PRESETS,
    "window": Capability.WINDOWS,
    "layout": Capability.LAYOUTS,
    "power": Capability.DISPLAY_POWER,
    "input": Capability.DISPLAY_INPUT,
    "tile": Capability.TILE_MODE,
}
Action = Callable[[Patience], "dict | None"]


def run(args: argparse.Namespace) -> int:
    return interrupts.guarded(_run, args)


def _run(args: argparse.Namespace) -> int:
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
            return fail(EXIT_USAGE, exc, args.url)
        wall.start(capture=recorder)
        code, result, error = _outcome(wall, action, args)
    if result is not None:
        print(json.dumps(hide(result, args.url), indent=2, sort_keys=True))
    capture_option.finish(recorder, code, result, error)
    return code if error is None else fail(code, error, args.url)


def _outcome(
    wall: WallController, action: Action | None, args: argparse.Namespace
) -> tuple[int, dict | None, object | None]:
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
        return (EXIT_TIMEOUT if exc.result in ("timeout", "offline") else EXIT_FAILED), None, exc


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
