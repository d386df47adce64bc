"""The handover window's jobs: what it shows, and every step of the handover by shift id.

Signing and accepting check the PIN of the person doing it (wrong PINs count towards the lockout);
the other steps act as the logged-in staff member. The services check who may.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog import handover as ho
from models.oplog import handover_additions as additions
from models.oplog.clock import utc_now
from models.oplog.jobs.base import Job, StaffJob, stored
from models.oplog.reports.handover import HandoverReport, handover_report
from models.oplog.shifts import current_shift, handover_for_shift, incoming_shift, shift_label
from models.oplog.snapshot import StaffView, staff_view
from models.oplog.staff import login, staff_for_login
from models.oplog.tables import Handover, Role, Shift, Staff

Step = Callable[[Session, Handover, Staff], object]


@dataclass(frozen=True)
class HandoverState:
    shift_id: int
    lead: StaffView
    report: HandoverReport
    incoming: StaffView | None  # the next shift's lead, who accepts (None: no next shift planned)
    next_shift: str | None  # e.g. "Siang 03-11-2026"
    admins: tuple[StaffView, ...]  # who may accept in the incoming lead's place


def handover_shift(session: Session, now: datetime) -> Shift | None:
    """The shift to hand over: the current one, else the one that ended last."""
    return (
        current_shift(session, now)
        or session.scalars(
            select(Shift).where(Shift.actual_end.is_not(None)).order_by(Shift.actual_end.desc()).limit(1)
        ).first()
    )


def load_handover(shift_id: int | None) -> Job[HandoverState | None]:
    """The handover of ``shift_id`` (None: of ``handover_shift``), as the data stand now."""

    def load(session: Session) -> HandoverState | None:
        now = utc_now()
        shift = session.get(Shift, shift_id) if shift_id is not None else handover_shift(session, now)
        if shift is None:
            return None
        following = incoming_shift(session, shift)
        lead = following.lead if following is not None and following.lead_id != shift.lead_id else None
        admins = tuple(
            staff_view(member)
            for member in staff_for_login(session)
            if member.role is Role.ADMIN and member.id not in (shift.lead_id, lead and lead.id)
        )
        return HandoverState(
            shift.id,
            staff_view(shift.lead),
            handover_report(session, shift.id, now),
            staff_view(lead) if lead else None,
            shift_label(following) if following else None,
            admins,
        )

    return load


def report_now(shift_id: int) -> Job[HandoverReport]:
    return lambda session: handover_report(session, shift_id, utc_now())


def prepare(shift_id: int) -> StaffJob[None]:
    """The shift lead drafts the handover."""

    def start(session: Session, me: Staff) -> None:
        ho.start_handover(session, stored(session, Shift, shift_id), me, utc_now())

    return start


def set_notes(shift_id: int, notes: str) -> StaffJob[None]:
    return _as_me(shift_id, lambda session, handover, me: ho.set_notes(session, handover, me, notes))


def reopen(shift_id: int, reason: str) -> StaffJob[None]:
    return _as_me(
        shift_id, lambda session, handover, me: additions.reopen(session, handover, me, reason, utc_now())
    )


def add_addition(shift_id: int, text: str) -> StaffJob[None]:
    return _as_me(
        shift_id, lambda session, handover, me: additions.add_addition(session, handover, me, text, utc_now())
    )


def relock(shift_id: int) -> StaffJob[None]:
    return _as_me(shift_id, lambda session, handover, me: additions.relock(session, handover, me, utc_now()))


def sign(shift_id: int, staff_id: int, pin: str) -> Job[None]:
    """The outgoing lead signs with their PIN."""
    return _with_pin(shift_id, staff_id, pin, ho.sign)


def accept(shift_id: int, staff_id: int, pin: str) -> Job[None]:
    """The incoming lead (or an admin in their place) accepts with their PIN."""
    return _with_pin(shift_id, staff_id, pin, ho.accept)


def _as_me(shift_id: int, step: Step) -> StaffJob[None]:
    def run(session: Session, me: Staff) -> None:
        step(session, _handover(session, shift_id), me)

    return run


def _with_pin(
    shift_id: int, staff_id: int, pin: str, step: Callable[[Session, Handover, Staff, datetime], None]
) -> Job[None]:
    def run(session: Session) -> None:
        person = login(session, staff_id, pin)
        step(session, _handover(session, shift_id), person, utc_now())

    return run


def _handover(session: Session, shift_id: int) -> Handover:
    found = handover_for_shift(session, stored(session, Shift, shift_id))
    if found is None:
        raise ho.HandoverError(QT_TRANSLATE_NOOP("Handover", "this shift has no handover yet"))
    return found
