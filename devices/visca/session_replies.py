"""How a camera session acts on what comes back: first replies, completions, errors and
link events (docs/protocols/visca.md "Replies, sockets and cancel", "RESET and error notices",
"Sequence numbers and retransmission"). Mixed into ``CameraSession``.

Each reply that completes something asked keeps the camera online (``_alive``); one that completes
nothing is only heard (``_stray``), see ``online.py``."""

from __future__ import annotations

import asyncio

from devices.visca.answers import answer_fits
from devices.visca.jobs import UNKNOWN, Job, JobKind
from devices.visca.links import LinkEvent
from devices.visca.online import SLOW_REPLY
from devices.visca.replies import Reply, ReplyKind, error_name
from devices.visca.session_parts import SessionParts

SYNTAX, BUFFER_FULL, CANCELED, NO_SOCKET = 0x02, 0x03, 0x04, 0x05


class ReplyHandling:
    """Uses of ``CameraSession`` what ``SessionParts`` lists (session_parts.py)."""

    def _resolve(self: SessionParts, outcome: tuple) -> None:
        """The pending job's first reply (or its give-up): act on it now, then wake the sender."""
        job = self.pending
        if job is None:
            return
        self.pending: Job | None = None  # annotated: mypy takes this assignment for the mixin's own attribute
        if self._reply is not None and not self._reply.done():
            self._reply.set_result(True)
        self._handle(job, outcome, asyncio.get_running_loop().time())
        if self._settle_waiters:
            self._check_settled()

    def _handle(self: SessionParts, job: Job, outcome: tuple, now: float) -> None:
        what = outcome[0]
        if job.tries and what in ("ack", "done", "answer", "error"):
            rtt = self.resend.answered(now - job.sent_at, now - job.last_sent, job.tries == 1)
            if rtt is not None:
                self.status.note_rtt(rtt)
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
            self.sent[job.drive_axis] = UNKNOWN
        elif what == "timeout":
            if job.inquiry == "version" and self.status.discovering:
                self.status.discovery_unanswered()
            if job.kind is JobKind.DRIVE:
                self.sent[job.drive_axis] = UNKNOWN
            elif job.kind is JobKind.RESET:
                self._needs_reset = True
            elif not job.background:
                self.status.finish(job, "offline" if self.status.is_offline else "timeout")

    def _accepted(self: SessionParts, job: Job, socket: int | None, now: float) -> None:
        self._delivered(job)
        deadline = now + (self.timing.motion_completion if job.motion else self.timing.command_completion)
        older = self.running.accept(job, socket, now, deadline)
        if (
            older is not None
        ):  # the camera reused the socket, so the older command ended; its completion was lost
            self.status.finish(older, older.superseded or "completed")
        self.status.accepted(job)

    def _delivered(self: SessionParts, job: Job) -> None:
        if job.kind is JobKind.DRIVE:
            self.sent[job.drive_axis] = job.value
            self.status.drive_delivered(job)

    def _refused(self: SessionParts, job: Job, code: int, now: float) -> None:
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
        if job.resends and job.kind is JobKind.COMMAND and not job.motion:
            # asked again after its completion went missing: the first copy was accepted, so an error
            # on this one says nothing; it waits for its completion until its deadline
            self.running.accept(job, None, job.accepted_at, job.deadline)
            return
        if job.kind is JobKind.INQUIRY and code == SYNTAX and job.inquiry:
            self.status.refused(job.inquiry)  # an OEM camera that does not know it (docs/cameras.md)
        if job.kind is JobKind.DRIVE:
            self.sent[job.drive_axis] = job.value  # refused, not to be resent forever
        self.status.finish(job, error_name(code))

    def _sequence_error(self: SessionParts, job: Job, now: float) -> None:
        """Sony `0F 01`: the camera had already processed this sequence number."""
        self._needs_reset = True
        if job.tries > 1 and job.is_command:
            # our first copy arrived and ran, only its ACK was lost: await the completion by seq
            self._accepted(job, None, now)
        else:
            job.tries, job.seq = 0, None
            if job.kind is JobKind.DRIVE:
                self.sent[job.drive_axis] = UNKNOWN
            elif not job.background:
                self.queue.appendleft(job)

    # ---- replies and link events ------------------------------------------------------------
    def _on_reply(self: SessionParts, reply: Reply, seq: int | None) -> None:
        if (
            reply.address != self.link.address
            and not self.quirks.any_address
            and reply.kind is not ReplyKind.NETWORK_CHANGE
        ):
            self.status.count("garbage")
            return
        self.status.seen()
        if reply.took > SLOW_REPLY:  # dribbled in: which message it answers is anyone's guess
            self._stray()
            return
        pending = self.pending
        ours = (
            pending
            if pending is not None
            and (seq is None or pending.seq is None or seq == pending.seq)
            and not self._earlier_copys(reply, pending)
            else None
        )  # the pending job, if this answers it
        kind = reply.kind
        if kind is ReplyKind.ACK and ours is not None and ours.is_command:
            if ours.kind is JobKind.DRIVE or self.acks_complete:
                self._alive()  # a command's ACK counts while its completions have been coming
            self._resolve(("ack", reply.socket))
        elif kind is ReplyKind.ANSWER and ours is not None and ours.kind is JobKind.INQUIRY:
            if not self.link.sequenced and not answer_fits(
                ours.inquiry or "", reply.data, self.status.profile
            ):
                self._stray()  # the answer to an earlier message, later than its resend timeout
                return
            self._alive()
            self._resolve(("answer", reply.data))
        elif kind is ReplyKind.COMPLETION:
            running = self.running.find(reply.socket, seq)
            if running is not None:
                self._alive()
                self.acks_complete = True
                self._forget_running(running)
                self.status.finish(running, running.superseded or "completed")
            elif ours is not None and ours.kind is not JobKind.INQUIRY:
                self._alive()
                self._resolve(("done",))  # completion without ACK, or IF_Clear's socket-0 reply
            else:
                self._stray()
        elif kind is ReplyKind.ERROR and reply.error is not None:  # parse_reply gives every error its code
            self._on_error(reply, reply.error, seq, ours)
        else:
            self._stray()

    def _earlier_copys(self: SessionParts, reply: Reply, job: Job) -> bool:
        """Raw VISCA: whether ``reply`` ends the copy of ``job`` sent before it was asked again (on
        that copy's socket, before this copy's ACK): the camera ends a command it is given anew, and
        that says nothing of the copy now under way."""
        return (
            not self.link.sequenced
            and job.resends > 0
            and reply.socket == job.socket
            and reply.kind in (ReplyKind.COMPLETION, ReplyKind.ERROR)
        )

    def _on_error(self: SessionParts, reply: Reply, code: int, seq: int | None, pending: Job | None) -> None:
        cancelling = pending is not None and pending.kind is JobKind.CANCEL
        if code == CANCELED:
            running = self.running.find(reply.socket, None if cancelling else seq)
            if running is None and not cancelling:
                self._stray()
                return
            self._alive()
            if running is not None:
                self._forget_running(running)
                self.status.finish(running, running.superseded or "superseded")
            if cancelling:
                self._resolve(("done",))
        elif code == NO_SOCKET and cancelling:
            self._alive()
            self._resolve(("done",))
        elif pending is not None:
            self._alive()
            self._resolve(("error", code))
        elif (running := self.running.find(reply.socket, seq)) is not None:
            self._alive()
            self._forget_running(running)
            self.status.count("errors")
            self.status.finish(running, error_name(code))
        else:
            self._stray()

    def _on_link_event(self: SessionParts, event: LinkEvent, seq: int | None) -> None:
        pending = self.pending
        ours = pending is not None and (seq is None or pending.seq is None or seq == pending.seq)
        if event is LinkEvent.RESET_ACK:  # heard, but a RESET or a notice completes nothing asked
            self.status.seen()
            if pending is not None and pending.kind is JobKind.RESET:
                self._resolve(("reset",))
        elif event in (LinkEvent.SEQUENCE_ERROR, LinkEvent.MESSAGE_TYPE_ERROR):
            self.status.seen()
            if ours:
                self._resolve(("seq-error",) if event is LinkEvent.SEQUENCE_ERROR else ("error", 0x02))
            else:
                self._stray()  # for a copy we resent, the camera only says it ran the first: no harm
                if not (event is LinkEvent.SEQUENCE_ERROR and seq in self.resent_seqs):
                    self._needs_reset = True
        elif event is LinkEvent.UP and pending is not None and not pending.on_wire:
            pending.on_wire = self._transmit(pending, False)  # it waited for the connection
        elif event is LinkEvent.DOWN and not self._closed:
            self._line_down(self.link.why)
        elif event is LinkEvent.NETWORK_CHANGE:
            self._recover()
        self.wake()
