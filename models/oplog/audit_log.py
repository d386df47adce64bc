"""The audit trail writer: device actions go to the database on a background thread.

``AuditWriter.record`` never waits for the database: it appends to a bounded in-memory queue and
returns a ``concurrent.futures.Future`` that resolves to the row's id once the row is committed
(that is what "acknowledged" means). The thread writes rows in batches, one transaction each.
When the database cannot be used (locked, full, unreachable) it keeps the rows, tells the GUI
through ``on_problem`` and tries again with a growing pause; rows arriving meanwhile wait in the
queue. When the queue is full, ``record`` returns a future that has already failed with
``AuditQueueFull``. Callbacks (``on_problem``, ``on_recovered``, the futures' done-callbacks) run
on the writer thread, except for a queue-full warning and callbacks added to an already failed
future, which run on the caller's: a GUI must hand them over to its own thread.

The queue is a ``collections.deque`` (appends are atomic, no lock) so that the caller never
contends with the writer for a lock. Do not keep the futures longer than needed: a hundred
thousand live futures make CPython's full garbage collections pause every thread for ~100 ms.
If a server connection breaks during COMMIT, the outcome is unknown and the batch is written
again: a row may then be stored twice, but an acknowledged row is never lost.
"""

from __future__ import annotations

import collections
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert

from common.wording import QT_TRANSLATE_NOOP, sentence_of
from models.oplog.database import Database
from models.oplog.tables import AuditEntry

log = logging.getLogger(__name__)

CAPACITY = 100_000  # rows kept in memory while the database is unavailable
BATCH = 1_000  # rows per transaction at most
FIRST_PAUSE, LONGEST_PAUSE = 0.05, 5.0  # seconds between attempts while the database is unavailable
IDLE_WAIT = 0.5
_TABLE = AuditEntry.__table__


class AuditNotWritten(Exception):
    """This row was not (and will not be) written."""


class AuditQueueFull(AuditNotWritten):
    pass


@dataclass(frozen=True)
class AuditRecord:
    """One device action, as plain data; ``at`` is an aware datetime."""

    at: datetime
    action: str
    result: str
    device: str | None = None
    staff_id: int | None = None
    event_id: int | None = None
    duration_ms: float | None = None

    def __post_init__(self) -> None:
        if self.at.tzinfo is None or self.at.utcoffset() is None:
            raise ValueError("AuditRecord.at needs a time zone (an aware datetime)")
        if not self.action or not self.result:
            raise ValueError("AuditRecord needs an action and a result")

    def row(self) -> dict[str, Any]:
        return {
            "at": self.at,
            "action": self.action,
            "result": self.result,
            "device": self.device,
            "staff_id": self.staff_id,
            "event_id": self.event_id,
            "duration_ms": self.duration_ms,
        }


class AuditWriter:
    """Writes ``AuditRecord``s on its own thread; ``start()`` it, ``record()`` from any thread, ``stop()``.

    ``on_problem(sentence)`` is called when writing fails (with a ``DatabaseProblem`` sentence) or, if
    nothing else is wrong, when the queue is full (then on the caller's thread); ``on_recovered()``
    when rows are written again. The sentence is a ``Phrase``: say it with ``ui.common.wording.said`` before
    it crosses a Qt signal, which would keep only its English text.
    """

    def __init__(
        self,
        database: Database,
        *,
        on_problem: Callable[[str], None] | None = None,
        on_recovered: Callable[[], None] | None = None,
        capacity: int = CAPACITY,
        batch: int = BATCH,
    ) -> None:
        self._database = database
        self._on_problem = on_problem or (lambda message: None)
        self._on_recovered = on_recovered or (lambda: None)
        self._capacity, self._batch = capacity, batch
        self._queue: collections.deque[tuple[AuditRecord, Future[int]]] = collections.deque()
        self._wakeup = threading.Event()
        self._stopping = threading.Event()
        self._give_up = threading.Event()
        self._problem: str | None = None
        self._unwritten_at_stop = 0
        self._thread = threading.Thread(target=self._run, name="audit-writer", daemon=True)

    def start(self) -> AuditWriter:
        self._thread.start()
        return self

    def __enter__(self) -> AuditWriter:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    @property
    def problem(self) -> str | None:
        """The current problem's sentence, or None while rows are being written."""
        return self._problem

    @property
    def backlog(self) -> int:
        return len(self._queue)

    def record(self, record: AuditRecord) -> Future[int]:
        """Queue ``record``; the future gives the row id once committed. Never blocks."""
        future: Future[int] = Future()
        if self._stopping.is_set():
            future.set_exception(AuditNotWritten("the audit writer has stopped"))
        elif len(self._queue) >= self._capacity:
            message = QT_TRANSLATE_NOOP(
                "AuditLog",
                "The audit log is {count} actions behind the database {db}; new "
                "actions are not being logged.",
            ).format(count=self._capacity, db=self._database.name)
            future.set_exception(AuditQueueFull(message))
            if self._problem is None:  # else the GUI already shows why the database is behind
                self._report(message)
        else:
            self._queue.append((record, future))
            if not self._wakeup.is_set():
                self._wakeup.set()
        return future

    def stop(self, timeout: float = 5.0) -> bool:
        """Write what is queued, then end the thread; after ``timeout`` seconds give up, failing the
        futures of unwritten rows. True if every queued row was written."""
        self._stopping.set()
        self._wakeup.set()
        if self._thread.ident is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                self._give_up.set()
                self._thread.join()
        self._fail_all([])  # a record() that raced with stop()
        return self._unwritten_at_stop == 0

    def _run(self) -> None:
        pause = FIRST_PAUSE
        batch: list[tuple[AuditRecord, Future[int]]] = []
        while True:
            self._wakeup.clear()  # before looking at the queue, so that no wake-up is lost
            self._take(batch)
            if not batch:
                if self._stopping.is_set():
                    return
                self._wakeup.wait(IDLE_WAIT)
                continue
            batch = self._write(batch)
            if not batch:
                pause = FIRST_PAUSE
                continue
            if self._give_up.is_set():
                self._fail_all(batch)
                return
            self._give_up.wait(pause)
            pause = min(pause * 2, LONGEST_PAUSE)

    def _take(self, batch: list[tuple[AuditRecord, Future[int]]]) -> None:
        queue = self._queue
        while queue and len(batch) < self._batch:
            batch.append(queue.popleft())

    def _write(self, batch: list[tuple[AuditRecord, Future[int]]]) -> list[tuple[AuditRecord, Future[int]]]:
        """Write ``batch`` in one transaction; returns the rows still to write (empty when done)."""
        try:
            with self._database.engine.begin() as connection:
                ids = (
                    connection.execute(
                        insert(_TABLE).returning(_TABLE.c.id, sort_by_parameter_order=True),
                        [record.row() for record, _ in batch],
                    )
                    .scalars()
                    .all()
                )
        except Exception as error:
            problem = self._database.problem(error)
            if problem is None:
                return self._write_one_by_one(batch) if len(batch) > 1 else self._refuse(batch[0], error)
            self._report(sentence_of(problem))
            return batch
        for (_, future), row_id in zip(batch, ids, strict=True):
            future.set_result(row_id)
        if self._problem is not None:
            self._problem = None
            _call(self._on_recovered)
        return []

    def _write_one_by_one(
        self, batch: list[tuple[AuditRecord, Future[int]]]
    ) -> list[tuple[AuditRecord, Future[int]]]:
        """A row the database refuses (a bug, e.g. an unknown event id) must not hold back the others."""
        for index, item in enumerate(batch):
            if self._write([item]):
                return batch[index:]
        return []

    def _refuse(self, item: tuple[AuditRecord, Future[int]], error: Exception) -> list[Any]:
        record, future = item
        log.error("audit row refused by the database, dropped: %s (%s)", record, error)
        future.set_exception(AuditNotWritten(f"the database refused this audit row: {error}"))
        return []

    def _report(self, message: str) -> None:
        if message != self._problem:
            self._problem = message
            log.warning("%s", message)
            _call(self._on_problem, message)

    def _fail_all(self, batch: list[tuple[AuditRecord, Future[int]]]) -> None:
        rows = [*batch, *self._queue]
        self._queue.clear()
        if not rows:
            return
        self._unwritten_at_stop += len(rows)
        reason = f"the database was unavailable: {self._problem}" if self._problem else "it had stopped"
        error = AuditNotWritten(f"the audit writer stopped before writing {len(rows)} rows ({reason})")
        for _, future in rows:
            future.set_exception(error)


def _call(callback: Callable[..., None], *args: Any) -> None:
    """A failing GUI callback must not end the writer thread."""
    try:
        callback(*args)
    except Exception:
        log.exception("audit writer callback %r failed", callback)
