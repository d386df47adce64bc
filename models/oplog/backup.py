"""Proven copies of the SQLite operations log: made online with SQLite's backup API, checked, then renamed.

A backup is read in one read transaction of the live database (WAL: the console keeps writing), written
to a hidden temporary file beside the target, switched to a single self-contained file (journal mode
DELETE), checked with ``PRAGMA integrity_check``, synced to disk and only then renamed over the
target: a backup killed halfway leaves the previous file as it was and at most a ``.*.tmp`` file,
which the next backup to that file (or the next scheduled one) removes. A restore checks the copy
the same way, and that its schema is one this console knows, before it replaces the database by
the same rename.

PostgreSQL is backed up with ``pg_dump`` (docs/backups.md).
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from common.user_files import PRIVATE_FOLDER, keep_private

TEMPORARY_SUFFIX = ".tmp"


class BackupError(Exception):
    """The backup or restore cannot be done; the message says why in one sentence (for IT staff)."""


class WouldReplace(BackupError):
    """A restore would replace an existing database and was not told to (``force``)."""


@dataclass(frozen=True)
class Checked:
    """A database file that passed ``integrity_check``: its schema revision and size."""

    path: Path
    revision: str | None
    size: int


def backup_sqlite(database: Path, target: Path, busy_timeout_ms: int = 5000) -> Checked:
    """Copy the SQLite database ``database`` to ``target`` (replaced only once the copy is proven)."""
    if not database.is_file():
        raise BackupError(f"{database}: there is no SQLite database there")
    target.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    try:
        with closing(
            sqlite3.connect(database, timeout=busy_timeout_ms / 1000, isolation_level=None)
        ) as source:
            # the read transaction waits for a lock at most the busy timeout (the backup itself would retry
            # forever) and is the one moment of the log that is copied
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return _copy(source, target)
    except sqlite3.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise BackupError(
                f"{database} is locked by another program; nothing was copied, try again when it is free"
            ) from None
        raise BackupError(f"{database} cannot be copied ({error})") from None
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{database} is not a usable SQLite database ({error})") from None


def restore_sqlite(
    backup: Path, database: Path, known_revisions: set[str], force: bool = False, keep_old: Path | None = None
) -> Checked:
    """Replace ``database`` by the checked copy ``backup``; refuses to replace an existing file unless
    ``force`` and a database another program has open. The replaced file, damaged or not, is copied to
    ``keep_old``."""
    check_copy(backup, known_revisions)
    if database.exists() and not force:
        raise WouldReplace(f"{database} exists; add --force to replace it with {backup}")
    database.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if database.exists():
        _take_out_of_wal(database)
        if keep_old is not None:
            keep_old.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
            shutil.copyfile(database, keep_old)  # self-contained now: no console has it open
            keep_private(keep_old)
    with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as source:
        return _copy(source, database)


def check_copy(path: Path, known_revisions: set[str]) -> Checked:
    """``path`` is a whole SQLite file holding an operations log this console can open; raises
    ``BackupError``."""
    if not path.is_file():
        raise BackupError(f"{path}: there is no such file")
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as copy:
            revision = _integrity(copy, path)
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a usable SQLite database ({error})") from None
    if revision is None:
        raise BackupError(f"{path} is not an operations log of this console (it has no schema version)")
    if revision not in known_revisions:
        raise BackupError(
            f"{path} was written by another version of the console (schema {revision}); "
            f"restore it with that version"
        )
    return Checked(path, revision, path.stat().st_size)


def _copy(source: sqlite3.Connection, target: Path) -> Checked:
    _remove_leftovers(target)
    descriptor, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMPORARY_SUFFIX)
    os.close(descriptor)  # mkstemp made it 0600; SQLite writes into the empty file
    temporary = Path(name)
    try:
        with closing(sqlite3.connect(temporary)) as copy:
            source.backup(copy)  # all pages in one step: one consistent read of the source
            copy.execute("PRAGMA journal_mode=DELETE")
            revision = _integrity(copy, temporary)
        _sync(temporary)
        os.replace(temporary, target)
        _sync(target.parent)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    keep_private(target)
    return Checked(target, revision, target.stat().st_size)


def _integrity(connection: sqlite3.Connection, path: Path) -> str | None:
    """Raises ``BackupError`` unless ``integrity_check`` finds nothing; the schema revision (None: none)."""
    result = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        raise BackupError(f"{path} failed the integrity check: {'; '.join(result[:3])}")
    has_version = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    revision = (
        connection.execute("SELECT version_num FROM alembic_version").fetchone() if has_version else None
    )
    return revision[0] if revision else None


def _take_out_of_wal(database: Path) -> None:
    """Fold the -wal into the file and leave WAL mode, so that no -wal of the old database is applied to the
    new one; SQLite refuses while another connection (a console) has it open."""
    try:
        with closing(sqlite3.connect(database, timeout=1)) as live:
            mode = live.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise BackupError(
                f"{database} is in use (a console has it open); close it, then restore"
            ) from None
        return  # a damaged database is what a restore replaces
    if mode.lower() != "delete":
        raise BackupError(f"{database} is in use (a console has it open); close it, then restore")


def _remove_leftovers(target: Path) -> None:
    """Temporary files of backups to ``target`` that were killed halfway."""
    for leftover in target.parent.glob(f".{target.name}.*{TEMPORARY_SUFFIX}*"):  # with its -journal
        leftover.unlink(missing_ok=True)


def _sync(path: Path) -> None:
    """Flush a file, or a folder's entries (POSIX; Windows has no directory handles to flush)."""
    if path.is_dir() and os.name != "posix":
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
