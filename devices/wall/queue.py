"""One command queue per wall device, on the device loop; the same for every driver.

- one command in flight; the next leaves only after the answer (or the timeout) plus ``gap``;
  on a line shared with other devices (``shared_line``) one in flight on the whole line;
- after each (re)connect the driver's connect commands run before anything else, and only then
  is the device *online*; commands that arrive while it connects wait (up to ``connect_wait``),
  commands for an offline device fail at once;
- a query is sent once more after a timeout; a command that changes something never is, since
  the device may have done it and only the answer was lost;
- after ``keepalive`` idle seconds the driver's keepalive is sent; two exchanges in a row
  without an answer make the device offline, and the connect commands are retried with backoff;
- a device that refuses the login fails every command, and ``when_online``, with its refusal
  (a ``WallError`` whose result is the refusal, not "offline") until the next connection;
- a line that delivers only garbage rests (devices/transport/noise.py): the device is offline with
  that reason, and the operator is told once.

This module holds the jobs and the connection; each command's exchange with the device and the end
of its job are ``CommandExchange``'s (exchange.py).
"""

from __future__ import annotations

import asyncio
import concurrent.futures

from common.wording import QT_TRANSLATE_NOOP
from devices.records import DeviceNotice, Link
from devices.runtime import cancel_and_wait
from devices.transport.base import Backoff
from devices.transport.noise import GARBAGE
from devices.wall.exchange import NOT_CONNECTED, CommandExchange, Job, offline_because
from devices.wall.link import WallLink
from devices.wall.protocol import Timing, WallProtocol
from devices.wall.state import WallError, WallStatus

SILENT_AFTER = 2  # exchanges in a row without an answer that make a device offline
LOGIN = "log in"  # the action a refused login fails, in the audit trail's wording


class CommandQueue(CommandExchange):
    def __init__(
        self, name: str, link: WallLink, protocol: WallProtocol, status: WallStatus, timing: Timing
    ) -> None:
        super().__init__(name, link, protocol, status, timing)
        self._link_ready = asyncio.Event()
        self._online = False
        self._backoff = Backoff(0.5, 10.0)
        self._online_waiters: list[concurrent.futures.Future] = []
        self._refusal: str | None = None  # why the device refused us on this connection
        self._said_garbage = False  # the operator was told of garbage on the line
        self._task: asyncio.Task | None = None
        link.on_reply = self._on_reply
        link.on_ready = self._on_ready

    def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._last_end = loop.time()
        self._task = loop.create_task(self._run(), name=f"wall {self.name}")
        loop.call_later(self._timing.connect_wait, self._not_connected)

    async def close(self) -> None:
        if self._task is not None:
            await cancel_and_wait(self._task)
        self._fail_waiting("offline", "closed")
        await self._link.close()

    # --- submissions (device loop) ---------------------------------------------------------------
    def submit(self, job: Job) -> None:
        state = self._status.snapshot()
        if self._refusal is not None:
            self._finish(job, None, self._refusal, self._refusal)
            return
        if state.link is Link.OFFLINE:
            self._finish(job, None, "offline", offline_because(state.last_error or NOT_CONNECTED))
            return
        if not self._online:
            wait = self._timing.connect_wait
            job.expiry = asyncio.get_running_loop().call_later(wait, self._expire, job, wait)
        self._jobs.append(job)
        self._wake.set()

    def when_online(self, future: concurrent.futures.Future) -> None:
        if self._online:
            future.set_result(self._status.snapshot())
        elif self._refusal is not None:
            future.set_exception(WallError(self.name, LOGIN, self._refusal))
        else:
            self._online_waiters.append(future)

    def _expire(self, job: Job, waited: float) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
            late = QT_TRANSLATE_NOOP("Wall", "not connected within {seconds} s").format(seconds=f"{waited:g}")
            self._finish(job, None, "offline", offline_because(late))

    def _not_connected(self) -> None:
        if self._status.snapshot().link is Link.CONNECTING and not self._link.transport.is_up:
            self._status.set_link(
                Link.OFFLINE,
                QT_TRANSLATE_NOOP("Wall", "no connection to {link}").format(link=self._link.transport.name),
            )

    # --- link events -------------------------------------------------------------------------------
    def _on_ready(self, ready: bool, why: str) -> None:
        self._refusal = None
        if ready:
            self._unanswered = 0
            self._status.new_connection()
            self._link_ready.set()
            self._status.set_link(Link.CONNECTING)
        else:
            self._link_ready.clear()
            if self._link.refused:
                self._refusal = why
                waiters, self._online_waiters = self._online_waiters, []
                for waiter in waiters:
                    if not waiter.done():
                        waiter.set_exception(WallError(self.name, LOGIN, why))
            self._go_offline(why)

    def _go_offline(self, why: str) -> None:
        if why == GARBAGE and not self._said_garbage:
            self._said_garbage = True
            self._status.notice(
                DeviceNotice(
                    self.name,
                    "warning",
                    QT_TRANSLATE_NOOP("Wall", "{device}: {problem}").format(device=self.name, problem=why),
                )
            )
        self._online = False
        self._status.set_link(Link.OFFLINE, why)
        if self._answer is not None and not self._answer.done():
            self._answer.set_exception(ConnectionError(why))
        if self._refusal is not None:
            self._fail_waiting(self._refusal, self._refusal)
        else:
            self._fail_waiting("offline", offline_because(why))
        self._wake.set()

    def _fail_waiting(self, failure: str, detail: str) -> None:
        while self._jobs:
            self._finish(self._jobs.popleft(), None, failure, detail)

    # --- the sending side ------------------------------------------------------------------------------
    async def _run(self) -> None:
        while True:
            await self._link_ready.wait()
            if await self._connect():
                self._backoff.reset()
                self._online = True
                self._said_garbage = False
                self._status.set_link(Link.ONLINE)
                for waiter in self._online_waiters:
                    if not waiter.done():
                        waiter.set_result(self._status.snapshot())
                self._online_waiters.clear()
                await self._serve()
            if self._link.ready and self._unanswered:  # connected but silent: try again later
                noise = self._link.transport.noise
                self._go_offline(
                    GARBAGE
                    if noise is not None and noise.noisy
                    else QT_TRANSLATE_NOOP("Wall", "the device does not answer")
                )
                await asyncio.sleep(self._backoff.next())

    async def _connect(self) -> bool:
        commands = self._protocol.connect_commands(self._status.configured)
        probe = self._protocol.keepalive()
        if not commands and self._unanswered and probe is not None:
            commands = [probe]  # back from silence: make sure it answers before calling it online
        for command in commands:
            if await self._exchange(Job(command)) is None or not self._link.ready:
                return False
        self._unanswered = 0
        return self._link.ready

    async def _serve(self) -> None:
        while self._online and self._unanswered < SILENT_AFTER:
            job = await self._next_job()
            if job is not None:
                await self._exchange(job)

    async def _next_job(self) -> Job | None:
        loop = asyncio.get_running_loop()
        while not self._jobs:
            if not self._online:
                return None
            self._wake.clear()
            idle = self._timing.keepalive
            wait = None if idle <= 0 else max(0.0, self._last_end + idle - loop.time())
            try:
                await asyncio.wait_for(self._wake.wait(), wait)
            except TimeoutError:
                keepalive = self._protocol.keepalive()
                if keepalive is not None:
                    self._status.count(keepalives=1)
                    return Job(keepalive)
                self._last_end = loop.time()
        return self._jobs.popleft()
