"""Issue #10, "done means": one operator's shift driven through the window with keys and the mouse only —
log in, start the shift, select a camera, hold to pan, recall a preset by hotkey, Esc on an open menu
(nothing stops), the ALL STOP key (everything stops), rename a preset at 4 keys a second, a quick log
entry, and the handover signed by the shift's lead and accepted by the planned incoming lead."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

from tests.support import oplog_console
from tests.support.operator_input import (
    Key,
    Mod,
    choose,
    click,
    click_slot,
    keyboard,
    open_menu,
    press,
    show_dock,
    type_slowly,
)
from tests.support.oplog_console import WAIT_MS, make_site, ready, settle
from tests.support.oplog_world import PIN
from tests.support.waiting import wait_until

pytestmark = pytest.mark.gui
rig, console_for = oplog_console.rig, oplog_console.console_for  # the fixtures


def type_in(widget, text: str) -> None:
    """Click into ``widget`` and type ``text``."""
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
    QTest.keyClicks(widget, text)


def test_an_operators_shift_through_keys_and_mouse(rig, console_for, tmp_path, qtbot):
    site = make_site(tmp_path / "site", started=False)  # Budi's shift is due now, Dwi leads the next
    sims = rig[0]
    console = console_for(site.url)
    window, ops = console.window, console.oplog
    ready(ops, qtbot)

    # log in: Operations → Log in / out puts the keyboard in the PIN field
    ops.login.staff.setFocus()
    QTest.keyClicks(ops.login.staff, "Budi")  # a combo box finds the name as it is typed
    assert ops.login.staff.currentData() == site.world.budi
    choose(window, "Operations", "Log in", qtbot)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ops.login.pin, timeout=WAIT_MS)
    QTest.keyClicks(ops.login.pin, PIN)
    press(console, Key.Key_Return)
    qtbot.waitUntil(lambda: ops.who.text().startswith("Budi Santoso"), timeout=WAIT_MS)
    assert "Choose a preset" not in window.presets.message.text()  # the Enter was the PIN field's

    # start the shift
    choose(window, "Operations", "Shift", qtbot)
    qtbot.waitUntil(lambda: ops.shift.start.isEnabled(), timeout=WAIT_MS)
    click(ops.shift.start)
    qtbot.waitUntil(lambda: ops.shift.shift is not None and ops.shift.shift.running, timeout=WAIT_MS)
    assert site.scalar("SELECT actual_start IS NOT NULL FROM shifts WHERE id = :id", id=site.shift)

    # select camera 2 and hold → to pan it
    window.activateWindow()
    window.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    press(console, Key.Key_2)
    second = console.config.cameras[1].id
    assert console.desk.selected == second
    start_pan = sims[1].state()["pan"]
    QTest.keyPress(window, Key.Key_Right)
    wait_until(lambda: sims[1].state()["moving"], what="camera 2 panning while → is held")
    qtbot.wait(400)
    QTest.keyRelease(window, Key.Key_Right)
    wait_until(lambda: not sims[1].state()["moving"], what="camera 2 stopped on release")
    assert sims[1].state()["pan"] > start_pan
    assert not sims[0].state()["moving"]  # only the selected camera moved

    # recall preset 1 by its hotkey
    press(console, Key.Key_1, Mod.ControlModifier)
    wait_until(
        lambda: sims[1].state()["last_preset"] == 1 and not sims[1].state()["moving"],
        what="camera 2 at preset 1",
    )
    stored = sims[1].state()["presets"][1]
    assert (sims[1].state()["pan"], sims[1].state()["tilt"]) == (stored["pan"], stored["tilt"])

    # Esc on an open menu closes it and stops nothing
    for bridge in console.desk.bridges.values():
        bridge.controller.drive(2, 0)  # every camera moving, as on air
    wait_until(lambda: all(sim.state()["moving"] for sim in sims), what="every camera moving")
    menu = open_menu(window, "Tools", qtbot)
    press(console, Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=WAIT_MS)
    qtbot.wait(400)
    assert all(sim.state()["moving"] for sim in sims)

    # the ALL STOP key stops every camera (the operator's next click brings the window back to the front)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)
    press(console, Key.Key_Pause)
    wait_until(lambda: not any(sim.state()["moving"] for sim in sims), what="every camera stopped by Pause")

    # rename preset 4 of camera 2 at four keys a second
    grid = window.presets
    show_dock(window, window.findChild(QDockWidget, "dock-presets"), qtbot)
    click_slot(grid, 4)
    click(grid.rename_button)
    qtbot.waitUntil(
        lambda: (
            QApplication.focusWidget() is not None
            and QApplication.focusWidget().parent() is grid.view.viewport()
        ),
        timeout=WAIT_MS,
    )
    QTest.keyClick(keyboard(console), Key.Key_A, Mod.ControlModifier)
    type_slowly(console, qtbot, "Meja Pimpinan")
    press(console, Key.Key_Return)
    qtbot.waitUntil(lambda: console.library.name(second, 4) == "Meja Pimpinan", timeout=WAIT_MS)

    # a quick log entry (Ctrl+L), confirmed and in the log
    window.activateWindow()
    press(console, Key.Key_L, Mod.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ops.quick_log.text, timeout=WAIT_MS)
    type_slowly(console, qtbot, "Mic podium diganti", per_second=20)
    press(console, Key.Key_Return)
    qtbot.waitUntil(lambda: "Mic podium diganti" in window.statusBar().currentMessage(), timeout=WAIT_MS)
    assert site.rows("SELECT author_id, shift_id, text FROM log_entries") == [
        (site.world.budi, site.shift, "Mic podium diganti")
    ]

    # the handover: Budi prepares and signs, Dwi — the planned incoming lead — accepts; the shift ends
    choose(window, "Operations", "Handover", qtbot)
    handover = ops.handover
    qtbot.waitUntil(lambda: status(handover) == "no handover", timeout=WAIT_MS)
    click(handover.prepare)
    qtbot.waitUntil(lambda: status(handover) == "draft", timeout=WAIT_MS)
    summary = handover.summary.toPlainText()
    assert "Log entries (1)" in summary
    assert "Events\n—" not in summary  # the running events are in it
    type_in(handover.sign.pin, PIN)
    click(handover.sign.button)
    qtbot.waitUntil(lambda: status(handover) == "signed", timeout=WAIT_MS)
    assert handover.accept.who.currentData() == site.world.dwi  # the planned lead is offered first
    type_in(handover.accept.pin, PIN)
    click(handover.accept.button)
    qtbot.waitUntil(lambda: status(handover) == "accepted", timeout=WAIT_MS)
    assert site.rows("SELECT incoming_lead_id, accepted_as_admin FROM handovers") in (
        [(site.world.dwi, 0)],
        [(site.world.dwi, False)],
    )
    assert site.scalar("SELECT actual_end IS NOT NULL FROM shifts WHERE id = :id", id=site.shift)
    settle(ops, qtbot)


def status(window) -> str:
    return window.loaded.report.header.status if window.loaded else ""
