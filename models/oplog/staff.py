"""Staff accounts: PINs kept as bcrypt hashes, login with a lockout, and role checks.

Five wrong PINs in a row lock the account for 60 seconds; every further wrong PIN doubles the lock,
up to an hour, until a right PIN (or an admin's unlock, models/oplog/staff_admin.py) clears the count.
The count and the lock are stored, and the lock is timed by the database server's clock, so neither
restarting the console nor a desk whose clock runs ahead shortens it. bcrypt takes about a quarter
of a second per check (on purpose): call ``login`` off the GUI thread.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import bcrypt
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import as_utc, to_wib
from models.oplog.tables import Role, Staff

PIN_ROUNDS = 12
MAX_WRONG_PINS = 5
LOCKOUT = timedelta(seconds=60)  # after MAX_WRONG_PINS; doubled for each further wrong PIN
LONGEST_LOCKOUT = timedelta(hours=1)
PIN_LENGTHS = range(4, 9)
ROLE_WORDS = {
    Role.ADMIN: QT_TRANSLATE_NOOP("Permissions", "admin"),
    Role.OPERATOR: QT_TRANSLATE_NOOP("Permissions", "operator"),
    Role.VIEWER: QT_TRANSLATE_NOOP("Permissions", "viewer"),
}


class LoginError(Exception):
    """Login refused; the message is meant for the operator at the login screen."""


class WrongPin(LoginError):
    def __init__(self, staff: Staff, attempts_left: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Login",
                "Wrong PIN for {name}; {attempts} more wrong PIN(s) lock the account for {seconds} seconds.",
            ).format(name=staff.name, attempts=attempts_left, seconds=LOCKOUT.seconds)
        )
        self.attempts_left = attempts_left


class AccountLocked(LoginError):
    def __init__(self, staff: Staff, until: datetime, now: datetime) -> None:
        seconds = max(1, int((until - now).total_seconds() + 0.999))
        self.wrong = max(staff.failed_pins, MAX_WRONG_PINS)
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Login",
                "{name}'s account is locked after {wrong} wrong PINs; try again in "
                "{seconds} s (at {time} WIB).",
            ).format(name=staff.name, wrong=self.wrong, seconds=seconds, time=f"{to_wib(until):%H:%M:%S}")
        )
        self.until = until
        self.seconds_left = seconds


class StaffInactive(LoginError):
    def __init__(self, staff: Staff) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Login", "{name}'s account is switched off; ask an admin.").format(
                name=staff.name
            )
        )


class UnknownStaff(LoginError):
    def __init__(self, staff_id: int) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Login", "There is no staff member number {id}.").format(id=staff_id)
        )


class PermissionDenied(Exception):
    """The staff member's role does not allow this action."""

    def __init__(self, staff: Staff, needed: Role, action: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Permissions", "{name} ({role}) may not {action}: it needs the {needed} role."
            ).format(
                name=staff.name, role=ROLE_WORDS[staff.role], action=action, needed=ROLE_WORDS[Role(needed)]
            )
        )
        self.needed = needed


def hash_pin(pin: str, rounds: int = PIN_ROUNDS) -> str:
    """A bcrypt hash of a 4–8 digit PIN; raises ValueError for anything else."""
    if not (pin.isascii() and pin.isdigit() and len(pin) in PIN_LENGTHS):
        raise ValueError(QT_TRANSLATE_NOOP("Staff", "a PIN is 4 to 8 digits"))
    return bcrypt.hashpw(pin.encode("ascii"), bcrypt.gensalt(rounds)).decode("ascii")


def database_now(session: Session) -> datetime:
    """The database server's time (UTC): the same for every desk, whatever their own clocks say."""
    return as_utc(_aware(session.execute(select(func.now())).scalar_one()))


def _aware(moment: datetime) -> datetime:
    # PostgreSQL answers a timestamptz; SQLite's CURRENT_TIMESTAMP is UTC, given without a zone
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def lockout_after(failed_pins: int) -> timedelta:
    """How long the account stays locked after ``failed_pins`` wrong PINs in a row (none below the limit)."""
    if failed_pins < MAX_WRONG_PINS:
        return timedelta(0)
    return min(LOCKOUT * 2 ** min(failed_pins - MAX_WRONG_PINS, 16), LONGEST_LOCKOUT)


def login(session: Session, staff_id: int, pin: str) -> Staff:
    """The staff member if ``pin`` is right; raises a ``LoginError`` otherwise.

    Commits the session: a wrong PIN must be counted even though this raises.
    """
    staff = session.get(Staff, staff_id, with_for_update=True)
    if staff is None:
        raise UnknownStaff(staff_id)
    if not staff.active:
        raise StaffInactive(staff)
    now = database_now(session)
    if staff.locked_until is not None and now < staff.locked_until:
        raise AccountLocked(staff, staff.locked_until, now)
    if bcrypt.checkpw(pin.encode("utf-8"), staff.pin_hash.encode("ascii")):
        staff.failed_pins, staff.locked_until = 0, None
        session.commit()
        return staff
    staff.failed_pins += 1
    if staff.failed_pins >= MAX_WRONG_PINS:
        until = staff.locked_until = now + lockout_after(staff.failed_pins)
        session.commit()
        raise AccountLocked(staff, until, now)
    attempts_left = MAX_WRONG_PINS - staff.failed_pins
    session.commit()
    raise WrongPin(staff, attempts_left)


def has_role(staff: Staff, needed: Role) -> bool:
    """True if ``staff`` is active and has ``needed`` or a higher role (admin > operator > viewer)."""
    return staff.active and staff.role.rank >= Role(needed).rank


def require_role(
    staff: Staff, needed: Role, action: str = QT_TRANSLATE_NOOP("Permissions", "do this")
) -> None:
    """Raise ``PermissionDenied`` unless ``has_role(staff, needed)``; ``action`` completes the message
    (mark it with ``QT_TRANSLATE_NOOP("Permissions", ...)`` so that it is said in the operator's language)."""
    if not has_role(staff, needed):
        raise PermissionDenied(staff, needed, action)


def staff_for_login(session: Session) -> list[Staff]:
    """The active staff, by name, for the login screen's list."""
    return list(session.scalars(select(Staff).where(Staff.active).order_by(Staff.name)))
