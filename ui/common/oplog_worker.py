"""The one thread that talks to the operations log database, and how the console opens it.

The GUI thread never waits on the database (nor on bcrypt, which ``login`` runs): it hands a job
(``models.oplog.jobs``) to ``OplogWorker.call`` with a callback, and goes on. The job runs in a
short transaction on the worker's single thread; its result, or its exception, comes back to the
callback on the GUI thread through a queued signal. Results are plain data, never ORM objects.

The database is opened (``models.oplog.opening``) by the first job, also on the worker thread. When
opening fails the console runs on without the operations log; every later job tries to open it
again, so a database that was locked or unreachable at start is used as soon as it is back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot

from models.oplog.database import Database, DatabaseProblem
from models.oplog.handover import HandoverError
from models.oplog.jobs.base import Job, run_job
from models.oplog.logbook import FaultError
from models.oplog.schedule import ScheduleError
from models.oplog.shifts import ShiftError
from models.oplog.staff import LoginError, PermissionDenied
from models.oplog.takeovers import TakeOverRefused
from ui.common.wording import said

log = logging.getLogger(__name__)
T = TypeVar("T")
Done = Callable[[Any], None]
Failed = Callable[[Exception], None]
OPERATOR_ERRORS = (
    LoginError,
    PermissionDenied,
    ShiftError,
    ScheduleError,
    FaultError,
    HandoverError,
    TakeOverRefused,
    ValueError,
    LookupError,
)
"""Refusals meant for the operator (wrong PIN, not allowed, not possible now); anything else is a bug."""


class OplogWorker(QObject):
    """Runs database work on one thread and reports back on the GUI thread.

    Signals:
        opened(str): the database is open (its file or server name).
        problem(str): a ``DatabaseProblem`` sentence: locked, full, read-only, damaged, unreachable.
        refused(str): a job failed for another reason and had no ``failed`` callback.
    """

    opened = Signal(str)
    problem = Signal(str)
    refused = Signal(str)
    _finished = Signal(object, object)  # callback, its argument

    def __init__(self, open_database: Callable[[], Database], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._open = open_database
        self._database: Database | None = None
        self._when_open: list[Callable[[Database], None]] = []
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="oplog-db")
        self._stopped = False
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def when_open(self, hook: Callable[[Database], None]) -> None:
        """``hook(database)`` runs on the worker thread right after the database opens (register before
        ``start``)."""
        self._when_open.append(hook)

    def start(self) -> None:
        """Open the database in the background."""
        self._submit(self._job, lambda _database: None, None, None, True)

    def call(self, work: Job[T], done: Done | None = None, failed: Failed | None = None) -> None:
        """``work(session)`` in one transaction on the worker thread; ``done(result)`` or ``failed(error)``
        on the GUI thread. A ``DatabaseProblem`` is also announced by ``problem``."""
        self._submit(self._job, lambda database: run_job(database, work), done, failed, True)

    def run(self, work: Callable[[], T], done: Done | None = None, failed: Failed | None = None) -> None:
        """``work()`` on the worker thread without a transaction (e.g. writing a report file), in turn
        with the database jobs."""
        self._submit(self._job, lambda _database: work(), done, failed, False)

    def stop(self) -> None:
        """Finish the jobs already handed over (a log entry being saved is not lost), then close.
        Afterwards new jobs are dropped (a timer or a late signal of a closed console may still ask)."""
        if not self._stopped:
            self._executor.submit(self._close)
            self._stopped = True
            self._executor.shutdown(wait=True)

    def _submit(self, *job: Any) -> None:
        if self._stopped:
            log.debug("operations log worker stopped: job dropped")
            return
        self._executor.submit(*job)

    # ---- the worker thread --------------------------------------------------------------------
    def _job(
        self,
        work: Callable[[Database | None], Any],
        done: Done | None,
        failed: Failed | None,
        needs_database: bool,
    ) -> None:
        try:
            result = work(self._ensure_open() if needs_database else None)
        except Exception as error:  # noqa: BLE001 - every failure goes back to the GUI, none is lost
            self._report(error, failed)
        else:
            if done is not None:
                self._finished.emit(done, result)

    def _ensure_open(self) -> Database:
        if self._database is None:
            database = self._open()
            for hook in self._when_open:
                hook(database)
            self._database = database
            self.opened.emit(database.name)
        return self._database

    def _report(self, error: Exception, failed: Failed | None) -> None:
        if isinstance(error, DatabaseProblem):
            self.problem.emit(said(error))
        elif not isinstance(error, OPERATOR_ERRORS):
            log.error("operations log job failed", exc_info=error)  # a bug: say so in the log
        if failed is not None:
            self._finished.emit(failed, error)
        elif not isinstance(error, DatabaseProblem):
            self.refused.emit(said(error))

    def _close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None

    @Slot(object, object)
    def _deliver(self, callback: Callable[[Any], None], value: Any) -> None:  # GUI thread
        callback(value)
