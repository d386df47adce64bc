"""Issue #10, through a real shift: keys and mouse through the assembled console against the demo
cameras — Esc closes what is open and stops nothing, the ALL STOP keys, "moving" after a stop,
renaming at typing speed, choosing preset slots, the cheat sheet and the health view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit

from tests.support import demo_console, oplog_console
from tests.support.operator_input import click, click_slot, keyboard, press, type_slowly
from tests.support.oplog_console import log_in, ready
from tests.support.waiting import wait_until
from ui.desk.preset_model import Role

pytestmark = pytest.mark.gui
Key, Mod = Qt.Key, Qt.KeyboardModifier
WAIT_MS = 5000


rig = demo_console.rig  # the fixtures
site, console_for = oplog_console.site, oplog_console.console_for


@pytest.fixture
def console(rig, qtbot):
    """The demo console, its window active (the keyboard's keys go to it)."""
    built = demo_console.make_console(rig, qtbot)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is built.window, timeout=WAIT_MS)
    yield built
    built.shutdown()


def log_lines(console) -> list[str]:
    return [console.log.index(row).data() for row in range(console.log.rowCount())]


def start_moving(console, sims) -> None:
    for bridge in console.desk.bridges.values():
        bridge.controller.drive(2, 0)
    wait_until(lambda: all(sim.state()["moving"] for sim in sims), what="every camera moving")


def still_moving_after_a_while(sims, qtbot) -> bool:
    qtbot.wait(400)
    return all(sim.state()["moving"] for sim in sims)


# ---- point 1: Esc closes what is open; ALL STOP on its own keys and on Esc on the bare window --------------
def test_esc_on_an_open_menu_combo_box_or_dialog_closes_it_and_stops_no_camera(console, rig, qtbot):
    sims = rig[0]
    window = console.window
    start_moving(console, sims)

    bar = window.menuBar()
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(window.tools_menu.menuAction()).center()
    )
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.tools_menu, timeout=WAIT_MS)
    press(console, Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.tools_menu.isVisible(), timeout=WAIT_MS)

    combo = window.events.active
    QTest.mouseClick(combo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None, timeout=WAIT_MS)
    press(console, Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=WAIT_MS)

    console.edit_hotkeys()
    editor = console._editors["hotkeys"]
    qtbot.waitExposed(editor)
    export = next(b for b in editor.findChildren(type(window.all_stop)) if b.text() == "Export…")
    click(export)
    dialog = editor.findChild(QFileDialog)
    qtbot.waitExposed(dialog)
    QTest.keyClick(dialog.focusWidget() or dialog, Key.Key_Escape)  # the dialog is the active window
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    editor.close()

    assert still_moving_after_a_while(sims, qtbot)
    assert not any("ALL STOP" in line for line in log_lines(console))


@pytest.mark.parametrize(
    ("key", "modifiers"),
    [(Key.Key_Pause, Mod.NoModifier), (Key.Key_Space, Mod.ControlModifier)],
    ids=["Pause", "Ctrl+Space"],
)
def test_the_all_stop_key_stops_every_camera_even_while_typing(console, rig, qtbot, key, modifiers):
    sims = rig[0]
    grid = console.window.presets
    assert console.window.all_stop.text() == "ALL STOP (Pause / Ctrl+Space / Esc)"
    start_moving(console, sims)
    grid.number.setFocus()  # the operator is typing a preset number
    press(console, key, modifiers)
    wait_until(lambda: not any(sim.state()["moving"] for sim in sims), what="every camera stopped")
    assert grid.number.text() == ""
    assert any("ALL STOP" in line for line in log_lines(console))


def test_esc_on_the_bare_window_is_all_stop(console, rig, qtbot):
    sims = rig[0]
    start_moving(console, sims)
    console.window.setFocus()
    press(console, Key.Key_Escape)
    wait_until(lambda: not any(sim.state()["moving"] for sim in sims), what="every camera stopped")


# ---- point 2: "moving" clears after ALL STOP interrupts a recall -------------------------------------------
def test_all_stop_right_after_a_recall_clears_moving_on_the_tile_the_slot_and_the_health_view(
    console, rig, qtbot
):
    sims = rig[0]
    camera = console.desk.bridges["cam1"].controller
    camera.goto(-0x2000, 0).result(5)
    camera.save_preset(4).result(5)
    camera.goto(0x2000, 0).result(5)  # a long way from preset 4
    window = console.window
    QTest.keyPress(window, Key.Key_Left)  # hold ←
    wait_until(lambda: sims[0].state()["moving"], what="the held pan")
    qtbot.wait(500)
    QTest.keyClick(window, Key.Key_4, Mod.KeypadModifier)  # Numpad 4
    qtbot.wait(150)
    QTest.keyClick(window, Key.Key_Escape)  # ALL STOP within 0.3 s
    QTest.keyRelease(window, Key.Key_Left)
    wait_until(lambda: not sims[0].state()["moving"], what="the camera to stop short")
    assert sims[0].state()["pan"] > -0x2000
    cameras, row = console.cameras, console.cameras.row_of("cam1")
    column = cameras.COLUMNS.index

    def says_moving() -> bool:
        state = console.desk.bridges["cam1"].state
        slot = window.presets.model.index(window.presets.model.row(4))
        return (
            cameras.state_text(state) == "moving"
            or slot.data(Role.MOTION) is not None
            or cameras.index(row, column("motion")).data() == "moving"
        )

    qtbot.waitUntil(lambda: not says_moving(), timeout=1500)  # two polls (0.5 s) and a little
    qtbot.wait(1000)
    assert not says_moving()
    assert cameras.index(row, column("link")).data() == "online"


# ---- point 3: renaming at typing speed ---------------------------------------------------------------------
def test_renaming_a_preset_at_four_keys_a_second_keeps_every_key(console, rig, qtbot):
    grid = console.window.presets
    recalled = rig[0][0].state()["last_preset"]
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
    type_slowly(console, qtbot, "Podium Utama")  # three seconds: several status polls meanwhile
    press(console, Key.Key_Return)
    qtbot.waitUntil(
        lambda: grid.view.indexWidget(grid.model.index(grid.model.row(4))) is None, timeout=WAIT_MS
    )
    assert console.library.name("cam1", 4) == "Podium Utama"
    assert rig[0][0].state()["last_preset"] == recalled  # neither the click nor Enter recalled


def preset_3_away_from_home(console):
    """Camera 1's preset 3 stored a little left of home, the head back at home; its controller."""
    camera = console.desk.bridges["cam1"].controller
    camera.goto(-0x1000, 0).result(5)
    camera.save_preset(3).result(5)
    camera.home().result(5)
    return camera


# ---- point 4: choosing a slot, saving, undo ----------------------------------------------------------------
def test_a_click_chooses_a_slot_and_moves_nothing_double_click_and_enter_recall(console, rig, qtbot):
    sim = rig[0][0]
    grid = console.window.presets
    camera = preset_3_away_from_home(console)
    recalled = sim.state()["last_preset"]
    click_slot(grid, 3)
    assert grid.chosen() == 3
    qtbot.wait(500)
    assert sim.state()["last_preset"] == recalled
    assert not sim.state()["moving"]
    console.window.setFocus()
    press(console, Key.Key_Return)  # Enter recalls the chosen slot
    wait_until(lambda: sim.state()["last_preset"] == 3, what="recall by Enter")
    camera.home().result(5)
    sims_last = sim.state()["last_preset"]
    click_slot(grid, 2)
    click_slot(grid, 3, double=True)
    wait_until(
        lambda: sim.state()["pan"] == -0x1000 and not sim.state()["moving"], what="recall by double-click"
    )
    assert sims_last == 3
    assert grid.chosen() == 3


def test_save_says_why_without_a_slot_asks_once_on_a_used_one_and_saves_to_the_next_free(console, rig, qtbot):
    sim = rig[0][0]
    grid = console.window.presets
    stored = sim.state()["presets"]  # the demo's presets 1-3
    click(grid.save_button)
    assert "Choose a slot" in grid.message.text()
    assert sim.state()["presets"] == stored
    click_slot(grid, 1)  # "Podium", stored by the demo where the console knows
    click(grid.save_button)
    assert "in use" in grid.message.text()
    assert "Undo: 10 s" in grid.message.text()
    click_slot(grid, 8)  # a name only: where it pointed is not known
    click(grid.rename_button)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=WAIT_MS)
    QTest.keyClicks(QApplication.focusWidget(), "Tamu")
    press(console, Key.Key_Return)
    qtbot.waitUntil(lambda: console.library.name("cam1", 8) == "Tamu", timeout=WAIT_MS)
    click(grid.save_button)
    assert "in use" in grid.message.text()
    assert "No undo" in grid.message.text()
    qtbot.wait(300)
    assert sim.state()["presets"] == stored  # asked, nothing stored yet
    click(grid.save_button)
    wait_until(lambda: 8 in sim.state()["presets"], what="the overwrite")
    click(grid.save_free_button)
    wait_until(lambda: 0 in sim.state()["presets"], what="saved to the first free slot, 0")
    assert grid.chosen() == 0
    assert "next free" in grid.message.text()


def test_empty_slots_look_empty(console, rig, qtbot):
    grid = console.window.presets
    qtbot.waitUntil(lambda: console.previews.latest("cam1") is not None, timeout=WAIT_MS)
    console.desk.save_preset(6)
    qtbot.waitUntil(
        lambda: grid.model.index(grid.model.row(6)).data(Role.THUMBNAIL) is not None, timeout=WAIT_MS
    )
    empty, named, saved = (grid.model.index(grid.model.row(n)) for n in (7, 1, 6))
    assert empty.data(Role.EMPTY)
    assert empty.data(Role.THUMBNAIL) is None
    assert empty.data(Qt.ItemDataRole.DecorationRole) is None  # no blank picture pretending
    assert not named.data(Role.EMPTY)
    assert not saved.data(Role.EMPTY)


@pytest.mark.parametrize("action", ["overwrite", "clear"])
def test_the_last_overwrite_or_clear_is_undone_within_ten_seconds(console, rig, qtbot, action):
    sim = rig[0][0]
    grid = console.window.presets
    camera = console.desk.bridges["cam1"].controller
    camera.goto(-0x1200, 0x100).result(5)
    click_slot(grid, 5)
    click(grid.save_button)
    qtbot.waitUntil(lambda: console.library.position("cam1", 5) is not None, timeout=WAIT_MS)
    old = place(sim.state()["presets"][5])
    camera.goto(0x1500, 0).result(5)
    button = grid.save_button if action == "overwrite" else grid.clear_button
    click(button)
    assert "Undo: 10 s" in grid.message.text()
    click(button)
    wait_until(lambda: place(sim.state()["presets"].get(5)) != old, what=f"the {action}")
    assert grid.undo_button.isVisible()
    click(grid.undo_button)
    qtbot.waitUntil(
        lambda: place(sim.state()["presets"].get(5)) == old, timeout=10_000
    )  # the GUI chains the steps
    assert (sim.state()["pan"], sim.state()["tilt"]) == old[:2]
    assert grid.undo_button.isHidden()


def place(preset: dict | None) -> tuple | None:
    return None if preset is None else (preset["pan"], preset["tilt"], preset["zoom"])


def test_a_preset_beyond_nine_is_recalled_by_typing_its_number(console, rig, qtbot):
    sim = rig[0][0]
    camera = console.desk.bridges["cam1"].controller
    camera.goto(0x800, 0).result(5)
    camera.save_preset(12).result(5)
    camera.home().result(5)
    console.window.setFocus()
    press(console, Key.Key_G, Mod.ControlModifier)
    type_slowly(console, qtbot, "12", per_second=10)
    assert console.window.presets.chosen() == 12
    press(console, Key.Key_Return)
    wait_until(lambda: sim.state()["last_preset"] == 12, what="recall of preset 12")
    assert QApplication.focusWidget() is not console.window.presets.number  # the keys are the hotkeys' again


# ---- point 5: the health view, the cheat sheet -------------------------------------------------------------
def test_the_health_view_link_column_shows_the_link_and_motion_has_its_own(console, rig, qtbot):
    camera = console.desk.bridges["cam1"].controller
    camera.goto(-0x2000, 0, speed=1)
    cameras, row = console.cameras, console.cameras.row_of("cam1")
    qtbot.waitUntil(
        lambda: cameras.index(row, cameras.COLUMNS.index("motion")).data() == "moving", timeout=WAIT_MS
    )
    assert cameras.index(row, cameras.COLUMNS.index("link")).data() == "online"
    assert cameras.headerData(cameras.COLUMNS.index("motion"), Qt.Orientation.Horizontal) == "Motion"
    console.desk.all_stop()


def cheat_sheet_texts(console, qtbot) -> list[str]:
    press(console, Key.Key_Question, Mod.ShiftModifier)
    qtbot.waitUntil(console.cheat_sheet.isVisible, timeout=WAIT_MS)
    qtbot.wait(1)
    return [label.text() for label in console.cheat_sheet.findChildren(QLabel)]


def test_the_cheat_sheet_names_the_running_shots_and_the_selected_cameras_presets(console, rig, qtbot):
    rakor = next(e for e in console.board.events.values() if "cam1" in e.cameras)
    console.board.start(rakor.id)
    console.board.active = rakor.id
    console.window.setFocus()
    texts = cheat_sheet_texts(console, qtbot)
    assert "Kamera Panggung: Podium" in texts
    assert not any(text.startswith("Shot ") for text in texts)
    assert "Recall preset 1: Podium" in texts
    assert "Kamera Mobil Liputan" in texts
    assert "Select camera 5" not in texts  # four cameras, named
    assert "Pause / Ctrl+Space stops all cameras" in console.cheat_sheet._typing_note.text()


def test_esc_first_closes_the_cheat_sheet_then_stops(console, rig, qtbot):
    sims = rig[0]
    console.window.setFocus()
    cheat_sheet_texts(console, qtbot)
    start_moving(console, sims)
    press(console, Key.Key_Escape)
    assert not console.cheat_sheet.isVisible()
    assert still_moving_after_a_while(sims, qtbot)
    press(console, Key.Key_Escape)
    wait_until(lambda: not any(sim.state()["moving"] for sim in sims), what="every camera stopped")


def test_the_cheat_sheet_in_indonesian_has_no_english_key_words(indonesian, console, rig, qtbot):
    texts = cheat_sheet_texts(console, qtbot)
    assert "Atas" in texts
    assert "Kiri" in texts
    assert not {"Up", "Down", "Left", "Right"} & set(texts)
    assert not any("Shot" in text for text in texts)


def test_a_quick_log_entry_is_confirmed_where_the_operator_looks_and_esc_closes_the_box(
    rig, site, console_for, qtbot
):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.budi)
    console.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console.window, timeout=WAIT_MS)
    for bridge in console.desk.bridges.values():
        bridge.controller.drive(2, 0)
    press(console, Key.Key_L, Mod.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ops.quick_log.text, timeout=WAIT_MS)
    press(console, Key.Key_Escape)  # closes the box, stops nothing
    assert not ops.quick_log.isVisible()
    console.window.activateWindow()
    press(console, Key.Key_L, Mod.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ops.quick_log.text, timeout=WAIT_MS)
    QTest.keyClicks(ops.quick_log.text, "Mikrofon podium mati")
    press(console, Key.Key_Return)
    qtbot.waitUntil(
        lambda: "Log entry saved: Mikrofon podium mati" in console.window.statusBar().currentMessage(),
        timeout=WAIT_MS,
    )
    assert all(sim.state()["moving"] for sim in rig[0])
    assert not any("ALL STOP" in line for line in log_lines(console))
    console.desk.all_stop()


def test_enter_in_a_field_that_closes_on_enter_recalls_no_preset(rig, site, console_for, qtbot):
    """The PIN field and the quick log box give up the focus on Enter; the key still belonged to them."""
    console = console_for(site.url)
    ops, grid, sim = console.oplog, console.window.presets, rig[0][0]
    ready(ops, qtbot)
    console.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console.window, timeout=WAIT_MS)
    preset_3_away_from_home(console)
    recalled = sim.state()["last_preset"]
    click_slot(grid, 3)
    ops.login.staff.setCurrentIndex(ops.login.staff.findData(site.world.budi))
    ops.login.focus_pin()
    QTest.keyClicks(ops.login.pin, "2468")
    press(console, Key.Key_Return)
    qtbot.waitUntil(lambda: ops.who.text().startswith("Budi Santoso"), timeout=WAIT_MS)
    press(console, Key.Key_L, Mod.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is ops.quick_log.text, timeout=WAIT_MS)
    QTest.keyClicks(ops.quick_log.text, "Lampu panggung redup")
    press(console, Key.Key_Return)
    qtbot.waitUntil(
        lambda: "Lampu panggung redup" in console.window.statusBar().currentMessage(), timeout=WAIT_MS
    )
    qtbot.wait(500)
    assert sim.state()["last_preset"] == recalled
    assert grid.chosen() == 3
