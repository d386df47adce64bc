"""Admins' work on staff accounts: add, change (name, role, PIN), switch on or off, unlock.

Each operation takes the acting staff member and refuses (``PermissionDenied``) unless they are an
admin, whatever screen or script calls it; each writes its audit row in the same transaction
(flushed, not committed). Names are unique whatever their capitals and spaces: "budi  santoso " is
the same person as "Budi Santoso" (the database holds to it too, migration 0003_auth).
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.admin_audit import audit_change
from models.oplog.staff import PIN_ROUNDS, database_now, hash_pin, require_role
from models.oplog.tables import EmploymentCategory, Role, Staff

NAME_LIMIT = 120  # Staff.name is a String(120)


class StaffNameTaken(ValueError):
    def __init__(self, taken: Staff) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Staff",
                "there is already a staff member called {name}; give the new "
                "name something that tells them apart",
            ).format(name=taken.name)
        )


def create_staff(
    session: Session,
    by: Staff | None,
    name: str,
    category: EmploymentCategory,
    role: Role,
    pin: str,
    *,
    nip: str | None = None,
    rounds: int = PIN_ROUNDS,
) -> Staff:
    """Add a staff member, as the admin ``by``. ``by`` None: only the very first account of an empty
    database (made at setup), and it must be an admin's."""
    if by is not None or session.scalar(select(func.count()).select_from(Staff)):
        require_role(_acting(by), Role.ADMIN, QT_TRANSLATE_NOOP("Permissions", "add staff"))
    elif Role(role) is not Role.ADMIN:
        raise ValueError(QT_TRANSLATE_NOOP("Staff", "the first staff member must be an admin"))
    name = _free_name(session, name)
    if nip is not None and not (nip.isdigit() and len(nip) == 18):
        raise ValueError(QT_TRANSLATE_NOOP("Staff", "NIP {nip} must be 18 digits").format(nip=repr(nip)))
    staff = Staff(
        name=name,
        nip=nip,
        category=EmploymentCategory(category),
        role=Role(role),
        pin_hash=hash_pin(pin, rounds),
        active=True,
        failed_pins=0,
    )
    session.add(staff)
    session.flush()
    audit_change(
        session,
        by,
        f"add staff {staff.name} ({staff.category.value}, {staff.role.value})",
        database_now(session),
    )
    return staff


def change_account(
    session: Session,
    by: Staff,
    staff: Staff,
    *,
    name: str | None = None,
    role: Role | None = None,
    pin: str | None = None,
    rounds: int = PIN_ROUNDS,
) -> None:
    """Give ``staff`` a new name, role and/or PIN (a new PIN also clears a lockout)."""
    require_role(by, Role.ADMIN, QT_TRANSLATE_NOOP("Permissions", "change names, roles and PINs"))
    changes = []
    if name is not None and " ".join(name.split()) != staff.name:
        old, staff.name = staff.name, _free_name(session, name, staff)
        changes.append(f"rename {old} to {staff.name}")
    if role is not None and Role(role) is not staff.role:
        staff.role = Role(role)
        changes.append(f"give {staff.name} the role {staff.role.value}")
    if pin:
        staff.pin_hash = hash_pin(pin, rounds)
        staff.failed_pins, staff.locked_until = 0, None
        changes.append(f"give {staff.name} a new PIN")
    session.flush()
    if changes:
        audit_change(session, by, "; ".join(changes), database_now(session))


def switch_account(session: Session, by: Staff, staff: Staff, active: bool) -> None:
    require_role(by, Role.ADMIN, QT_TRANSLATE_NOOP("Permissions", "switch accounts on or off"))
    if staff.id == by.id and not active:
        raise ValueError(QT_TRANSLATE_NOOP("StaffAdmin", "you cannot switch off your own account"))
    staff.active = active
    session.flush()
    audit_change(
        session, by, f"switch the account of {staff.name} {'on' if active else 'off'}", database_now(session)
    )


def unlock_account(session: Session, by: Staff, staff: Staff) -> None:
    """End a lockout now and forget the wrong PINs counted so far."""
    require_role(by, Role.ADMIN, QT_TRANSLATE_NOOP("Permissions", "unlock accounts"))
    wrong, staff.failed_pins, staff.locked_until = staff.failed_pins, 0, None
    session.flush()
    audit_change(
        session, by, f"unlock the account of {staff.name} (after {wrong} wrong PINs)", database_now(session)
    )


def _acting(by: Staff | None) -> Staff:
    if by is None:
        raise ValueError(
            QT_TRANSLATE_NOOP("Staff", "only an admin can add staff once the first account exists")
        )
    return by


def _free_name(session: Session, name: str, renamed: Staff | None = None) -> str:
    """``name`` tidied (spaces), if no other staff member has it whatever its capitals."""
    name = " ".join(name.split())
    if not name:
        raise ValueError(QT_TRANSLATE_NOOP("Staff", "a staff member needs a name"))
    if len(name) > NAME_LIMIT:
        raise ValueError(
            QT_TRANSLATE_NOOP("Staff", "a staff member's name has at most {limit} characters").format(
                limit=NAME_LIMIT
            )
        )
    taken = next(
        (
            other
            for other in session.scalars(select(Staff))
            if other is not renamed and other.name.casefold() == name.casefold()
        ),
        None,
    )
    if taken is not None:
        raise StaffNameTaken(taken)
    return name
