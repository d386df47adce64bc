"""Saving the configuration as an admin, with a row in the audit trail saying what changed.

The row names the cameras, walls and events added, removed or changed, by their ids: never the whole
file and never a value (a device URL may hold a password). The file is written inside the
transaction that holds the row, so a refused or failed save leaves neither.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.config.store import Config, ConfigError, ConfigStore
from models.oplog.admin_audit import audit_change
from models.oplog.staff import database_now, require_role
from models.oplog.tables import Role, Staff


def config_changes(old: Config | None, new: Config) -> str:
    """What ``new`` adds, removes and changes compared to ``old`` (None: the old file was unreadable), in
    English."""
    if old is None:
        return (
            f"the previous file could not be read; now {len(new.cameras)} camera(s), "
            f"{len(new.walls)} wall(s), "
            f"{len(new.events)} event(s)"
        )
    parts = [
        part
        for kind, before, after in (
            ("cameras", old.cameras, new.cameras),
            ("walls", old.walls, new.walls),
            ("events", old.events, new.events),
        )
        for part in _changes(kind, before, after)
    ]
    return "; ".join(parts) or "no camera, wall or event changed"


def _changes(kind: str, before: Sequence, after: Sequence) -> list[str]:
    old, new = {item.id: item for item in before}, {item.id: item for item in after}
    found = (
        ("added", [key for key in new if key not in old]),
        ("removed", [key for key in old if key not in new]),
        ("changed", [key for key in new if key in old and new[key] != old[key]]),
    )
    return [f"{kind} {word}: {', '.join(keys)}" for word, keys in found if keys]


def save_config(session: Session, by: Staff, store: ConfigStore, text: str) -> Config:
    """Write ``text`` to ``store`` as the admin ``by``, with its audit row; raises ``PermissionDenied``, or
    ``ConfigError`` with the problems (nothing written)."""
    require_role(by, Role.ADMIN, QT_TRANSLATE_NOOP("Permissions", "change the configuration"))
    new = store.parse(text)
    try:
        old: Config | None = store.parse(store.read_text())
    except ConfigError:
        old = None
    audit_change(
        session,
        by,
        f"save the configuration {store.path.name}: {config_changes(old, new)}",
        database_now(session),
    )
    session.flush()  # the row is accepted before the file is touched
    problems = store.save(text)
    if problems:
        raise ConfigError(problems, new.warnings)
    return new
