"""The signature of an accepted handover: HMAC-SHA256 with the install key, part by part.

Each part of the record is signed on its own, so that a check can name what no longer fits:
the handover itself (notes, summary, times, leads, carried-over faults), the shift (name and
times), the people (leads and members, by id and name), the shift's log entries, the chain heads
when it was accepted (``models.oplog.record_chain``), and whether it is reopened with its additions.
The key is not in the database (``models.oplog.install_key``), so whoever edits the database cannot
sign again. Reads name their columns (no ORM objects) so that migration 0003 can check and sign the
handovers accepted before it, also once later revisions have added columns.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import iso
from models.oplog.plain_data import canonical_json
from models.oplog.record_chain import CHAINED_FIELDS, contains, lock_heads
from models.oplog.tables import (
    Handover,
    HandoverAddition,
    LogEntry,
    Shift,
    Staff,
    handover_faults,
    shift_members,
)

PARTS = {
    "record": QT_TRANSLATE_NOOP("Handover", "the handover itself (notes, summary, times or leads)"),
    "shift": QT_TRANSLATE_NOOP("Handover", "the shift's name or times"),
    "people": QT_TRANSLATE_NOOP("Handover", "the people (a lead or a member, by id or name)"),
    "entries": QT_TRANSLATE_NOOP("Handover", "the shift's log entries"),
    "chain": QT_TRANSLATE_NOOP("Handover", "the chain heads recorded at acceptance"),
    "additions": QT_TRANSLATE_NOOP("Handover", "the reopened flag or the additions"),
}
_H, _S, _A = Handover.__table__.c, Shift.__table__.c, HandoverAddition.__table__.c
_L, _P = LogEntry.__table__.c, Staff.__table__.c


def record_heads(connection: Connection) -> str:
    """The chain heads now, as stored with an accepted handover."""
    return canonical_json(lock_heads(connection))


def seal(connection: Connection, handover_id: int, key: bytes) -> str:
    """The signature of the handover as it is stored now (its ``signed_heads`` already set)."""
    return canonical_json(
        {
            part: _sign(key, handover_id, part, value)
            for part, value in signed_parts(connection, handover_id).items()
        }
    )


def misfits(connection: Connection, handover_id: int, key: bytes) -> list[str]:
    """What of an accepted handover no longer fits its signature (sentences for the operator); empty if
    all."""
    stored = connection.execute(select(_H.signature, _H.signed_heads).where(_H.id == handover_id)).one()
    if not stored.signature:
        return [
            QT_TRANSLATE_NOOP(
                "Handover",
                "the signature (there is none; the record did not match its hash "
                "when the console was upgraded, or the signature was removed)",
            )
        ]
    try:
        signed = json.loads(stored.signature)
    except ValueError:
        signed = {}
    found: list[str] = [
        PARTS[part]
        for part, value in signed_parts(connection, handover_id).items()
        if not hmac.compare_digest(str(signed.get(part, "")), _sign(key, handover_id, part, value))
    ]
    heads = json.loads(stored.signed_heads or "{}")
    found += [
        QT_TRANSLATE_NOOP(
            "Handover", "the {table} chain: the row that was its last at acceptance is gone"
        ).format(table=table)
        for table in CHAINED_FIELDS
        if not contains(connection, table, heads.get(table, ""))
    ]
    return found


@dataclass(frozen=True)
class _Stored:
    """What a handover's hash and signature cover, read with named columns only (so that migration 0003
    keeps working when later revisions add columns)."""

    handover: Any
    shift: Any
    members: list[int]
    names: dict[int, str]
    carried: list[int]
    entries: Sequence[Any]
    additions: Sequence[Any]


def _read(connection: Connection, handover_id: int) -> _Stored:
    h = connection.execute(
        select(
            _H.id,
            _H.shift_id,
            _H.outgoing_lead_id,
            _H.incoming_lead_id,
            _H.planned_incoming_lead_id,
            _H.created_at,
            _H.signed_at,
            _H.accepted_at,
            _H.notes,
            _H.summary_json,
            _H.accepted_as_admin,
            _H.content_hash,
            _H.reopened,
            _H.signed_heads,
        ).where(_H.id == handover_id)
    ).one()
    shift = connection.execute(
        select(
            _S.id, _S.name, _S.planned_start, _S.planned_end, _S.actual_start, _S.actual_end, _S.lead_id
        ).where(_S.id == h.shift_id)
    ).one()
    members = sorted(
        connection.execute(
            select(shift_members.c.staff_id).where(shift_members.c.shift_id == shift.id)
        ).scalars()
    )
    people = {*members, shift.lead_id, h.outgoing_lead_id, h.incoming_lead_id, h.planned_incoming_lead_id}
    names = {
        staff_id: name
        for staff_id, name in connection.execute(
            select(_P.id, _P.name).where(_P.id.in_([person for person in people if person is not None]))
        )
    }
    carried = sorted(
        connection.execute(
            select(handover_faults.c.fault_id).where(handover_faults.c.handover_id == h.id)
        ).scalars()
    )
    entries = connection.execute(
        select(_L.id, _L.at, _L.author_id, _L.event_id, _L.text, _L.chain_hash)
        .where(_L.shift_id == shift.id)
        .order_by(_L.id)
    ).all()
    additions = connection.execute(
        select(_A.id, _A.at, _A.author_id, _A.kind, _A.text, _A.chain_hash)
        .where(_A.handover_id == h.id)
        .order_by(_A.id)
    ).all()
    return _Stored(h, shift, members, names, carried, entries, additions)


def locked_hash(connection: Connection, handover_id: int) -> str:
    """The unkeyed SHA-256 the record is locked with (``Handover.content_hash``): a canonical JSON of the
    handover, its shift team and the shift's log entries. Unchanged since revision 0001."""
    stored = _read(connection, handover_id)
    h, shift = stored.handover, stored.shift
    record: dict[str, Any] = {
        "handover": h.id,
        "shift": {
            "id": shift.id,
            "name": shift.name,
            "planned_start": iso(shift.planned_start),
            "planned_end": iso(shift.planned_end),
            "lead": shift.lead_id,
            "members": stored.members,
        },
        "outgoing_lead": h.outgoing_lead_id,
        "incoming_lead": h.incoming_lead_id,
        "created_at": iso(h.created_at),
        "signed_at": iso(h.signed_at),
        "accepted_at": iso(h.accepted_at),
        "notes": h.notes,
        "summary": h.summary_json,
        "carried_over": stored.carried,
        "log_entries": [
            [row.id, iso(row.at), row.author_id, row.event_id, row.text] for row in stored.entries
        ],
    }
    if h.accepted_as_admin:  # only then, so that records accepted before revision 0002 keep their hash
        record["accepted_as_admin"] = {"in_place_of": h.planned_incoming_lead_id}
    return hashlib.sha256(canonical_json(record).encode("utf-8")).hexdigest()


def signed_parts(connection: Connection, handover_id: int) -> dict[str, Any]:
    stored = _read(connection, handover_id)
    h, shift, names = stored.handover, stored.shift, stored.names
    leads = {
        "shift_lead": shift.lead_id,
        "outgoing_lead": h.outgoing_lead_id,
        "incoming_lead": h.incoming_lead_id,
        "planned_incoming_lead": h.planned_incoming_lead_id,
    }
    return {
        "record": {
            "id": h.id,
            "shift": h.shift_id,
            "created_at": iso(h.created_at),
            "signed_at": iso(h.signed_at),
            "accepted_at": iso(h.accepted_at),
            "notes": h.notes,
            "summary": h.summary_json,
            "accepted_as_admin": bool(h.accepted_as_admin),
            "content_hash": h.content_hash,
            "carried_over": stored.carried,
        },
        "shift": {
            "name": shift.name,
            "planned_start": iso(shift.planned_start),
            "planned_end": iso(shift.planned_end),
            "actual_start": iso(shift.actual_start),
            "actual_end": iso(shift.actual_end),
        },
        "people": {
            **{role: [staff_id, names.get(staff_id)] for role, staff_id in leads.items()},
            "members": [[staff_id, names.get(staff_id)] for staff_id in stored.members],
        },
        "entries": [
            [row.id, row.chain_hash, iso(row.at), row.author_id, row.event_id, row.text]
            for row in stored.entries
        ],
        "chain": h.signed_heads,
        "additions": {
            "reopened": bool(h.reopened),
            "rows": [
                [row.id, iso(row.at), row.author_id, str(row.kind), row.text, row.chain_hash]
                for row in stored.additions
            ],
        },
    }


def _sign(key: bytes, handover_id: int, part: str, value: Any) -> str:
    body = canonical_json({"handover": handover_id, "part": part, "value": value})
    return hmac.new(key, body.encode("utf-8"), hashlib.sha256).hexdigest()
