"""Tools → Controllers… (issue #16 item 1): the demo console's virtual gamepad shown live — axes with
the dead zone, buttons lit while pressed — sampled only while the window is visible; the mapping edited
with the mouse and keyboard and saved to joystick.json, which the console's stick follows at once; a
button chosen by pressing it does nothing else."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from tests.support.operator_input import choose, click
from tests.support.stick_console import drives, plug_in, polled
from tests.support.waiting import wait_until
from ui.controllers.controllers_window import ControllersWindow
from ui.controllers.live_models import PRESSED_COLOUR, AxesModel, ButtonsModel

pytestmark = pytest.mark.gui
Role, Key = Qt.ItemDataRole, Qt.Key
LEFT_X, BUTTON_X, BUTTON_Y, BACK, LEFT_SHOULDER = 0, 2, 3, 4, 9
RIGHT = 0x02


@pytest.fixture
def window(console, stick, qtbot) -> ControllersWindow:
    choose(console.window, "Tools", "Controllers", qtbot)
    shown = console.controllers.window
    qtbot.waitExposed(shown)
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow, timeout=5000)
    return shown


def click_row(table, row: int) -> None:
    at = table.visualRect(table.model().index(row, 0)).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=at)


def button(window: ControllersWindow, text: str) -> QPushButton:
    return next(b for b in window.findChildren(QPushButton) if b.text() == text)


def pick(window: ControllersWindow, label: str, qtbot) -> None:
    """Open the picker's list and click ``label`` in it."""
    click(window.picker)
    view = window.picker.view()
    qtbot.waitUntil(view.isVisible, timeout=3000)
    index = window.picker.model().index(window.picker.findText(label), 0)
    view.scrollTo(index)
    qtbot.wait(
        QApplication.doubleClickInterval()
    )  # a release that soon after opening is taken for the opening click
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=3000)


def test_the_window_shows_the_stick_live_and_samples_only_while_visible(window, stick, poller, qtbot):
    assert "drives the selected camera" in window.sticks.index(0).data()
    stick.set_axis(LEFT_X, 0.6).result(5)
    stick.set_button(BUTTON_X, True).result(5)
    axis = window.axes.index(LEFT_X, AxesModel.POSITION)
    qtbot.waitUntil(lambda: abs(axis.data(AxesModel.ValueRole) - 0.6) < 0.01, timeout=3000)
    assert axis.data(AxesModel.DeadZoneRole) == 0.12  # the bar draws it
    assert window.axes.index(LEFT_X, AxesModel.USE).data() == "Pan"
    lit = window.buttons.index(BUTTON_X, ButtonsModel.BUTTON)
    qtbot.waitUntil(lambda: lit.data(Role.BackgroundRole) is not None, timeout=3000)
    assert lit.data(Role.BackgroundRole).color() == PRESSED_COLOUR
    assert lit.data() == "X (button 2)"
    assert window.buttons.index(BUTTON_X, ButtonsModel.ACTION).data() == "Recall preset 3"
    stick.set_button(BUTTON_X, False).result(5)
    qtbot.waitUntil(lambda: lit.data(Role.BackgroundRole) is None, timeout=3000)

    click(button(window, "Close"))
    assert not window.isVisible()
    assert not window.timer.isActive()
    stick.set_axis(LEFT_X, -0.4).result(5)
    polled(poller)
    qtbot.wait(100)
    assert abs(axis.data(AxesModel.ValueRole) - 0.6) < 0.01  # hidden: not read
    window.show()
    qtbot.waitUntil(lambda: abs(axis.data(AxesModel.ValueRole) + 0.4) < 0.01, timeout=3000)


def test_a_button_given_an_action_and_saved_does_it_at_once(window, console, stick, rig, qtbot):
    folder, camera = rig[2], rig[0][0]
    click_row(window.buttons_table, BACK)
    assert window.picker.action() is None  # Back does nothing by default
    pick(window, "Recall preset 7", qtbot)
    assert window.buttons.index(BACK, ButtonsModel.ACTION).data() == "Recall preset 7"
    assert json.loads((folder / "joystick.json").read_text(encoding="utf-8"))["buttons"].get("4") is None
    click(button(window, "Save"))
    saved = json.loads((folder / "joystick.json").read_text(encoding="utf-8"))
    assert saved["buttons"]["4"] == "preset.recall.7"
    assert console.stick.driver.mapping.buttons[BACK] == "preset.recall.7"
    console.bridges["cam1"].controller.save_preset(7).result(5)
    stick.set_button(BACK, True).result(5)
    qtbot.waitUntil(lambda: camera.state()["last_preset"] == 7, timeout=5000)


def test_axes_are_remapped_with_the_keyboard_and_the_stick_follows_after_save(
    window, console, stick, rig, qtbot
):
    camera = rig[0][0]
    click(window.form.invert_pan)
    assert window.axes.index(LEFT_X, AxesModel.USE).data() == "Pan, inverted"
    window.form.dead_zone.setFocus()
    QTest.keyClick(window.form.dead_zone, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(window.form.dead_zone, "30")
    assert window.axes.index(LEFT_X, AxesModel.POSITION).data(AxesModel.DeadZoneRole) == 0.3
    assert console.stick.driver.mapping.dead_zone == 0.12  # a draft until saved
    assert window.save()
    assert console.stick.driver.mapping.dead_zone == 0.3
    assert console.stick.driver.mapping.invert_pan
    stick.set_axis(LEFT_X, 0.25).result(5)  # inside the new dead zone
    stick.set_axis(LEFT_X, 1.0).result(5)  # pushed right, inverted: pans left
    wait_until(lambda: any(d[6] == 0x01 for d in drives(camera)), what="cam1 pans left")
    assert not any(d[6] == RIGHT for d in drives(camera))


def test_a_button_chosen_by_pressing_it_does_nothing_else(window, console, stick, poller, rig, qtbot):
    camera = rig[0][0]
    click(window.capture)
    assert console.stick.capturing
    stick.set_button(BUTTON_Y, True).result(5)  # preset.recall.4 in the default mapping
    qtbot.waitUntil(lambda: not window.capture.isChecked(), timeout=3000)
    assert window.buttons_table.currentIndex().row() == BUTTON_Y
    assert window.picker.action() == "preset.recall.4"
    assert not console.stick.capturing
    polled(poller)
    qtbot.wait(300)
    assert camera.state()["last_preset"] is None
    stick.set_button(BUTTON_Y, False).result(5)
    stick.set_button(LEFT_SHOULDER, True).result(5)  # camera.previous: the stick acts again
    qtbot.waitUntil(lambda: console.desk.selected == "cam4", timeout=3000)


def test_reset_to_defaults_is_a_draft_and_nothing_changes_on_close(window, console, rig, qtbot):
    click_row(window.buttons_table, BUTTON_X)
    pick(window, "Nothing", qtbot)
    assert window.buttons.index(BUTTON_X, ButtonsModel.ACTION).data() == "Nothing"
    click(button(window, "Reset to defaults"))
    assert window.buttons.index(BUTTON_X, ButtonsModel.ACTION).data() == "Recall preset 3"
    assert "Save to keep it" in window.message.text()


def test_with_no_stick_the_window_says_so_and_the_list_comes_back_when_one_is_plugged_in(
    window, stick, poller, qtbot
):
    assert window.stick_list.isVisible()
    assert not window.none_connected.isVisible()
    stick.detach().result(5)
    qtbot.waitUntil(window.none_connected.isVisible, timeout=3000)
    assert not window.stick_list.isVisible()
    assert window.none_connected.text().startswith("No joystick or gamepad connected")
    again = plug_in(poller)
    try:
        qtbot.waitUntil(window.stick_list.isVisible, timeout=3000)
        assert not window.none_connected.isVisible()
    finally:
        again.detach().result(5)
