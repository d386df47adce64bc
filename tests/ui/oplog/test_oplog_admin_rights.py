"""Roles held in the console as well as in the data layer: the configuration editor after logout and a
role change, its saves in the audit trail, a desk clock that runs ahead, and an admin's unlock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from models.oplog.clock import utc_now
from tests.support import oplog_console as support
from tests.support.oplog_console import WAIT_MS, log_in, ready, settle

pytestmark = pytest.mark.gui
console_for, rig, site = support.console_for, support.rig, support.site  # the fixtures


def click(window, text: str) -> None:
    button = next(b for b in window.findChildren(QPushButton) if b.text() == text)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_configuration_editor_closes_at_logout_and_a_viewer_cannot_save_through_it(
    site, console_for, qtbot
):
    console = console_for(site.url, editable=True)
    ops, store = console.oplog, console.config_store
    ready(ops, qtbot)
    before = store.path.read_text(encoding="utf-8")
    log_in(ops, qtbot, site.world.admin)
    console.configure_action.trigger()
    editor = console._editors["config"]
    qtbot.waitExposed(editor)
    editor.editor.setPlainText(before.replace("Kamera", "Kamera Baru", 1))
    ops.login.log_out()
    assert not editor.isVisible()
    assert not console.configure_action.isEnabled()
    log_in(ops, qtbot, site.world.viewer)
    assert ops.state.staff.name == "Wahyu Hidayat"
    assert not console.configure_action.isEnabled()
    editor.save()  # the stale editor (kept by a script, say) is refused by the data layer
    qtbot.waitUntil(lambda: "may not change the configuration" in editor.status.text(), timeout=WAIT_MS)
    assert store.path.read_text(encoding="utf-8") == before
    assert site.scalar("SELECT count(*) FROM audit_entries WHERE action LIKE 'save the configuration%'") == 0


def test_an_admins_save_is_in_the_audit_trail_with_what_changed(site, console_for, qtbot):
    console = console_for(site.url, editable=True)
    ops, store = console.oplog, console.config_store
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.admin)
    console.configure_action.trigger()
    editor = console._editors["config"]
    qtbot.waitExposed(editor)
    first = console.config.cameras[0]
    editor.editor.setPlainText(store.read_text().replace(f"name: {first.name}", "name: Kamera Mimbar", 1))
    with qtbot.waitSignal(editor.configSaved, timeout=WAIT_MS):
        click(editor, "Save")
    assert "Kamera Mimbar" in store.path.read_text(encoding="utf-8")
    assert site.rows(
        "SELECT staff_id, action FROM audit_entries WHERE action LIKE 'save the configuration%'"
    ) == [(site.world.admin, f"save the configuration config.yaml: cameras changed: {first.id}")]


def test_a_desk_whose_clock_runs_ahead_still_meets_the_lock(site, console_for, qtbot, monkeypatch):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    for _ in range(5):
        log_in(ops, qtbot, site.world.budi, "0000")
    assert "locked after 5 wrong PINs" in ops.login.message.text()
    ahead = utc_now() + timedelta(seconds=61)
    monkeypatch.setattr("models.oplog.clock.utc_now", lambda: ahead)
    monkeypatch.setattr(
        "ui.oplog.login.utc_now", lambda: ahead, raising=False
    )  # the desk's clock, as it was read
    log_in(ops, qtbot, site.world.budi)
    assert ops.state.staff is None
    assert "locked" in ops.login.message.text()


def test_an_admin_unlocks_an_account_with_the_staff_screens_button(site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    for _ in range(5):
        log_in(ops, qtbot, site.world.budi, "0000")
    log_in(ops, qtbot, site.world.admin)
    staff_window = ops._open("staff")
    qtbot.waitUntil(lambda: staff_window.table.rowCount() == 4, timeout=WAIT_MS)
    staff_window.table.select_id(site.world.budi)
    click(staff_window, "Unlock the selected account")
    qtbot.waitUntil(lambda: staff_window.message.text() == "Account unlocked.", timeout=WAIT_MS)
    settle(ops, qtbot)
    assert site.scalar(
        "SELECT locked_until IS NULL AND failed_pins = 0 FROM staff WHERE id = :id", id=site.world.budi
    )
    assert site.rows("SELECT staff_id, action FROM audit_entries WHERE action LIKE 'unlock%'") == [
        (site.world.admin, "unlock the account of Budi Santoso (after 5 wrong PINs)")
    ]
    ops.login.log_out()
    log_in(ops, qtbot, site.world.budi)
    assert ops.state.staff.name == "Budi Santoso"


def test_an_admin_given_another_role_at_another_desk_loses_the_admin_screens_at_the_next_refresh(
    site, console_for, qtbot
):
    console = console_for(site.url, editable=True)
    ops = console.oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.admin)
    staff_window = ops._open("staff")
    console.configure_action.trigger()
    editor = console._editors["config"]
    qtbot.waitExposed(editor)
    assert staff_window.isVisible()
    site.scalar("UPDATE staff SET role = 'operator' WHERE id = :id RETURNING id", id=site.world.admin)
    ops.state.refresh()  # every minute, and after every change
    qtbot.waitUntil(lambda: not staff_window.isVisible(), timeout=WAIT_MS)
    assert not editor.isVisible()
    assert not console.configure_action.isEnabled()
    assert not any(action.isEnabled() for action in ops.admin_actions)
    assert ops.who.text() == "Agus Setiawan (operator)"
    site.scalar("UPDATE staff SET active = 0 WHERE id = :id RETURNING id", id=site.world.admin)
    ops.state.refresh()
    qtbot.waitUntil(lambda: ops.state.staff is None, timeout=WAIT_MS)
    assert ops.who.text() == "Not logged in"


def test_a_rename_in_the_staff_screen_to_a_name_taken_in_other_capitals_is_refused_in_plain_words(
    site, console_for, qtbot
):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.admin)
    staff_window = ops._open("staff")
    qtbot.waitUntil(lambda: staff_window.table.rowCount() == 4, timeout=WAIT_MS)
    staff_window.table.select_id(site.world.dwi)
    staff_window.role.setCurrentIndex(staff_window.role.findData("operator"))
    staff_window.name.setText("  budi SANTOSO")
    click(staff_window, "Give the selected account the name, role and PIN above")
    qtbot.waitUntil(
        lambda: "already a staff member called Budi Santoso" in staff_window.message.text(), timeout=WAIT_MS
    )
    staff_window.name.setText("Dwi Rahmawati Putri")
    click(staff_window, "Give the selected account the name, role and PIN above")
    qtbot.waitUntil(lambda: staff_window.message.text() == "Account changed.", timeout=WAIT_MS)
    assert site.rows("SELECT name FROM staff WHERE id = :id", id=site.world.dwi) == [("Dwi Rahmawati Putri",)]
