"""What the device commands accept on the command line, checked by argparse before anything opens
(exit 2 with one sentence), and the sub-command's work imported only when it runs.

This module and the parsers that use it import nothing heavy: a bad argument is answered before
the drivers, the simulators or the database are loaded (docs/benchmarks.md "CLI start").
"""

from __future__ import annotations

import argparse
import importlib
import math
from collections.abc import Callable

from common import command_line
from common.command_line import EXIT_USAGE

LONGEST_WAIT = 3600.0  # seconds: --timeout and --for; more is a typo (1e20) or a wish to hang


def number(text: str) -> int:
    """Decimal or 0x-hex."""
    try:
        return int(text, 0)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number (decimal or 0x-hex)") from None


def seconds(lowest: float, highest: float = LONGEST_WAIT, *, zero: bool = False) -> Callable[[str], float]:
    """An argparse type: a finite number of seconds from ``lowest`` to ``highest`` (above 0 unless
    ``zero``)."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if math.isfinite(value) and lowest <= value <= highest and (zero or value > 0):
            return value
        low = f"from {lowest:g}" if lowest > 0 or zero else "above 0"
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds {low} up to {highest:g}")

    return parse


def later(
    target: str, url_problems: Callable[[str], list[str]] | None = None
) -> Callable[[argparse.Namespace], int]:
    """``"package.module:function"``, imported when the sub-command runs; ``url_problems(args.url)``
    (the configuration check's) first, so that a bad URL is refused before the device layer is loaded."""
    module, name = target.split(":")

    def run(args: argparse.Namespace) -> int:
        if url_problems is not None:
            from devices.endpoints import url_problem

            problems = url_problems(args.url)
            if problems:
                return fail(EXIT_USAGE, url_problem(args.url, problems[0]), args.url)
        return getattr(importlib.import_module(module), name)(args)

    return run


def fail(code: int, message: object, url: str = "") -> int:
    """common.command_line's fail, with the secrets of ``url`` masked."""
    from devices.secrets import hide

    return command_line.fail(code, hide(str(message), url))
