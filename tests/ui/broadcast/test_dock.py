"""The Broadcast dock against the simulated OBS Studios of demo mode, driven by mouse clicks and keys:
outputs and their scenes shown, a stream started (LIVE, uptime, kbps), a scene clicked cuts, a live
stream stops only on a second press within 3 s, another event's output asks for a take-over."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from devices.obs.state import OnAir
from tests.support.layout_requests import LayoutRequests, settle

WAIT_MS = 10_000
LEFT = Qt.MouseButton.LeftButton


def click(button) -> None:
    QTest.mouseClick(button, LEFT)


def click_scene(panel, scene: str) -> None:
    view, model = panel.scene_view, panel.scenes
    row = model.scenes.index(scene)
    QTest.mouseClick(view.viewport(), LEFT, pos=view.visualRect(model.index(row)).center())


def start_stream(studio, qtbot, output: str = "obs-rapat") -> None:
    panel = studio.panel(output)
    qtbot.waitUntil(lambda: panel.buttons["start_stream"].isEnabled(), timeout=WAIT_MS)
    click(panel.buttons["start_stream"])
    qtbot.waitUntil(lambda: studio.console.broadcast.desk.state(output).on_air is OnAir.LIVE, timeout=WAIT_MS)


def test_demo_mode_shows_the_dock_with_its_outputs(studio, qtbot):
    dock = studio.console.broadcast.dock
    assert studio.console.window.docks["broadcast"].isVisible()
    assert [dock.tabs.tabText(i) for i in range(dock.tabs.count())] == ["OBS Ruang Rapat", "OBS Podcast"]
    panel = studio.panel("obs-rapat")
    qtbot.waitUntil(lambda: panel.scenes.rowCount() == 4, timeout=WAIT_MS)
    assert panel.scenes.scenes == ("Podium", "Pendopo", "Presentasi", "Gabungan")
    assert panel.scenes.index(0).data() == "Podium — PROGRAM"
    assert panel.on_air.text() == "ready"
    assert panel.recording.text() == "not recording"


def test_a_started_stream_shows_live_with_uptime_and_bitrate(studio, qtbot):
    start_stream(studio, qtbot)
    panel = studio.panel("obs-rapat")
    assert studio.streaming("obs-rapat")
    qtbot.waitUntil(lambda: re.fullmatch(r"LIVE 0:0[1-9]", panel.on_air.text()) is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: re.search(r"\b\d{3,5} kbps", panel.figures.text()) is not None, timeout=WAIT_MS)
    assert "dropped 0.0 %" in panel.figures.text()
    assert "OBS CPU" in panel.figures.text()
    assert studio.console.broadcast.dock.tabs.tabText(0) == "● OBS Ruang Rapat"
    click(panel.buttons["start_record"])
    qtbot.waitUntil(lambda: panel.recording.text().startswith("REC 0:0"), timeout=WAIT_MS)
    assert studio.console.broadcast.dock.tabs.tabText(0) == "● OBS Ruang Rapat · REC"


def test_a_scene_clicked_or_entered_cuts(studio, qtbot):
    panel = studio.panel("obs-rapat")
    qtbot.waitUntil(lambda: panel.scenes.rowCount() == 4, timeout=WAIT_MS)
    click_scene(panel, "Presentasi")
    qtbot.waitUntil(lambda: studio.program("obs-rapat") == "Presentasi", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.scenes.index(2).data() == "Presentasi — PROGRAM", timeout=WAIT_MS)
    assert panel.scenes.index(2).data(Qt.ItemDataRole.BackgroundRole).name() == "#c62828"
    view = panel.scene_view
    view.setCurrentIndex(panel.scenes.index(3))
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: studio.program("obs-rapat") == "Gabungan", timeout=WAIT_MS)


def test_a_live_stream_stops_only_on_a_second_press_within_3_s(studio, qtbot):
    start_stream(studio, qtbot)
    panel = studio.panel("obs-rapat")
    stop = panel.buttons["stop_stream"]
    click(stop)
    assert stop.text() == "Press again to stop the stream"
    qtbot.wait(3300)  # the first press has lapsed
    assert studio.streaming("obs-rapat")
    assert stop.text() == "Stop stream"
    click(stop)
    qtbot.wait(500)
    assert studio.streaming("obs-rapat"), "a single press stopped the stream"
    click(stop)
    qtbot.waitUntil(lambda: not studio.streaming("obs-rapat"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.on_air.text() == "ready", timeout=WAIT_MS)


def test_another_events_output_needs_a_take_over(studio, qtbot):
    console = studio.console
    assert console.board.active == "rakor-bupati"
    panel = studio.panel("obs-podcast")
    tabs = console.broadcast.dock.tabs
    QTest.mouseClick(tabs.tabBar(), LEFT, pos=tabs.tabBar().tabRect(1).center())
    assert tabs.currentWidget() is panel
    assert panel.owner.text() == "Streams for: Podcast Diskominfo"
    qtbot.waitUntil(lambda: panel.buttons["start_stream"].isEnabled(), timeout=WAIT_MS)
    click(panel.buttons["start_stream"])
    assert panel.take_over_bar.isVisible()
    assert panel.take_over_text.text() == "OBS Podcast belongs to Podcast Diskominfo — take it over first"
    qtbot.wait(300)
    assert not studio.streaming("obs-podcast")
    click_scene(panel, "Penutup")
    qtbot.wait(300)
    assert studio.program("obs-podcast") == "Studio", "a cut on another event's output went through"
    click(panel.take_over_button)
    qtbot.waitUntil(lambda: not panel.take_over_bar.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: panel.owner.text() == "Streams for: Rapat Koordinasi Bupati", timeout=WAIT_MS)
    start_stream(studio, qtbot, "obs-podcast")
    assert studio.streaming("obs-podcast")


def test_the_dock_speaks_indonesian(indonesian, studio, qtbot):
    panel = studio.panel("obs-rapat")
    qtbot.waitUntil(lambda: panel.on_air.text() == "siap", timeout=WAIT_MS)
    assert panel.buttons["start_stream"].text() == "Mulai siaran"
    assert panel.owner.text() == "Siaran untuk: Rapat Koordinasi Bupati"
    assert panel.scenes.index(0).data() == "Podium — PROGRAM"
    start_stream(studio, qtbot)
    qtbot.waitUntil(lambda: panel.on_air.text().startswith("MENGUDARA 0:0"), timeout=WAIT_MS)
    click(panel.buttons["stop_stream"])
    assert panel.buttons["stop_stream"].text() == "Tekan lagi untuk menghentikan siaran"


def test_the_ticking_times_and_a_repeated_state_do_not_lay_out_the_main_window(studio, qtbot):
    start_stream(studio, qtbot)
    panel, desk = studio.panel("obs-rapat"), studio.console.broadcast.desk
    state = desk.state("obs-rapat")
    panel.tick(state.stream_started + 1)
    settle()
    requests = LayoutRequests(studio.console.window)
    for second in range(2, 10):  # LIVE 0:02 … 0:09, and the same state delivered again
        desk.outputChanged.emit("obs-rapat", state)
        panel.tick(state.stream_started + second)
        settle()
    assert panel.on_air.text() == "LIVE 0:09"
    assert requests.count == 0
