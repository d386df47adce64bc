"""One set of events: the events the console runs are the operations log's, so the handover and the
statistics see what runs; the configuration's events are templates (shots, wall outputs, cameras)
and its dated ones are carried into the log once; without the database the board runs the
configuration's events on this desk only, and says so."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from models.config.schema import EventConfig, Shot
from models.oplog.database import open_database
from models.oplog.reports.handover import handover_report
from tests.support import oplog_console as support
from tests.support.oplog_console import EVENT_TITLE, WAIT_MS, log_in, log_lines, ready, settle
from ui.oplog.board import LogEvent

pytestmark = pytest.mark.gui
console_for, rig, site = support.console_for, support.rig, support.site  # the fixtures
RAKOR, PODCAST = "Rapat Koordinasi Bupati", "Podcast Diskominfo"  # the demo configuration's events


def click_button(panel, text: str, qtbot) -> None:
    button = next(button for button in panel.findChildren(QPushButton) if button.text() == text)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def select_row(panel, event_id: str) -> None:
    rows = [panel.model.event_at(row).id for row in range(panel.model.rowCount())]
    panel.table.setCurrentIndex(panel.model.index(rows.index(event_id), 0))


def test_what_runs_is_in_the_log_and_the_handover_sees_it(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    board = console.board
    qtbot.waitUntil(lambda: {event.title for event in board.running()} == {RAKOR, PODCAST}, timeout=WAIT_MS)
    assert all(isinstance(event, LogEvent) for event in board.events.values())
    rakor = next(event for event in board.events.values() if event.title == RAKOR)
    assert rakor.shots["F1"].camera == "cam1"
    assert rakor.cameras == ("cam1", "cam2")  # from its template
    assert site.rows(
        "SELECT title, status, organiser FROM events WHERE title IN (:a, :b) ORDER BY id", a=RAKOR, b=PODCAST
    ) == [(RAKOR, "running", "Diskominfo"), (PODCAST, "running", "Diskominfo")]
    assert any(
        "Rapat Koordinasi Bupati: carried from the configuration into the operations log, running" in line
        for line in log_lines(console)
    )

    database = open_database(site.url)
    with database.transaction() as session:
        summary = handover_report(session, site.shift)
    database.close()
    assert [event.title for event in summary.events] == [RAKOR, PODCAST]  # the handover no longer says "—"

    log_in(ops, qtbot, site.world.budi)  # Start on the events panel writes the log
    panel = console.window.events
    select_row(panel, f"oplog:{site.event}")
    click_button(panel, "Start event", qtbot)
    qtbot.waitUntil(lambda: board.is_running(f"oplog:{site.event}"), timeout=WAIT_MS)
    assert site.scalar("SELECT status FROM events WHERE id = :id", id=site.event) == "running"
    select_row(panel, rakor.id)
    click_button(panel, "End event", qtbot)
    qtbot.waitUntil(lambda: not board.is_running(rakor.id), timeout=WAIT_MS)
    assert site.scalar("SELECT status FROM events WHERE title = :title", title=RAKOR) == "finished"
    settle(ops, qtbot)

    ops.carry_configured_events()  # as at the next start or at another desk: nothing twice
    settle(ops, qtbot)
    assert site.scalar("SELECT count(*) FROM events WHERE title IN (:a, :b)", a=RAKOR, b=PODCAST) == 2
    assert [title for (title,) in site.rows("SELECT title FROM events ORDER BY id")] == [
        EVENT_TITLE,
        RAKOR,
        PODCAST,
    ]


def test_the_event_worked_for_stays_chosen_when_the_log_takes_over(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    qtbot.waitUntil(lambda: len(console.board.running()) == 2, timeout=WAIT_MS)
    console.board.set_events(console.config.events)  # as before the log answered: the configuration's
    console.board.active = "podcast-diskominfo"
    ops.board.apply(ops.state.snapshot)
    assert console.board.events[console.board.active].title == PODCAST
    assert ops.board.active_event() is not None  # the audit trail names the log's event


def test_without_the_database_the_configuration_runs_on_this_desk_and_says_so(tmp_path, console_for, qtbot):
    damaged = tmp_path / "rusak.sqlite"
    damaged.write_bytes(b"not a database" * 200)
    console = console_for(f"sqlite:///{damaged}")
    qtbot.waitUntil(lambda: "PROBLEM" in console.oplog.database.text(), timeout=WAIT_MS)
    board, panel = console.board, console.window.events
    assert {event.id for event in board.running()} == {"rakor-bupati", "podcast-diskominfo"}
    select_row(panel, "rakor-bupati")
    click_button(panel, "End event", qtbot)
    assert not board.is_running("rakor-bupati")
    assert any(
        "Rapat Koordinasi Bupati ended on this desk only: the operations log has not answered, so it is "
        "not logged." in line
        for line in log_lines(console)
    )


def test_a_dated_event_saved_in_the_configuration_is_carried_into_the_log(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    start = datetime.now().replace(microsecond=0) + timedelta(hours=1)  # the configuration's clock: the PC's
    pers = EventConfig(
        "jumpa-pers",
        "Jumpa Pers Bupati",
        "Ruang Rapat Utama",
        start,
        start + timedelta(hours=1),
        cameras=("cam1",),
        shots={"F1": Shot("cam1", 2)},
    )
    console._use_config(replace(console.config, events=(*console.config.events, pers)))  # as when saved
    qtbot.waitUntil(
        lambda: any(event.title == "Jumpa Pers Bupati" for event in console.board.events.values()),
        timeout=WAIT_MS,
    )
    carried = next(event for event in console.board.events.values() if event.title == "Jumpa Pers Bupati")
    assert isinstance(carried, LogEvent)
    assert not console.board.is_running(carried.id)
    assert carried.shots == {"F1": Shot("cam1", 2)}
    assert carried.cameras == ("cam1",)
    assert site.scalar("SELECT status FROM events WHERE title = 'Jumpa Pers Bupati'") == "scheduled"
