"""Jobs: what the console hands to the operations log's worker thread, each run in one transaction.

A ``Job`` takes the session of its transaction; a ``StaffJob`` also the logged-in staff member, looked
up again in that session so that the services check the role as the log has it now. The screens name
rows by id (ORM objects never cross threads) and get plain data back (``models.oplog.snapshot``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias, TypeVar

from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import utc_now
from models.oplog.database import Database
from models.oplog.snapshot import Snapshot, StaffView, actor, load_snapshot, staff_view
from models.oplog.staff import login
from models.oplog.tables import Base, Staff

T = TypeVar("T")
R = TypeVar("R", bound=Base)
Job: TypeAlias = Callable[[Session], T]
StaffJob: TypeAlias = Callable[[Session, Staff], T]


def run_job(database: Database, job: Job[T]) -> T:
    """``job`` in one transaction: committed when it returns, nothing written when it raises."""
    with database.transaction() as session:
        return job(session)


def as_staff(staff_id: int, job: StaffJob[T]) -> Job[T]:
    """``job`` as the staff member ``staff_id`` (refused with LookupError when the account is gone)."""
    return lambda session: job(session, actor(session, staff_id))


def stored(session: Session, table: type[R], row_id: int) -> R:
    """The row ``row_id`` of ``table``; LookupError when another desk's change took it away."""
    row = session.get(table, row_id)
    if row is None:
        raise LookupError(
            QT_TRANSLATE_NOOP("Jobs", "Number {id} is no longer in the operations log.").format(id=row_id)
        )
    return row


def snapshot_now(session: Session) -> Snapshot:
    return load_snapshot(session, utc_now())


def log_in(staff_id: int, pin: str) -> Job[StaffView]:
    """Checks the PIN (bcrypt: slow on purpose); wrong PINs count towards the lockout."""
    return lambda session: staff_view(login(session, staff_id, pin))
