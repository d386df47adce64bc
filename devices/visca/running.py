"""Commands the camera has accepted and not yet finished, by socket (docs/protocols/visca.md "Sockets").

Over VISCA over IP a command whose ACK was lost is still running, with its socket unknown;
it is matched by sequence number instead. Every command the console sends is idempotent (absolute
positions, presets, power, modes), so one whose completion went missing is asked again: a move once
the head has stopped, any other command after ``again_after`` (a lost completion must not cost the
command line its timeout on a lossy link).
"""

from __future__ import annotations

import collections
from collections.abc import Iterator

from devices.visca.jobs import Job, JobKind

MAX_RESENDS = 8  # a move whose completion went missing is asked again this often
MAX_ASKED_AGAIN = 5  # … and any other command
STILL_BEFORE_RESEND = 1.0  # seconds the head must have been still (or a cancel unanswered) first


class RunningCommands:
    def __init__(self) -> None:
        self.sockets: dict[int, Job] = {}
        self.unsocketed: list[Job] = []
        self.cancels: collections.deque[int] = collections.deque()  # sockets to cancel next

    def __iter__(self) -> Iterator[Job]:
        return iter([*self.sockets.values(), *self.unsocketed])

    def __len__(self) -> int:
        return len(self.sockets) + len(self.unsocketed)

    @property
    def full(self) -> bool:
        """Both of the camera's sockets hold a command."""
        return len(self.sockets) >= 2

    def accept(self, job: Job, socket: int | None, now: float, deadline: float) -> Job | None:
        """Track ``job``; returns an older job the camera evidently finished (it reused the socket)."""
        job.socket, job.accepted_at, job.deadline = socket, now, deadline
        if socket is None:
            self.unsocketed.append(job)
            return None
        older = self.sockets.get(socket)
        self.sockets[socket] = job
        if job.superseded:
            self.cancels.append(socket)
        return older

    def find(self, socket: int, seq: int | None) -> Job | None:
        if seq is not None:
            return next((job for job in self if job.seq == seq), None)
        return self.sockets.get(socket)

    def forget(self, job: Job) -> None:
        if job.socket is not None and self.sockets.get(job.socket) is job:
            del self.sockets[job.socket]
        if job in self.unsocketed:
            self.unsocketed.remove(job)

    def supersede_moves(self, why: str) -> list[Job]:
        """A newer move ("superseded") or a stop ("stopped") takes over: cancel running moves; returns
        those that cannot be."""
        for socket, job in self.sockets.items():
            if job.motion and not job.superseded:
                job.superseded = why
                self.cancels.append(socket)
        lost = [job for job in self.unsocketed if job.motion]
        for job in lost:
            self.forget(job)  # socket unknown: the newer move overrides it on the camera
        return lost

    def moving_socket(self) -> int | None:
        return next((s for s, job in self.sockets.items() if job.motion), None)

    def sort_out(
        self, now: float, still_since: float | None, again_after: float
    ) -> tuple[list[Job], list[Job], list[Job]]:
        """Jobs to give up as superseded, to ask again, and to fail as timed out."""
        superseded, again, expired = [], [], []
        for job in list(self):
            if job.superseded and now - job.accepted_at > STILL_BEFORE_RESEND:
                superseded.append(job)  # its cancel went unanswered; the newer move has taken over
            elif (
                job.motion
                and job.resends < MAX_RESENDS
                and still_since is not None
                and now - max(still_since, job.accepted_at) > STILL_BEFORE_RESEND
            ):
                again.append(job)  # the head stopped but no completion came
            elif (
                not job.motion
                and job.kind is JobKind.COMMAND
                and job.resends < MAX_ASKED_AGAIN
                and now - job.accepted_at > again_after
            ):
                again.append(job)  # its completion should long have come
            elif job.deadline and now > job.deadline:
                expired.append(job)
            else:
                continue
            self.forget(job)
        return superseded, again, expired

    def clear(self) -> list[Job]:
        jobs = list(self)
        self.sockets.clear()
        self.unsocketed.clear()
        self.cancels.clear()
        return jobs
