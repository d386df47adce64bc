"""Where the console keeps its per-workstation files, and how it writes them safely.

The console's files (configuration, settings, the SQLite operations log with its -wal/-shm, backups)
hold PIN hashes and the office's record: on POSIX they are 0600 in folders that are 0700, and
files left readable by others (an older version, a copy) are tightened when the console starts
or opens them. On Windows the folders are in the user's profile, whose ACLs already keep other
users out; nothing is changed there.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "smartcentre-console"
PRIVATE_FOLDER = 0o700
POSIX = os.name == "posix"


def default_folder() -> Path:
    """The user's configuration folder for the console (callers and tests may pass another)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def data_folder() -> Path:
    """The user's data folder: the SQLite operations log and its backups."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def keep_private(path: Path) -> None:
    """Take away the group's and others' access to ``path`` (POSIX; a missing path is left alone)."""
    if not POSIX:
        return
    try:
        status = path.lstat()
    except FileNotFoundError:
        return
    mode = stat.S_IMODE(status.st_mode)
    if mode & 0o077 and not stat.S_ISLNK(status.st_mode):  # a link's target is not ours to change
        # another user's file, named with --config or --db: theirs to protect
        with contextlib.suppress(PermissionError):
            path.chmod(mode & ~0o077)


def private_folder(folder: Path) -> Path:
    """``folder``, created for this user only if missing; on POSIX an existing one is tightened to 0700
    together with everything in it. Only for the console's own folders."""
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if POSIX:
        keep_private(folder)
        for parent, folders, files in os.walk(folder):
            for name in (*folders, *files):
                keep_private(Path(parent, name))
    return folder


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` so that readers see either the old file or the new one, never half of it; the file is
    readable by this user only (0600: ``mkstemp``), a folder made for it 0700."""
    path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
