"""What the halves of a camera session use of each other: the typed contract of the mixins
``ReplyHandling`` (session_replies.py) and ``OnlineState`` (online.py) with ``CameraSession``.

Their methods take ``self: SessionParts``, so mypy checks every name they use against this list and,
wherever ``CameraSession`` calls one of them, that the session has all of it (mypy's way for mixins).
A Protocol is not a base class: nothing here is in the session's method resolution order.
Limit: mypy takes an assignment through ``self`` in a mixin for the mixin's own attribute, so for the
names the mixins assign (``pending``, ``wants``, ``sent``, ``_needs_reset``, …) it checks that the types
agree, not that ``CameraSession.__init__`` sets them."""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
from typing import Protocol

from devices.visca.camera_status import CameraStatus
from devices.visca.jobs import Axis, Job, Timing
from devices.visca.links import Link, Quirks
from devices.visca.liveness import Liveness
from devices.visca.replies import Reply
from devices.visca.resend import Echoes, ResendTimer
from devices.visca.running import RunningCommands


class SessionParts(Protocol):
    # the session's state (CameraSession.__init__)
    link: Link
    status: CameraStatus
    timing: Timing
    quirks: Quirks
    queue: collections.deque[Job]
    wants: dict[Axis, object]
    sent: dict[Axis, object]
    running: RunningCommands
    liveness: Liveness
    resend: ResendTimer
    pending: Job | None
    _reply: asyncio.Future | None
    _hold_until: float
    echoes: Echoes
    resent_seqs: collections.deque[int]
    _settle_waiters: list[concurrent.futures.Future]
    _needs_reset: bool
    _closed: bool
    _said_garbage: bool
    acks_complete: bool

    # CameraSession
    def wake(self) -> None: ...
    def _check_settled(self) -> None: ...
    def _transmit(self, job: Job, resend: bool) -> bool: ...
    def _forget_running(self, job: Job) -> None: ...

    # ReplyHandling
    def _resolve(self, outcome: tuple) -> None: ...
    def _handle(self, job: Job, outcome: tuple, now: float) -> None: ...
    def _accepted(self, job: Job, socket: int | None, now: float) -> None: ...
    def _delivered(self, job: Job) -> None: ...
    def _refused(self, job: Job, code: int, now: float) -> None: ...
    def _sequence_error(self, job: Job, now: float) -> None: ...
    def _earlier_copys(self, reply: Reply, job: Job) -> bool: ...
    def _on_error(self, reply: Reply, code: int, seq: int | None, pending: Job | None) -> None: ...

    # OnlineState
    def _alive(self) -> None: ...
    def _stray(self) -> None: ...
    def _recover(self) -> None: ...
    def _line_down(self, why: str) -> None: ...
    def _garbage(self) -> None: ...
    def _go_offline(self, why: str) -> None: ...
