"""Child process for the SIGKILL test: records audit rows as fast as an operator's console could,
and prints each row id on its own line once the row is committed (acknowledged)."""

from __future__ import annotations

import sys
import time
from concurrent.futures import Future
from datetime import UTC, datetime

from models.oplog.audit_log import AuditRecord, AuditWriter
from models.oplog.database import open_database


def acknowledge(future: Future[int]) -> None:
    if future.exception() is None:
        sys.stdout.write(f"{future.result()}\n")
        sys.stdout.flush()


def main(url: str) -> None:
    writer = AuditWriter(open_database(url)).start()
    for n in range(10**9):
        record = AuditRecord(
            datetime.now(UTC),
            f"preset recall {n % 256}",
            "completed",
            "Kamera Studio",
            duration_ms=40.0,
        )
        writer.record(record).add_done_callback(acknowledge)
        if n % 100 == 99:
            time.sleep(0.005)


if __name__ == "__main__":
    main(sys.argv[1])
