"""Smart Centre console — the composition root.

    python app.py camera URL ACTION …          test and script one camera
    python app.py simulate camera --listen URL  run simulated cameras
"""
from __future__ import annotations

import argparse
import logging
import sys

from devices.cli import camera as camera_cli
from devices.cli import simulate as simulate_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="app.py", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log device traffic decisions")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    camera_cli.add_parser(commands)
    simulate_cli.add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    if args.command is None:
        parser.print_help()
        return 0
    return args.func(args) or 0


if __name__ == "__main__":
    sys.exit(main())
