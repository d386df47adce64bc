"""The assembled console against simulated cameras: keys, buttons and what reaches the cameras."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from devices.visca.url_check import check_camera
from models.config.store import ConfigStore, demo_config_text
from tests.support import demo_console
from tests.support.demo_console import make_console
from tests.support.waiting import wait_until

pytestmark = pytest.mark.gui
rig = demo_console.rig  # the fixture


def key(window, kind, code, modifiers=Qt.KeyboardModifier.NoModifier, text="", repeat=False):
    QApplication.sendEvent(window, QKeyEvent(kind, code, modifiers, text, repeat))


def test_arrow_hold_drives_and_release_stops_without_flooding(rig, qtbot):
    console = make_console(rig, qtbot)
    sim = rig[0][0]
    camera = console.desk.bridges["cam1"].controller
    sent_before = camera.snapshot().health.sent
    key(console.window, QEvent.Type.KeyPress, Qt.Key.Key_Left)
    for _ in range(50):  # the keyboard's auto-repeat while the key is held
        key(console.window, QEvent.Type.KeyRelease, Qt.Key.Key_Left, repeat=True)
        key(console.window, QEvent.Type.KeyPress, Qt.Key.Key_Left, repeat=True)
    wait_until(lambda: sim.state()["moving"] and sim.state()["pan"] < 0, what="pan left")
    key(console.window, QEvent.Type.KeyRelease, Qt.Key.Key_Left)
    wait_until(lambda: not sim.state()["moving"], what="stop on release")
    drives = camera.snapshot().health.sent - sent_before
    assert drives < 15, f"{drives} packets for one held key"
    console.shutdown()


def test_preset_hotkey_recalls_on_the_selected_camera(rig, qtbot):
    console = make_console(rig, qtbot)
    key(console.window, QEvent.Type.KeyPress, Qt.Key.Key_2, text="2")
    assert console.desk.selected == "cam2"
    key(console.window, QEvent.Type.KeyPress, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    wait_until(lambda: rig[0][1].state()["last_preset"] == 3, what="recall on cam2")
    assert rig[0][0].state()["last_preset"] is None
    console.shutdown()


def test_all_stop_reaches_every_camera(rig, qtbot):
    console = make_console(rig, qtbot)
    for bridge in console.desk.bridges.values():
        bridge.controller.drive(5, 0)
    wait_until(lambda: all(d.state()["moving"] for d in rig[0]), what="every camera moving")
    qtbot.mouseClick(console.window.all_stop, Qt.MouseButton.LeftButton)
    wait_until(lambda: not any(d.state()["moving"] for d in rig[0]), what="every camera stopped")
    console.shutdown()


def test_focus_loss_stops_a_held_move(rig, qtbot):
    console = make_console(rig, qtbot)
    sim = rig[0][0]
    key(console.window, QEvent.Type.KeyPress, Qt.Key.Key_Up)
    wait_until(lambda: sim.state()["moving"], what="tilt up")
    QApplication.sendEvent(console.window, QEvent(QEvent.Type.WindowDeactivate))
    wait_until(lambda: not sim.state()["moving"], what="stop on focus loss")
    console.shutdown()


def test_broken_configuration_is_shown_and_the_last_good_one_is_used(rig, qtbot):
    demo, _devices, folder = rig
    store = ConfigStore(folder / "config.yaml", camera_check=check_camera)
    assert store.save(demo_config_text([d.url for d in demo])) == []
    store.load()  # remembered as the last good copy
    (folder / "config.yaml").write_text(
        "cameras:\n  - id: cam1\n    url: visca+nonsense://x\n", encoding="utf-8"
    )
    config, errors = store.load()
    assert any("line 3" in e and "visca+nonsense" in e for e in errors)
    console = make_console(rig, qtbot, config=config, errors=errors)
    assert len(console.desk.bridges) == 4  # the last good configuration
    assert console.window.banner.isVisible()
    assert "config" in console.window.banner.text()
    assert any("line 3" in console.log.index(r).data() for r in range(console.log.rowCount()))
    console.shutdown()


def test_saving_a_preset_stores_a_thumbnail_from_the_preview(rig, qtbot):
    console = make_console(rig, qtbot)
    qtbot.waitUntil(lambda: console.previews.latest("cam1") is not None, timeout=5000)
    console.desk.save_preset(5)
    path = console.library.thumbnail_path("cam1", 5)
    qtbot.waitUntil(path.exists, timeout=3000)
    assert path.stat().st_size > 500
    wait_until(lambda: 5 in rig[0][0].state()["presets"], what="the camera stored preset 5")
    console.shutdown()


def test_a_camera_of_another_running_event_needs_a_take_over(rig, qtbot):
    console = make_console(rig, qtbot)
    board = console.board
    podcast = next(e for e in board.events.values() if "cam3" in e.cameras)
    rakor = next(e for e in board.events.values() if "cam1" in e.cameras)
    board.start(podcast.id)
    board.start(rakor.id)
    board.active = rakor.id
    console.desk.select("cam3")
    console.desk.recall_preset(2)
    assert rig[0][2].state()["last_preset"] is None  # refused: it belongs to the podcast
    console.desk.take_over("cam3")
    console.desk.recall_preset(2)
    wait_until(lambda: rig[0][2].state()["last_preset"] == 2, what="recall after take-over")
    log = [console.log.index(r).data() for r in range(console.log.rowCount())]
    assert any("taken over" in line for line in log)
    console.shutdown()


def test_window_layout_is_remembered(rig, qtbot):
    console = make_console(rig, qtbot)
    console.window.docks["health"].hide()
    console.window.docks["controls"].setFloating(True)
    console.window.close()
    console.shutdown()
    for bridge in console.bridges.values():
        bridge.controller.close().result(5)
    again = make_console(rig, qtbot)
    assert again.window.docks["health"].isHidden()
    assert again.window.docks["controls"].isFloating()
    again.shutdown()
