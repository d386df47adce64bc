"""After the lock: an admin reopens an accepted handover (with a reason), which allows marked additions
until it is locked again (``reopen``, ``add_addition``, ``relock``; steps 1–5 are in handover.py).

Additions are separate rows, each chained to the previous hash, so the signed content never changes;
each step signs the reopened flag and the additions again, after checking the record still fits.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import as_utc, iso
from models.oplog.database import reread_locked
from models.oplog.handover import seal_record
from models.oplog.handover_seal import misfits as seal_misfits
from models.oplog.install_key import load_key
from models.oplog.plain_data import canonical_json
from models.oplog.staff import require_role
from models.oplog.tables import (
    AdditionKind,
    Handover,
    HandoverAddition,
    HandoverError,
    HandoverLocked,
    Role,
    Staff,
)


def reopen(session: Session, handover: Handover, by: Staff, reason: str, now: datetime) -> None:
    require_role(by, Role.ADMIN, QT_TRANSLATE_NOOP("Permissions", "reopen a handover"))
    reread_locked(session, handover)
    if not handover.locked:
        raise HandoverError(
            QT_TRANSLATE_NOOP("Handover", "only an accepted (locked) handover can be reopened")
        )
    if handover.reopened:
        raise HandoverError(QT_TRANSLATE_NOOP("Handover", "this handover is already reopened"))
    if not reason.strip():
        raise HandoverError(QT_TRANSLATE_NOOP("Handover", "give a reason for reopening the handover"))
    _append(session, handover, by, AdditionKind.REOPENED, reason.strip(), now, reopened=True)


def add_addition(
    session: Session, handover: Handover, by: Staff, text: str, now: datetime
) -> HandoverAddition:
    """A marked addition to a reopened handover."""
    require_role(by, Role.OPERATOR, QT_TRANSLATE_NOOP("Permissions", "add to a handover"))
    reread_locked(session, handover)
    if not handover.reopened:
        raise HandoverLocked(
            QT_TRANSLATE_NOOP(
                "Handover", "this handover is locked; an admin must reopen it before anything is added"
            )
        )
    if not text.strip():
        raise ValueError(QT_TRANSLATE_NOOP("Handover", "an addition needs some text"))
    return _append(session, handover, by, AdditionKind.NOTE, text.strip(), now, reopened=True)


def relock(session: Session, handover: Handover, by: Staff, now: datetime) -> None:
    require_role(by, Role.ADMIN, QT_TRANSLATE_NOOP("Permissions", "lock a handover again"))
    reread_locked(session, handover)
    if not handover.reopened:
        raise HandoverError(QT_TRANSLATE_NOOP("Handover", "this handover is not reopened"))
    _append(session, handover, by, AdditionKind.RELOCKED, "", now, reopened=False)


def _append(
    session: Session,
    handover: Handover,
    by: Staff,
    kind: AdditionKind,
    text: str,
    now: datetime,
    *,
    reopened: bool,
) -> HandoverAddition:
    """Add to a locked record that still fits its signature, then sign it again with ``reopened``."""
    wrong = seal_misfits(session.connection(), handover.id, load_key())
    if wrong:
        raise HandoverLocked(
            QT_TRANSLATE_NOOP(
                "Handover",
                "this handover no longer fits its signature ({parts}); "
                "nothing can be added to it — tell an admin",
            ).format(parts="; ".join(wrong))
        )
    previous = handover.additions[-1].chain_hash if handover.additions else handover.content_hash
    addition = HandoverAddition(at=as_utc(now), author=by, kind=kind, text=text, chain_hash="")
    addition.author_id = by.id
    addition.chain_hash = _chain(previous or "", addition)
    handover.additions.append(addition)
    handover.reopened = reopened
    seal_record(session, handover)
    return addition


def _chain(previous: str, addition: HandoverAddition) -> str:
    body = canonical_json(
        {
            "previous": previous,
            "at": iso(addition.at),
            "author": addition.author_id,
            "kind": addition.kind.value,
            "text": addition.text,
        }
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()
