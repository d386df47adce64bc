"""The staff screen's jobs: the accounts as a table, and the admin's changes to them.

Every change is a models/ operation that checks the admin's role again and writes its audit row in
the same transaction (models/oplog/staff_admin.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.oplog import staff_admin
from models.oplog.jobs.base import StaffJob, stored
from models.oplog.tables import EmploymentCategory, Role, Staff


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    nip: str | None
    category: EmploymentCategory
    role: Role
    active: bool
    locked_until: datetime | None


def accounts(session: Session) -> list[Account]:
    """Every account, by name."""
    return [
        Account(staff.id, staff.name, staff.nip, staff.category, staff.role, staff.active, staff.locked_until)
        for staff in session.scalars(select(Staff).order_by(Staff.name))
    ]


def create_staff(
    name: str, category: EmploymentCategory, role: Role, pin: str, nip: str | None
) -> StaffJob[None]:
    def create(session: Session, me: Staff) -> None:
        staff_admin.create_staff(session, me, name, category, role, pin, nip=nip)

    return create


def switch_account(staff_id: int) -> StaffJob[None]:
    """Switches the account off when it is on, on when it is off."""

    def toggle(session: Session, me: Staff) -> None:
        staff = stored(session, Staff, staff_id)
        staff_admin.switch_account(session, me, staff, not staff.active)

    return toggle


def change_account(staff_id: int, name: str | None, role: Role, pin: str | None) -> StaffJob[None]:
    """``name`` or ``pin`` None: the account keeps its own."""

    def change(session: Session, me: Staff) -> None:
        staff_admin.change_account(
            session, me, stored(session, Staff, staff_id), name=name, role=role, pin=pin
        )

    return change


def unlock_account(staff_id: int) -> StaffJob[None]:
    def unlock(session: Session, me: Staff) -> None:
        staff_admin.unlock_account(session, me, stored(session, Staff, staff_id))

    return unlock
