"""Two desks on one operations log (issue #12 item 7): desk A takes a camera over, desk B hears of it, its
tile shows who has the camera, its moves are refused until it takes over itself; a desk that takes over
a camera it did not know was taken is told who has it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.support import oplog_console as support
from tests.support.operator_input import Key, Mod, press
from tests.support.oplog_console import WAIT_MS, log_in, ready, settle
from tests.ui.oplog import two_desk_site
from tests.ui.oplog.two_desk_site import PODCAST, RAKOR, told
from ui.desk.camera_model import Role

pytestmark = pytest.mark.gui
console_for, rig, site = support.console_for, support.rig, two_desk_site.site  # the fixtures
TAKEN = "Kamera Studio was just taken by Desk A for Rapat Koordinasi Bupati (Budi Santoso)"


def desk(site, console_for, qtbot, name: str, works_for: str, staff: int):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    qtbot.waitUntil(
        lambda: {event.title for event in console.board.running()} == {RAKOR, PODCAST}, timeout=WAIT_MS
    )
    ops.board.desk_name = name
    console.board.active = next(e.id for e in console.board.running() if e.title == works_for)
    log_in(ops, qtbot, staff)
    return console


def at(console, qtbot, key: Key, modifiers: Mod = Mod.NoModifier) -> None:
    """A key pressed at this desk (its window active, as under the operator's hands). Hotkeys (digits, arrows)
    reach the console built last, desk B; a window's own shortcuts (Ctrl+T) its own desk."""
    console.window.activateWindow()
    console.window.setFocus()  # the keys go to the desk, not to the PIN field
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console.window, timeout=WAIT_MS)
    press(console, key, modifiers)


def owner_on_tile(console, camera_id: str) -> str:
    model = console.window.cameras
    return model.index(model.row_of(camera_id), 0).data(Role.OWNER)


def test_a_take_over_at_one_desk_is_shown_and_enforced_at_the_other(site, console_for, qtbot):
    desk_a = desk(site, console_for, qtbot, "Desk A", RAKOR, site.world.budi)
    desk_b = desk(site, console_for, qtbot, "Desk B", PODCAST, site.world.dwi)
    assert owner_on_tile(desk_b, "cam3") == PODCAST

    desk_a.desk.select(
        "cam3"
    )  # each console's hotkeys watch the whole application: desk B's, built last, would take a 3
    at(desk_a, qtbot, Key.Key_T, Mod.ControlModifier)  # Tools → Take over selected camera
    qtbot.waitUntil(lambda: not desk_a.board.blocking("cam3"), timeout=WAIT_MS)
    assert site.rows("SELECT device, desk FROM takeovers WHERE released_at IS NULL") == [("cam3", "Desk A")]

    qtbot.waitUntil(
        lambda: owner_on_tile(desk_b, "cam3") == RAKOR, timeout=5000
    )  # news, not the minute refresh
    assert told(desk_b, TAKEN)
    assert not told(desk_a, TAKEN)
    at(desk_b, qtbot, Key.Key_3)
    at(desk_b, qtbot, Key.Key_Left)
    assert told(desk_b, "Kamera Studio belongs to Rapat Koordinasi Bupati — take it over first (Ctrl+T)")
    assert not desk_b.desk._held_moves

    at(desk_b, qtbot, Key.Key_T, Mod.ControlModifier)  # desk B knew: it may take it back
    qtbot.waitUntil(lambda: not desk_b.board.blocking("cam3"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: owner_on_tile(desk_a, "cam3") == PODCAST, timeout=5000)
    assert site.rows("SELECT device, desk FROM takeovers WHERE released_at IS NULL") == [("cam3", "Desk B")]


def test_a_desk_that_had_not_heard_of_a_take_over_is_told_who_has_the_camera(site, console_for, qtbot):
    desk_a = desk(site, console_for, qtbot, "Desk A", RAKOR, site.world.budi)
    desk_b = desk(site, console_for, qtbot, "Desk B", PODCAST, site.world.dwi)
    desk_b.oplog.news.stop()  # desk B hears nothing for a while
    desk_a.desk.select(
        "cam3"
    )  # each console's hotkeys watch the whole application: desk B's, built last, would take a 3
    at(desk_a, qtbot, Key.Key_T, Mod.ControlModifier)
    qtbot.waitUntil(lambda: not desk_a.board.blocking("cam3"), timeout=WAIT_MS)

    at(desk_b, qtbot, Key.Key_3)
    at(desk_b, qtbot, Key.Key_T, Mod.ControlModifier)
    qtbot.waitUntil(lambda: told(desk_b, TAKEN), timeout=WAIT_MS)
    settle(desk_b.oplog, qtbot)
    qtbot.waitUntil(
        lambda: owner_on_tile(desk_b, "cam3") == RAKOR, timeout=WAIT_MS
    )  # the refusal brought the news
    assert site.rows("SELECT device, desk FROM takeovers WHERE released_at IS NULL") == [("cam3", "Desk A")]


def test_an_event_ended_at_one_desk_ends_at_the_other_with_what_it_took(site, console_for, qtbot):
    desk_a = desk(site, console_for, qtbot, "Desk A", RAKOR, site.world.budi)
    desk_b = desk(site, console_for, qtbot, "Desk B", PODCAST, site.world.dwi)
    desk_a.desk.select("cam3")
    at(desk_a, qtbot, Key.Key_T, Mod.ControlModifier)
    qtbot.waitUntil(lambda: owner_on_tile(desk_b, "cam3") == RAKOR, timeout=5000)

    panel = desk_a.window.events
    rakor = next(e.id for e in desk_a.board.running() if e.title == RAKOR)
    panel.table.setCurrentIndex(
        panel.model.index([panel.model.event_at(r).id for r in range(panel.model.rowCount())].index(rakor), 0)
    )
    qtbot.mouseClick(
        next(b for b in panel.findChildren(QPushButton) if b.text() == "End event"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: not desk_b.board.is_running(rakor), timeout=5000)  # news, not the minute refresh
    assert owner_on_tile(desk_b, "cam3") == PODCAST
    assert site.rows("SELECT device FROM takeovers WHERE released_at IS NULL") == []


def test_a_take_over_while_the_log_does_not_answer_holds_on_this_desk(tmp_path, console_for, qtbot):
    site = support.make_site(tmp_path)
    console = console_for(site.url, busy_timeout_ms=200)
    ready(console.oplog, qtbot)
    qtbot.waitUntil(lambda: len(console.board.running()) == 2, timeout=WAIT_MS)
    console.board.active = next(e.id for e in console.board.running() if e.title == RAKOR)
    console.desk.select("cam3")
    with site.locked():
        at(console, qtbot, Key.Key_T, Mod.ControlModifier)
        qtbot.waitUntil(lambda: not console.board.blocking("cam3"), timeout=WAIT_MS)
    assert told(
        console,
        "Kamera Studio taken over on this desk only: the operations log did not answer, so other "
        "desks do not know.",
    )
    console.oplog.state.refresh()  # the log is back: this desk's take-over stays
    settle(console.oplog, qtbot)
    assert owner_on_tile(console, "cam3") == RAKOR
