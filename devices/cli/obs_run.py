"""The work of `python app.py obs URL ACTION …` (the parser is ``devices.cli.obs``).

Ctrl+C or SIGTERM end the wait with exit code 130 / 143 (a command already sent is OBS's: a stream
asked to start may still start).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import time

from common.command_line import EXIT_FAILED, EXIT_OK, EXIT_TIMEOUT, EXIT_USAGE
from devices.cli import interrupts
from devices.cli.arguments import fail
from devices.obs.controller import OUTPUT_WAIT, ObsController
from devices.obs.state import ObsError
from devices.obs.status import SHORTEST
from devices.runtime import DeviceRuntime
from devices.secrets import hide

CONNECT_WAIT = 3.0
SPARE = 2.0  # seconds the command line waits beyond the controller's own timeout, which fails first
RATE_SPAN = 2 * SHORTEST  # seconds between the two readings a fresh stream's rate is measured over


def run(args: argparse.Namespace) -> int:
    return interrupts.guarded(_run, args)


def _run(args: argparse.Namespace) -> int:
    with DeviceRuntime("cli-devices") as runtime:
        try:
            obs = ObsController(runtime, args.url)
        except ValueError as exc:
            return fail(EXIT_USAGE, exc, args.url)
        obs.start()
        code, result, error = _outcome(obs, args)
    if result is not None:
        print(json.dumps(hide(result, args.url), indent=2, sort_keys=True))
    return code if error is None else fail(code, error, args.url)


def _outcome(obs: ObsController, args: argparse.Namespace) -> tuple[int, dict | None, object | None]:
    """(exit code, JSON to print, error to print)."""
    timeout = args.timeout
    try:
        interrupts.wait(obs.ready(patient=False), timeout or CONNECT_WAIT)
        if args.action == "status":
            state = interrupts.wait(obs.refresh(), (timeout or CONNECT_WAIT) + SPARE)
            if state.streaming and state.kbps is None:  # started just now: a rate takes a second reading
                time.sleep(RATE_SPAN)
                state = interrupts.wait(obs.refresh(), (timeout or CONNECT_WAIT) + SPARE)
            return EXIT_OK, state.to_json(), None
        if args.action == "scene":
            future = obs.cut(args.scene, to_preview=args.to_preview, timeout=timeout)
            interrupts.wait(future, (timeout or obs.endpoint.timeout) + SPARE)
            return EXIT_OK, None, None
        start = args.verb == "start"
        command = {
            ("stream", True): obs.start_stream,
            ("stream", False): obs.stop_stream,
            ("record", True): obs.start_record,
            ("record", False): obs.stop_record,
        }[args.action, start]
        interrupts.wait(command(timeout), (timeout or OUTPUT_WAIT) + SPARE)
        if args.action == "record" and not start:
            return EXIT_OK, {"record_path": obs.snapshot().record_path}, None
        return EXIT_OK, None, None
    except ValueError as exc:
        return EXIT_USAGE, None, exc
    except concurrent.futures.TimeoutError:
        why = obs.snapshot().error
        return (
            EXIT_TIMEOUT,
            None,
            f"timeout: OBS at {obs.name} did not answer in time" + (f" ({why})" if why else ""),
        )
    except ObsError as exc:
        code = EXIT_TIMEOUT if exc.result in ("timeout", "offline") else EXIT_FAILED
        return code, None, f"{exc.result}: {exc}" if exc.result in ("timeout", "offline") else exc
