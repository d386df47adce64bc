"""Issue #16 item 1 at the console: SDL's virtual gamepad drives the demo console's selected simulated
camera through the desk's rules — deflection and release, a button recalls a preset, the window losing
the focus stops, unplugged mid-move stops (and a new plug drives after rest), another running event's
camera is not driven; the mapping's file."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from devices.joystick.poller import JoystickPoller
from devices.joystick.virtual import VirtualStick
from tests.support.stick_console import console_with_stick, drives, log_lines, polled
from tests.support.waiting import wait_until

pytestmark = pytest.mark.gui
RIGHT, STOPPED = 0x02, b"\x03\x03"
STOP = b"\x81\x01\x06\x01\x01\x01\x03\x03\xff"
LEFT_X, BUTTON_A = 0, 0


def test_a_deflected_stick_pans_the_selected_camera_and_its_release_stops_it(console, stick, rig):
    first, second = rig[0][0], rig[0][1]
    console.desk.select("cam2")
    stick.set_axis(LEFT_X, 1.0).result(5)
    wait_until(lambda: any(d[6] == RIGHT and d[4] > 1 for d in drives(second)), what="cam2 pans right")
    stick.set_axis(LEFT_X, 0.0).result(5)
    wait_until(lambda: drives(second)[-1][6:8] == STOPPED, what="cam2 told to stop")
    wait_until(lambda: not second.state()["moving"], what="cam2 still")
    assert not any(d[6] == RIGHT for d in drives(first))  # only the selected camera


def test_a_button_recalls_a_preset_on_the_selected_camera(console, stick, rig, qtbot):
    console.desk.select("cam2")
    stick.set_button(BUTTON_A, True).result(5)  # preset.recall.1 in the default mapping
    qtbot.waitUntil(lambda: rig[0][1].state()["last_preset"] == 1, timeout=5000)  # through the GUI thread
    assert rig[0][0].state()["last_preset"] is None


def test_the_application_losing_the_focus_stops_the_stick_until_it_comes_back_to_rest(
    console, stick, rig, poller, qtbot
):
    camera = rig[0][0]
    stick.set_axis(LEFT_X, 1.0).result(5)
    wait_until(lambda: any(d[6] == RIGHT for d in drives(camera)), what="cam1 pans right")
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)  # type: ignore[union-attr]
    wait_until(lambda: drives(camera)[-1][6:8] == STOPPED, what="cam1 told to stop")
    sent = len(drives(camera))
    stick.set_axis(LEFT_X, 0.8).result(5)  # still held: no new move
    poller.call(lambda: None).result(5)
    qtbot.wait(200)
    assert len(drives(camera)) == sent


def test_a_camera_of_another_running_event_is_not_driven_and_the_desk_says_why(console, stick, rig, qtbot):
    board = console.board
    podcast = next(e for e in board.events.values() if "cam3" in e.cameras)
    rakor = next(e for e in board.events.values() if "cam1" in e.cameras)
    board.start(podcast.id)
    board.start(rakor.id)
    board.active = rakor.id
    console.desk.select("cam3")
    console.stick.recheck()  # the board was changed behind the desk's back (no ownershipChanged)
    stick.set_axis(LEFT_X, 1.0).result(5)
    qtbot.waitUntil(lambda: any("take it over first" in line for line in log_lines(console)), timeout=5000)
    stick.set_button(BUTTON_A, True).result(5)
    qtbot.wait(300)
    assert not any(d[6] == RIGHT for d in drives(rig[0][2]))
    assert rig[0][2].state()["last_preset"] is None


def test_the_mapping_file_is_written_with_the_defaults_and_a_broken_one_is_named(rig, qtbot, poller):
    folder = rig[2]
    console = console_with_stick(rig, qtbot, poller)
    saved = json.loads((folder / "joystick.json").read_text(encoding="utf-8"))
    assert saved["buttons"]["10"] == "camera.next"
    console.shutdown()
    for bridge in console.bridges.values():
        bridge.controller.close().result(5)
    (folder / "joystick.json").write_text('{"dead_zone": 2}', encoding="utf-8")
    with JoystickPoller() as again:
        console = console_with_stick(rig, qtbot, again)
        lines = log_lines(console)
        assert any("dead_zone" in line and "default mapping" in line for line in lines), lines
        assert console.stick.driver.mapping.dead_zone == 0.12
        console.shutdown()


def test_unplugged_mid_move_the_selected_camera_gets_its_stop_in_that_poll_and_a_new_plug_drives(
    console, stick, rig, poller
):
    camera, controller = rig[0][1], console.bridges["cam2"].controller
    console.desk.select("cam2")
    stick.set_axis(LEFT_X, 1.0).result(5)
    wait_until(lambda: camera.state()["moving"], what="cam2 pans")
    moves = len(drives(camera))
    stick.detach().result(5)
    polled(poller, 1)  # the poll that saw it go has handed the stop to the camera's session …
    controller.settled().result(5)  # … which the camera acknowledged
    assert drives(camera)[moves:] == [STOP]  # byte-exact: 8x 01 06 01 VV WW 03 03 FF
    wait_until(lambda: not camera.state()["moving"], what="cam2 still")

    again = VirtualStick(poller, gamepad=True)  # plugged in again, at rest: it drives
    polled(poller)
    assert console.stick.driver.stick == again.id
    assert drives(camera)[moves:] == [STOP]
    again.set_axis(LEFT_X, -1.0).result(5)
    polled(poller)
    controller.settled().result(5)
    assert drives(camera)[-1] == b"\x81\x01\x06\x01\x18\x01\x01\x03\xff"  # left at the top speed
    again.detach().result(5)
