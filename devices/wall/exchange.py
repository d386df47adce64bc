"""One command on the wire and how its job ends: the half of a wall's command queue (queue.py) that
talks to the device, the same for every driver.

A job's command goes out in the form the device supports, after ``gap`` seconds of quiet and in the
line's turn; a query (or an optional command) is sent once more after a timeout, a command that
changes something never is. What the device refuses for want of a feature is learned here, and the
job is finished: its future, its audit record, the status, and the routes read back after a change.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import time
from collections import deque
from dataclasses import dataclass, field

from common.wording import QT_TRANSLATE_NOOP, sentence_of
from devices.wall.capabilities import Capability
from devices.wall.link import WallLink
from devices.wall.protocol import Command, Reply, ReplyKind, Timing, WallProtocol
from devices.wall.state import WallError, WallStatus

log = logging.getLogger(__name__)
SENT = Reply(ReplyKind.OK, text="(sent; this device does not answer)")
NOT_SUPPORTED = Reply(
    ReplyKind.NOISE, text="(not supported by this device; not asked again on this connection)"
)
NOT_CONNECTED = QT_TRANSLATE_NOOP("Wall", "not connected")


@dataclass(eq=False)
class Job:
    command: Command
    future: concurrent.futures.Future | None = None
    audited: bool = False  # an operator action: it ends in an ActionRecord
    started: float = field(default_factory=time.time)
    expiry: asyncio.TimerHandle | None = None


class CommandExchange:
    """Sends the jobs' commands and finishes the jobs; ``CommandQueue`` (queue.py) decides when."""

    def __init__(
        self, name: str, link: WallLink, protocol: WallProtocol, status: WallStatus, timing: Timing
    ) -> None:
        self.name = name
        self._link = link
        self._protocol = protocol
        self._status = status
        self._timing = timing
        self._jobs: deque[Job] = deque()
        self._wake = asyncio.Event()
        self._current: Command | None = None
        self._answer: asyncio.Future[Reply] | None = None
        self._last_end = 0.0  # loop time at which the last exchange ended
        self._unanswered = 0

    def _on_reply(self, reply: Reply) -> None:
        self._status.heard(reply.kind is not ReplyKind.NOISE)
        command, answer = self._current, self._answer
        if command is not None and answer is not None and not answer.done() and command.answered_by(reply):
            decode = command.decode
            answer.set_result(decode(reply) if decode is not None else reply)
        elif reply.kind is ReplyKind.ERROR:
            self._status.count(errors=1)
            self._status.set_error(
                QT_TRANSLATE_NOOP("Wall", "the device reported: {problem}").format(problem=reply.error)
            )
        elif reply.kind in (ReplyKind.OK, ReplyKind.DATA):
            self._status.apply_reply(reply)  # a change made elsewhere (front panel, another client)

    async def _exchange(self, job: Job) -> Reply | None:
        """Send one command (in the form the device supports) and wait for its answer; the answer,
        or None when there was none. What the device refuses for want of a feature is learned here."""
        if job.expiry is not None:
            job.expiry.cancel()
        while True:
            command = job.command = job.command.supported_form(self._status.unsupported)
            if command.optional and command.feature in self._status.unsupported:
                return self._done(job, NOT_SUPPORTED)  # refused before on this connection: not asked again
            outcome = await self._transact(command)
            if isinstance(outcome, Reply):
                refused = outcome.kind is ReplyKind.ERROR and command.optional  # discovery: any refusal
                if command.feature and (refused or self._protocol.refuses(outcome)):
                    self._status.learn_unsupported(command.feature)
                    if command.fallback is not None:
                        continue
                    if command.optional:
                        outcome = NOT_SUPPORTED
                return self._done(job, outcome)
            failure, detail = outcome
            if failure == "timeout" and command.optional and command.feature:
                self._status.learn_unsupported(command.feature)  # units that stay silent on unknown commands
                return self._done(job, NOT_SUPPORTED)
            if failure == "timeout":
                self._unanswered += 1
            self._finish(job, None, failure, detail)
            return None

    async def _transact(self, command: Command) -> Reply | tuple[str, str]:
        """One command on the wire: its answer, or (failure, detail) — "offline" or "timeout"."""
        loop = asyncio.get_running_loop()
        for attempt in range(2 if command.query or command.optional else 1):
            if attempt:
                self._status.count(retries=1)
            await asyncio.sleep(max(0.0, self._last_end + self._timing.gap - loop.time()))
            async with self._link.turn(self._timing.gap):
                if not self._link.ready or not self._link.send(command.data):
                    return "offline", offline_because(NOT_CONNECTED)
                self._status.count(sent=1)
                sent_at = loop.time()
                if not command.expects_reply:
                    self._last_end = loop.time()
                    return SENT
                self._current, self._answer = command, loop.create_future()
                try:
                    reply = await asyncio.wait_for(self._answer, self._timing.timeout)
                except TimeoutError:
                    self._status.count(timeouts=1)
                    continue
                except ConnectionError as exc:
                    return "offline", offline_because(sentence_of(exc))
                finally:
                    self._current, self._answer = None, None
                    self._last_end = loop.time()
            self._unanswered = 0
            self._status.round_trip(loop.time() - sent_at)
            return reply
        return "timeout", QT_TRANSLATE_NOOP("Wall", "no answer within {seconds} s").format(
            seconds=f"{self._timing.timeout:g}"
        )

    def _done(self, job: Job, reply: Reply) -> Reply:
        self._finish(job, reply)
        return reply

    def _finish(self, job: Job, reply: Reply | None, failure: str = "", detail: str = "") -> None:
        command = job.command
        if reply is not None and reply.kind is ReplyKind.ERROR:
            failure = detail = reply.error or "refused"
            self._status.count(errors=1)
            self._status.set_error(
                QT_TRANSLATE_NOOP("Wall", "{action}: {problem}").format(
                    action=command.action, problem=failure
                )
            )
        elif reply is not None:
            self._status.apply(command.routes, command.facts)
            self._status.apply_reply(reply)
            if command.refresh_routes:
                self._refresh_routes()
        record = (
            self._status.record(command.action, failure or "completed", job.started) if job.audited else None
        )
        future = job.future
        if future is None or future.done():
            return
        if failure:
            future.set_exception(WallError(self.name, command.action, failure, detail))
        else:
            future.set_result(record if job.audited else reply)

    def _refresh_routes(self) -> None:
        if Capability.ROUTE_QUERY not in self._protocol.capabilities:
            return
        try:
            queries = self._protocol.route_queries(self._status.size.outputs)
        except ValueError as exc:
            log.info("%s: routes not read back: %s", self.name, exc)
            return
        self._jobs.extend(Job(query) for query in queries)
        self._wake.set()


def offline_because(why: str) -> str:
    return QT_TRANSLATE_NOOP("Wall", "offline: {reason}").format(reason=why)
