"""The background audit writer: acknowledged means committed, order, backlog, and database outages."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, make_url, select

from models.oplog.audit_log import AuditNotWritten, AuditQueueFull, AuditRecord, AuditWriter
from models.oplog.tables import AuditEntry
from tests.support.oplog_world import T0
from tests.support.tcp_proxy import TcpProxy


def rec(n: int, **changes) -> AuditRecord:
    fields = dict(
        at=T0 + timedelta(milliseconds=n),
        action=f"preset recall {n}",
        result="completed",
        device="Kamera Panggung",
        duration_ms=35.0,
    )
    return AuditRecord(**(fields | changes))


def stored_actions(database) -> list[str]:
    with database.transaction() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


class Signals:
    """Collects on_problem / on_recovered calls from the writer thread."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.problem = threading.Event()
        self.recovered = threading.Event()

    def on_problem(self, message: str) -> None:
        self.problems.append(message)
        self.problem.set()

    def on_recovered(self) -> None:
        self.recovered.set()


def writer_for(database, signals: Signals | None = None, **options) -> AuditWriter:
    signals = signals or Signals()
    return AuditWriter(database, on_problem=signals.on_problem, on_recovered=signals.on_recovered, **options)


def test_a_future_resolves_only_once_its_row_is_committed(database):
    release, committing = threading.Event(), threading.Event()

    def hold_commit(_connection):
        committing.set()
        assert release.wait(5)

    event.listen(database.engine, "commit", hold_commit)
    with writer_for(database) as writer:
        future = writer.record(rec(1))
        assert committing.wait(5)
        time.sleep(0.05)
        assert not future.done()
        release.set()
        row_id = future.result(5)
    event.remove(database.engine, "commit", hold_commit)
    with database.engine.connect() as other:
        assert (
            other.execute(select(AuditEntry.action).where(AuditEntry.id == row_id)).scalar()
            == "preset recall 1"
        )


def test_ten_thousand_records_arrive_in_order(database):
    with writer_for(database) as writer:
        futures = [writer.record(rec(n)) for n in range(10_000)]
        ids = [future.result(30) for future in futures]
    assert ids == sorted(ids)
    assert len(set(ids)) == 10_000
    assert stored_actions(database) == [f"preset recall {n}" for n in range(10_000)]


def test_a_locked_database_keeps_the_rows_and_delivers_them_when_it_frees(backend):
    database = backend.open(busy_timeout_ms=50)
    blocker = database.engine.connect()
    transaction = blocker.begin()  # SQLite: BEGIN IMMEDIATE holds the write lock
    if database.dialect == "postgresql":
        blocker.exec_driver_sql("LOCK TABLE audit_entries IN ACCESS EXCLUSIVE MODE")
    signals = Signals()
    with writer_for(database, signals) as writer:
        futures = [writer.record(rec(n)) for n in range(20)]
        assert signals.problem.wait(10)
        assert signals.problems == [
            f"The operations log database {database.name} is locked by another program or "
            f"desk; the console will try again."
        ]
        assert writer.problem is not None
        assert not any(future.done() for future in futures)
        transaction.rollback()
        blocker.close()
        assert [future.result(10) for future in futures] == sorted(future.result() for future in futures)
        assert signals.recovered.wait(5)
        assert writer.problem is None
    assert stored_actions(database) == [f"preset recall {n}" for n in range(20)]


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)  # a SQLite file has no server to lose
def test_an_unreachable_server_keeps_the_rows_and_delivers_them_when_it_is_back(backend):
    url = make_url(backend.url())
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    database = backend.open(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    signals = Signals()
    try:
        with writer_for(database, signals) as writer:
            assert writer.record(rec(0)).result(10)
            proxy.cut()
            futures = [writer.record(rec(n)) for n in range(1, 11)]
            assert signals.problem.wait(15)
            assert "cannot be reached" in signals.problems[0]
            assert str(proxy.port) in signals.problems[0]
            assert not any(future.done() for future in futures)
            proxy.restore()
            assert all(future.result(15) for future in futures)
            assert signals.recovered.wait(5)
        assert stored_actions(database) == [f"preset recall {n}" for n in range(11)]
    finally:
        proxy.close()


def test_a_full_queue_says_so_at_once_instead_of_blocking(database):
    signals = Signals()
    writer = writer_for(database, signals, capacity=3)  # not started yet: nothing drains
    futures = [writer.record(rec(n)) for n in range(5)]
    assert [future.done() for future in futures] == [False, False, False, True, True]
    with pytest.raises(AuditQueueFull, match="3 actions behind"):
        futures[3].result(0)
    assert "new actions are not being logged" in signals.problems[0]
    writer.start()
    assert all(future.result(5) for future in futures[:3])
    assert writer.stop()


def test_stop_writes_what_is_queued(database):
    writer = writer_for(database).start()
    futures = [writer.record(rec(n)) for n in range(500)]
    assert writer.stop(timeout=10)
    assert all(future.done() and future.exception() is None for future in futures)
    with pytest.raises(AuditNotWritten, match="stopped"):
        writer.record(rec(501)).result(0)


def test_stop_gives_up_on_a_database_that_stays_locked(backend):
    database = backend.open(busy_timeout_ms=20)
    blocker = database.engine.connect()
    blocker.begin()
    if database.dialect == "postgresql":
        blocker.exec_driver_sql("LOCK TABLE audit_entries IN ACCESS EXCLUSIVE MODE")
    writer = writer_for(database).start()
    future = writer.record(rec(1))
    started = time.monotonic()
    assert writer.stop(timeout=0.3) is False
    assert time.monotonic() - started < 3
    with pytest.raises(AuditNotWritten, match="stopped before writing 1 rows"):
        future.result(0)
    blocker.close()


def test_a_row_the_database_refuses_does_not_hold_back_the_others(database):
    with writer_for(database) as writer:
        futures = [writer.record(rec(1)), writer.record(rec(2, event_id=999)), writer.record(rec(3))]
        with pytest.raises(AuditNotWritten, match="refused"):
            futures[1].result(10)
        assert futures[0].result(10)
        assert futures[2].result(10)
    assert stored_actions(database) == ["preset recall 1", "preset recall 3"]


def test_a_record_needs_an_aware_time_an_action_and_a_result():
    with pytest.raises(ValueError, match="time zone"):
        AuditRecord(datetime(2026, 11, 3, 7), "preset recall 1", "completed")
    with pytest.raises(ValueError, match="action and a result"):
        AuditRecord(datetime(2026, 11, 3, tzinfo=UTC), "", "completed")
