"""`python app.py wall URL ACTION …` — test and script one matrix, wall processor or display.

Exit codes as for `camera`: 0 done (the device accepted, or answered for `status`); 2 bad
arguments, nothing sent; 1 the device refused (its error is named); 3 no answer or no connection
in time. Numbers are checked against the size in the URL (inputs=, outputs=, presets=) before
connecting, or else against the size the device reports, before the command is sent.

The parser only; the work is ``wall_run.run``, imported when the command runs and the URL has
passed the configuration check (a bad one is refused before the device layer is loaded).
"""

from __future__ import annotations

import argparse
import functools

from devices.cli import capture_option
from devices.cli.arguments import later, number, seconds

TIMEOUT = seconds(0)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "wall",
        help="drive one matrix switcher, wall processor or display",
        description="Send one command to a wall device and wait for its answer.",
    )
    p.add_argument("url", help="device URL, e.g. kramer+tcp://192.168.1.39 or extron+serial://COM3?outputs=8")
    p.add_argument(
        "--timeout",
        type=TIMEOUT,
        default=None,
        help="seconds to wait for the device (default 3, or 20 round trips on a slower link)",
    )
    common = argparse.ArgumentParser(add_help=False)  # --timeout also after the action
    common.add_argument("--timeout", type=TIMEOUT, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
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
    p.set_defaults(func=later("devices.cli.wall_run:run", url_problems))


def url_problems(url: str) -> list[str]:
    from devices.wall.url_check import check_wall

    return check_wall(url)
