"""The hash chains over the audit trail and the log entries: a row that is changed or deleted shows.

Each row stores ``prev_hash`` (the chain hash of the row before it, in id order) and ``chain_hash``
= SHA-256 of ``prev_hash`` and a canonical JSON of the row's content. ``chain_heads`` keeps each
chain's last hash. Appends lock both heads (``SELECT … FOR UPDATE`` on PostgreSQL, in one fixed
order so that two transactions never wait for each other; SQLite transactions already write one at
a time), so rows get their ids in chain order even with several desks writing. The chain is not
keyed: anyone can check it (``db check``); a handover's signature, which is keyed, records the chain
heads when it was accepted, so rewriting a chain from some row on breaks every later signature.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, TableClause, column, select, table, text

from models.oplog.clock import UtcDateTime, iso
from models.oplog.plain_data import canonical_json

GENESIS = "0" * 64
CHAINED_FIELDS = {
    "audit_entries": ("at", "staff_id", "event_id", "device", "action", "result", "duration_ms"),
    "log_entries": ("at", "author_id", "shift_id", "event_id", "text"),
}
"""The chained tables, each with the fields its rows' hashes cover."""


def row_hash(previous: str, table: str, row: dict[str, Any]) -> str:
    at = row["at"]
    if isinstance(at, datetime) and at.utcoffset() is None:
        at = at.isoformat()  # refused by the column type when the row is inserted, with the usual message
    content = {field: row.get(field) for field in CHAINED_FIELDS[table]}
    content["at"] = at if isinstance(at, str) else iso(at)
    return hashlib.sha256(f"{previous}\n{canonical_json(content)}".encode()).hexdigest()


def lock_heads(connection: Connection) -> dict[str, str]:
    """Every chain's last hash, locked until the transaction ends."""
    lock = " FOR UPDATE" if connection.dialect.name == "postgresql" else ""
    rows = connection.execute(text(f"SELECT name, last_hash FROM chain_heads ORDER BY name{lock}"))
    return {name: last_hash for name, last_hash in rows}


def link(connection: Connection, table: str, rows: Iterable[dict[str, Any]]) -> None:
    """Fill in ``prev_hash`` and ``chain_hash`` of ``rows`` (in the order they will be inserted, in this
    transaction) and move the chain head past them."""
    previous = lock_heads(connection)[table]
    for row in rows:
        row["prev_hash"], row["chain_hash"] = previous, row_hash(previous, table, row)
        previous = row["chain_hash"]
    connection.execute(
        text("UPDATE chain_heads SET last_hash = :hash WHERE name = :name"), {"hash": previous, "name": table}
    )


def contains(connection: Connection, table: str, chain_hash: str) -> bool:
    """True if a row of ``table`` has ``chain_hash`` (or it is the empty chain's)."""
    if chain_hash == GENESIS:
        return True
    chain = _table(table)
    return connection.execute(select(chain.c.id).where(chain.c.chain_hash == chain_hash)).first() is not None


@dataclass(frozen=True)
class Misfit:
    """The first row of a chain that does not fit, and why (English, for IT staff)."""

    table: str
    row_id: int | None
    why: str

    def __str__(self) -> str:
        where = f"{self.table} row {self.row_id}" if self.row_id is not None else self.table
        return f"{where}: {self.why}"


def walk(connection: Connection, name: str) -> Misfit | None:
    """Recompute the chain of table ``name`` from its first row; the first row that does not fit, or None."""
    with connection.execution_options(yield_per=5000).execute(
        select(_table(name)).order_by(column("id"))
    ) as rows:
        return _first_misfit(connection, name, rows.mappings())


def _first_misfit(connection: Connection, name: str, rows: Iterable[Any]) -> Misfit | None:
    previous, previous_id = GENESIS, None
    for row in rows:
        if row["prev_hash"] != previous:
            before = f"row {previous_id}" if previous_id is not None else "the start of the chain"
            return Misfit(
                name,
                row["id"],
                f"it was not written after {before}: rows between them are missing, "
                f"or its chain fields were changed",
            )
        if row_hash(previous, name, row) != row["chain_hash"]:
            return Misfit(name, row["id"], "its content was changed after it was written")
        previous, previous_id = row["chain_hash"], row["id"]
    head = connection.execute(
        text("SELECT last_hash FROM chain_heads WHERE name = :name"), {"name": name}
    ).scalar()
    if head != previous:
        after = f"after row {previous_id}" if previous_id is not None else "(the table is empty)"
        return Misfit(
            name, previous_id, f"the chain head says more rows were written {after}: they are missing"
        )
    return None


def _table(name: str) -> TableClause:
    """Just the chained columns of ``name``, with instants read as aware datetimes."""
    fields = (
        column(field, UtcDateTime()) if field == "at" else column(field) for field in CHAINED_FIELDS[name]
    )
    return table(name, column("id"), column("prev_hash"), column("chain_hash"), *fields)
