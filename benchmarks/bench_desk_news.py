"""Several desks (issue 12 item 7): how soon desk B hears that desk A changed take-overs or running events.

Desk A commits ``announce`` (what every take-over, event start and event end does) ``--count`` times, a
random 0.2–0.6 s apart; desk B's ``NewsWatch`` runs on its own connection. Latency = the watch's callback
− desk A's commit returning. SQLite: the watch reads the version every 0.5 s (several consoles on one
file); PostgreSQL: LISTEN/NOTIFY (``--pg URL``, a scratch schema is created and dropped).

    python benchmarks/bench_desk_news.py [--count 30] [--pg postgresql+psycopg://user@host:port/db]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from models.oplog.database import open_database  # noqa: E402
from models.oplog.desk_news import NewsWatch  # noqa: E402
from models.oplog.takeovers import announce  # noqa: E402


def measure(url: str, count: int) -> list[float]:
    desk_a, desk_b = open_database(url), open_database(url)
    heard: list[float] = []
    arrived = threading.Event()

    def on_news() -> None:
        heard.append(time.perf_counter())
        arrived.set()

    watch = NewsWatch(desk_b, on_news).start()
    time.sleep(1.5)  # the first reading, and LISTEN in place
    latencies = []
    try:
        for _ in range(count):
            arrived.clear()
            with desk_a.transaction() as session:
                announce(session)
            committed = time.perf_counter()
            if not arrived.wait(5):
                raise SystemExit("desk B heard nothing within 5 s")
            latencies.append(heard[-1] - committed)
            time.sleep(random.uniform(0.2, 0.6))
    finally:
        watch.stop()
        desk_a.close()
        desk_b.close()
    return latencies


def report(name: str, latencies: list[float]) -> None:
    ms = sorted(1000 * x for x in latencies)
    print(
        f"{name}: n={len(ms)} median {statistics.median(ms):.1f} ms, "
        f"p90 {ms[int(0.9 * (len(ms) - 1))]:.1f} ms, "
        f"max {ms[-1]:.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--pg", help="a PostgreSQL database the benchmark may use")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        report("SQLite, poll every 0.5 s", measure(f"sqlite:///{Path(folder) / 'oplog.sqlite'}", args.count))
    if args.pg:
        admin = create_engine(args.pg, poolclass=NullPool)
        schema = f"bench_{uuid.uuid4().hex[:12]}"
        with admin.begin() as connection:
            connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
        try:
            url = make_url(args.pg).update_query_dict({"options": f"-csearch_path={schema}"})
            report(
                "PostgreSQL, LISTEN/NOTIFY", measure(url.render_as_string(hide_password=False), args.count)
            )
        finally:
            with admin.begin() as connection:
                connection.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
            admin.dispose()


if __name__ == "__main__":
    main()
