"""One camera's protocol state machine, running on the device loop.

Rules it keeps (docs/visca-protocol.md §3.3, §9):
- at most one message waits for its first reply; ACKed commands are tracked per socket
  until their completion; "buffer full" waits for a completion and retries;
- continuous moves are state: the newest wanted speed per axis is sent when the line is
  free, so a held key becomes at most one packet per round trip, and a stop is retried
  until the camera acknowledges it;
- a newer move supersedes a running one (the old socket is cancelled first);
- silence makes the camera offline within ``offline_after``; it is then probed with backoff
  and, once it answers, every axis is stopped before anything else is sent.
"""
from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import logging

from devices.visca import codec
from devices.visca.camera_status import CameraStatus
from devices.visca.drives import describe_drive, drive_message, limited
from devices.visca.jobs import STOPPED, UNKNOWN, Axis, Job, JobKind, Timing
from devices.visca.links import Link, Quirks
from devices.visca.liveness import Liveness
from devices.visca.running import RunningCommands
from devices.visca.session_replies import ReplyHandling
from devices.records import Link as LinkState
from models.wording import QT_TRANSLATE_NOOP, sentence_of

log = logging.getLogger(__name__)

MAX_QUEUE = 64
QUICK_PROBE = 0.08            # probe spacing once something went unanswered
MIN_RTO = 0.08                # resend timeout floor when the measured round trip is short
STARVING_POLLS = 3            # a status poll this many intervals late goes before operator moves


class CameraSession(ReplyHandling):
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
        self.pending: Job | None = None
        self._reply: asyncio.Future | None = None
        self._wake = asyncio.Event()
        self._hold_until = 0.0              # after "buffer full": commands wait for a completion
        self._settle_waiters: list[concurrent.futures.Future] = []
        self._needs_reset = link.sequenced
        self._closed = False
        link.on_reply = self._on_reply
        link.on_event = self._on_link_event

    # ---- entry points (device loop) ------------------------------------------------------
    def wake(self) -> None:
        self._wake.set()

    def submit(self, job: Job) -> None:
        if self.status.is_offline:
            job.fail(self.status.error(job.action, "offline", QT_TRANSLATE_NOOP("Camera", "{camera} is offline")
                                       .format(camera=self.status.name)))
            return
        if job.motion:
            self.supersede_motion()
        if len(self.queue) >= MAX_QUEUE:
            job.fail(self.status.error(job.action, "too many commands waiting"))
            return
        self.queue.append(job)
        self._preempt_background()
        self.wake()

    def set_axis(self, axis: Axis, value: object) -> None:
        self.wants[axis] = value
        if self.wants[axis] != self.sent[axis]:
            self._preempt_background()
        self.wake()

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
        self._preempt_background()
        self.wake()

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
        while not self._closed:
            job = self._pick(loop.time())
            if job is None:
                self._wake.clear()
                try:
                    await asyncio.wait_for(self._wake.wait(), self._idle_timeout(loop.time()))
                except asyncio.TimeoutError:
                    pass
                continue
            await self._exchange(job)

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
        if self.status.discovering:   # what the camera is decides how the rest is built
            return self.status.discovery_job()
        starving = self.status.due_poll(now, late_by=STARVING_POLLS * self.timing.poll_interval)
        if starving is not None or now < self._hold_until:
            return self.status.poll_job(starving, now) if starving else None
        axis = next((a for a in Axis if self.wants[a] != self.sent[a]), None)
        if axis is not None:
            return self._gate(self._drive_job(axis))
        if self.queue:
            return self._built(self._gate(self.queue[0], from_queue=True))
        due = self.status.due_poll(now)
        return self.status.poll_job(due, now) if due else None

    def _preempt_background(self) -> None:
        """The operator wants something: a status inquiry still awaiting its answer steps aside."""
        pending = self.pending
        if pending is not None and pending.background and pending.kind is JobKind.INQUIRY:
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
        return Job(JobKind.DRIVE, drive_message(axis, value, self.status.profile),
                   f"{axis.value} {describe_drive(axis, value)}", axis=axis, value=value)

    def _cancel_job(self, socket: int) -> Job:
        return Job(JobKind.CANCEL, codec.cancel(socket), f"cancel socket {socket}", socket=socket, background=True)

    def _quick_probe(self) -> Job:
        job = self.status.probe_job()
        job.timeout = min(self.timing.ack_timeout, QUICK_PROBE)
        return job

    def _idle_timeout(self, now: float) -> float:
        if self.status.is_offline:
            return max(0.01, self.liveness.next_probe() - now)
        due = [self.status.next_poll_time() - now]
        if self._hold_until > now:
            due.append(self._hold_until - now)
        due += [job.deadline - now for job in self.running]
        return max(0.01, min(due))

    def _expire_running(self, now: float) -> None:
        superseded, again, expired = self.running.sort_out(now, self.status.still_since)
        for job in superseded:
            self.status.finish(job, job.superseded)
        for job in again:  # recalls and absolute moves are idempotent: a lost datagram never strands one
            job.tries, job.seq, job.on_wire, job.resends = 0, None, False, job.resends + 1
            self.queue.appendleft(job)
        for job in expired:
            self.status.finish(job, "timeout", "no completion from the camera")
        if superseded or again or expired:
            self._socket_freed()

    # ---- one exchange: send, wait for the first reply, resend on timeout -----------------
    async def _exchange(self, job: Job) -> None:
        """Send ``job`` and resend it until its first reply (handled at once in ``_on_reply``)."""
        loop = asyncio.get_running_loop()
        self.pending = job
        self._reply = woken = loop.create_future()
        job.sent_at = loop.time()
        while self.pending is job:
            resend = job.tries > 0
            if not (job.on_wire and self.link.reliable):  # a TCP stream does not lose what it took
                job.on_wire = self._transmit(job, resend)
            job.tries += 1
            try:
                await asyncio.wait_for(asyncio.shield(woken), self._ack_timeout(job))
            except asyncio.TimeoutError:
                if self.pending is not job:
                    break
                self.status.count("timeouts")
                if self._check_offline(loop.time()) or job.background and job.kind is not JobKind.RESET:
                    self._resolve(("timeout",))
                elif job.kind is JobKind.DRIVE and self.wants[job.axis] != job.value:
                    self._resolve(("stale",))  # the operator wants something else by now: send that

    def _transmit(self, job: Job, resend: bool) -> bool:
        try:
            if job.kind is JobKind.RESET:
                self.link.reset()
                job.seq = 0
            else:
                job.seq = self.link.transmit(job.message, job.seq if resend else None)
        except (ConnectionError, OSError) as exc:
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
        rtt = self.status.rtt
        if rtt is None:
            return self.timing.ack_timeout
        return min(self.timing.ack_timeout, max(MIN_RTO, 4 * rtt))  # resend sooner on a fast network

    def _forget_running(self, job: Job) -> None:
        self.running.forget(job)
        self._socket_freed()

    def _socket_freed(self) -> None:
        self._hold_until = 0.0   # whatever waited after "buffer full" may go now
        self.wake()

    # ---- online / offline ---------------------------------------------------------------------
    def _seen(self) -> None:
        self.liveness.answered()
        self.status.seen()
        if not self.status.online:
            if self.status.is_offline:
                self._recover()
            self.status.set_link(LinkState.ONLINE)

    def _recover(self) -> None:
        """Back from silence or a restart: stop every axis first, resynchronise sequence numbers."""
        self.wants = dict(STOPPED)
        self.sent = {axis: UNKNOWN for axis in Axis}
        self._needs_reset = self.link.sequenced
        self.status.reconnected()

    def _check_offline(self, now: float) -> bool:
        if not self.status.is_offline and self.liveness.gone(now):
            self._go_offline(QT_TRANSLATE_NOOP("Camera", "{camera} did not answer for {seconds} s").format(
                camera=self.status.name, seconds=f"{self.liveness.silence(now):.1f}"))
        return self.status.is_offline

    def _go_offline(self, why: str) -> None:
        if self.status.is_offline:
            return
        for job in [*self.queue, *self.running.clear()]:
            self.status.finish(job, "offline")
        self.queue.clear()
        for future in self._settle_waiters:
            if not future.done():
                future.set_exception(self.status.error("move", "offline", why))
        self._settle_waiters.clear()
        self.status.fail_identified(self.status.error("identify", "offline", why))
        self.wants = dict(STOPPED)
        self.sent = {axis: UNKNOWN for axis in Axis}
        self.liveness.went_offline()
        self.status.set_link(LinkState.OFFLINE, why)
        self.wake()
