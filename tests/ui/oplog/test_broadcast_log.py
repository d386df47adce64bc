"""End to end: a simulated OBS, the real controller and bridge, the broadcast-log glue and the worker."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from devices.obs.controller import ObsController
from devices.obs.sim.server import start_obs_simulator
from devices.obs.state import OnAir
from models.oplog.database import open_database
from models.oplog.schedule import Place, schedule_event
from models.oplog.tables import AuditEntry, EndReason, Event, EventMode, OnAirSession
from tests.support.oplog_world import T0, build_world
from ui.common.bridge import ObsBridge
from ui.common.oplog_worker import OplogWorker
from ui.oplog.broadcast_log import BroadcastLog

PASSWORD = "broadcast-log-password"


@pytest.fixture
def obs(runtime, sim_runtime):
    sim = sim_runtime.submit(start_obs_simulator("ws://127.0.0.1:0", PASSWORD)).result(5)
    controller = ObsController(runtime, sim.url + "?password_env=OBS_PW", environ={"OBS_PW": PASSWORD})
    controller.start().ready().result(5)
    yield sim, controller
    sim_runtime.submit(sim.close()).result(5)


def streamed_event(tmp_path):
    url = f"sqlite:///{tmp_path / 'log.sqlite'}"
    database = open_database(url)
    world = build_world(database)
    with database.transaction() as session:
        budi = world.staff(session, world.budi)
        event_id = schedule_event(
            session, budi, "Siaran Bupati", "Diskominfo", EventMode.DARING, T0, T0 + timedelta(hours=1),
            [Place("Pendopo Manggala Praja Nugraha")], operators=[budi], devices=[], stream=None, notes="",
        ).id  # fmt: skip
    return url, database, world, event_id


def test_a_stream_started_dropped_and_stopped_is_in_the_log(obs, sim_runtime, tmp_path, qtbot):
    sim, controller = obs
    url, database, world, event_id = streamed_event(tmp_path)
    worker = OplogWorker(lambda: open_database(url))
    worker.start()
    bridge = ObsBridge("youtube", controller)
    log = BroadcastLog("yt1", bridge, worker, event_of=lambda: event_id, staff=lambda: world.budi)
    try:
        controller.start_stream().result(10)
        qtbot.waitUntil(lambda: bridge.state.on_air is OnAir.LIVE, timeout=5000)
        sim_runtime.call(sim.drop_stream, 0.5)
        qtbot.waitUntil(lambda: bridge.state.on_air is OnAir.RECONNECTING, timeout=5000)
        qtbot.waitUntil(lambda: bridge.state.on_air is OnAir.LIVE, timeout=5000)
        controller.stop_stream().result(10)
        qtbot.waitUntil(lambda: bridge.state.on_air is OnAir.READY, timeout=5000)
    finally:
        log.detach()
        bridge.detach()
        worker.stop()  # finishes the jobs handed over
    with database.transaction() as session:
        stream = session.scalars(select(OnAirSession)).one()
        assert (stream.output, stream.event_id, stream.end_reason) == ("yt1", event_id, EndReason.STOPPED)
        assert (stream.started_by_id, stream.stopped_by_id) == (world.budi, world.budi)
        assert len(stream.drops) == 1
        assert stream.drops[0].back_at is not None
        event = session.get(Event, event_id)
        assert event.on_air_seconds == (stream.ended_at - stream.started_at).total_seconds() > 0
        actions = session.scalars(select(AuditEntry.action).where(AuditEntry.device == "yt1")).all()
        assert [action.split(" after")[0] for action in actions] == [
            "stream on air",
            "stream dropped, reconnecting",
            "stream back",
            "stream off air (stopped)",
        ]
    database.close()


def test_a_stream_seen_while_the_log_is_locked_is_written_in_order_once_it_is_free(obs, tmp_path, qtbot):
    sim, controller = obs
    url, database, world, event_id = streamed_event(tmp_path)
    worker = OplogWorker(lambda: open_database(url, busy_timeout_ms=50))
    worker.start()
    bridge = ObsBridge("youtube", controller)
    log = BroadcastLog("yt1", bridge, worker, event_of=lambda: event_id, staff=lambda: world.budi)
    holder = sqlite3.connect(tmp_path / "log.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the log
    try:
        controller.start_stream().result(10)
        qtbot.waitUntil(lambda: bridge.state.on_air is OnAir.LIVE, timeout=5000)
        controller.stop_stream().result(10)
        qtbot.waitUntil(lambda: bridge.state.on_air is OnAir.READY, timeout=5000)
        qtbot.wait(300)  # the worker has tried the start and found the log locked
        assert log.waiting == 2
        holder.execute("ROLLBACK")
        qtbot.waitUntil(lambda: log.waiting == 0, timeout=10_000)
    finally:
        holder.close()
        log.detach()
        bridge.detach()
        worker.stop()
    with database.transaction() as session:
        stream = session.scalars(select(OnAirSession)).one()
        assert (stream.event_id, stream.end_reason, stream.started_by_id) == (
            event_id,
            EndReason.STOPPED,
            world.budi,
        )
    database.close()


def test_a_console_closed_while_obs_is_out_of_contact_ends_the_stream_at_the_loss(obs, tmp_path, qtbot):
    """The stream is not ended when OBS goes silent (it may still be on air), but neither is it left open
    when the console closes meanwhile: ended at the loss, "OBS closed" — with the records still waiting
    for a locked log handed over, in order, at close-down."""
    sim, controller = obs
    url, database, world, event_id = streamed_event(tmp_path)
    worker = OplogWorker(lambda: open_database(url, busy_timeout_ms=50))
    worker.start()
    bridge = ObsBridge("youtube", controller)
    log = BroadcastLog("yt1", bridge, worker, event_of=lambda: event_id, staff=lambda: world.budi)
    holder = sqlite3.connect(tmp_path / "log.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        controller.start_stream().result(10)
        qtbot.waitUntil(lambda: bridge.state.on_air is OnAir.LIVE, timeout=5000)
        sim.silent = True
        qtbot.waitUntil(lambda: not bridge.state.online, timeout=5000)
        lost = datetime.now(UTC)
        qtbot.wait(300)
        assert log.waiting == 1  # the start, waiting for the log; the stream is not ended
        holder.execute("ROLLBACK")
    finally:
        holder.close()
        log.detach(closing=True)
        bridge.detach()
        worker.stop()
        sim.silent = False
    with database.transaction() as session:
        stream = session.scalars(select(OnAirSession)).one()
        assert (stream.event_id, stream.end_reason, stream.stopped_by_id) == (
            event_id,
            EndReason.OBS_CLOSED,
            None,
        )
        assert stream.started_at < stream.ended_at <= lost
    database.close()


@pytest.mark.gui
def test_the_handover_pdf_lists_the_streams_their_drops_and_lost_contacts(tmp_path, qapp):
    from models.oplog.jobs import broadcast
    from models.oplog.jobs.base import run_job
    from models.oplog.reports.handover import handover_report
    from tests.support.oplog_scenes import HOUR, busy_morning
    from tests.support.pdf_text import pdf_text
    from ui.reports.handover_pdf import save_handover

    database = open_database(f"sqlite:///{tmp_path / 'log.sqlite'}")
    world = build_world(database)
    shift_id = busy_morning(database, world)
    with database.transaction() as session:
        event_id = session.scalars(select(Event.id)).one()
    minute = timedelta(minutes=1)
    run_job(database, broadcast.stream_started("yt1", event_id, T0 + HOUR, world.budi))
    run_job(database, broadcast.stream_dropped("yt1", T0 + HOUR + 5 * minute))
    run_job(database, broadcast.stream_back("yt1", T0 + HOUR + 6 * minute, 45))
    run_job(database, broadcast.contact_lost("yt1", T0 + HOUR + 10 * minute, T0 + HOUR + 13 * minute))
    run_job(database, broadcast.stream_stopped("yt1", T0 + 2 * HOUR, EndReason.OBS_CLOSED, None, 80))
    with database.transaction() as session:
        report = handover_report(session, shift_id, T0 + 8 * HOUR)
    database.close()
    save_handover(report, tmp_path / "serah-terima.pdf")
    text = " ".join(pdf_text(tmp_path / "serah-terima.pdf").split())
    for expected in (
        "Streams",
        "yt1 Musrenbang Kecamatan Panggul 08:00 – 09:00 1:00:00",  # WIB
        "dropped at 08:05:00 for 60 s (45 frames lost)",
        "console lost contact 08:10:00–08:13:00",
        "80 frames dropped",
        "OBS closed while on air",
    ):
        assert expected in text, expected
