"""SIGKILL in the middle of a stream of audit rows loses nothing that was acknowledged.

The child prints a row's id only after the row's future resolved, i.e. after the commit. A thread
here reads those lines continuously; the test kills the child while rows are still arriving, then
looks for every printed id in the database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import select

from models.oplog.tables import AuditEntry

ROOT = Path(__file__).resolve().parents[3]
KILL_AFTER = 5000  # acknowledgements seen before the kill


def test_every_acknowledged_row_survives_sigkill(backend):
    url = backend.url()
    database = backend.open(url)  # migrated here, so the child only writes
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.models.oplog.audit_child", url],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    lines: list[bytes] = []
    reader = threading.Thread(target=lambda: lines.extend(child.stdout), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 20
        while len(lines) < KILL_AFTER and time.monotonic() < deadline and child.poll() is None:
            time.sleep(0.001)
        child.send_signal(signal.SIGKILL)
        reader.join(10)
    finally:
        child.kill()
        child.wait(10)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    acknowledged = {int(line) for line in lines if line.endswith(b"\n")}  # a last line may be cut off
    assert len(acknowledged) >= KILL_AFTER
    with database.transaction() as session:
        stored = set(session.scalars(select(AuditEntry.id)))
    assert acknowledged <= stored, f"{len(acknowledged - stored)} acknowledged rows were lost"
