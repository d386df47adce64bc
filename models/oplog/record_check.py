"""`db check` and `db rekey`: walk the chains and the signed handovers; sign them with a new install key.

Both are for IT staff; their wording is English, like the command line's.
"""

from __future__ import annotations

import os
import secrets
from datetime import datetime
from pathlib import Path

from sqlalchemy import Connection, select

from models.oplog.admin_audit import audit_change
from models.oplog.database import Database
from models.oplog.handover_seal import misfits, seal
from models.oplog.install_key import KEY_BYTES, load_key, write_key
from models.oplog.record_chain import CHAINED_FIELDS, lock_heads, walk
from models.oplog.tables import Handover

_H = Handover.__table__.c


class RekeyRefused(Exception):
    """Some handover does not fit its signature under the current key: nothing was re-signed."""


def check(database: Database, key: bytes) -> list[str]:
    """The first row of each chain that does not fit, then the first handover that does not; empty if all
    do."""
    with database.translated_errors(), database.engine.connect() as connection:
        found = [str(misfit) for misfit in (walk(connection, table) for table in CHAINED_FIELDS) if misfit]
        for handover_id in _locked(connection):
            wrong = misfits(connection, handover_id, key)
            if wrong:
                found.append(f"handovers row {handover_id}: does not fit its signature: {'; '.join(wrong)}")
                break
    return found


def rekey(database: Database, key_file: Path, now: datetime) -> int:
    """Check every locked handover with the key in ``key_file``, sign them with a new key, audit it, and
    then put the new key in the file. Returns how many handovers were signed again."""
    old = load_key(key_file)
    new = secrets.token_bytes(KEY_BYTES)
    pending = key_file.with_name(key_file.name + ".new")
    try:
        count = _sign_all(database, old, new, pending, now)
    except BaseException:
        pending.unlink(missing_ok=True)
        raise
    os.replace(pending, key_file)  # only once the signatures made with it are committed
    return count


def _sign_all(database: Database, old: bytes, new: bytes, pending: Path, now: datetime) -> int:
    with database.transaction() as session:
        connection = session.connection()
        lock_heads(connection)  # no desk writes meanwhile
        ids = _locked(connection)
        for handover_id in ids:
            wrong = misfits(connection, handover_id, old)
            if wrong:
                raise RekeyRefused(
                    f"handover {handover_id} does not fit its signature under the current key "
                    f"({'; '.join(wrong)}); nothing was re-signed"
                )
        for handover_id in ids:
            connection.execute(
                Handover.__table__.update()
                .where(_H.id == handover_id)
                .values(signature=seal(connection, handover_id, new))
            )
        audit_change(session, None, f"re-sign {len(ids)} accepted handovers with a new install key", now)
        session.flush()
        write_key(pending, new)
    return len(ids)


def _locked(connection: Connection) -> list[int]:
    return list(
        connection.execute(select(_H.id).where(_H.content_hash.is_not(None)).order_by(_H.id)).scalars()
    )
