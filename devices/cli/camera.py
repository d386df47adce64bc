"""`python app.py camera URL ACTION …` — test and script one camera from a terminal.

Exit codes: 0 done (the camera reported completion, or answered for `status`);
2 bad arguments, nothing sent (also when an argument proves out of range for the model the camera
names, docs/cameras.md); 1 the camera refused (its error is named); 3 no answer in time;
130 / 143 interrupted by Ctrl+C / SIGTERM (a moving camera was stopped first).

The parser only; the work is ``camera_run.run``, imported when the command runs and the URL has
passed the configuration check (a bad one is refused before the device layer is loaded).
"""

from __future__ import annotations

import argparse

from devices.cli import capture_option
from devices.cli.arguments import later, number, seconds

DIRECTIONS = {
    "up": (0, 1),
    "down": (0, -1),
    "left": (-1, 0),
    "right": (1, 0),
    "upleft": (-1, 1),
    "upright": (1, 1),
    "downleft": (-1, -1),
    "downright": (1, -1),
}
STATUS_INQUIRIES = ("power", "position", "zoom", "focus mode", "focus", "last preset", "version")
REFUSED_INQUIRY = ("syntax error", "not executable")  # the camera answered: it cannot tell
TIMEOUT, DURATION = seconds(0), seconds(0, zero=True)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "camera",
        help="drive one camera from the command line",
        description="Send one command to a camera and wait for its completion.",
    )
    p.add_argument(
        "url", help="camera URL, e.g. visca+udp://192.168.1.20 or visca+serial:///dev/ttyUSB0?address=1"
    )
    p.add_argument(
        "--timeout",
        type=TIMEOUT,
        default=None,
        help="seconds to wait for the camera (default 3, or 20 round trips on a slower link)",
    )
    common = argparse.ArgumentParser(add_help=False)  # --timeout also after the action
    common.add_argument("--timeout", type=TIMEOUT, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
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
    move.add_argument("--for", dest="seconds", type=DURATION, default=0.5, help="seconds (default 0.5)")
    actions.add_parser("stop", help="stop pan, tilt, zoom and focus")
    zoom = actions.add_parser("zoom", help="zoom in|out [--speed P] [--for S] | zoom stop | zoom to RAW")
    zoom.add_argument("verb", choices=("in", "out", "stop", "to"))
    zoom.add_argument("position", nargs="?", type=number)
    zoom.add_argument("--speed", type=number)
    zoom.add_argument("--for", dest="seconds", type=DURATION, default=0.5, help="seconds (default 0.5)")
    focus = actions.add_parser("focus", help="focus auto|manual|one-push")
    focus.add_argument("mode", choices=("auto", "manual", "one-push"))
    actions.add_parser("home", help="pan/tilt home position")
    goto = actions.add_parser("goto", help="absolute pan/tilt position (raw counts)")
    goto.add_argument("pan", type=number)
    goto.add_argument("tilt", type=number)
    goto.add_argument("--speed", type=number)
    actions.add_parser("status", help="print one JSON object with the camera's state")
    p.set_defaults(func=later("devices.cli.camera_run:run", url_problems))


class _Actions:
    """Adds every action with the shared options."""

    def __init__(self, subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
        self._subparsers, self._common = subparsers, common

    def add_parser(self, name: str, **kwargs) -> argparse.ArgumentParser:
        return self._subparsers.add_parser(name, parents=[self._common], **kwargs)


def url_problems(url: str) -> list[str]:
    from devices.visca.url_check import check_camera

    return [problem for _field, problem in check_camera(url, None)]
