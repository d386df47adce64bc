"""The console's own backups of a SQLite log: daily and after every accepted handover, with retention.

Backups go to ``SMARTCENTRE_BACKUPS``, else to ``backups`` beside the database (docs/backups.md),
named ``oplog-<kind>-YYYYMMDD-HHMMSS.sqlite`` (WIB); the newest ``KEEP[kind]`` of each kind are
kept. The age of the newest one tells the operators whether the record is safe.
"""

from __future__ import annotations

import os
import re
from datetime import datetime, timedelta
from pathlib import Path

from common.user_files import private_folder
from common.wording import QT_TRANSLATE_NOOP, Phrase
from models.oplog.backup import TEMPORARY_SUFFIX, Checked, backup_sqlite
from models.oplog.clock import WIB

FOLDER_ENV = "SMARTCENTRE_BACKUPS"
DAILY, HANDOVER = "daily", "handover"
KEEP = {DAILY: 14, HANDOVER: 30}
WARN_AFTER = timedelta(hours=36)
_NAME = re.compile(r"oplog-(daily|handover)-(\d{8})-(\d{6})\.sqlite")


def backups_folder(database: Path) -> Path:
    configured = os.environ.get(FOLDER_ENV, "").strip()
    return Path(configured) if configured else database.parent / "backups"


def make_backup(database: Path, kind: str, now: datetime, folder: Path | None = None) -> Checked:
    """A backup of ``kind`` (``DAILY`` or ``HANDOVER``) made now; older ones beyond ``KEEP[kind]`` removed."""
    folder = private_folder(folder or backups_folder(database))
    for leftover in folder.glob(f".oplog-*.sqlite.*{TEMPORARY_SUFFIX}*"):  # of a backup killed halfway
        leftover.unlink(missing_ok=True)
    checked = backup_sqlite(database, folder / f"oplog-{kind}-{now.astimezone(WIB):%Y%m%d-%H%M%S}.sqlite")
    for old in _backups(folder, kind)[: -KEEP[kind]]:
        old[1].unlink(missing_ok=True)
    return checked


def daily_due(database: Path, now: datetime, folder: Path | None = None) -> bool:
    """No daily backup was made yet on ``now``'s day (WIB)."""
    today = now.astimezone(WIB).date()
    return not any(
        made.date() == today for made, _path in _backups(folder or backups_folder(database), DAILY)
    )


def newest_backup(database: Path, folder: Path | None = None) -> datetime | None:
    """When the newest backup of either kind was made (only proven copies get these names)."""
    folder = folder or backups_folder(database)
    return max((made for kind in KEEP for made, _path in _backups(folder, kind)), default=None)


def backup_age_sentence(newest: datetime | None, now: datetime) -> tuple[bool, Phrase]:
    """(too old, the sentence for the status line): the age of the newest backup, a warning after
    ``WARN_AFTER``."""
    if newest is None:
        return True, QT_TRANSLATE_NOOP("Backups", "No backup of the operations log yet")
    hours = max(0, int((now - newest).total_seconds() // 3600))
    if now - newest > WARN_AFTER:
        return True, QT_TRANSLATE_NOOP("Backups", "Last backup {hours} h ago: too old, ask IT staff").format(
            hours=hours
        )
    return False, QT_TRANSLATE_NOOP("Backups", "Last backup {hours} h ago").format(hours=hours)


def backup_failed(reason: str) -> Phrase:
    return QT_TRANSLATE_NOOP("Backups", "The backup of the operations log failed: {reason}").format(
        reason=reason
    )


def _backups(folder: Path, kind: str) -> list[tuple[datetime, Path]]:
    """The backups of ``kind`` in ``folder``, oldest first, with the time in their names."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.fullmatch(path.name)
        if match and match[1] == kind:
            found.append((datetime.strptime(match[2] + match[3], "%Y%m%d%H%M%S").replace(tzinfo=WIB), path))
    return sorted(found)
