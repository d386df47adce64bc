"""Operations log (issue 4): audit write throughput and caller stalls; queries on five years of data.

(a) Audit writes. The main thread plays the GUI: every millisecond it calls ``AuditWriter.record``
    ``rate / 1000`` times for ``--seconds`` and times every call and how late every tick wakes.
    Sustained rows/s = rows committed (futures resolved) inside the window / window length.
    Then a ceiling run records as fast as one thread can for 3 s.
    Targets: >= 5,000 rows/s sustained; no record() call stalls the caller for 5 ms or more.
(b) Five years of data (``seed_bulk``: ~6,800 events, ~1,000,000 audit rows) in a SQLite file,
    cached at ``--cache`` (built in ~15 s when missing), plus one shift with 2,000 log entries and an
    accepted handover. Times: monthly statistics (target < 200 ms), the handover report data of
    that shift (hash verification included), and a console start in a fresh process: imports,
    ``open_database`` and what the console shows first (target for the whole start < 2 s).

    python benchmarks/bench_oplog.py [--seconds 10] [--rate 10000] [--db URL] [--cache FILE] [--gc-freeze]
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select  # noqa: E402

from models.oplog import handover as ho  # noqa: E402
from models.oplog.audit_log import AuditRecord, AuditWriter  # noqa: E402
from models.oplog.clock import WIB  # noqa: E402
from models.oplog.database import Database, open_database  # noqa: E402
from models.oplog.reports.handover import handover_report  # noqa: E402
from models.oplog.reports.monthly import monthly_stats  # noqa: E402
from models.oplog.seed.bulk import seed_bulk  # noqa: E402
from models.oplog.tables import Handover, LogEntry, Role, Shift, Staff  # noqa: E402

END = datetime(2026, 11, 1, tzinfo=WIB)  # the cached history ends here (fixed, so runs compare)
BUSY_ENTRIES = 2000
START_SCRIPT = """
import sys, time, json
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from datetime import datetime, timedelta, timezone
from models.oplog.database import open_database
from models.oplog.inventory import devices
from models.oplog.logbook import open_faults
from models.oplog.event_queries import events_between, running_events
from models.oplog.shifts import current_shift, next_shift
from models.oplog.staff import staff_for_login
t1 = time.perf_counter()
database = open_database({url!r})
t2 = time.perf_counter()
now = datetime(2026, 10, 31, 3, 0, tzinfo=timezone.utc)
with database.transaction() as session:
    shown = (staff_for_login(session), current_shift(session, now), next_shift(session, now),
             events_between(session, now - timedelta(hours=10), now + timedelta(hours=14)),
             running_events(session), open_faults(session), devices(session))
t3 = time.perf_counter()
print(json.dumps({{"imports": t1 - t0, "open": t2 - t1, "load": t3 - t2, "events_today": len(shown[3])}}))
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f}"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))]


def record(n: int) -> AuditRecord:
    return AuditRecord(
        datetime.now(UTC),
        f"preset recall {n % 256}",
        "completed",
        "Kamera Panggung",
        duration_ms=35.0,
    )


class Tally:
    """Counts resolved futures from their done-callbacks; the futures themselves are not kept (a GUI that
    kept 100,000 of them alive would pay for it in CPython's full garbage collections)."""

    def __init__(self) -> None:
        self.committed = self.failed = 0

    def __call__(self, future) -> None:
        if future.exception() is None:
            self.committed += 1
        else:
            self.failed += 1


def paced_writes(database: Database, seconds: float, rate: int) -> None:
    burst = max(1, rate // 1000)
    calls: list[float] = []
    lateness: list[float] = []
    backlog = offered = 0
    tally = Tally()
    writer = AuditWriter(database).start()
    began = time.perf_counter()
    for tick in range(int(seconds * 1000)):
        due = began + tick / 1000
        wait = due - time.perf_counter()
        if wait > 0:
            time.sleep(wait)
        lateness.append(max(0.0, time.perf_counter() - due))
        for _ in range(burst):
            before = time.perf_counter()
            future = writer.record(record(offered))
            calls.append(time.perf_counter() - before)
            future.add_done_callback(tally)
            offered += 1
        backlog = max(backlog, writer.backlog)
    window = time.perf_counter() - began
    committed = tally.committed
    drain_began = time.perf_counter()
    writer.stop(timeout=60)
    drain = time.perf_counter() - drain_began
    print(
        f"paced: offered {offered / window:,.0f} rows/s for {window:.1f} s; committed in the window "
        f"{committed / window:,.0f} rows/s; largest backlog {backlog}; "
        f"drain after the window {ms(drain)} ms; "
        f"not written {tally.failed}"
    )
    print(
        f"  record() call ms: p50 {ms(statistics.median(calls))}  p99 {ms(percentile(calls, 99))}  "
        f"p99.99 {ms(percentile(calls, 99.99))}  max {ms(max(calls))}  (calls >= 5 ms: "
        f"{sum(c >= 0.005 for c in calls)} of {len(calls)})"
    )
    print(
        f"  GUI tick lateness ms: p50 {ms(statistics.median(lateness))}  p99 {ms(percentile(lateness, 99))}  "
        f"max {ms(max(lateness))}"
    )


def ceiling(database: Database, seconds: float = 3.0) -> None:
    writer = AuditWriter(database, capacity=10**7).start()
    tally, offered = Tally(), 0
    began = time.perf_counter()
    while time.perf_counter() - began < seconds:
        writer.record(record(offered)).add_done_callback(tally)
        offered += 1
    writer.stop(timeout=120)
    took = time.perf_counter() - began
    print(
        f"ceiling: {offered:,} rows recorded as fast as possible, {tally.committed:,} committed after "
        f"{took:.1f} s: {tally.committed / took:,.0f} rows/s"
    )


def history(cache: Path) -> Database:
    if cache.exists():
        database = open_database(f"sqlite:///{cache}")
        with database.transaction() as session:
            if session.scalar(select(Handover.id).limit(1)) is not None:
                print(f"history: cached {cache}")
                return database
    began = time.perf_counter()
    database = open_database(f"sqlite:///{cache}")
    result = seed_bulk(database, years=5, end=END)
    with database.transaction() as session:
        shift = session.scalars(select(Shift).order_by(Shift.planned_start.desc()).limit(1)).one()
        step = (shift.actual_end - shift.actual_start) / (BUSY_ENTRIES + 1)
        session.execute(
            insert(LogEntry),
            [
                {
                    "at": shift.actual_start + step * (n + 1),
                    "author_id": shift.lead_id,
                    "shift_id": shift.id,
                    "text": f"Catatan operator nomor {n}",
                }
                for n in range(BUSY_ENTRIES)
            ],
        )
        # the last shift: no next one is planned, so an admin accepts
        incoming = session.scalars(
            select(Staff).where(Staff.id != shift.lead_id, Staff.role == Role.ADMIN).limit(1)
        ).one()
        draft = ho.start_handover(session, shift, shift.lead, shift.actual_end)
        ho.sign(session, draft, shift.lead, shift.actual_end)
        ho.accept(session, draft, incoming, shift.actual_end + timedelta(minutes=5))
    print(
        f"history: built {cache} in {time.perf_counter() - began:.1f} s: {result.events:,} events, "
        f"{result.audit_rows:,} audit rows, {result.shifts:,} shifts, {result.log_entries:,} log entries"
    )
    return database


def timed(fn, *args) -> tuple[float, object]:
    began = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - began, value


def queries(database: Database, cache: Path) -> None:
    last = END.year * 12 + END.month - 2  # the month before END, counted from year 0
    months = [(index // 12, index % 12 + 1) for index in range(last, last - 24, -1)]
    times = []
    for year, month in months:
        with database.transaction() as session:
            took, stats = timed(monthly_stats, session, year, month)
        times.append(took)
    print(
        f"monthly_stats over {len(months)} months: first {ms(times[0])} ms, "
        f"median {ms(statistics.median(times))}"
        f" ms, max {ms(max(times))} ms (last month: {sum(stats.events_by_mode().values())} events)"
    )
    with database.transaction() as session:
        shift_id = session.scalar(select(Shift.id).order_by(Shift.planned_start.desc()).limit(1))
    runs = []
    for _ in range(5):
        with database.transaction() as session:
            took, report = timed(handover_report, session, shift_id)
        runs.append(took)
    print(
        f"handover_report, {len(report.entries)} entries, hash verified={report.header.verified}: "
        f"first {ms(runs[0])} ms, median {ms(statistics.median(runs))} ms, max {ms(max(runs))} ms"
    )
    starts = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", START_SCRIPT.format(root=str(ROOT), url=f"sqlite:///{cache}")],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        starts.append(json.loads(out))
    for key in ("imports", "open", "load"):
        print(f"console start, {key}: " + ", ".join(f"{ms(start[key])} ms" for start in starts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", type=int, default=10_000, help="rows/s offered by the GUI thread")
    parser.add_argument("--db", help="database for the write test (default: a temporary SQLite file)")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "smartcentre-bench-5y.sqlite"
    )
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="gc.freeze() after the imports, as a console could do once it has started",
    )
    args = parser.parse_args()
    if args.gc_freeze:
        gc.freeze()
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, "
        f"{platform.system()} {platform.release()}"
    )
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or f"sqlite:///{folder}/bench.sqlite"
        for run in (lambda db: paced_writes(db, args.seconds, args.rate), ceiling):
            database = open_database(url)
            run(database)
            database.close()
    database = history(args.cache)
    queries(database, args.cache)
    database.close()


if __name__ == "__main__":
    main()
