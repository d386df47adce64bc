"""Where demo mode keeps its operations log: a file of its own for each day.

The demo month is seeded around the moment it is made (today's shifts and events are running),
so a log seeded on an earlier day would show an old "current" shift. Each day starts a fresh
file; the demo logs of earlier days are removed (they only ever hold demo data).
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from models.oplog.clock import WIB, as_utc, utc_now

log = logging.getLogger(__name__)
PREFIX = "demo-oplog"


def demo_log_path(folder: Path, now: datetime | None = None) -> Path:
    """Today's (in WIB) demo log in ``folder``."""
    day = as_utc(now or utc_now()).astimezone(WIB).date()
    return folder / f"{PREFIX}-{day.isoformat()}.sqlite"


def remove_earlier_demo_logs(folder: Path, keep: Path) -> list[Path]:
    """Delete every other demo log in ``folder`` with its -wal/-shm/-journal files; returns them.

    A file that cannot be deleted (another console still has it open) is left for the next start.
    """
    removed = []
    for path in sorted(folder.glob(f"{PREFIX}*.sqlite*")):
        if path.name.startswith(keep.name):
            continue
        try:
            path.unlink()
        except OSError as exc:
            log.info("earlier demo log %s left in place: %s", path, exc)
        else:
            removed.append(path)
    return removed
