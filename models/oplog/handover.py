"""The handover between shift leads: prepare, sign (outgoing), accept (incoming), lock, verify, reopen.

1. ``start_handover``: the outgoing lead opens a draft whose summary is filled in from the data.
2. ``set_notes`` while it is a draft (reports show a draft's summary as of now).
3. ``sign``: the outgoing lead signs; the summary and the carried-over faults are frozen.
4. ``accept``: the incoming lead — the lead of the next shift (``incoming_shift``) — accepts, or an
   admin in their place (recorded in the handover and in the audit trail); the record is locked
   with a SHA-256 hash over a canonical JSON of its content, including the shift's log entries,
   the outgoing shift ends (handing over is the end of it), and the record is signed with the
   install key (``models.oplog.handover_seal``), the chain heads of that moment included.
5. ``verify`` / ``misfits`` check the signature and name what no longer fits.
6. after the lock, additions to a reopened record: handover_additions.py.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.admin_audit import audit_change
from models.oplog.clock import as_utc
from models.oplog.database import reread_locked
from models.oplog.handover_seal import locked_hash, record_heads, seal
from models.oplog.handover_seal import misfits as seal_misfits
from models.oplog.handover_summary import ShiftSummary, build_summary
from models.oplog.install_key import load_key
from models.oplog.shifts import handover_for_shift, incoming_shift, shift_label
from models.oplog.staff import require_role
from models.oplog.tables import (
    Fault,
    Handover,
    HandoverError,
    HandoverLocked,
    Role,
    Shift,
    Staff,
)

__all__ = [
    "HandoverError",
    "HandoverLocked",
    "accept",
    "content_hash",
    "handover_for_shift",
    "incoming_shift",
    "misfits",
    "seal_record",
    "set_notes",
    "sign",
    "start_handover",
    "summary",
    "verify",
]


def start_handover(session: Session, shift: Shift, by: Staff, now: datetime) -> Handover:
    """A draft handover of ``shift`` by its lead (flushed, not committed)."""
    _require_outgoing_lead(shift.lead, by, QT_TRANSLATE_NOOP("Permissions", "hand over the shift"))
    if handover_for_shift(session, shift) is not None:
        raise HandoverError(
            QT_TRANSLATE_NOOP("Handover", "shift {shift} already has a handover").format(shift=shift.name)
        )
    handover = Handover(
        shift=shift,
        outgoing_lead=shift.lead,
        created_at=as_utc(now),
        notes="",
        reopened=False,
        summary_json=build_summary(session, shift, now).to_json(),
    )
    session.add(handover)
    session.flush()
    return handover


def summary(handover: Handover) -> ShiftSummary:
    return ShiftSummary.from_json(handover.summary_json)


def set_notes(session: Session, handover: Handover, by: Staff, notes: str) -> None:
    _require_outgoing_lead(
        handover.outgoing_lead, by, QT_TRANSLATE_NOOP("Permissions", "write the handover notes")
    )
    _require_draft(session, handover)
    handover.notes = notes
    session.flush()


def sign(session: Session, handover: Handover, by: Staff, now: datetime) -> None:
    """The outgoing lead signs: the summary is refreshed and frozen with the faults still open."""
    _require_outgoing_lead(handover.outgoing_lead, by, QT_TRANSLATE_NOOP("Permissions", "sign the handover"))
    _require_draft(session, handover)
    frozen = build_summary(session, handover.shift, now)
    handover.summary_json = frozen.to_json()
    carried = {fault.id for fault in frozen.carried_over}
    handover.carried_over = (
        list(session.scalars(select(Fault).where(Fault.id.in_(carried)))) if carried else []
    )
    handover.signed_at = as_utc(now)
    session.flush()


def accept(session: Session, handover: Handover, by: Staff, now: datetime) -> None:
    """The incoming lead (the next shift's) accepts a signed handover, which locks it and ends the outgoing
    shift. An admin may accept in their place, also when no next shift is planned: the record says so and
    the audit trail has a row for it."""
    require_role(by, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "accept a handover"))
    reread_locked(session, handover)
    if handover.signed_at is None:
        raise HandoverError(
            QT_TRANSLATE_NOOP(
                "Handover", "{lead} has not signed this handover yet; it cannot be accepted"
            ).format(lead=handover.outgoing_lead.name)
        )
    if handover.accepted_at is not None:
        raise HandoverLocked(
            QT_TRANSLATE_NOOP("Handover", "this handover was already accepted by {lead}").format(
                lead=_name(handover.incoming_lead)
            )
        )
    if by.id == handover.outgoing_lead_id:
        raise HandoverError(
            QT_TRANSLATE_NOOP("Handover", "the incoming lead, not the outgoing one, accepts a handover")
        )
    shift = handover.shift
    following = incoming_shift(session, shift)
    if following is not None:
        reread_locked(session, following)  # its lead, as another desk may have just changed it
    planned = following.lead if following is not None else None
    as_admin = planned is None or by.id != planned.id
    if as_admin and by.role is not Role.ADMIN:
        if following is None or planned is None:  # (a planned shift always has its lead)
            raise HandoverError(
                QT_TRANSLATE_NOOP(
                    "Handover",
                    "no shift is planned after {shift}, so nobody is its "
                    "incoming lead: plan the next shift and its lead, or "
                    "an admin accepts",
                ).format(shift=shift_label(shift))
            )
        raise HandoverError(
            QT_TRANSLATE_NOOP(
                "Handover",
                "only the incoming lead, {lead} (shift {shift}), or an admin can accept this handover",
            ).format(lead=planned.name, shift=shift_label(following))
        )
    handover.incoming_lead, handover.accepted_at = by, as_utc(now)
    handover.planned_incoming_lead, handover.accepted_as_admin = planned, as_admin
    if as_admin:
        audit_change(
            session,
            by,
            f"accept the handover of shift {shift_label(shift)} as admin, in place of "
            f"{planned.name if planned else 'an incoming lead (no next shift planned)'}",
            now,
        )
    session.flush()
    handover.signed_heads = record_heads(session.connection())
    handover.content_hash = content_hash(session, handover)
    _end(session, shift, now)
    seal_record(session, handover)


def _end(session: Session, shift: Shift, now: datetime) -> None:
    """The outgoing shift ends with its handover, if it is still running."""
    reread_locked(session, shift)
    if shift.actual_start is not None and shift.actual_end is None:
        shift.actual_end = max(as_utc(now), shift.actual_start)


def verify(session: Session, handover: Handover) -> bool:
    """True if the locked record and every addition are exactly as they were signed."""
    return not misfits(session, handover)


def misfits(session: Session, handover: Handover) -> list[str]:
    """What of the locked record no longer fits its signature (operator's sentences); empty if all does.

    Reads what is stored now (objects of this session are expired)."""
    if handover.content_hash is None:
        raise HandoverError(
            QT_TRANSLATE_NOOP(
                "Handover", "this handover has not been accepted, so it has no hash to verify yet"
            )
        )
    session.flush()
    session.expire_all()  # compare with what is stored now, not with objects cached in this session
    return seal_misfits(session.connection(), handover.id, load_key())


def seal_record(session: Session, handover: Handover) -> None:
    """Sign the record as it is stored now (its hash, flags and additions) with the install key."""
    session.flush()
    handover.signature = seal(session.connection(), handover.id, load_key())
    session.flush()


def content_hash(session: Session, handover: Handover) -> str:
    """SHA-256 over a canonical JSON of the handover, its shift team and the shift's log entries, as
    stored."""
    session.flush()
    return locked_hash(session.connection(), handover.id)


def _require_outgoing_lead(lead: Staff, by: Staff, action: str) -> None:
    require_role(by, Role.OPERATOR, action)
    if by.id != lead.id:
        raise HandoverError(
            QT_TRANSLATE_NOOP("Handover", "only the shift lead, {lead}, can {action}").format(
                lead=lead.name, action=action
            )
        )


def _require_draft(session: Session, handover: Handover) -> None:
    reread_locked(session, handover)
    if handover.locked:
        raise HandoverLocked(
            QT_TRANSLATE_NOOP(
                "Handover", "this handover is accepted and locked; an admin can reopen it for additions"
            )
        )
    if handover.signed_at is not None:
        raise HandoverError(
            QT_TRANSLATE_NOOP("Handover", "this handover is signed; it can only be accepted now")
        )


def _name(staff: Staff | None) -> str:
    return staff.name if staff else QT_TRANSLATE_NOOP("Handover", "someone")
