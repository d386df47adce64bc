"""Shifts: plan them (lead and staff on duty), start and end them, find the current one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import as_utc, to_wib
from models.oplog.database import reread_locked
from models.oplog.staff import require_role
from models.oplog.tables import Handover, Role, Shift, Staff

SHIFT_NAMES = ("Pagi", "Siang", "Malam")
NAME_BY_START = ((4, "Pagi"), (12, "Siang"), (19, "Malam"))
"""The name a shift starting at a WIB hour gets: Pagi from 04:00, Siang from 12:00, Malam from 19:00 until
04:00. The usual shifts start at 07:00, 15:00 and 23:00, each well inside its part of the day."""


def suggested_name(start: datetime) -> str:
    """Pagi, Siang or Malam for a shift starting at ``start`` (by its WIB hour, see ``NAME_BY_START``)."""
    hour = to_wib(start).hour
    return next((name for begins, name in reversed(NAME_BY_START) if hour >= begins), NAME_BY_START[-1][1])


class ShiftError(Exception):
    """A shift step that is not possible now; the message says why."""


def plan_shift(
    session: Session,
    name: str,
    planned_start: datetime,
    planned_end: datetime,
    lead: Staff,
    members: Sequence[Staff] = (),
) -> Shift:
    """Add a shift; the lead is always one of the staff on duty (flushed, not committed)."""
    if not name.strip():
        raise ValueError(QT_TRANSLATE_NOOP("Shifts", "a shift needs a name, e.g. Pagi, Siang or Malam"))
    if as_utc(planned_end) <= as_utc(planned_start):
        raise ValueError(QT_TRANSLATE_NOOP("Shifts", "a shift must end after it starts"))
    shift = Shift(name=name.strip(), planned_start=planned_start, planned_end=planned_end, lead=lead)
    shift.members = _with_lead(lead, members)
    session.add(shift)
    session.flush()
    return shift


def set_team(session: Session, shift: Shift, lead: Staff, members: Sequence[Staff]) -> None:
    """Change the lead and the staff on duty (before the shift's handover is signed)."""
    reread_locked(session, shift)
    signed = select(Handover.id).where(Handover.shift_id == shift.id, Handover.signed_at.is_not(None))
    if session.scalar(signed) is not None:
        raise ShiftError(
            QT_TRANSLATE_NOOP(
                "Shifts", "the handover of shift {shift} is signed; its team can no longer change"
            ).format(shift=shift_label(shift))
        )
    shift.lead = lead
    shift.members = _with_lead(lead, members)
    session.flush()


def _with_lead(lead: Staff, members: Sequence[Staff]) -> list[Staff]:
    unique = {member.id: member for member in (lead, *members)}
    return sorted(unique.values(), key=lambda member: member.name)


def start_shift(session: Session, shift: Shift, by: Staff, now: datetime) -> None:
    require_role(by, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "start a shift"))
    reread_locked(session, shift)
    if shift.actual_start is not None:
        raise ShiftError(
            QT_TRANSLATE_NOOP("Shifts", "shift {shift} already started at {time} WIB").format(
                shift=shift_label(shift), time=f"{to_wib(shift.actual_start):%H:%M}"
            )
        )
    locked = select(Handover.id).where(Handover.shift_id == shift.id, Handover.content_hash.is_not(None))
    if session.scalar(locked) is not None:  # its signed record says it never started
        raise ShiftError(
            QT_TRANSLATE_NOOP(
                "Shifts", "shift {shift} has already been handed over; it cannot start now"
            ).format(shift=shift_label(shift))
        )
    shift.actual_start = as_utc(now)
    session.flush()


def end_shift(session: Session, shift: Shift, by: Staff, now: datetime) -> None:
    require_role(by, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "end a shift"))
    reread_locked(session, shift)
    if shift.actual_start is None:
        raise ShiftError(
            QT_TRANSLATE_NOOP("Shifts", "shift {shift} has not started").format(shift=shift_label(shift))
        )
    if shift.actual_end is not None:
        raise ShiftError(
            QT_TRANSLATE_NOOP("Shifts", "shift {shift} already ended at {time} WIB").format(
                shift=shift_label(shift), time=f"{to_wib(shift.actual_end):%H:%M}"
            )
        )
    if as_utc(now) < shift.actual_start:
        raise ShiftError(
            QT_TRANSLATE_NOOP("Shifts", "shift {shift} cannot end before it started").format(
                shift=shift_label(shift)
            )
        )
    shift.actual_end = as_utc(now)
    session.flush()


def current_shift(session: Session, now: datetime) -> Shift | None:
    """The shift that has started (by ``now``) and not ended; the latest one if several have."""
    query = (
        select(Shift)
        .where(Shift.actual_start.is_not(None), Shift.actual_start <= as_utc(now), Shift.actual_end.is_(None))
        .order_by(Shift.actual_start.desc())
        .limit(1)
    )
    return session.scalars(query).first()


def next_shift(session: Session, now: datetime) -> Shift | None:
    """The earliest shift not started yet whose planned end is still ahead, to offer at login."""
    query = (
        select(Shift)
        .where(Shift.actual_start.is_(None), Shift.planned_end > as_utc(now))
        .order_by(Shift.planned_start)
        .limit(1)
    )
    return session.scalars(query).first()


def handover_for_shift(session: Session, shift: Shift) -> Handover | None:
    return session.scalars(select(Handover).where(Handover.shift_id == shift.id)).first()


def incoming_shift(session: Session, shift: Shift) -> Shift | None:
    """The shift that takes over from ``shift``: the next one by planned start. Its lead accepts the
    handover."""
    return session.scalars(
        select(Shift)
        .where(Shift.planned_start > shift.planned_start, Shift.id != shift.id)
        .order_by(Shift.planned_start, Shift.id)
        .limit(1)
    ).first()


def shift_label(shift: Shift) -> str:
    """``Pagi 03-11-2026``: the shift's name and its (planned) WIB day."""
    return f"{shift.name} {to_wib(shift.planned_start):%d-%m-%Y}"
