"""An event names the OBS output it streams on: the event form offers the configuration's outputs (by
name, stored by id), the schedule shows the output's name, and on the event board an event streams on
its own output before its template's, which makes the output its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from models.config.schema import BroadcastConfig, Config, EventConfig
from models.desk.ownership import EventBoard, broadcast_device
from models.oplog.snapshot import EventView
from tests.support import oplog_console as support
from tests.support.oplog_console import WAIT_MS, log_in, ready
from ui.oplog.board import board_events

console_for, rig, site = support.console_for, support.rig, support.site  # the fixtures
OUTPUTS = (
    BroadcastConfig("obs-rapat", "OBS Ruang Rapat", "obs://127.0.0.1:4455"),
    BroadcastConfig("obs-podcast", "OBS Podcast", "obs://127.0.0.1:4456"),
)
NOON = datetime(2026, 12, 6, 5, tzinfo=UTC)


def view(event_id: int, title: str, output: str | None) -> EventView:
    return EventView(
        event_id,
        title,
        "Diskominfo",
        "daring",
        "running",
        NOON,
        NOON,
        ("Command Center",),
        (),
        None,
        None,
        output,
    )


def choose(combo: QComboBox, text: str, qtbot) -> None:
    """Click the combo box open, go down its list to ``text`` with the arrow key, press Enter."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    for _step in range(combo.findText(text) - combo.currentIndex()):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=WAIT_MS)


def test_an_event_streams_on_its_own_output_before_its_templates_and_owns_it():
    template = EventConfig("rakor", "Rapat Koordinasi", broadcast="obs-rapat")
    config = Config(events=(template,), broadcast=OUTPUTS)
    own, templated, plain = board_events(
        [
            view(1, "Rapat Koordinasi", "obs-podcast"),
            view(2, "Rapat Koordinasi", None),
            view(3, "Webinar", None),
        ],
        config,
    )
    assert (own.broadcast, templated.broadcast, plain.broadcast) == ("obs-podcast", "obs-rapat", None)
    board = EventBoard([own, templated, plain])
    for event in (own, templated, plain):
        board.start(event.id)
    assert board.owners(broadcast_device("obs-podcast")) == [own]
    assert board.owners(broadcast_device("obs-rapat")) == [templated]


@pytest.mark.gui
def test_the_event_form_offers_the_configured_outputs_and_saves_the_one_chosen(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    rakor = replace(console.config.events[0], broadcast="obs-rapat")
    assert rakor.title == "Rapat Koordinasi Bupati"
    # as after the configuration is saved
    console.config = replace(console.config, broadcast=OUTPUTS, events=(rakor, *console.config.events[1:]))
    ops.use_config()
    log_in(ops, qtbot, site.world.dwi)
    form = ops.events.form
    assert [form.output.itemText(i) for i in range(form.output.count())] == [
        "none",
        "OBS Ruang Rapat",
        "OBS Podcast",
    ]
    assert form.output.currentData() is None
    qtbot.keyClicks(form.title, "Podcast Satu Data")
    qtbot.keyClicks(form.organiser, "Diskominfo")
    row = next(r for r in range(form.places.rowCount()) if form.places.item(r, 0).text() == "Command Center")
    form.places.item(row, 0).setCheckState(Qt.CheckState.Checked)
    choose(form.output, "OBS Podcast", qtbot)  # arrows on a closed list move the camera
    assert form.output.currentText() == "OBS Podcast"
    qtbot.mouseClick(form.submit, Qt.MouseButton.LeftButton)

    board = console.board
    qtbot.waitUntil(
        lambda: any(e.title == "Podcast Satu Data" for e in board.events.values()), timeout=WAIT_MS
    )
    podcast = next(e for e in board.events.values() if e.title == "Podcast Satu Data")
    assert podcast.broadcast == "obs-podcast"
    assert (
        site.scalar("SELECT broadcast_output FROM events WHERE id = :id", id=podcast.db_id) == "obs-podcast"
    )
    assert site.scalar(
        "SELECT count(*) FROM audit_entries WHERE event_id = :id AND action LIKE :words",
        id=podcast.db_id,
        words="%on OBS output obs-podcast%",
    )
    table = ops.events.table
    column = next(
        c for c in range(table.columnCount()) if table.horizontalHeaderItem(c).text() == "OBS output"
    )
    qtbot.waitUntil(lambda: table.current_id() == podcast.db_id, timeout=WAIT_MS)
    assert table.item(table.currentRow(), column).text() == "OBS Podcast"
    outputs = {table.item(row, 1).text(): table.item(row, column).text() for row in range(table.rowCount())}
    assert outputs["Rapat Koordinasi Bupati (Diskominfo)"] == "OBS Ruang Rapat"  # its template's
    assert form.output.currentText() == "OBS Podcast"  # kept for the next event, like the platform
