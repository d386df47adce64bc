"""``--capture FILE`` for the device commands (``camera``, ``wall``, ``probe``): see docs/captures.md.

    capture_option.add(parser, after_action)        # both: the option is accepted before and after ACTION
    # None without --capture; CaptureFileError: exit 2
    recorder = capture_option.recorder_for(args, url, "camera")
    …
    controller.start(capture=recorder)
    …                                              # the device runtime stops: every frame is recorded
    capture_option.finish(recorder, code, output, error)   # the end record; waits for the file

The header records the command line as ``run`` with the device URL written ``{url}`` and without
``--capture``, so that the capture replays as a test (tests/devices/capture/test_fixtures.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from devices.capture import Recorder

HELP = "write every frame to and from the device to FILE (JSON Lines, passwords masked; docs/captures.md)"


def add(*parsers: argparse.ArgumentParser) -> None:
    """The first parser gets the option with its help; the others (shared options after ACTION) silently."""
    first, *others = parsers
    first.add_argument("--capture", metavar="FILE", type=Path, default=None, help=HELP)
    for parser in others:
        parser.add_argument(
            "--capture", metavar="FILE", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS
        )


class CaptureFileError(ValueError):
    """The ``--capture`` file cannot be written: a usage error, reported before anything is sent."""


def recorder_for(args: argparse.Namespace, url: str, kind: str, *, text: bool = False) -> Recorder | None:
    """The recorder ``--capture`` asks for; ``CaptureFileError`` when its file cannot be written."""
    path = getattr(args, "capture", None)
    if path is None:
        return None
    from devices.capture import Recorder, cannot_write, url_password  # only when a capture is asked for

    argv = list(getattr(args, "argv", None) or sys.argv[1:])
    try:
        return Recorder(
            path,
            url=url,
            kind=kind,
            tool=f"app.py {kind}",
            run=command_line(argv, url),
            text=text,
            secrets=[url_password(url) or ""],
        )
    except OSError as exc:
        raise CaptureFileError(cannot_write(path, exc)) from None


def command_line(argv: list[str], url: str) -> list[str]:
    """``argv`` without ``--capture FILE`` and with the device URL written ``{url}``."""
    run: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--capture":
            skip = True
        elif not arg.startswith("--capture="):
            run.append("{url}" if arg == url else arg)
    return run


def finish(recorder: Recorder | None, code: int, output: Any = None, error: Any = None) -> None:
    """The end record (exit code, what was printed), then waits for the file to be complete and says
    a write problem."""
    if recorder is None:
        return
    recorder.end(code, output, None if error is None else str(error))
    problem = recorder.wait()
    if problem:
        print(f"warning: the capture is incomplete: {problem}", file=sys.stderr)
