"""The operations log in the console: login with lockout, role gating, the audit trail written from
the device threads, and database problems that never stop camera control."""

from __future__ import annotations

import dataclasses
import threading
import time

import pytest
from PySide6.QtCore import Qt

import models.oplog.staff as staff_module
from devices.records import ActionRecord
from models.oplog.audit_log import AuditWriter
from models.oplog.database import open_database
from models.oplog.staff import MAX_WRONG_PINS
from tests.support import oplog_console as support
from tests.support.oplog_console import WAIT_MS, log_in, log_lines, ready, settle
from tests.support.oplog_world import PIN
from tests.support.waiting import wait_until
from ui.oplog.audit_feed import AuditFeed

pytestmark = pytest.mark.gui
console_for, rig, site = support.console_for, support.rig, support.site  # the fixtures


def test_login_wrong_pins_lock_the_account_and_the_panel_counts_down(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    assert ops.login.staff.count() == 4
    assert ops.who.text() == "Not logged in"
    for attempt in range(1, MAX_WRONG_PINS):
        log_in(ops, qtbot, site.world.budi, "0000")
        assert f"{MAX_WRONG_PINS - attempt} more wrong PIN" in ops.login.message.text()
    log_in(ops, qtbot, site.world.budi, "0000")
    assert "locked after 5 wrong PINs" in ops.login.message.text()
    assert "try again in 60 s" in ops.login.message.text() or "try again in 59 s" in ops.login.message.text()
    log_in(ops, qtbot, site.world.budi)  # even the right PIN waits for the lock to end
    assert "locked" in ops.login.message.text()
    assert ops.state.staff is None
    assert site.scalar("SELECT locked_until IS NOT NULL FROM staff WHERE id = :id", id=site.world.budi)


def test_roles_gate_the_admin_screens_in_the_ui_and_in_the_data_call(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    assert not any(action.isEnabled() for action in ops.admin_actions)
    assert not console.configure_action.isEnabled()
    log_in(ops, qtbot, site.world.budi)
    assert ops.state.staff.name == "Budi Santoso"
    assert ops.who.text() == "Budi Santoso (operator)"
    assert not any(action.isEnabled() for action in ops.admin_actions)
    staff_window = ops._open("staff")  # reached anyway (e.g. a window left open): the data call refuses
    staff_window.name.setText("Pegawai Baru")
    staff_window.pin.setText("1357")
    staff_window.on_add()
    qtbot.waitUntil(lambda: "may not add staff" in staff_window.message.text(), timeout=WAIT_MS)
    assert site.scalar("SELECT count(*) FROM staff") == 4
    ops.login.log_out()
    log_in(ops, qtbot, site.world.admin)
    assert all(action.isEnabled() for action in ops.admin_actions)
    assert console.configure_action.isEnabled() is False
    assert ops._open("staff") is staff_window
    assert staff_window.isVisible()
    staff_window.pin.setText("1357")
    staff_window.on_add()
    qtbot.waitUntil(lambda: staff_window.message.text() == "Staff member added.", timeout=WAIT_MS)
    assert site.scalar("SELECT count(*) FROM staff") == 5
    ops.login.log_out()
    assert not staff_window.isVisible()
    assert not any(action.isEnabled() for action in ops.admin_actions)


def test_every_admin_change_is_in_the_audit_trail_and_a_refused_one_is_not(site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.admin)
    staff_window, devices = ops._open("staff"), ops._open("devices")
    qtbot.waitUntil(
        lambda: staff_window.table.rowCount() == 4 and devices.table.rowCount() > 0, timeout=WAIT_MS
    )

    def done(window, act, text: str) -> None:
        window.message.setText("…")
        act()
        qtbot.waitUntil(lambda: window.message.text() == text, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.table.rowCount() > 0, timeout=WAIT_MS)

    staff_window.name.setText("Pegawai Baru")
    staff_window.pin.setText("1357")
    done(staff_window, staff_window.on_add, "Staff member added.")
    row = next(
        r
        for r in range(staff_window.table.rowCount())
        if staff_window.table.item(r, 0).text() == "Budi Santoso"
    )
    staff_window.table.selectRow(row)
    done(staff_window, staff_window.on_toggle, "Account changed.")
    mine = next(
        r
        for r in range(staff_window.table.rowCount())
        if staff_window.table.item(r, 0).text() == "Agus Setiawan"
    )
    staff_window.table.selectRow(mine)
    done(staff_window, staff_window.on_toggle, "you cannot switch off your own account")
    devices.asset.setText("SC-KIT-09")
    devices.name.setText("Kit Liputan 9")
    done(devices, devices.on_add, "Device added.")
    rows = site.rows(
        "SELECT staff_id, action, result FROM audit_entries WHERE staff_id IS NOT NULL "
        "AND action NOT LIKE 'schedule event %' ORDER BY id"  # the site's event, scheduled before
    )
    assert rows == [
        (site.world.admin, "add staff Pegawai Baru (PNS, viewer)", "completed"),
        (site.world.admin, "switch the account of Budi Santoso off", "completed"),
        (site.world.admin, "add device SC-KIT-09 Kit Liputan 9 (camera)", "completed"),
    ]


def test_an_inactive_account_is_told_so(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    site.scalar("UPDATE staff SET active = 0 WHERE id = :id RETURNING id", id=site.world.dwi)
    log_in(ops, qtbot, site.world.dwi)
    assert ops.login.message.text() == "The account of Dwi Rahmawati is switched off; ask an admin."


def test_a_refusal_names_who_tried_even_when_a_refresh_dropped_them_from_the_list(site, console_for, qtbot):
    """The minute's refresh can land between Enter and the reply; it lists only active staff."""
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    site.scalar("UPDATE staff SET active = 0 WHERE id = :id RETURNING id", id=site.world.dwi)
    panel = ops.login
    panel.staff.setCurrentIndex(panel.staff.findData(site.world.dwi))
    panel.pin.setText(PIN)
    panel.pin.returnPressed.emit()
    snapshot = ops.state.snapshot
    assert snapshot is not None
    without_dwi = tuple(member for member in snapshot.staff if member.id != site.world.dwi)
    ops.state.snapshotChanged.emit(dataclasses.replace(snapshot, staff=without_dwi))
    assert panel.staff.findData(site.world.dwi) == -1
    qtbot.waitUntil(lambda: panel.login_button.isEnabled(), timeout=WAIT_MS)
    assert panel.message.text() == "The account of Dwi Rahmawati is switched off; ask an admin."


def test_camera_actions_are_audited_from_the_device_thread_with_the_staff_member(
    site, console_for, qtbot, monkeypatch
):
    callers: list[str] = []
    original = AuditWriter.record

    def record(writer, audit_record):
        callers.append(threading.current_thread().name)
        return original(writer, audit_record)

    monkeypatch.setattr(AuditWriter, "record", record)
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.budi)
    console.desk.select("cam2")
    console.desk.recall_preset(2)
    qtbot.waitUntil(
        lambda: site.scalar("SELECT count(*) FROM audit_entries WHERE action = 'preset recall 2'") == 1,
        timeout=WAIT_MS,
    )
    assert (
        site.scalar("SELECT staff_id FROM audit_entries WHERE action = 'preset recall 2'") == site.world.budi
    )
    assert (
        site.scalar("SELECT device FROM audit_entries WHERE action = 'preset recall 2'") == "Kamera Pendopo"
    )
    assert callers
    assert "MainThread" not in callers


def test_a_locked_database_is_a_notice_and_the_cameras_still_move(site, console_for, qtbot, rig):
    console = console_for(site.url, busy_timeout_ms=200)
    ops = console.oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.budi)
    with site.locked():
        ops.quick_log.open()
        ops.quick_log.text.setText("Mikrofon podium mati")
        ops.quick_log.save()
        # the database problem comes first, the refused entry after it: wait for both
        qtbot.waitUntil(lambda: "NOT saved" in console.window.banner.text(), timeout=WAIT_MS)
        assert "locked" in console.window.banner.text()
        assert any("NOT saved" in line and "Mikrofon podium mati" in line for line in log_lines(console))
        console.desk.select("cam1")
        console.desk.recall_preset(3)
        wait_until(lambda: rig[0][0].state()["last_preset"] == 3, what="recall while the database is locked")
    settle(ops, qtbot)


def test_a_damaged_database_file_does_not_stop_the_console(tmp_path, console_for, qtbot, rig):
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"this is not a database" * 100)
    console = console_for(f"sqlite:///{damaged}")
    ops = console.oplog
    qtbot.waitUntil(lambda: "damaged" in console.window.banner.text(), timeout=WAIT_MS)
    assert "PROBLEM" in ops.database.text()
    assert any("damaged" in line for line in log_lines(console))
    console.desk.select("cam2")
    console.desk.recall_preset(1)
    wait_until(lambda: rig[0][1].state()["last_preset"] == 1, what="recall with a damaged database")


class FakeWall:
    """A wall controller's listener registry; ``emit`` calls the listeners on a thread of its own."""

    def __init__(self) -> None:
        self.listeners = []

    def add_listener(self, listener) -> None:
        self.listeners.append(listener)

    def remove_listener(self, listener) -> None:
        self.listeners.remove(listener)

    def emit(self, item) -> None:
        thread = threading.Thread(
            target=lambda: [listener(item) for listener in self.listeners], name="wall-device"
        )
        thread.start()
        thread.join()


def test_a_wall_action_is_audited_once_whichever_path_sees_it_first(site):
    feed = AuditFeed()
    wall = FakeWall()
    feed.attach_wall(wall)
    feed.staff_id = site.world.dwi
    started = time.time()
    routed = ActionRecord("Layar Lebar Smart Centre", "route 3 -> 2", "completed", started, 80.0)
    recalled = ActionRecord("Layar Lebar Smart Centre", "preset recall 2", "ERR 003", started + 1, 20.0)
    taken = ActionRecord("Layar Lebar Smart Centre", "take over Layar Kiri", "completed", started + 2, 0.0)
    wall.emit(routed)  # before the database is open: kept until the writer starts
    database = open_database(site.url)
    try:
        feed.start_writer(database)
        feed.from_console(routed)  # the same record, as Console.record_action sees it later
        feed.from_console(recalled)  # here the GUI path comes first
        wall.emit(recalled)
        feed.from_console(taken)  # no device reports a take-over
        assert feed.stop()
        assert wall.listeners == []
    finally:
        database.close()
    assert (
        site.scalar("SELECT count(*) FROM audit_entries WHERE device IS NOT NULL") == 3
    )  # not the scheduling
    assert (
        site.scalar(
            "SELECT count(DISTINCT action) FROM audit_entries WHERE staff_id = :dwi", dwi=site.world.dwi
        )
        == 3
    )


def test_logging_in_shows_a_moving_bar_while_the_pin_is_checked_on_the_database_thread(
    site, console_for, qtbot, monkeypatch
):
    checked_on: list[threading.Thread] = []
    release = threading.Event()
    real_check = staff_module.bcrypt.checkpw

    def slow_check(pin: bytes, hashed: bytes) -> bool:  # as on a slow desk PC: held until the test looked
        checked_on.append(threading.current_thread())
        release.wait(10)
        return real_check(pin, hashed)

    monkeypatch.setattr(staff_module.bcrypt, "checkpw", slow_check)
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    panel = ops.login
    panel.staff.setCurrentIndex(panel.staff.findData(site.world.budi))
    console.window.activateWindow()
    qtbot.mouseClick(panel.pin, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.pin.hasFocus, timeout=WAIT_MS)
    qtbot.keyClicks(panel.pin, PIN)
    qtbot.keyClick(panel.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(checked_on), timeout=WAIT_MS)
    assert panel.busy.isVisible()
    assert not panel.login_button.isEnabled()
    assert not panel.pin.isEnabled()
    assert panel.message.text() == "Checking the PIN of Budi Santoso…"
    assert panel.pin.placeholderText() == "Checking the PIN…"  # in the field itself, seen in a short dock
    assert checked_on[0] is not threading.main_thread()
    release.set()
    qtbot.waitUntil(lambda: ops.state.staff is not None, timeout=WAIT_MS)
    assert not panel.busy.isVisible()
    assert ops.who.text() == "Budi Santoso (operator)"
