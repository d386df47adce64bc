"""What the operations docks share: who is logged in, the latest snapshot of the log, a way to act
as the logged-in staff member on the database thread, and the translated words for the log's
closed vocabularies (roles, modes, severities, states).
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from models.oplog.jobs.base import StaffJob, as_staff, snapshot_now
from models.oplog.snapshot import Snapshot, StaffView
from models.oplog.tables import Role
from ui.common.labels import Labels
from ui.common.oplog_worker import Done, Failed, OplogWorker

T = TypeVar("T")
REFRESH_MS = 60_000  # other desks change the log too


class OplogState(QObject):
    """Signals:
    staffChanged(object): the logged-in ``StaffView``, or None after logout.
    snapshotChanged(object): a fresh ``Snapshot`` (after login, after every change, every minute).
    notice(str level, str text): a message for the operator ("info", "warning", "error").
    """

    staffChanged = Signal(object)
    snapshotChanged = Signal(object)
    notice = Signal(str, str)

    def __init__(self, worker: OplogWorker, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.staff: StaffView | None = None
        self.snapshot: Snapshot | None = None
        self.labels = Labels(self)
        worker.opened.connect(self.refresh)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def refresh(self) -> None:
        self.worker.call(snapshot_now, self._apply)

    def _apply(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self._follow_account(snapshot)
        self.snapshotChanged.emit(snapshot)

    def _follow_account(self, snapshot: Snapshot) -> None:
        """The logged-in account as the log has it now: switched off (logged out) or given another role or
        name at some desk, the screens follow (an admin's windows close when the role goes)."""
        if self.staff is None:
            return
        now = next((member for member in snapshot.staff if member.id == self.staff.id), None)
        if now == self.staff:
            return
        if now is None:
            self.notice.emit(
                "warning",
                self.tr("The account of %1 was switched off: logged out.").replace("%1", self.staff.name),
            )
        elif now.role is not self.staff.role:
            self.notice.emit(
                "warning",
                self.tr("%1 now has the role %2.")
                .replace("%1", now.name)
                .replace("%2", self.labels.role(now.role)),
            )
        self.set_staff(now)

    def set_staff(self, staff: StaffView | None) -> None:
        self.staff = staff
        self.staffChanged.emit(staff)

    def can(self, needed: Role) -> bool:
        return self.staff is not None and self.staff.can(needed)

    def act(
        self,
        work: StaffJob[T],
        done: Done | None = None,
        failed: Failed | None = None,
        *,
        refresh: bool = True,
    ) -> None:
        """Run ``work(session, me)`` as the logged-in staff member (the services check the role again);
        afterwards refresh the snapshot. Nobody logged in: a notice, and nothing runs."""
        staff = self.staff
        if staff is None:
            self.notice.emit("warning", self.tr("Log in first (Operations → Log in / out)"))
            return

        def finished(result: Any) -> None:
            if refresh:
                self.refresh()
            if done is not None:
                done(result)

        self.worker.call(as_staff(staff.id, work), finished, failed)
