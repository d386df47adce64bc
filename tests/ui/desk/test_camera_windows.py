"""Seeing a camera large (issue #10, point 5): a double-click on a tile enlarges it and Esc closes it
without stopping a camera; F11 (or the View menu) opens the multiview of every camera, on a second
screen when there is one; tally borders follow the model. The larger pictures come from each
camera's one preview worker."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QSize, Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.support.waiting import wait_until
from tests.ui.desk.desk_support import WAIT_MS, resize, settle
from ui.desk.camera_model import Tally
from ui.desk.camera_tile import TALLY_COLOURS

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[3]


def tile_centre(grid, camera_id: str) -> QPoint:
    return grid.tile_rects()[camera_id].center()


def double_click(widget, at: QPoint) -> None:
    """What a mouse sends for a double-click (QTest.mouseDClick alone sends only the last event)."""
    left = Qt.MouseButton.LeftButton
    QTest.mouseClick(widget, left, pos=at)
    QTest.mousePress(widget, left, pos=at)
    QTest.mouseDClick(widget, left, pos=at)
    QTest.mouseRelease(widget, left, pos=at)


def press(widget, key: Qt.Key) -> None:
    """A key as the keyboard sends it: to the widget with the focus in the active window."""
    target = QApplication.focusWidget() or widget
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))
    QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyRelease, key, Qt.KeyboardModifier.NoModifier))


def frame_width(console, camera_id: str) -> int:
    frame = console.previews.latest(camera_id)
    return 0 if frame is None else frame.width()


def preview_threads() -> int:
    return sum(
        1 for thread in threading.enumerate() if thread.name.startswith("preview-") and thread.is_alive()
    )


def test_a_double_click_enlarges_a_tile_and_esc_closes_it_without_stopping_a_camera(
    make_console, desk, qtbot
):
    console = make_console()
    window = console.window
    threads = preview_threads()
    double_click(window.bank.viewport(), tile_centre(window.bank, "cam2"))
    enlarged = window.enlarged
    assert enlarged is not None
    assert enlarged.isVisible()
    assert enlarged.camera_id == "cam2"
    assert console.desk.selected == "cam2"
    assert list(enlarged.grid.tile_rects()) == ["cam2"]
    picture = enlarged.grid.picture_size()
    assert picture.width() > window.bank.picture_size().width()
    qtbot.waitUntil(lambda: frame_width(console, "cam2") >= picture.width() - 1, timeout=WAIT_MS)
    # the other cameras stay small, and no second stream was opened
    qtbot.waitUntil(
        lambda: 0 < frame_width(console, "cam1") <= window.bank.picture_size().width(), timeout=WAIT_MS
    )
    assert preview_threads() == threads
    qtbot.waitActive(enlarged)
    for bridge in console.desk.bridges.values():
        bridge.controller.drive(4, 0)
    wait_until(lambda: all(sim.state()["moving"] for sim in desk.cameras), what="every camera moving")
    press(enlarged, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.enlarged is None, timeout=2000)
    assert all(sim.state()["moving"] for sim in desk.cameras)  # nothing stopped
    qtbot.waitUntil(
        lambda: frame_width(console, "cam2") <= window.bank.picture_size().width(), timeout=WAIT_MS
    )
    console.desk.all_stop()


def test_the_enlarged_view_plays_the_main_stream_and_the_tile_the_substream(make_console, qtbot, rtsp_camera):
    substream, main_stream = rtsp_camera.url("/sub"), rtsp_camera.url("/main")
    console = make_console(
        lambda camera: (
            replace(camera, preview=substream, preview_hd=main_stream) if camera.id == "cam2" else camera
        )
    )
    window, previews = console.window, console.previews
    qtbot.waitUntil(lambda: frame_width(console, "cam2") > 0, timeout=WAIT_MS)
    assert previews.streaming("cam2").describe() == substream
    double_click(window.bank.viewport(), tile_centre(window.bank, "cam2"))
    enlarged = window.enlarged
    qtbot.wait(300)
    assert (
        previews.streaming("cam2").describe() == substream
    )  # shown at no more than 640×360 (800×800 screen)
    enlarged.resize(1280, 780)
    qtbot.waitUntil(lambda: previews.streaming("cam2").describe() == main_stream, timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: frame_width(console, "cam2") >= enlarged.grid.picture_size().width() - 1, timeout=WAIT_MS
    )
    press(enlarged, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.enlarged is None, timeout=2000)
    assert previews.streaming("cam2").describe() == substream
    qtbot.waitUntil(
        lambda: frame_width(console, "cam2") <= window.bank.picture_size().width(), timeout=WAIT_MS
    )


def test_f11_opens_the_multiview_of_every_camera_and_f11_closes_it(make_console, qtbot):
    console = make_console()
    window = console.window
    resize(window, QSize(1100, 660), qtbot)  # the bank's tiles smaller than the multiview's
    small = window.bank.picture_size().width()
    window.activateWindow()
    press(window, Qt.Key.Key_F11)
    multiview = window.multiview
    assert multiview is not None
    assert multiview.isVisible()
    assert multiview.isMaximized()
    assert multiview.screen() == window.screen()  # one screen: over the console
    grid = multiview.grid
    assert set(grid.tile_rects()) == set(console.bridges)
    assert all(grid.viewport().rect().contains(rect) for rect in grid.tile_rects().values())
    settle(qtbot)

    def large() -> bool:
        wanted = grid.picture_size().width()
        return wanted > small and frame_width(console, "cam4") >= wanted - 1

    qtbot.waitUntil(large, timeout=WAIT_MS)
    press(multiview, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not multiview.isVisible(), timeout=2000)
    qtbot.waitUntil(lambda: frame_width(console, "cam4") <= small, timeout=WAIT_MS)  # small frames again
    menu = next(action for action in window.view_menu.actions() if action.text().startswith("Multiview"))
    assert "F11" in menu.text()
    menu.trigger()
    assert multiview.isVisible()
    qtbot.waitUntil(large, timeout=WAIT_MS)  # and large once more
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=tile_centre(grid, "cam3"))
    assert console.desk.selected == "cam3"  # a click there selects, as in the bank
    press(multiview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not multiview.isVisible(), timeout=2000)


def test_tally_borders_follow_the_model(make_console, qtbot):
    console = make_console()
    window = console.window
    window.toggle_multiview()
    grid = window.multiview.grid
    settle(qtbot)

    def border(camera_id: str) -> QColor:
        corner = grid.tile_rects()[camera_id].topLeft() + QPoint(2, 2)
        return grid.viewport().grab().toImage().pixelColor(corner)

    plain = border("cam1")
    console.cameras.set_tally("cam1", Tally.PROGRAM)
    console.cameras.set_tally("cam2", Tally.PREVIEW)
    settle(qtbot)
    assert border("cam1") == TALLY_COLOURS[Tally.PROGRAM]
    assert border("cam2") == TALLY_COLOURS[Tally.PREVIEW]
    assert border("cam3") == plain
    bank_corner = window.bank.tile_rects()["cam1"].topLeft() + QPoint(2, 2)
    assert window.bank.viewport().grab().toImage().pixelColor(bank_corner) == TALLY_COLOURS[Tally.PROGRAM]
    console.cameras.set_tally("cam1", Tally.NONE)
    settle(qtbot)
    assert border("cam1") == plain
    with pytest.raises(KeyError):
        console.cameras.set_tally("cam9", Tally.PROGRAM)


SECOND_SCREEN = textwrap.dedent("""
    import json
    from PySide6.QtCore import QItemSelectionModel, QObject, Signal
    from PySide6.QtWidgets import QApplication
    from devices.visca.state import CameraState
    from ui.desk.camera_model import CameraListModel
    from ui.desk.camera_windows import Multiview

    class Bridge(QObject):                  # a camera that never changes
        stateChanged = Signal(object)
        state = CameraState("Kamera Panggung", "visca+udp://192.0.2.1")

    class Previews:                         # notes what the multiview asks of the preview hub
        asked = []
        def camera_ids(self):
            return ["cam1"]
        def set_size(self, camera_id, size, view):
            self.asked.append([view, size.width()])
        def forget_view(self, view):
            self.asked.append(["forget", view])
        def set_view_shown(self, view, shown):
            pass

    app = QApplication([])
    cameras = CameraListModel()
    cameras.add_camera("cam1", "Kamera Panggung", "Ruang Rapat Utama", Bridge())
    previews = Previews()
    multiview = Multiview(cameras, previews, QItemSelectionModel(cameras))
    shown = []
    for _time in range(2):                  # opened, closed and opened again
        multiview.open_on(app.screens()[0], app.screens())
        app.processEvents()
        shown.append({"screen": multiview.screen().name(), "full_screen": multiview.isFullScreen(),
                      "geometry": multiview.geometry().getRect(), "asked": previews.asked[-1]})
        multiview.close()
        app.processEvents()
    print(json.dumps(shown))
""")


def test_the_multiview_opens_full_screen_on_a_second_screen(tmp_path):
    screens = {
        "screens": [
            {"name": "desk", "x": 0, "y": 0, "width": 1366, "height": 768},
            {"name": "wall", "x": 1366, "y": 0, "width": 1920, "height": 1080},
        ]
    }
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    environment = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    result = subprocess.run(
        [sys.executable, "-c", SECOND_SCREEN],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    first, again = json.loads(result.stdout.strip().splitlines()[-1])
    for shown in (first, again):
        assert {key: shown[key] for key in ("screen", "full_screen", "geometry")} == {
            "screen": "wall",
            "full_screen": True,
            "geometry": [1366, 0, 1920, 1080],
        }
        view, width = shown["asked"]  # frames as large as the tiles there, each time it is shown
        assert view == "multiview"
        assert width > 900
