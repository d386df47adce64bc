"""The audit trail of the console: every camera and wall action, written by a background writer.

Records are taken from the controllers' listeners on the device thread and handed to the
``AuditWriter`` there, so an action is audited even when the GUI thread is busy, and the GUI thread
never waits on the database. Who did it (the logged-in staff member) and for which event (the
active event of the operations log) are read from two attributes the GUI thread sets.

Wall actions also reach ``Console.record_action`` on the GUI thread (with the take-overs, which
no device reports); a wall record is written by whichever path sees it first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QObject, Signal

from devices.records import ActionRecord
from models.oplog.audit_log import AuditRecord, AuditWriter
from models.oplog.database import Database
from ui.common.wording import said

PENDING = 10_000  # actions kept while the database is being opened
SEEN = 256  # wall records remembered to write each once


class AuditFeed(QObject):
    """Signals (emitted from the writer's or a device's thread; connect them to GUI slots):
        problem(str): the audit trail cannot be written now (the database's sentence).
        recovered(): rows are written again.

    Attributes:
        staff_id: the logged-in staff member, or None.
        event_id: the operations-log id of the active event, or None.
    """

    problem = Signal(str)
    recovered = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.staff_id: int | None = None
        self.event_id: int | None = None
        self._writer: AuditWriter | None = None
        self._pending: deque[AuditRecord] = deque(maxlen=PENDING)
        self._attached: list[tuple[Any, Any]] = []
        self._seen: OrderedDict[ActionRecord, None] = OrderedDict()
        self._seen_lock = threading.Lock()

    def attach_camera(self, controller: Any) -> None:
        self._attach(controller, self._from_camera)

    def attach_output(self, controller: Any) -> None:
        """An OBS output: every command (scene cut, stream and recording start and stop)."""
        self._attach(controller, self._from_camera)

    def attach_wall(self, controller: Any) -> None:
        self._attach(controller, self._from_wall)

    def _attach(self, controller: Any, listener: Any) -> None:
        controller.add_listener(listener)
        self._attached.append((controller, listener))

    def start_writer(self, database: Database) -> None:
        """Start writing into ``database`` (called on the database thread once it is open)."""
        self._writer = AuditWriter(
            database,
            on_problem=lambda sentence: self.problem.emit(said(sentence)),
            on_recovered=self.recovered.emit,
        ).start()
        self._drain()

    def from_console(self, record: ActionRecord) -> None:
        """A wall action or take-over as ``Console.record_action`` sees it (GUI thread)."""
        if self._first_sighting(record):
            self._record(record)

    def stop(self) -> bool:
        """Stop listening, write what is queued, end the writer; True if nothing was lost."""
        for controller, listener in self._attached:
            controller.remove_listener(listener)
        self._attached.clear()
        return self._writer.stop() if self._writer is not None else not self._pending

    # ---- device threads ---------------------------------------------------------------------------
    def _from_camera(self, item: Any) -> None:
        if isinstance(item, ActionRecord):
            self._record(item)

    def _from_wall(self, item: Any) -> None:
        if isinstance(item, ActionRecord) and self._first_sighting(item):
            self._record(item)

    def _first_sighting(self, record: ActionRecord) -> bool:
        with self._seen_lock:  # held for a dictionary operation only
            if record in self._seen:
                del self._seen[record]
                return False
            self._seen[record] = None
            if len(self._seen) > SEEN:
                self._seen.popitem(last=False)
            return True

    def _record(self, record: ActionRecord) -> None:
        audit = AuditRecord(
            at=datetime.fromtimestamp(record.started, UTC),
            action=record.action,
            result=record.result,
            device=record.device,
            duration_ms=record.duration_ms,
            staff_id=self.staff_id,
            event_id=self.event_id,
        )
        writer = self._writer
        if writer is not None:
            writer.record(audit)  # never blocks; the future is not kept
            return
        self._pending.append(audit)
        if self._writer is not None:  # the writer started meanwhile
            self._drain()

    def _drain(self) -> None:
        writer = self._writer
        while writer is not None and self._pending:
            try:
                writer.record(self._pending.popleft())
            except IndexError:  # another thread took the last one
                return
