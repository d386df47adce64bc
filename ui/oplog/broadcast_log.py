"""The broadcast log of one OBS output: its bridge's snapshots become jobs on the operations-log worker.

The recording itself (what counts as a start, a drop, a cut) is ``models.oplog.broadcast_recorder``; this
glue only feeds it the bridge's ``stateChanged`` snapshots on the GUI thread (cheap: it hands jobs over and
never waits) and submits the jobs through ``OplogWorker.call``, one at a time and in order: a job the
database could not take (locked, unreachable) is tried again every ``RETRY_MS`` with the ones after it
waiting, so a drop or a stop seen while the log was locked is not lost (the jobs are idempotent). At
close-down (``detach(closing=True)``) the records still waiting are all handed to the worker, which
finishes them before it stops.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QObject, QTimer, Slot

from models.desk.ownership import EventBoard, broadcast_device
from models.oplog.broadcast_recorder import BroadcastRecorder
from models.oplog.database_problems import DatabaseProblem
from models.oplog.jobs.base import Job
from ui.common.bridge import ObsBridge
from ui.common.oplog_worker import OplogWorker

log = logging.getLogger(__name__)
RETRY_MS = 2000


class BroadcastLog(QObject):
    """Logs what ``bridge`` (an OBS controller's) reports for the output ``output_id``.

    ``event_of()``: the operations-log id of the event the output streams for now, or None; ``staff()``:
    the logged-in staff member's id, or None. Both are read on the GUI thread when something starts or
    stops.
    """

    def __init__(
        self,
        output_id: str,
        bridge: ObsBridge,
        worker: OplogWorker,
        *,
        event_of: Callable[[], int | None],
        staff: Callable[[], int | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.output_id = output_id
        self._bridge, self._worker = bridge, worker
        self._waiting: deque[Job[bool]] = deque()
        self._sending = False
        self._closing = False
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._send)
        self.recorder = BroadcastRecorder(output_id, self._submit, event_of=event_of, staff=staff)
        bridge.stateChanged.connect(self._observe)
        if bridge.state is not None:
            self.recorder.observe(bridge.state)  # a stream already on air when the console starts

    @Slot(object)
    def _observe(self, state: Any) -> None:
        self.recorder.observe(state)

    def _submit(self, job: Job[bool]) -> None:
        self._waiting.append(job)
        if not self._sending and not self._retry.isActive():
            self._send()

    def _send(self) -> None:
        if self._waiting:
            self._sending = True
            self._worker.call(self._waiting[0], self._sent, self._failed)

    def _sent(self, _wrote: bool) -> None:
        if self._closing:
            return
        self._sending = False
        self._waiting.popleft()
        self._send()

    def _failed(self, error: Exception) -> None:
        if self._closing:
            return
        self._sending = False
        if isinstance(error, DatabaseProblem):  # the worker has told the operator; try again
            self._retry.start()
            return
        log.error("broadcast log of %s: a record was refused and left out: %s", self.output_id, error)
        self._waiting.popleft()
        self._send()

    @property
    def waiting(self) -> int:
        """Records not yet in the database (shown nowhere; for tests and the close-down)."""
        return len(self._waiting)

    def detach(self, closing: bool = False) -> None:
        """Stop following the output (a stream out of contact is ended, ``BroadcastRecorder.close``); when
        ``closing`` the console: hand every waiting record to the worker now, in order."""
        self._bridge.stateChanged.disconnect(self._observe)
        self.recorder.close()
        if not closing:
            return
        self._closing = True
        self._retry.stop()
        for job in list(self._waiting)[1 if self._sending else 0 :]:
            self._worker.call(job, None, self._left_out)
        self._waiting.clear()

    def _left_out(self, error: Exception) -> None:
        log.error("broadcast log of %s: a record was not written at close-down: %s", self.output_id, error)


class BroadcastLogs(QObject):
    """A broadcast log for each of the console's OBS outputs (``add``/``remove`` follow the configuration),
    each on behalf of the operations-log event that owns the output now (listed by it or taken over for
    it)."""

    def __init__(
        self,
        bridges: Mapping[str, ObsBridge],
        worker: OplogWorker,
        board: EventBoard,
        staff: Callable[[], int | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker, self._board, self._staff = worker, board, staff
        self.logs: dict[str, BroadcastLog] = {}
        for output_id, bridge in bridges.items():
            self.add(output_id, bridge)

    def add(self, output_id: str, bridge: ObsBridge) -> None:
        def owner() -> int | None:
            ids = (getattr(event, "db_id", None) for event in self._board.owners(broadcast_device(output_id)))
            return next((db_id for db_id in ids if isinstance(db_id, int)), None)

        self.logs[output_id] = BroadcastLog(
            output_id, bridge, self._worker, event_of=owner, staff=self._staff, parent=self
        )

    def remove(self, output_id: str) -> None:
        """Stop following the output (the records already made still go to the database)."""
        self.logs.pop(output_id).detach()

    def __iter__(self) -> Iterator[BroadcastLog]:
        return iter(self.logs.values())

    def detach(self) -> None:
        """The console closes: every log ends what it must and hands over its waiting records."""
        for broadcast_log in self.logs.values():
            broadcast_log.detach(closing=True)
