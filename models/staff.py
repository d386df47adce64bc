"""Staff accounts: PINs kept as bcrypt hashes, login with a lockout, and role checks.

Five wrong PINs in a row lock the account for 60 seconds. The count and the lock are stored, so
restarting the console does not reset them. bcrypt takes about a quarter of a second per check
(on purpose): call ``login`` off the GUI thread.
"""
from __future__ import annotations

from datetime import datetime, timedelta

import bcrypt
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.oplog_time import as_utc, to_wib
from models.schema import EmploymentCategory, Role, Staff
from models.wording import QT_TRANSLATE_NOOP

PIN_ROUNDS = 12
MAX_WRONG_PINS = 5
LOCKOUT = timedelta(seconds=60)
PIN_LENGTHS = range(4, 9)
ROLE_WORDS = {Role.ADMIN: QT_TRANSLATE_NOOP("Permissions", "admin"),
              Role.OPERATOR: QT_TRANSLATE_NOOP("Permissions", "operator"),
              Role.VIEWER: QT_TRANSLATE_NOOP("Permissions", "viewer")}


class LoginError(Exception):
    """Login refused; the message is meant for the operator at the login screen."""


class WrongPin(LoginError):
    def __init__(self, staff: Staff, attempts_left: int) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Login", "Wrong PIN for {name}; {attempts} more wrong PIN(s) lock the "
                                                    "account for {seconds} seconds.")
                         .format(name=staff.name, attempts=attempts_left, seconds=LOCKOUT.seconds))
        self.attempts_left = attempts_left


class AccountLocked(LoginError):
    def __init__(self, staff: Staff, until: datetime, now: datetime) -> None:
        seconds = max(1, int((until - now).total_seconds() + 0.999))
        super().__init__(QT_TRANSLATE_NOOP("Login", "{name}'s account is locked after {wrong} wrong PINs; try again in "
                                                    "{seconds} s (at {time} WIB).")
                         .format(name=staff.name, wrong=MAX_WRONG_PINS, seconds=seconds,
                                 time=f"{to_wib(until):%H:%M:%S}"))
        self.until = until
        self.seconds_left = seconds


class StaffInactive(LoginError):
    def __init__(self, staff: Staff) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Login", "{name}'s account is switched off; ask an admin.")
                         .format(name=staff.name))


class UnknownStaff(LoginError):
    def __init__(self, staff_id: int) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Login", "There is no staff member number {id}.").format(id=staff_id))


class PermissionDenied(Exception):
    """The staff member's role does not allow this action."""

    def __init__(self, staff: Staff, needed: Role, action: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP("Permissions", "{name} ({role}) may not {action}: it needs the {needed} "
                                                          "role.")
                         .format(name=staff.name, role=ROLE_WORDS[staff.role], action=action,
                                 needed=ROLE_WORDS[Role(needed)]))
        self.needed = needed


def hash_pin(pin: str, rounds: int = PIN_ROUNDS) -> str:
    """A bcrypt hash of a 4–8 digit PIN; raises ValueError for anything else."""
    if not (pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS):
        raise ValueError(QT_TRANSLATE_NOOP("Staff", "a PIN is 4 to 8 digits"))
    return bcrypt.hashpw(pin.encode("ascii"), bcrypt.gensalt(rounds)).decode("ascii")


def create_staff(session: Session, name: str, category: EmploymentCategory, role: Role, pin: str, *,
                 nip: str | None = None, rounds: int = PIN_ROUNDS) -> Staff:
    """Add a staff member (flushed, not committed)."""
    name = name.strip()
    if not name:
        raise ValueError(QT_TRANSLATE_NOOP("Staff", "a staff member needs a name"))
    if nip is not None and not (nip.isdigit() and len(nip) == 18):
        raise ValueError(QT_TRANSLATE_NOOP("Staff", "NIP {nip} must be 18 digits").format(nip=repr(nip)))
    staff = Staff(name=name, nip=nip, category=EmploymentCategory(category), role=Role(role),
                  pin_hash=hash_pin(pin, rounds), active=True, failed_pins=0)
    session.add(staff)
    session.flush()
    return staff


def set_pin(session: Session, staff: Staff, pin: str, rounds: int = PIN_ROUNDS) -> None:
    """Replace the PIN and clear any lockout."""
    staff.pin_hash = hash_pin(pin, rounds)
    staff.failed_pins, staff.locked_until = 0, None
    session.flush()


def login(session: Session, staff_id: int, pin: str, now: datetime) -> Staff:
    """The staff member if ``pin`` is right; raises a ``LoginError`` otherwise.

    Commits the session: a wrong PIN must be counted even though this raises.
    """
    now = as_utc(now)
    staff = session.get(Staff, staff_id, with_for_update=True)
    if staff is None:
        raise UnknownStaff(staff_id)
    if not staff.active:
        raise StaffInactive(staff)
    if staff.locked_until is not None and now < staff.locked_until:
        raise AccountLocked(staff, staff.locked_until, now)
    if bcrypt.checkpw(pin.encode("utf-8"), staff.pin_hash.encode("ascii")):
        staff.failed_pins, staff.locked_until = 0, None
        session.commit()
        return staff
    staff.failed_pins += 1
    if staff.failed_pins >= MAX_WRONG_PINS:
        staff.failed_pins, staff.locked_until = 0, now + LOCKOUT
        session.commit()
        raise AccountLocked(staff, now + LOCKOUT, now)
    attempts_left = MAX_WRONG_PINS - staff.failed_pins
    session.commit()
    raise WrongPin(staff, attempts_left)


def has_role(staff: Staff, needed: Role) -> bool:
    """True if ``staff`` is active and has ``needed`` or a higher role (admin > operator > viewer)."""
    return staff.active and staff.role.rank >= Role(needed).rank


def require_role(staff: Staff, needed: Role, action: str = QT_TRANSLATE_NOOP("Permissions", "do this")) -> None:
    """Raise ``PermissionDenied`` unless ``has_role(staff, needed)``; ``action`` completes the message
    (mark it with ``QT_TRANSLATE_NOOP("Permissions", ...)`` so that it is said in the operator's language)."""
    if not has_role(staff, needed):
        raise PermissionDenied(staff, needed, action)


def staff_for_login(session: Session) -> list[Staff]:
    """The active staff, by name, for the login screen's list."""
    return list(session.scalars(select(Staff).where(Staff.active).order_by(Staff.name)))
