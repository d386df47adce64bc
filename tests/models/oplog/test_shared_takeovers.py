"""Take-overs in the operations log (issue #12 item 7): shared by the desks, one winner, told who has it,
ended with the event, audited, and news of them reaching another desk's watch."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.oplog.desk_news import NewsWatch
from models.oplog.schedule import Place, end_event, schedule_event, start_event
from models.oplog.tables import AuditEntry, Event, EventMode, Staff
from models.oplog.takeovers import TakeOverRefused, take_over, takeovers_in_force
from tests.models.oplog.two_desks import race
from tests.support.oplog_scenes import HOUR
from tests.support.oplog_world import T0

DESKS = {}  # staff id -> the desk they sit at, filled by ``events``


@pytest.fixture
def events(database, world) -> dict[str, int]:
    """Two events running: Budi (Desk A) works for the Rapat, Dwi (Desk B) for the Podcast."""
    DESKS.update({world.budi: "Desk A", world.dwi: "Desk B"})
    ids = {}
    with database.transaction() as session:
        budi = session.get(Staff, world.budi)
        for title in ("Rapat Koordinasi", "Podcast Bupati"):
            event = schedule_event(
                session,
                budi,
                title,
                "Diskominfo",
                EventMode.LURING,
                T0,
                T0 + 2 * HOUR,
                [Place("Ruang Rapat Utama")],
            )
            start_event(session, event, budi, T0)
            ids[title] = event.id
    return ids


def taking(events: dict[str, int], world, seen: int | None = None):
    def step(session: Session, me: Staff) -> None:
        event = events["Rapat Koordinasi" if me.id == world.budi else "Podcast Bupati"]
        take_over(
            session,
            "cam3",
            "Kamera 3",
            event,
            by=me,
            desk=DESKS[me.id],
            from_events=(),
            seen=seen,
            now=T0 + HOUR,
        )

    return step


def in_force(database) -> list:
    with database.transaction() as session:
        return takeovers_in_force(session)


def test_two_desks_taking_one_camera_at_once_one_wins_the_other_is_told_who(database, world, events):
    refused = race(database, world, taking(events, world))
    assert isinstance(refused, TakeOverRefused)
    assert str(refused) == "Kamera 3 was just taken by Desk A for Rapat Koordinasi (Budi Santoso)"
    [held] = in_force(database)
    assert (held.device, held.event_title, held.desk, held.staff) == (
        "cam3",
        "Rapat Koordinasi",
        "Desk A",
        "Budi Santoso",
    )


def test_a_take_over_the_desk_had_not_seen_is_refused_until_it_takes_over_knowingly(database, world, events):
    with database.transaction() as session:
        taking(events, world)(session, session.get(Staff, world.budi))
    [held] = in_force(database)
    with (
        pytest.raises(TakeOverRefused, match="^Kamera 3 was just taken by Desk A for Rapat Koordinasi"),
        database.transaction() as session,
    ):
        taking(events, world)(session, session.get(Staff, world.dwi))
    with database.transaction() as session:  # Desk B has now seen Desk A's take-over
        taking(events, world, seen=held.id)(session, session.get(Staff, world.dwi))
    [now_held] = in_force(database)
    assert (now_held.event_title, now_held.desk) == ("Podcast Bupati", "Desk B")
    with database.transaction() as session:
        audit = session.scalars(
            select(AuditEntry.action).where(AuditEntry.device == "Kamera 3").order_by(AuditEntry.id)
        ).all()
    assert audit == [
        "take over Kamera 3 (cam3) from no event for Rapat Koordinasi at Desk A",
        "take over Kamera 3 (cam3) from no event for Podcast Bupati at Desk B",
    ]


def test_a_take_over_ends_with_the_event_that_took_it(database, world, events):
    with database.transaction() as session:
        taking(events, world)(session, session.get(Staff, world.budi))
        end_event(
            session,
            session.get(Event, events["Rapat Koordinasi"]),
            session.get(Staff, world.budi),
            T0 + 2 * HOUR,
        )
    assert in_force(database) == []
    with database.transaction() as session:  # nobody holds it: Desk B takes it without having seen anything
        taking(events, world)(session, session.get(Staff, world.dwi))
    assert [t.desk for t in in_force(database)] == ["Desk B"]


def test_an_event_not_running_cannot_take_over(database, world, events):
    with database.transaction() as session:
        end_event(
            session,
            session.get(Event, events["Rapat Koordinasi"]),
            session.get(Staff, world.budi),
            T0 + 2 * HOUR,
        )
    with (
        pytest.raises(
            TakeOverRefused, match="Rapat Koordinasi is not running, so it cannot take Kamera 3 over"
        ),
        database.transaction() as session,
    ):
        taking(events, world)(session, session.get(Staff, world.budi))


def test_another_desks_watch_hears_of_a_take_over(backend, world, events, database):
    """Desk B's watch (its own connection; LISTEN on PostgreSQL) hears of Desk A's take-over; the latency is
    recorded in docs/benchmarks.md, the bound here is only generous."""
    desk_b = backend.open(database.engine.url.render_as_string(hide_password=False))
    heard = threading.Event()
    watch = NewsWatch(desk_b, heard.set).start()
    try:
        deadline = time.monotonic() + 5
        while database.dialect == "postgresql" and not watch.listening and time.monotonic() < deadline:
            time.sleep(0.01)
        assert watch.listening == (database.dialect == "postgresql")
        time.sleep(0.1 if database.dialect == "postgresql" else 1.2)  # past the first reading
        assert not heard.is_set()
        with database.transaction() as session:
            taking(events, world)(session, session.get(Staff, world.budi))
        assert heard.wait(5), "desk B heard nothing of desk A's take-over"
    finally:
        watch.stop()
