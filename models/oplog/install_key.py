"""The install key: the secret that signs accepted handovers, kept outside the database.

A random 32-byte key in the user's configuration folder (``install.key``, hex, readable by the user
only), created on first use. Whoever can write the database cannot re-sign a handover without it.
Several desks sharing one PostgreSQL log need the same key: copy the file to every desk (see
docs/record-integrity.md). ``SMARTCENTRE_KEY_FILE`` names another file (tests, IT staff).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from common.user_files import default_folder
from common.wording import QT_TRANSLATE_NOOP

ENV_VAR = "SMARTCENTRE_KEY_FILE"
FILE_NAME = "install.key"
KEY_BYTES = 32


class InstallKeyError(Exception):
    """The key file exists but cannot be used; the message says why."""


def key_path() -> Path:
    configured = os.environ.get(ENV_VAR, "").strip()
    return Path(configured) if configured else default_folder() / FILE_NAME


def load_key(path: Path | None = None) -> bytes:
    """The install key at ``path`` (default ``key_path()``), created (0600) if there is none yet."""
    path = path or key_path()
    if not path.exists():
        write_key(path, secrets.token_bytes(KEY_BYTES), exclusive=True)
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise InstallKeyError(
            QT_TRANSLATE_NOOP("InstallKey", "the install key {path} cannot be read ({reason})").format(
                path=str(path), reason=error
            )
        ) from error
    if len(key) != KEY_BYTES:
        raise InstallKeyError(
            QT_TRANSLATE_NOOP("InstallKey", "the install key {path} is not a key of this console").format(
                path=str(path)
            )
        )
    return key


def write_key(path: Path, key: bytes, *, exclusive: bool = False) -> None:
    """Write ``key`` to ``path``, readable and writable by the user only; ``exclusive``: never replace a file
    (two consoles starting at once keep the first one's key)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key.hex() + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.chmod(path, 0o600)
