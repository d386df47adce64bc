"""Where the console keeps its per-workstation files, and how it writes them safely."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import platformdirs

APP_NAME = "smartcentre-console"


def default_folder() -> Path:
    """The user's configuration folder for the console (callers and tests may pass another)."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` so that readers see either the old file or the new one, never half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
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
