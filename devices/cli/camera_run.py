"""The work of `python app.py camera URL ACTION …` (the parser is ``devices.cli.camera``).

Every way out of a move sends the stop first: a continuous move (``move``, ``zoom in|out``) that ends
in an error or a timeout is stopped before the command exits, and Ctrl+C, Ctrl+Break or SIGTERM
during any action that moves the camera (continuous, preset recall, goto, home, zoom to) stops it
and waits for the camera to take the stop before the process ends (exit 128 + the signal's number).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import json
import sys
import time
from collections.abc import Callable

from common.command_line import EXIT_FAILED, EXIT_OK, EXIT_TIMEOUT, EXIT_USAGE
from devices.cli import capture_option, interrupts
from devices.cli.arguments import fail
from devices.cli.camera import DIRECTIONS, REFUSED_INQUIRY, STATUS_INQUIRIES
from devices.cli.patience import Patience
from devices.runtime import DeviceRuntime
from devices.secrets import hide
from devices.visca.controller import CameraController
from devices.visca.state import CameraError

MOVES = {"move", "zoom", "home", "goto", "preset"}  # actions that may set the head or lens moving
STOP_WAIT = (2.0, 10.0)  # seconds: the least and the most a stop on the way out is waited for
Waiter = Callable[[Patience], "dict | None"]


def run(args: argparse.Namespace) -> int:
    return interrupts.guarded(_run, args)


def _run(args: argparse.Namespace) -> int:
    with DeviceRuntime("cli-devices") as runtime:
        try:
            camera = CameraController(runtime, args.url)
            waiter = _plan(camera, args)  # validates; raises ValueError before anything is sent
            recorder = capture_option.recorder_for(args, args.url, "camera")
        except ValueError as exc:
            return fail(EXIT_USAGE, exc, args.url)
        patience = Patience(args.timeout, lambda: camera.snapshot().health.rtt_ms)
        try:
            camera.start(capture=recorder)
            code, result, error = _outcome(camera, waiter, patience)
        except interrupts.Interrupted as signal:
            code, result, error = signal.exit_code, None, _interrupted(camera, args, signal, patience.seconds)
    if error is not None:
        fail(code, error, args.url)
    if result is not None:
        print(json.dumps(hide(result, args.url), indent=2, sort_keys=True))
    capture_option.finish(recorder, code, result, error)
    return code


def _interrupted(
    camera: CameraController, args: argparse.Namespace, signal: interrupts.Interrupted, timeout: float
) -> str:
    """Stop what may be moving; say so."""
    if args.action in MOVES and not (args.action == "preset" and args.verb != "recall"):
        _stop(camera, timeout)
        return f"interrupted ({signal}): camera {camera.name} stopped"
    return f"interrupted ({signal})"


def _stop(camera: CameraController, timeout: float) -> None:
    """ALL STOP, and wait until the camera took it: ``timeout``, but at least and at most ``STOP_WAIT``.
    The stop leaves after the command still on the wire, and a camera that went offline (its answers
    late, not lost) is sent it first thing when it is heard again."""
    camera.stop()
    shortest, longest = STOP_WAIT
    with contextlib.suppress(concurrent.futures.TimeoutError):  # no answer: nothing more this command can do
        interrupts.wait(camera.settled(), min(max(timeout, shortest), longest))


def _outcome(
    camera: CameraController, waiter: Waiter, patience: Patience
) -> tuple[int, dict | None, str | None]:
    """(exit code, JSON to print, error to print)."""
    try:
        return EXIT_OK, waiter(patience), None
    except CameraError as exc:
        if exc.result == "out of range for this camera":  # checked again once the model was known
            return EXIT_USAGE, None, str(exc)
        return (EXIT_TIMEOUT if exc.result in ("timeout", "offline") else EXIT_FAILED), None, str(exc)
    except concurrent.futures.TimeoutError:
        state = camera.snapshot()
        why = "never answered" if state.health.received == 0 else "did not finish"
        return EXIT_TIMEOUT, None, f"timeout: camera {camera.name} {why} within {patience.seconds:g} s"


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
        "preset": lambda: {
            "recall": camera.recall_preset,
            "save": camera.save_preset,
            "clear": camera.clear_preset,
        }[args.verb](args.number),
    }
    return _wait(builders[action]())


def _wait(future: concurrent.futures.Future) -> Waiter:
    return lambda patience: patience.result(future) and None


def _then_stop(camera: CameraController, seconds: float, stop: Callable[[], None]) -> Waiter:
    """Move for ``seconds``, then ``stop``; an error, a timeout or a signal on the way is answered with
    ALL STOP, taken by the camera before the command ends."""

    def wait(patience: Patience) -> None:
        try:
            patience.result(camera.settled())
            interrupts.pause(seconds)
        except Exception:
            _stop(camera, patience.seconds)
            raise
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
