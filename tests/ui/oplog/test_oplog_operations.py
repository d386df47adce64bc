"""Operating a shift from the console: start and end it, schedule, start and end events (and see
them on the events panel with their cameras and shots), the one-key log entry, faults."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton

from models.oplog.clock import WIB
from models.oplog.snapshot import board_window
from tests.support import oplog_console as support
from tests.support.oplog_console import EVENT_TITLE, WAIT_MS, log_in, log_lines, ready

pytestmark = pytest.mark.gui
console_for, rig, site = support.console_for, support.rig, support.site  # the fixtures


@pytest.mark.parametrize(("hour", "minute"), [(9, 0), (23, 45)])
def test_the_board_lists_the_wib_day_and_the_hours_after_midnight_late_in_the_day(hour, minute):
    now = datetime(2026, 12, 5, hour, minute, tzinfo=WIB)
    start, end = board_window(now)
    assert start == datetime(2026, 12, 5, tzinfo=WIB)
    assert end >= datetime(2026, 12, 6, tzinfo=WIB)
    after_midnight = datetime(2026, 12, 6, 0, 30, tzinfo=WIB)  # the form's default at 23:45: the next hour
    assert (start <= after_midnight < end) == (hour == 23)


def test_the_shift_ends_and_the_next_one_starts(site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    panel = ops.shift
    assert panel.shift.id == site.shift
    assert not panel.end.isEnabled()  # nobody logged in
    log_in(ops, qtbot, site.world.budi)
    assert panel.end.isEnabled()
    assert not panel.start.isEnabled()
    panel.end.click()
    qtbot.waitUntil(lambda: panel.shift is not None and panel.shift.id == site.next_shift, timeout=WAIT_MS)
    assert site.scalar("SELECT actual_end IS NOT NULL FROM shifts WHERE id = :id", id=site.shift)
    assert panel.start.isEnabled()
    assert "Siang" in panel.title.text()
    panel.start.click()
    qtbot.waitUntil(lambda: panel.shift.running, timeout=WAIT_MS)
    assert site.scalar("SELECT actual_start IS NOT NULL FROM shifts WHERE id = :id", id=site.next_shift)


def test_a_viewer_may_not_run_the_shift(site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.viewer)
    assert ops.who.text() == "Wahyu Hidayat (viewer)"
    assert not ops.shift.end.isEnabled()
    assert not ops.events.form.submit.isEnabled()
    assert not ops.faults.open_button.isEnabled()


def test_schedule_start_and_end_an_event_seen_on_the_events_panel(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    board, panel = console.board, console.window.events
    qtbot.waitUntil(lambda: f"oplog:{site.event}" in board.events, timeout=WAIT_MS)
    assert [event.title for event in board.events.values()] == [  # the log's (the configured ones carried in)
        "Rapat Koordinasi Bupati",
        "Podcast Diskominfo",
        EVENT_TITLE,
    ]
    log_in(ops, qtbot, site.world.dwi)
    form = ops.events.form
    form.title.setText("Podcast Diskominfo: Satu Data Indonesia")
    form.organiser.setText("Diskominfo")
    form.mode.setCurrentIndex(form.mode.findData("daring"))
    place = next(
        row for row in range(form.places.rowCount()) if form.places.item(row, 0).text() == "Command Center"
    )
    form.places.item(place, 0).setCheckState(Qt.CheckState.Checked)
    form.places.item(place, 1).setText("10")
    form.devices.set_items([("Kamera Pendopo", "Kamera Pendopo")], ["Kamera Pendopo"])
    form.platform.setCurrentText("YouTube")
    form.url.setText("https://www.youtube.com/live/abcdefghijk")
    form.on_schedule()
    qtbot.waitUntil(lambda: len(board.events) == 4, timeout=WAIT_MS)
    podcast = next(
        event for event in board.events.values() if event.title == "Podcast Diskominfo: Satu Data Indonesia"
    )
    assert podcast.cameras == ("cam2",)
    assert podcast.location == "Command Center"
    assert podcast.shots["F1"].camera == "cam2"
    assert not board.is_running(podcast.id)
    assert ops.events.table.current_id() == podcast.db_id
    assert site.scalar("SELECT stream_url FROM events WHERE id = :id", id=podcast.db_id).endswith(
        "abcdefghijk"
    )
    buttons = {button.text(): button for button in panel.findChildren(QPushButton)}
    rows = [panel.model.event_at(row).id for row in range(panel.model.rowCount())]
    panel.table.setCurrentIndex(panel.model.index(rows.index(podcast.id), 0))
    buttons["Start event"].click()
    qtbot.waitUntil(lambda: board.is_running(podcast.id), timeout=WAIT_MS)
    assert site.scalar("SELECT status FROM events WHERE id = :id", id=podcast.db_id) == "running"
    assert podcast.id in [event.id for event in board.owners("cam2")]
    rows = [panel.model.event_at(row).id for row in range(panel.model.rowCount())]
    panel.table.setCurrentIndex(panel.model.index(rows.index(podcast.id), 0))
    buttons["End event"].click()
    qtbot.waitUntil(lambda: not board.is_running(podcast.id), timeout=WAIT_MS)
    assert site.scalar("SELECT status FROM events WHERE id = :id", id=podcast.db_id) == "finished"


def test_ctrl_l_writes_a_log_entry_without_waiting(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.budi)
    console.window.activateWindow()
    QApplication.sendEvent(
        console.window,
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier, "", False),
    )
    assert ops.quick_log.isVisible()
    ops.quick_log.text.setText("Koneksi Zoom putus 2 menit, sudah normal")
    ops.quick_log.text.returnPressed.emit()
    assert not ops.quick_log.isVisible()  # closed at once, saved in the background
    qtbot.waitUntil(lambda: any("Log entry saved" in line for line in log_lines(console)), timeout=WAIT_MS)
    assert (
        site.scalar(
            "SELECT count(*) FROM log_entries WHERE text = 'Koneksi Zoom putus 2 menit, sudah normal' "
            "AND author_id = :budi AND shift_id = :shift",
            budi=site.world.budi,
            shift=site.shift,
        )
        == 1
    )


def test_a_fault_is_opened_with_an_owner_and_closed(site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.budi)
    panel = ops.faults
    panel.device.setCurrentIndex(panel.device.findData("SC-CAM-02"))
    panel.severity.setCurrentIndex(panel.severity.findData("critical"))
    panel.owner.setCurrentIndex(panel.owner.findData(site.world.admin))
    panel.description.setText("Kamera Pendopo tidak merespons preset")
    panel.on_open()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 1, timeout=WAIT_MS)
    assert [panel.table.item(0, column).text() for column in (2, 3, 4)] == [
        "Kamera Pendopo",
        "critical",
        "Agus Setiawan",
    ]
    panel.table.selectRow(0)
    panel.on_close()
    qtbot.waitUntil(lambda: panel.message.text() != "", timeout=WAIT_MS)
    assert "resolved" in panel.message.text()  # a fault is closed only with its resolution
    panel.resolution.setText("Kabel LAN diganti")
    panel.on_close()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 0, timeout=WAIT_MS)
    assert site.scalar("SELECT resolution FROM faults") == "Kabel LAN diganti"


def test_plan_a_shift_takes_its_name_from_the_start_until_the_operator_types_one(site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    panel = ops.shift
    for hour, name in (
        (22, "Malam"),
        (3, "Malam"),
        (4, "Pagi"),
        (7, "Pagi"),
        (11, "Pagi"),
        (12, "Siang"),
        (15, "Siang"),
        (19, "Malam"),
        (23, "Malam"),
    ):
        panel.planned_start.set_moment(datetime(2026, 12, 5, hour, tzinfo=WIB))
        assert panel.name.currentText() == name, hour
    edit = panel.name.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, "Lembur")
    panel.planned_start.set_moment(datetime(2026, 12, 6, 9, tzinfo=WIB))
    assert panel.name.currentText() == "Lembur"
