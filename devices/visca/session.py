"""One camera's protocol state machine, running on the device loop.

Rules it keeps (visca.md §2, ptz-controllers.md §2.2):
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
from typing import Any

from devices.visca import codec
from devices.visca.camera_status import CameraStatus
from devices.visca.jobs import STOPPED, UNKNOWN, Axis, Job, JobKind, Timing
from devices.visca.links import Link, LinkEvent, Quirks
from devices.visca.profiles import CameraProfile
from devices.visca.replies import ERROR_NAMES, Reply, ReplyKind
from devices.visca.state import Link as LinkState

log = logging.getLogger(__name__)

BUFFER_FULL, CANCELED, NO_SOCKET = 0x03, 0x04, 0x05
MAX_QUEUE = 64
MAX_RESENDS = 3               # a move whose completion went missing is asked again this often
STILL_BEFORE_RESEND = 1.0     # seconds the head must have been still before that
QUICK_PROBE = 0.1             # probe spacing once something went unanswered
MIN_RTO = 0.08                # resend timeout floor when the measured round trip is short
MIN_UNANSWERED = 6            # transmissions without any answer before a camera counts as offline
STARVING_POLLS = 3            # a status poll this many intervals late goes before operator moves


class CameraSession:
    def __init__(self, link: Link, status: CameraStatus, timing: Timing, quirks: Quirks = Quirks()) -> None:
        self.link = link
        self.status = status
        self.timing = timing
        self.quirks = quirks
        self.queue: collections.deque[Job] = collections.deque()
        # until someone asks for a move, leave the camera as it is (another controller may drive it)
        self.wants: dict[Axis, object] = {axis: UNKNOWN for axis in Axis}
        self.sent: dict[Axis, object] = {axis: UNKNOWN for axis in Axis}
        self.cancels: collections.deque[int] = collections.deque()
        self.sockets: dict[int, Job] = {}
        self.unsocketed: list[Job] = []     # accepted, socket unknown (ACK lost over IP)
        self.pending: Job | None = None
        self._reply: asyncio.Future | None = None
        self._wake = asyncio.Event()
        self._hold_until = 0.0              # after "buffer full": commands wait for a completion
        self._settle_waiters: list[concurrent.futures.Future] = []
        self._needs_reset = link.sequenced
        self._unanswered_since: float | None = None   # first transmission since the last reply
        self._unanswered = 0                          # transmissions since the last reply
        self._probe_step = 0
        self._next_probe = 0.0
        self._closed = False
        link.on_reply = self._on_reply
        link.on_event = self._on_link_event

    # ---- entry points (device loop) ------------------------------------------------------
    def wake(self) -> None:
        self._wake.set()

    def submit(self, job: Job) -> None:
        if self.status.is_offline:
            job.fail(self.status.error(job.action, "offline", f"{self.status.name} is offline"))
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
            self.pending.superseded = True  # cancelled as soon as its ACK names the socket
        for job in [j for j in self.queue if j.motion]:
            self.queue.remove(job)
            self.status.finish(job, why)
        for socket, job in self.sockets.items():
            if job.motion and not job.superseded:
                job.superseded = True
                self.cancels.append(socket)
        for job in [j for j in self.unsocketed if j.motion]:
            self._forget_running(job)   # its socket is unknown: the newer move overrides it on the camera
            self.status.finish(job, why)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            await self.link.open()
        except OSError as exc:
            self.status.set_link(LinkState.OFFLINE, str(exc))
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
        for job in [*self.queue, *self.sockets.values(), *self.unsocketed]:
            self.status.finish(job, "closed")
        await self.link.close()

    # ---- choosing what to send -------------------------------------------------------------
    def _pick(self, now: float) -> Job | None:
        """What to send next: safety first, then the operator, then status polls."""
        self._expire_running(now)
        self._check_offline(now)
        if self.status.is_offline:
            return self._probe(now)
        operator_waiting = bool(self.queue) or any(self.wants[a] != self.sent[a] for a in Axis)
        if self._unanswered_since is not None and not operator_waiting:
            return self._quick_probe()  # something went unanswered: find out fast whether it is gone
        if self._needs_reset:
            return Job(JobKind.RESET, b"", "sequence reset", background=True)
        if self.cancels:
            return self._cancel_job(self.cancels.popleft())
        stop = next((a for a in Axis if self.wants[a] == STOPPED[a] and self.sent[a] != STOPPED[a]), None)
        if stop is not None:
            return self._drive_job(stop)
        starving = self.status.due_poll(now, late_by=STARVING_POLLS * self.timing.poll_interval)
        if starving is not None or now < self._hold_until:
            return self.status.poll_job(starving, now) if starving else None
        axis = next((a for a in Axis if self.wants[a] != self.sent[a]), None)
        if axis is not None:
            return self._gate(self._drive_job(axis))
        if self.queue:
            return self._gate(self.queue[0], from_queue=True)
        due = self.status.due_poll(now)
        return self.status.poll_job(due, now) if due else None

    def _preempt_background(self) -> None:
        """The operator wants something: a status inquiry still awaiting its answer steps aside."""
        pending = self.pending
        if pending is not None and pending.background and pending.kind is JobKind.INQUIRY:
            self._resolve(("abandoned",))

    def _gate(self, job: Job, from_queue: bool = False) -> Job | None:
        """Respect the camera's two sockets: cancel an older move or wait for a completion."""
        if len(self.sockets) >= 2:
            moving = [s for s, j in self.sockets.items() if j.motion]
            if moving and (job.motion or job.kind is JobKind.DRIVE):
                return self._cancel_job(moving[0])
            return None
        if from_queue:
            self.queue.popleft()
        return job

    def _drive_job(self, axis: Axis) -> Job:
        value = self.wants[axis]
        return Job(JobKind.DRIVE, drive_message(axis, value, self.status.profile),
                   f"{axis.value} {describe_drive(axis, value)}", axis=axis, value=value)

    def _cancel_job(self, socket: int) -> Job:
        return Job(JobKind.CANCEL, codec.cancel(socket), f"cancel socket {socket}", socket=socket, background=True)

    def _probe(self, now: float) -> Job | None:
        if now < self._next_probe:
            return None
        steps = self.timing.probe_backoff
        self._next_probe = now + steps[min(self._probe_step, len(steps) - 1)]
        self._probe_step += 1
        return self.status.probe_job()

    def _quick_probe(self) -> Job:
        job = self.status.probe_job()
        job.timeout = min(self.timing.ack_timeout, QUICK_PROBE)
        return job

    def _idle_timeout(self, now: float) -> float:
        if self.status.is_offline:
            return max(0.01, self._next_probe - now)
        due = [self.status.next_poll_time() - now]
        if self._hold_until > now:
            due.append(self._hold_until - now)
        due += [j.deadline - now for j in [*self.sockets.values(), *self.unsocketed]]
        return max(0.01, min(due))

    def _expire_running(self, now: float) -> None:
        for job in [*self.sockets.values(), *self.unsocketed]:
            if job.superseded and now - job.accepted_at > STILL_BEFORE_RESEND:
                self._forget_running(job)  # its cancel went unanswered; the newer move has taken over
                self.status.finish(job, "superseded")
            elif job.motion and self._completion_lost(job, now):
                # the head stopped long ago but no completion came: ask again (recalls and
                # absolute moves are idempotent), so a lost UDP datagram never strands a recall
                self._forget_running(job)
                job.tries, job.seq, job.on_wire, job.resends = 0, None, False, job.resends + 1
                self.queue.appendleft(job)
            elif job.deadline and now > job.deadline:
                self._forget_running(job)
                self.status.finish(job, "timeout", "no completion from the camera")

    def _completion_lost(self, job: Job, now: float) -> bool:
        still = self.status.still_since
        return (job.resends < MAX_RESENDS and still is not None
                and now - max(still, job.accepted_at) > STILL_BEFORE_RESEND)

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
            self.status.note_error(str(exc))
            return False
        finally:
            if self._unanswered_since is None:
                self._unanswered_since = asyncio.get_running_loop().time()
            self._unanswered += 1
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

    def _handle(self, job: Job, outcome: tuple, now: float) -> None:
        what = outcome[0]
        if job.tries == 1 and what in ("ack", "done", "answer", "error"):
            self.status.note_rtt(now - job.sent_at)
        if what == "ack":
            self._accepted(job, outcome[1], now)
        elif what == "done":
            self._delivered(job)
            self.status.finish(job, "completed")
        elif what == "answer":
            self.status.answered(job, outcome[1])
        elif what == "error":
            self._refused(job, outcome[1], now)
        elif what == "seq-error":
            self._sequence_error(job, now)
        elif what == "reset":
            self._needs_reset = False
            self.status.count("resets")
        elif what == "abandoned":
            pass  # a status inquiry gave way to the operator; the poll comes round again
        elif what == "stale":
            self.sent[job.axis] = UNKNOWN  # type: ignore[index]
        elif what == "timeout":
            if job.kind is JobKind.DRIVE:
                self.sent[job.axis] = UNKNOWN  # type: ignore[index]
            elif job.kind is JobKind.RESET:
                self._needs_reset = True
            elif not job.background:
                self.status.finish(job, "offline" if self.status.is_offline else "timeout")

    def _accepted(self, job: Job, socket: int, now: float) -> None:
        self._delivered(job)
        job.socket = socket
        old = self.sockets.get(socket)
        if old is not None:  # the camera reused the socket, so the older command ended; its completion was lost
            self.status.finish(old, "superseded" if old.superseded else "completed")
        job.deadline = now + (self.timing.motion_completion if job.motion else self.timing.command_completion)
        job.accepted_at = now
        self.sockets[socket] = job
        self.status.accepted(job)
        if job.superseded:
            self.cancels.append(socket)

    def _delivered(self, job: Job) -> None:
        if job.kind is JobKind.DRIVE:
            self.sent[job.axis] = job.value  # type: ignore[index]
            self.status.drive_delivered(job)

    def _refused(self, job: Job, code: int, now: float) -> None:
        self.status.count("errors")
        if code == BUFFER_FULL:
            self.status.count("buffer_full")
            if job.kind is JobKind.COMMAND and job not in self.queue:
                job.tries, job.seq = 0, None
                self.queue.appendleft(job)
            self._hold_until = now + self.timing.buffer_full_wait
            return
        if job.kind is JobKind.CANCEL:
            return  # `6s 05`: the socket was already empty
        if job.kind is JobKind.DRIVE:
            self.sent[job.axis] = job.value  # type: ignore[index]  # refused, not to be resent forever
        self.status.finish(job, codec_error_name(code))

    def _sequence_error(self, job: Job, now: float) -> None:
        """Sony `0F 01`: the camera had already processed this sequence number."""
        self._needs_reset = True
        if job.tries > 1 and job.is_command:
            # our first copy arrived and ran, only its ACK was lost: await the completion by seq
            self._delivered(job)
            job.deadline = now + (self.timing.motion_completion if job.motion else self.timing.command_completion)
            job.accepted_at = now
            self.unsocketed.append(job)
            self.status.accepted(job)
        else:
            job.tries, job.seq = 0, None
            if job.kind is JobKind.DRIVE:
                self.sent[job.axis] = UNKNOWN  # type: ignore[index]
            elif not job.background:
                self.queue.appendleft(job)

    # ---- replies and link events ------------------------------------------------------------
    def _on_reply(self, reply: Reply, seq: int | None) -> None:
        if reply.address != self.link.address and not self.quirks.any_address and \
                reply.kind is not ReplyKind.NETWORK_CHANGE:
            self.status.count("garbage")
            return
        self._seen()
        pending = self.pending
        ours = pending is not None and (seq is None or pending.seq is None or seq == pending.seq)
        kind = reply.kind
        if kind is ReplyKind.ACK and ours and pending.is_command:  # type: ignore[union-attr]
            self._resolve(("ack", reply.socket))
        elif kind is ReplyKind.ANSWER and ours and pending.kind is JobKind.INQUIRY:  # type: ignore[union-attr]
            self._resolve(("answer", reply.data))
        elif kind is ReplyKind.COMPLETION:
            running = self._running(reply.socket, seq)
            if running is not None:
                self._forget_running(running)
                self.status.finish(running, "superseded" if running.superseded else "completed")
            elif ours and pending.kind is not JobKind.INQUIRY:  # type: ignore[union-attr]
                self._resolve(("done",))  # completion without ACK, or IF_Clear's socket-0 reply
            else:
                self.status.count("garbage")
        elif kind is ReplyKind.ERROR:
            self._on_error(reply, seq, pending if ours else None)
        else:
            self.status.count("garbage")

    def _on_error(self, reply: Reply, seq: int | None, pending: Job | None) -> None:
        code = reply.error
        if code == CANCELED:
            running = self._running(reply.socket, None if pending and pending.kind is JobKind.CANCEL else seq)
            if running is not None:
                self._forget_running(running)
                self.status.finish(running, "superseded")
            if pending is not None and pending.kind is JobKind.CANCEL:
                self._resolve(("done",))
            return
        if code == NO_SOCKET and pending is not None and pending.kind is JobKind.CANCEL:
            self._resolve(("done",))
            return
        if pending is not None:
            self._resolve(("error", code))
            return
        running = self._running(reply.socket, seq)
        if running is not None:
            self._forget_running(running)
            self.status.count("errors")
            self.status.finish(running, codec_error_name(code))
        else:
            self.status.count("garbage")

    def _running(self, socket: int, seq: int | None) -> Job | None:
        if seq is not None:
            return next((j for j in [*self.sockets.values(), *self.unsocketed] if j.seq == seq), None)
        return self.sockets.get(socket)

    def _forget_running(self, job: Job) -> None:
        if job.socket is not None and self.sockets.get(job.socket) is job:
            del self.sockets[job.socket]
        if job in self.unsocketed:
            self.unsocketed.remove(job)
        self._hold_until = 0.0
        self.wake()

    def _resolve(self, outcome: tuple) -> None:
        """The pending job's first reply (or its give-up): act on it now, then wake the sender."""
        job = self.pending
        if job is None:
            return
        self.pending = None
        if self._reply is not None and not self._reply.done():
            self._reply.set_result(None)
        self._handle(job, outcome, asyncio.get_running_loop().time())
        if self._settle_waiters:
            self._check_settled()

    def _on_link_event(self, event: LinkEvent, seq: int | None) -> None:
        pending = self.pending
        ours = pending is not None and (seq is None or pending.seq is None or seq == pending.seq)
        if event is LinkEvent.RESET_ACK:
            self._seen()
            if pending is not None and pending.kind is JobKind.RESET:
                self._resolve(("reset",))
        elif event in (LinkEvent.SEQUENCE_ERROR, LinkEvent.MESSAGE_TYPE_ERROR):
            self._seen()
            if ours:
                self._resolve(("seq-error",) if event is LinkEvent.SEQUENCE_ERROR else ("error", 0x02))
            else:
                self._needs_reset = True
        elif event is LinkEvent.UP and pending is not None and not pending.on_wire:
            pending.on_wire = self._transmit(pending, False)  # it waited for the connection
        elif event is LinkEvent.DOWN and not self._closed:
            self._go_offline(f"{self.status.name}: connection lost")
        elif event is LinkEvent.NETWORK_CHANGE:
            self._recover()
        self.wake()

    # ---- online / offline ---------------------------------------------------------------------
    def _seen(self) -> None:
        self._unanswered_since = None
        self._unanswered = 0
        self.status.seen()
        if not self.status.online:
            if self.status.is_offline:
                self._recover()
            self._probe_step = 0
            self.status.set_link(LinkState.ONLINE)

    def _recover(self) -> None:
        """Back from silence or a restart: stop every axis first, resynchronise sequence numbers."""
        self.wants = dict(STOPPED)
        self.sent = {axis: UNKNOWN for axis in Axis}
        self._needs_reset = self.link.sequenced
        self.status.reset_polls()

    def _check_offline(self, now: float) -> bool:
        since = self._unanswered_since
        if not self.status.is_offline and since is not None and now - since > self.timing.offline_after \
                and self._unanswered >= MIN_UNANSWERED:
            self._go_offline(f"{self.status.name} did not answer for {now - since:.1f} s")
        return self.status.is_offline

    def _go_offline(self, why: str) -> None:
        if self.status.is_offline:
            return
        for job in [*self.queue, *self.sockets.values(), *self.unsocketed]:
            self.status.finish(job, "offline")
        self.queue.clear()
        self.sockets.clear()
        self.unsocketed.clear()
        for future in self._settle_waiters:
            if not future.done():
                future.set_exception(self.status.error("move", "offline", why))
        self._settle_waiters.clear()
        self.cancels.clear()
        self.wants = dict(STOPPED)
        self.sent = {axis: UNKNOWN for axis in Axis}
        self._probe_step = 0
        self._next_probe = 0.0
        self._unanswered_since = None
        self.status.set_link(LinkState.OFFLINE, why)
        self.wake()


def drive_message(axis: Axis, value: Any, profile: CameraProfile) -> bytes:
    """The VISCA message for a continuous-move value; validates it (ViscaParameterError)."""
    if axis is Axis.PAN_TILT:
        pan, tilt = value
        return codec.pan_tilt_drive(pan, tilt, profile)
    direction, speed = value
    if axis is Axis.ZOOM:
        return codec.zoom_stop() if direction == 0 else (
            codec.zoom_tele(speed) if direction > 0 else codec.zoom_wide(speed))
    return codec.focus_stop() if direction == 0 else (
        codec.focus_far(speed) if direction > 0 else codec.focus_near(speed))


def describe_drive(axis: Axis, value: Any) -> str:
    if value == STOPPED[axis]:
        return "stop"
    if axis is Axis.PAN_TILT:
        pan, tilt = value
        words = [f"{'right' if pan > 0 else 'left'} {abs(pan)}" if pan else "",
                 f"{'up' if tilt > 0 else 'down'} {abs(tilt)}" if tilt else ""]
        return " ".join(w for w in words if w)
    direction, speed = value
    names = ("in", "out") if axis is Axis.ZOOM else ("far", "near")
    return f"{names[0] if direction > 0 else names[1]}" + (f" speed {speed}" if speed is not None else "")


def codec_error_name(code: int) -> str:
    return ERROR_NAMES.get(code, f"error 0x{code:02x}")
