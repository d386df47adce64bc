"""One camera's protocol state machine, running on the device loop.

Rules it keeps (docs/protocols/visca.md "Command/ACK state machine", "Controller scheduling"):
- at most one message waits for its first reply; ACKed commands are tracked per socket
  until their completion; "buffer full" waits for a completion and retries;
- continuous moves are state: the newest wanted speed per axis is sent when the line is
  free, so a held key becomes at most one packet per round trip, and a stop is retried
  until the camera acknowledges it;
- a newer move supersedes a running one (the old socket is cancelled first);
- a camera is online while what it is asked completes: silence, or answers that complete nothing
  (wrong sequence numbers, only ACKs, bytes dribbling in), make it offline within ``offline_after``
  with the reason; it is then probed with backoff and, once a probe is answered, every axis is
  stopped before anything else is sent (docs/transports.md "Timing", "Online").
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import logging

from common.wording import QT_TRANSLATE_NOOP, sentence_of
from devices.records import Link as LinkState
from devices.visca.camera_status import CameraStatus
from devices.visca.jobs import STOPPED, UNKNOWN, Axis, Job, JobKind, Timing
from devices.visca.links import Link, Quirks
from devices.visca.liveness import Liveness
from devices.visca.online import OnlineState
from devices.visca.resend import Echoes, ResendTimer
from devices.visca.running import RunningCommands
from devices.visca.session_order import SendOrder
from devices.visca.session_replies import ReplyHandling

log = logging.getLogger(__name__)

MAX_QUEUE = 64


class CameraSession(SendOrder, ReplyHandling, OnlineState):
    def __init__(self, link: Link, status: CameraStatus, timing: Timing, quirks: Quirks = Quirks()) -> None:
        self.link = link
        self.status = status
        self.timing = timing
        self.quirks = quirks
        self.queue: collections.deque[Job] = collections.deque()
        # until someone asks for a move, leave the camera as it is (another controller may drive it)
        self.wants: dict[Axis, object] = {axis: UNKNOWN for axis in Axis}
        self.sent: dict[Axis, object] = {axis: UNKNOWN for axis in Axis}
        self.running = RunningCommands()
        self.liveness = Liveness(timing)
        self.resend = ResendTimer(timing.ack_timeout)
        self.pending: Job | None = None
        self._reply: asyncio.Future | None = None  # the pending job's first reply (or its give-up)
        self._idle: asyncio.Future | None = None  # set while nothing is to be sent: wake() resolves it
        self._begun: Job | None = None  # sent while idle by go(): the woken loop awaits its reply
        self._hold_until = 0.0  # after "buffer full": commands wait for a completion
        self.echoes = Echoes()  # raw links: late answers to resent copies, awaited
        self.resent_seqs: collections.deque[int] = collections.deque(maxlen=16)  # Sony: numbers sent twice
        self._settle_waiters: list[concurrent.futures.Future] = []
        self._needs_reset = link.sequenced
        self._closed = False
        self._said_garbage = False  # the operator was told of garbage on the line
        self.acks_complete = True  # no ACKed command has gone without its completion lately
        link.on_reply = self._on_reply
        link.on_event = self._on_link_event

    # ---- entry points (device loop) ------------------------------------------------------
    def wake(self) -> None:
        idle = self._idle
        if idle is not None and not idle.done():
            idle.set_result(True)

    def go(self) -> None:
        """Wake for something the operator asked: when nothing awaits its first reply, what is to be
        sent now leaves in this very loop iteration, not after the session's task has resumed
        (issue 13) — also when a status inquiry has just stepped aside for it."""
        if self._begun is None and not self._closed and (self._idle is not None or self._exchange_over()):
            job = self._pick(asyncio.get_running_loop().time())
            if job is not None:
                self._begun = job
                self._begin(job)
        self.wake()

    def submit(self, job: Job) -> None:
        if self.status.is_offline:
            job.fail(
                self.status.error(
                    job.action,
                    "offline",
                    QT_TRANSLATE_NOOP("Camera", "{camera} is offline").format(camera=self.status.name),
                )
            )
            return
        if job.motion:
            self.supersede_motion()
        if len(self.queue) >= MAX_QUEUE:
            job.fail(self.status.error(job.action, "too many commands waiting"))
            return
        self.queue.append(job)
        self._preempt_background()
        self.go()

    def set_axis(self, axis: Axis, value: object) -> None:
        self.wants[axis] = value
        if self.wants[axis] != self.sent[axis]:
            self._preempt_background(stop=value == STOPPED[axis])
        self.go()

    def when_settled(self, future: concurrent.futures.Future) -> None:
        self._settle_waiters.append(future)
        self._check_settled()

    def _check_settled(self) -> None:
        if self.wants == self.sent and not (self.pending and self.pending.kind is JobKind.DRIVE):
            for future in self._settle_waiters:
                if not future.done():
                    future.set_result(True)
            self._settle_waiters.clear()

    def stop_all(self) -> None:
        """ALL STOP: always transmitted, even where the camera is believed to be still."""
        self.wants = dict(STOPPED)
        self.sent = {axis: UNKNOWN for axis in Axis}
        self.supersede_motion("stopped")
        self._preempt_background(stop=True)
        self.go()

    def supersede_motion(self, why: str = "superseded") -> None:
        if self.pending is not None and self.pending.motion:
            self.pending.superseded = why  # cancelled as soon as its ACK names the socket
        for job in [j for j in self.queue if j.motion]:
            self.queue.remove(job)
            self.status.finish(job, why)
        for job in self.running.supersede_moves(why):
            self.status.finish(job, why)
        self.wake()

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            await self.link.open()
        except OSError as exc:
            self.status.set_link(LinkState.OFFLINE, sentence_of(exc))
            raise
        self._reset_ahead()
        while not self._closed:
            job, self._begun = self._begun, None  # already sent by go() while this task waited
            if job is None:
                job = self._pick(loop.time())
                if job is None:
                    self._idle = loop.create_future()
                    try:
                        await _woken(self._idle, self._idle_timeout(loop.time()))
                    finally:
                        self._idle = None
                    continue
                self._begin(job)
            await self._exchange(job)

    def _exchange_over(self) -> bool:
        """The task's exchange has its first reply (or gave it up) and is about to return. On a
        numbered link nothing follows it, so the next message may go now; on a raw link the task
        first notes which late answers to expect."""
        return self.pending is None and self._reply is not None and self._reply.done() and self.link.sequenced

    async def close(self) -> None:
        self._closed = True
        self.wake()
        for job in [*self.queue, *self.running.clear()]:
            self.status.finish(job, "closed")
        await self.link.close()

    def _reset_ahead(self) -> None:
        """VISCA over IP: the first RESET goes out without waiting for its answer, so the first
        message follows at once; should it be lost, the camera's `0F 01` asks for one anyway."""
        if not self._needs_reset:
            return
        try:
            self.link.reset()
        except (ConnectionError, OSError):
            return
        self._needs_reset = False
        self.status.count("resets")

    # ---- one exchange: send, wait for the first reply, resend on timeout -----------------
    def _begin(self, job: Job) -> None:
        """``job`` becomes the one awaiting its first reply, and goes out."""
        self.pending = job
        job.sent_at = asyncio.get_running_loop().time()
        self._send(job)

    def _send(self, job: Job) -> None:
        # resent on every wiring: a camera (or a serial converter) may drop what TCP delivered
        loop = asyncio.get_running_loop()
        self._reply = loop.create_future()  # before sending: a reply may come at once
        job.last_sent = loop.time()
        job.on_wire = self._transmit(job, job.tries > 0)
        job.tries += 1

    async def _exchange(self, job: Job) -> None:
        """Await the first reply to ``job`` (sent by ``_begin``, handled at once in ``_on_reply``),
        resending it on each timeout."""
        loop = asyncio.get_running_loop()
        gave_up = False
        while self.pending is job:
            assert self._reply is not None
            if await _woken(self._reply, self._ack_timeout(job)) or self.pending is not job:
                break
            self.status.count("timeouts")
            if (
                self._check_offline(loop.time())
                or job.background
                and job.kind is not JobKind.RESET
                and job.tries >= job.attempts
            ):
                self._resolve(("timeout",))
                gave_up = True
            elif job.kind is JobKind.DRIVE and self.wants[job.drive_axis] != job.value:
                self._resolve(("stale",))  # the operator wants something else by now: send that
                gave_up = True
            else:
                self._send(job)
        if not self.link.sequenced:
            self.echoes.expect(job.tries - (0 if gave_up else 1), loop.time() + self.resend.timeout())

    def _transmit(self, job: Job, resend: bool) -> bool:
        try:
            if job.kind is JobKind.RESET:
                self.link.reset()
                job.seq = 0
            else:
                job.seq = self.link.transmit(job.message, job.seq if resend else None)
                if resend and job.seq is not None:
                    self.resent_seqs.append(job.seq)
        except (ConnectionError, OSError) as exc:
            if not self.status.is_offline:  # offline, the reason it is says more
                self.status.note_error(sentence_of(exc))
            return False
        finally:
            self.liveness.transmitted(asyncio.get_running_loop().time())
        self.status.count("retries" if resend else "sent")
        return True

    def _ack_timeout(self, job: Job) -> float:
        if job.timeout is not None:
            return job.timeout
        if self.quirks.completion_without_ack and job.motion:
            return self.timing.motion_completion
        return self.resend.timeout()

    def _forget_running(self, job: Job) -> None:
        self.running.forget(job)
        self._socket_freed()

    def _socket_freed(self) -> None:
        self._hold_until = 0.0  # whatever waited after "buffer full" may go now
        self.wake()


async def _woken(future: asyncio.Future, timeout: float) -> bool:
    """Await ``future`` for up to ``timeout``: its result (True) once resolved, False on timeout.
    Lighter than ``wait_for``, which wraps what it awaits in a task and a waiter: the awaiting task
    resumes in the loop iteration right after the future is resolved (issue 13, the hop to the wire)."""
    timer = asyncio.get_running_loop().call_later(timeout, _time_up, future)
    try:
        return await future
    finally:
        timer.cancel()


def _time_up(future: asyncio.Future) -> None:
    if not future.done():
        future.set_result(False)
