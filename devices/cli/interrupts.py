"""Ctrl+C, Ctrl+Break and SIGTERM during a device command become ``Interrupted`` in the main thread,
so that the command's own way out — a move's stop — runs before the process ends.

    return interrupts.guarded(run, args)  # a command: a signal before or after its own way out, 128+n
    with interrupts.caught():            # handlers installed, the old ones put back after
        interrupts.wait(future, timeout)  # waits in short slices: a signal is handled on Windows too
        interrupts.pause(seconds)

Only the first signal raises; more while the way out runs (a second Ctrl+C) are ignored, so the stop
is never itself interrupted. The exit code of an interrupted command is 128 + the signal's number
(130 for Ctrl+C, 143 for SIGTERM), as a shell reports a process that a signal ended.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import signal
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from devices.cli.arguments import fail

SLICE = 0.1  # seconds: the longest a signal waits to be handled while the main thread waits
SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGBREAK") if hasattr(signal, name))


class Interrupted(BaseException):
    """A signal asked the command to end (a BaseException: no ``except Exception`` swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + (signal.SIGINT if self.signum == getattr(signal, "SIGBREAK", None) else self.signum)


@contextlib.contextmanager
def caught() -> Iterator[None]:
    """Within the block, the first of SIGINT, SIGTERM (and SIGBREAK on Windows) raises ``Interrupted``
    in the main thread; elsewhere (a test's worker thread) nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    raised = False

    def handler(signum: int, _frame: Any) -> None:
        nonlocal raised
        if not raised:
            raised = True
            raise Interrupted(signum)

    previous = {number: signal.signal(number, handler) for number in SIGNALS}
    try:
        yield
    finally:
        for number, old in previous.items():
            signal.signal(number, old)


def wait(future: concurrent.futures.Future, timeout: float) -> Any:
    """``future.result(timeout)``, waiting in slices: a lock wait is not interrupted by Ctrl+C on Windows."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return future.result(max(0.0, min(SLICE, deadline - time.monotonic())))
        except concurrent.futures.TimeoutError:
            if time.monotonic() >= deadline:
                raise


def pause(seconds: float) -> None:
    """``time.sleep(seconds)`` in slices, for the same reason."""
    deadline = time.monotonic() + seconds
    while (left := deadline - time.monotonic()) > 0:
        time.sleep(min(SLICE, left))


def guarded(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """``run(args)`` with the signals caught; a signal that reaches here (before anything was sent, or once
    all was done) is its exit code, said in one line."""
    with caught():
        try:
            return run(args)
        except Interrupted as signal_:
            return fail(signal_.exit_code, f"interrupted ({signal_})", args.url)
