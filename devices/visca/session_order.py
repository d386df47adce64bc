"""Choosing what a camera session sends next, each time the line is free (docs/protocols/visca.md
"Order of choice"): safety first, then the operator, then status polls, within the camera's two
sockets. Mixed into ``CameraSession``."""

from __future__ import annotations

from common.wording import sentence_of
from devices.visca import codec
from devices.visca.drives import describe_drive, drive_message, limited
from devices.visca.jobs import STOPPED, Axis, Job, JobKind
from devices.visca.session_parts import SessionParts

QUICK_PROBE = 0.08  # probe spacing once something went unanswered (before a round trip is known)
STARVING_POLLS = 3  # a status poll this many intervals late goes before operator moves (not commands)


class SendOrder:
    """Uses of ``CameraSession`` what ``SessionParts`` lists (session_parts.py)."""

    def _pick(self: SessionParts, now: float) -> Job | None:
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

    def _preempt_background(self: SessionParts, stop: bool = False) -> None:
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

    def _gate(self: SessionParts, job: Job, from_queue: bool = False) -> Job | None:
        """Respect the camera's two sockets: cancel an older move or wait for a completion."""
        if self.running.full:
            moving = self.running.moving_socket()
            if moving is not None and (job.motion or job.kind is JobKind.DRIVE):
                return self._cancel_job(moving)
            return None
        if from_queue:
            self.queue.popleft()
        return job

    def _built(self: SessionParts, job: Job | None) -> Job | None:
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

    def _drive_job(self: SessionParts, axis: Axis) -> Job:
        value = limited(axis, self.wants[axis], self.status.profile)
        self.wants[axis] = value
        return Job(
            JobKind.DRIVE,
            drive_message(axis, value, self.status.profile),
            f"{axis.value} {describe_drive(axis, value)}",
            axis=axis,
            value=value,
        )

    def _cancel_job(self: SessionParts, socket: int) -> Job:
        return Job(
            JobKind.CANCEL, codec.cancel(socket), f"cancel socket {socket}", socket=socket, background=True
        )

    def _quick_probe(self: SessionParts) -> Job:
        job = self.status.probe_job()
        resend = self.resend  # before a round trip is measured, as quick as ever; then as the link allows
        job.timeout = min(resend.first_guess, QUICK_PROBE) if resend.srtt is None else resend.timeout()
        return job

    def _idle_timeout(self: SessionParts, now: float) -> float:
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

    def _expire_running(self: SessionParts, now: float) -> None:
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
