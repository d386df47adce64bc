"""What every simulator needs: a pseudo-terminal standing in for a serial port, and calls from
other threads (tests, the demo) that run on the simulator's loop."""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import os
from collections.abc import Callable
from typing import Any, TypeVar

READ_SIZE = 4096
CALL_TIMEOUT = 5.0
T = TypeVar("T")


def run_on_loop(
    loop: asyncio.AbstractEventLoop, fn: Callable[..., T], *args: Any, timeout: float = CALL_TIMEOUT
) -> T:
    """``fn(*args)`` on ``loop``; from another thread, wait for it and hand back its result or error."""
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is loop:
        return fn(*args)
    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def run() -> None:
        try:
            future.set_result(fn(*args))
        except BaseException as exc:  # handed to the calling thread
            future.set_exception(exc)

    loop.call_soon_threadsafe(run)
    return future.result(timeout)


class PseudoTerminal:
    """A POSIX pseudo-terminal that a client opens like a serial port (at ``path``).

    ``unplug()`` closes it and removes the symlink, as pulling a USB-serial adapter would;
    ``plug()`` makes a fresh one and points the symlink at it.
    """

    def __init__(
        self, loop: asyncio.AbstractEventLoop, link: str | None, on_data: Callable[[bytes], None]
    ) -> None:
        self._loop = loop
        self.link = os.path.abspath(link) if link else None
        self._on_data = on_data
        self.slave_path = ""
        self._master: int | None = None
        self._slave: int | None = None

    @property
    def path(self) -> str:
        return self.link or self.slave_path

    @property
    def plugged(self) -> bool:
        return self._master is not None

    def plug(self) -> None:
        import tty  # POSIX-only module

        master, slave = os.openpty()
        tty.setraw(slave)
        os.set_blocking(master, False)
        # keeping our own slave descriptor open spares the master EIO while no client is attached
        self._master, self._slave = master, slave
        self.slave_path = os.ttyname(slave)
        if self.link:
            temporary = f"{self.link}.{os.getpid()}.tmp"
            os.symlink(self.slave_path, temporary)
            os.replace(temporary, self.link)
        self._loop.add_reader(master, self._readable)

    def unplug(self) -> None:
        if self._master is None or self._slave is None:
            return
        self._loop.remove_reader(self._master)
        os.close(self._master)
        os.close(self._slave)
        self._master = self._slave = None
        if self.link and os.path.islink(self.link):
            os.unlink(self.link)

    def write(self, data: bytes) -> None:
        if self._master is None:
            return
        # nobody reads and the pty buffer is full: bytes fall on the floor, as on a real line
        with contextlib.suppress(BlockingIOError):
            os.write(self._master, data)

    def _readable(self) -> None:
        assert self._master is not None
        try:
            data = os.read(self._master, READ_SIZE)
        except (BlockingIOError, InterruptedError):
            return
        self._on_data(data)
