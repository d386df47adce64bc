"""The shift dock's jobs: start and end a shift, give it its team, plan one."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog import shifts
from models.oplog.clock import utc_now
from models.oplog.jobs.base import StaffJob, stored
from models.oplog.reports.handover import handover_status
from models.oplog.snapshot import actor
from models.oplog.staff import require_role
from models.oplog.tables import Role, Shift, Staff


def start_shift(shift_id: int) -> StaffJob[None]:
    def start(session: Session, me: Staff) -> None:
        shifts.start_shift(session, stored(session, Shift, shift_id), me, utc_now())

    return start


def end_shift(shift_id: int) -> StaffJob[str]:
    """Ends the shift now; the result is the state of its handover (``handover_status``)."""

    def end(session: Session, me: Staff) -> str:
        shift = stored(session, Shift, shift_id)
        shifts.end_shift(session, shift, me, utc_now())
        return handover_status(shifts.handover_for_shift(session, shift))

    return end


def set_team(shift_id: int, lead_id: int, member_ids: Sequence[int]) -> StaffJob[None]:
    def save(session: Session, me: Staff) -> None:
        require_role(me, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "change the team of a shift"))
        shifts.set_team(
            session,
            stored(session, Shift, shift_id),
            actor(session, lead_id),
            [actor(session, member) for member in member_ids],
        )

    return save


def plan_shift(
    name: str, start: datetime, end: datetime, lead_id: int, member_ids: Sequence[int]
) -> StaffJob[None]:
    def plan(session: Session, me: Staff) -> None:
        require_role(me, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "plan a shift"))
        shifts.plan_shift(
            session,
            name,
            start,
            end,
            actor(session, lead_id),
            [actor(session, member) for member in member_ids],
        )

    return plan
