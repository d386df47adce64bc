"""`python app.py camera URL ACTION …` — test and script one camera from a terminal.

Exit codes: 0 done (the camera reported completion, or answered for `status`);
2 bad arguments, nothing sent (also when an argument proves out of range for the model the camera
names, docs/cameras.md); 1 the camera refused (its error is named); 3 no answer in time.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import json
import sys
import time
from typing import Callable

from devices.cli import capture_option
from devices.cli.patience import Patience
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.state import CameraError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_TIMEOUT = 0, 1, 2, 3
DIRECTIONS = {"up": (0, 1), "down": (0, -1), "left": (-1, 0), "right": (1, 0),
              "upleft": (-1, 1), "upright": (1, 1), "downleft": (-1, -1), "downright": (1, -1)}
STATUS_INQUIRIES = ("power", "position", "zoom", "focus mode", "focus", "last preset", "version")
REFUSED_INQUIRY = ("syntax error", "not executable")   # the camera answered: it cannot tell


def number(text: str) -> int:
    """Decimal or 0x-hex."""
    try:
        return int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number (decimal or 0x-hex)") from None


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("camera", help="drive one camera from the command line",
                              description="Send one command to a camera and wait for its completion.")
    p.add_argument("url", help="camera URL, e.g. visca+udp://192.168.1.20 or visca+serial:///dev/ttyUSB0?address=1")
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds to wait for the camera (default 3, or 20 round trips on a slower link)")
    common = argparse.ArgumentParser(add_help=False)  # --timeout also after the action
    common.add_argument("--timeout", type=float, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    capture_option.add(p, common)
    actions = _Actions(p.add_subparsers(dest="action", required=True, metavar="ACTION"), common)
    power = actions.add_parser("power", help="power on|off")
    power.add_argument("state", choices=("on", "off"))
    preset = actions.add_parser("preset", help="preset recall|save|clear N")
    preset.add_argument("verb", choices=("recall", "save", "clear"))
    preset.add_argument("number", type=number)
    move = actions.add_parser("move", help="pan/tilt in a direction, then stop")
    move.add_argument("direction", choices=tuple(DIRECTIONS))
    move.add_argument("--speed", type=number, default=8)
    move.add_argument("--for", dest="seconds", type=float, default=0.5)
    actions.add_parser("stop", help="stop pan, tilt, zoom and focus")
    zoom = actions.add_parser("zoom", help="zoom in|out [--speed P] [--for S] | zoom stop | zoom to RAW")
    zoom.add_argument("verb", choices=("in", "out", "stop", "to"))
    zoom.add_argument("position", nargs="?", type=number)
    zoom.add_argument("--speed", type=number)
    zoom.add_argument("--for", dest="seconds", type=float, default=0.5)
    focus = actions.add_parser("focus", help="focus auto|manual|one-push")
    focus.add_argument("mode", choices=("auto", "manual", "one-push"))
    actions.add_parser("home", help="pan/tilt home position")
    goto = actions.add_parser("goto", help="absolute pan/tilt position (raw counts)")
    goto.add_argument("pan", type=number)
    goto.add_argument("tilt", type=number)
    goto.add_argument("--speed", type=number)
    actions.add_parser("status", help="print one JSON object with the camera's state")
    p.set_defaults(func=run)


class _Actions:
    """Adds every action with the shared options."""

    def __init__(self, subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
        self._subparsers, self._common = subparsers, common

    def add_parser(self, name: str, **kwargs) -> argparse.ArgumentParser:
        return self._subparsers.add_parser(name, parents=[self._common], **kwargs)


def run(args: argparse.Namespace) -> int:
    with DeviceRuntime("cli-devices") as runtime:
        try:
            camera = CameraController(runtime, args.url)
            waiter = _plan(camera, args)   # validates; raises ValueError before anything is sent
            recorder = capture_option.recorder_for(args, args.url, "camera")
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        camera.start(capture=recorder)
        patience = Patience(args.timeout, lambda: camera.snapshot().health.rtt_ms)
        code, result, error = _outcome(camera, waiter, patience)
    if error is not None:
        print(f"error: {error}", file=sys.stderr)
    if result is not None:
        print(json.dumps(result, indent=2, sort_keys=True))
    capture_option.finish(recorder, code, result, error)
    return code


def _outcome(camera: CameraController, waiter: "Waiter", patience: Patience) -> tuple[int, "dict | None", "str | None"]:
    """(exit code, JSON to print, error to print)."""
    try:
        return EXIT_OK, waiter(patience), None
    except CameraError as exc:
        if exc.result == "out of range for this camera":   # checked again once the model was known
            return EXIT_USAGE, None, str(exc)
        return (EXIT_TIMEOUT if exc.result in ("timeout", "offline") else EXIT_REFUSED), None, str(exc)
    except concurrent.futures.TimeoutError:
        state = camera.snapshot()
        why = "never answered" if state.health.received == 0 else "did not finish"
        return EXIT_TIMEOUT, None, f"timeout: camera {camera.name} {why} within {patience.seconds:g} s"


Waiter = Callable[[Patience], "dict | None"]


def _plan(camera: CameraController, args: argparse.Namespace) -> Waiter:
    """Queue the action's commands and return a function that waits for them to finish."""
    action = args.action
    if action == "status":
        futures = {what: camera.inquire(what) for what in STATUS_INQUIRIES}
        return lambda patience: _status(camera, futures, patience)
    if action == "move":
        pan, tilt = DIRECTIONS[args.direction]
        camera.drive(pan * args.speed, tilt * args.speed)
        return _then_stop(camera, args.seconds, lambda: camera.drive(0, 0))
    if action == "zoom" and args.verb in ("in", "out"):
        camera.zoom(1 if args.verb == "in" else -1, args.speed)
        return _then_stop(camera, args.seconds, lambda: camera.zoom(0))
    if action == "zoom" and args.verb == "to":
        if args.position is None:
            raise ValueError("zoom to needs a position (decimal or 0x-hex)")
        return _wait(camera.zoom_to(args.position))
    if action == "zoom":
        camera.zoom(0)
        return lambda patience: patience.result(camera.settled()) and None
    if action == "stop":
        camera.stop()
        return lambda patience: patience.result(camera.settled()) and None
    builders = {
        "power": lambda: camera.power(args.state == "on"),
        "focus": lambda: camera.focus_mode(args.mode),
        "home": camera.home,
        "goto": lambda: camera.goto(args.pan, args.tilt, args.speed),
        "preset": lambda: {"recall": camera.recall_preset, "save": camera.save_preset,
                           "clear": camera.clear_preset}[args.verb](args.number),
    }
    return _wait(builders[action]())


def _wait(future: concurrent.futures.Future) -> Waiter:
    return lambda patience: patience.result(future) and None


def _then_stop(camera: CameraController, seconds: float, stop: Callable[[], None]) -> Waiter:
    def wait(patience: Patience) -> None:
        patience.result(camera.settled())
        time.sleep(seconds)
        stop()
        patience.result(camera.settled())
    return wait


def _status(camera: CameraController, futures: dict, patience: Patience) -> dict:
    """What the camera answered; a refused inquiry leaves its fields null and is listed under
    "unsupported" (docs/cameras.md). Raises (exit 3) only when the camera never answered."""
    started = time.monotonic()
    for what, future in futures.items():
        try:
            patience.result(future, since=started)
        except CameraError as exc:
            if exc.result not in REFUSED_INQUIRY:
                _unanswered(camera, what, exc)
        except concurrent.futures.TimeoutError as exc:
            _unanswered(camera, what, exc)
    return camera.snapshot().to_json()


def _unanswered(camera: CameraController, what: str, error: Exception) -> None:
    if camera.snapshot().health.received == 0:
        raise error
    print(f"warning: {camera.name}: no answer to the {what} inquiry", file=sys.stderr)
