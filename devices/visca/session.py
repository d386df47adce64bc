"""One camera's protocol state machine, running on the device loop.

Rules it keeps (docs/visca-protocol.md §3.3, §9):
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
from devices.visca import codec
from devices.visca.camera_status import CameraStatus
from devices.visca.drives import describe_drive, drive_message, limited
from devices.visca.jobs import STOPPED, UNKNOWN, Axis, Job, JobKind, Timing
from devices.visca.links import Link, Quirks
from devices.visca.liveness import Liveness
from devices.visca.online import OnlineState
from devices.visca.resend import Echoes, ResendTimer
from devices.visca.running import RunningCommands
from devices.visca.session_replies import ReplyHandling

log = logging.getLogger(__name__)

MAX_QUEUE = 64
QUICK_PROBE = 0.08  # probe spacing once something went unanswered (before a round trip is known)
STARVING_POLLS = 3  # a status poll this many intervals late goes before operator moves (not commands)


class CameraSession(ReplyHandling, OnlineState):
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

    # ---- choosing what to send -------------------------------------------------------------
    def _pick(self, now: float) -> Job | None:
        """What to send next: safety first, then the operator, then status polls."""
        self._expire_running(now)
        self._check_offline(now)
        if self.echoes.holding(now):
            return None  # a late answer to a resent copy would be taken for the next message's
        if self.status.is_offline:
            return self.status.probe_job() if self.liveness.probe_due(now) else None
        operator_waiting = bool(self.queue) or any(self.wants[a] != self.sent[a] for a in Axis)
        if self.liveness.waiting and not operator_waiting:
            return self._quick_probe()  # something went unanswered: find out fast whether it is gone
        if self._needs_reset:
            return Job(JobKind.RESET, b"", "sequence reset", background=True)
        if self.running.cancels:
            return self._cancel_job(self.running.cancels.popleft())
        stop = next((a for a in Axis if self.wants[a] == STOPPED[a] and self.sent[a] != STOPPED[a]), None)
        if stop is not None:
            return self._drive_job(stop)
        if self.status.discovering:  # what the camera is decides how the rest is built …
            first = self.queue[0] if self.queue and now >= self._hold_until else None
            if first is not None and first.independent:  # … unless it is the same on every camera
                job = self._built(self._gate(first, from_queue=True))
                if job is not None:
                    return job
            return self.status.discovery_job()
        starving = self.status.due_poll(now, late_by=STARVING_POLLS * self.timing.poll_interval)
        if now < self._hold_until:
            return self.status.poll_job(starving, now) if starving else None
        axis = next((a for a in Axis if self.wants[a] != self.sent[a]), None)
        if starving is not None and axis is None and self.queue:
            # a command the operator is waiting for is one packet, not a stream of moves: it goes first
            job = self._built(self._gate(self.queue[0], from_queue=True))
            if job is not None:
                return job
        if starving is not None:
            return self.status.poll_job(starving, now)
        if axis is not None:
            return self._gate(self._drive_job(axis))
        if self.queue:
            return self._built(self._gate(self.queue[0], from_queue=True))
        due = self.status.due_poll(now)
        return self.status.poll_job(due, now) if due else None

    def _preempt_background(self, stop: bool = False) -> None:
        """The operator wants something: a status inquiry still awaiting its answer steps aside;
        the camera's identity only for a stop (what it is decides what is sent next)."""
        pending = self.pending
        if (
            pending is not None
            and pending.background
            and pending.kind is JobKind.INQUIRY
            and (stop or not (pending.inquiry == "version" and self.status.discovering))
        ):
            self._resolve(("abandoned",))

    def _gate(self, job: Job, from_queue: bool = False) -> Job | None:
        """Respect the camera's two sockets: cancel an older move or wait for a completion."""
        if self.running.full:
            moving = self.running.moving_socket()
            if moving is not None and (job.motion or job.kind is JobKind.DRIVE):
                return self._cancel_job(moving)
            return None
        if from_queue:
            self.queue.popleft()
        return job

    def _built(self, job: Job | None) -> Job | None:
        """A command's bytes come from the profile known now: checked again, as it may have changed
        since the caller's check (docs/cameras.md "Before the model is known")."""
        if job is None or job.build is None or job.kind is not JobKind.COMMAND:
            return job
        try:
            job.message = job.build(self.status.profile)
        except ValueError as exc:
            self.status.finish(job, "out of range for this camera", sentence_of(exc))
            self.wake()
            return None
        return job

    def _drive_job(self, axis: Axis) -> Job:
        value = limited(axis, self.wants[axis], self.status.profile)
        self.wants[axis] = value
        return Job(
            JobKind.DRIVE,
            drive_message(axis, value, self.status.profile),
            f"{axis.value} {describe_drive(axis, value)}",
            axis=axis,
            value=value,
        )

    def _cancel_job(self, socket: int) -> Job:
        return Job(
            JobKind.CANCEL, codec.cancel(socket), f"cancel socket {socket}", socket=socket, background=True
        )

    def _quick_probe(self) -> Job:
        job = self.status.probe_job()
        resend = self.resend  # before a round trip is measured, as quick as ever; then as the link allows
        job.timeout = min(resend.first_guess, QUICK_PROBE) if resend.srtt is None else resend.timeout()
        return job

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

    def _idle_timeout(self, now: float) -> float:
        if self.status.is_offline:
            return max(0.01, self.liveness.next_probe() - now)
        due = [self.status.next_poll_time() - now]
        if self._hold_until > now:
            due.append(self._hold_until - now)
        if self.echoes.holding(now):
            due.append(self.echoes.until - now)
        due += [job.deadline - now for job in self.running]
        due += [
            job.accepted_at + self.resend.ask_again_after() - now for job in self.running if not job.motion
        ]
        return max(0.01, min(due))

    def _expire_running(self, now: float) -> None:
        superseded, again, expired = self.running.sort_out(
            now, self.status.still_since, self.resend.ask_again_after()
        )
        for job in superseded:
            self.status.finish(job, job.superseded)
        for job in again:  # recalls and absolute moves are idempotent: a lost datagram never strands one
            job.tries, job.seq, job.on_wire, job.resends = 0, None, False, job.resends + 1
            self.queue.appendleft(job)
        for job in expired:
            self.acks_complete = False  # its ACKs no longer show that commands work
            self.status.finish(job, "timeout", "no completion from the camera")
        if superseded or again or expired:
            self._socket_freed()

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
