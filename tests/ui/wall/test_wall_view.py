"""The video wall in the assembled console, against the simulated Kramer matrix of demo mode:
drag-to-route, layout hotkeys, ownership and take-over, device errors, and the Qt models."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from app import store_demo_layouts
from devices.wall.controller import WallController
from devices.wall.sim.simulator import start_wall_simulator
from models.config.demo import DEMO_LAYOUTS
from models.config.store import WallConfig
from models.desk.hotkeys import HotkeyMap
from models.desk.ownership import EventBoard
from tests.support import wall_console
from tests.support.wall_console import FAST, WAIT_MS, Rig, drag_source, drop_mime, log_lines, screen
from ui.common.bridge import WallBridge
from ui.desk.operator_desk import OperatorDesk
from ui.wall.outputs_model import WallRole, source_mime
from ui.wall.wall_desk import WallDesk
from ui.wall.wall_page import WallPage

pytestmark = pytest.mark.gui
rig, make_console = wall_console.rig, wall_console.make_console  # the fixtures


def recall_count(rig: Rig) -> int:
    return sum("PRST-RCL" in text for _time, text in rig.wall.received())


def test_dropping_a_source_on_a_screen_routes_it(make_console, rig, qtbot):
    console = make_console()
    page = console.wall_view.pages["smart-wall"]
    drag_source(page, 5, 2)  # Zoom/Conference onto Layar Tengah, which the active Rakor owns
    qtbot.waitUntil(lambda: rig.wall.state()["video"][2] == 5, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: screen(page, 2, WallRole.SOURCE) == "Zoom/Conference", timeout=WAIT_MS)
    assert screen(page, 2, WallRole.OWNER) == "Rapat Koordinasi Bupati"
    qtbot.waitUntil(
        lambda: any(
            "route input 5 to output 2" in line and "completed" in line for line in log_lines(console)
        ),
        timeout=WAIT_MS,
    )


def test_a_layout_hotkey_recalls_that_preset(make_console, rig, qtbot):
    store_demo_layouts(rig.sims, rig.wall.url)
    console = make_console()
    podcast = next(e for e in console.board.events.values() if "smart-wall:3" in e.wall_outputs)
    console.board.end(podcast.id)  # the layout changes every screen: no other event may own one
    console.wall_view.refresh_owners()
    alt_2 = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    QApplication.sendEvent(console.window, alt_2)
    qtbot.waitUntil(lambda: rig.wall.state()["last_preset"] == 2, timeout=WAIT_MS)
    assert {o: rig.wall.state()["video"][o] for o in DEMO_LAYOUTS[2]} == DEMO_LAYOUTS[2]
    page = console.wall_view.pages["smart-wall"]
    qtbot.waitUntil(
        lambda: [screen(page, o, WallRole.INPUT) for o in range(1, 5)] == list(DEMO_LAYOUTS[2].values()),
        timeout=WAIT_MS,
    )
    button = page.layout_buttons[2]
    assert button.text().startswith("Presentasi")
    assert "2" in button.text()
    qtbot.waitUntil(button.isChecked, timeout=WAIT_MS)  # recalled at once, and shown as active
    assert "layout <b>Presentasi</b>" in page.status.text()
    assert not page.offer.isVisible()


def test_a_layout_touching_another_events_screens_offers_take_over_and_recall(make_console, rig, qtbot):
    store_demo_layouts(rig.sims, rig.wall.url)
    console = make_console()
    page = console.wall_view.pages["smart-wall"]
    recalls = recall_count(rig)
    qtbot.keyClick(console.window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert "Layar Kanan, Monitor Podium" in console.window.banner.text()
    assert page.offer.isVisible()
    assert (
        page.offer_text.text()
        == "Rapat Penuh would change Layar Kanan, Monitor Podium, which Podcast Diskominfo uses."
    )
    assert recall_count(rig) == recalls  # nothing sent yet
    assert screen(page, 3, WallRole.BLOCKED)
    assert screen(page, 4, WallRole.BLOCKED)
    qtbot.mouseClick(page.offer_accept, Qt.MouseButton.LeftButton)
    assert not page.offer.isVisible()
    lines = log_lines(console)
    assert [
        screen_name
        for screen_name in ("Layar Kanan", "Monitor Podium")
        if any(f"take over {screen_name}" in line and "Podcast Diskominfo" in line for line in lines)
    ] == ["Layar Kanan", "Monitor Podium"]  # one take-over logged per screen
    assert not screen(page, 3, WallRole.BLOCKED)
    assert screen(page, 4, WallRole.OWNER) == "Rapat Koordinasi Bupati"
    qtbot.waitUntil(lambda: rig.wall.state()["last_preset"] == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.layout_buttons[1].isChecked(), timeout=WAIT_MS)
    assert not page.layout_buttons[2].isChecked()
    assert "layout <b>Rapat Penuh</b>" in page.status.text()


def test_pressing_the_layout_key_again_takes_over_and_recalls_and_cancel_takes_nothing(
    make_console, rig, qtbot
):
    store_demo_layouts(rig.sims, rig.wall.url)
    console = make_console()
    page = console.wall_view.pages["smart-wall"]
    qtbot.keyClick(console.window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    qtbot.mouseClick(page.offer_cancel, Qt.MouseButton.LeftButton)
    assert not page.offer.isVisible()
    assert screen(page, 3, WallRole.BLOCKED)
    qtbot.keyClick(console.window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(console.window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # again: the confirmation
    qtbot.waitUntil(lambda: rig.wall.state()["last_preset"] == 3, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.layout_buttons[3].isChecked(), timeout=WAIT_MS)
    assert not screen(page, 4, WallRole.BLOCKED)


def test_routing_a_screen_by_hand_ends_the_active_layout(make_console, rig, qtbot):
    store_demo_layouts(rig.sims, rig.wall.url)
    console = make_console()
    page = console.wall_view.pages["smart-wall"]
    qtbot.mouseClick(page.layout_buttons[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.offer_accept, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.layout_buttons[1].isChecked(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: screen(page, 2, WallRole.INPUT) == DEMO_LAYOUTS[1][2], timeout=WAIT_MS)
    drag_source(page, DEMO_LAYOUTS[1][2], 2)  # the source it shows already: still the layout
    assert page.layout_buttons[1].isChecked()
    drag_source(page, 5, 2)  # Zoom/Conference onto Layar Tengah: no longer Rapat Penuh
    assert not any(button.isChecked() for button in page.layout_buttons.values())
    assert "Rapat Penuh" not in page.status.text()


def test_a_screen_of_another_running_event_needs_a_take_over(make_console, rig, qtbot):
    console = make_console()
    page = console.wall_view.pages["smart-wall"]
    before = rig.wall.state()["video"][3]
    drag_source(page, 6, 3)  # Layar Kanan belongs to the Podcast; the operator works for the Rakor
    assert console.window.banner.isVisible()
    assert console.window.banner.text() == "Layar Kanan belongs to Podcast Diskominfo — take it over first"
    assert screen(page, 3, WallRole.BLOCKED)
    assert not page.take_over.isVisible()
    qtbot.mouseClick(page.canvas, Qt.MouseButton.LeftButton, pos=page.canvas.cell_rect(2).center().toPoint())
    assert page.take_over.isVisible()
    assert page.take_over.text() == "Take over Layar Kanan"
    qtbot.mouseClick(page.take_over, Qt.MouseButton.LeftButton)
    assert not screen(page, 3, WallRole.BLOCKED)
    assert screen(page, 3, WallRole.OWNER) == "Rapat Koordinasi Bupati"
    assert any(
        "take over Layar Kanan" in line and "Podcast Diskominfo" in line for line in log_lines(console)
    )
    assert rig.wall.state()["video"][3] == before  # nothing was sent before the take-over
    drag_source(page, 6, 3)
    qtbot.waitUntil(lambda: rig.wall.state()["video"][3] == 6, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: screen(page, 3, WallRole.SOURCE) == "YouTube Preview", timeout=WAIT_MS)


def test_a_device_error_is_shown_with_its_meaning(make_console, rig, qtbot):
    console = make_console(FAST + "&inputs=16")  # the console believes in 16 inputs; the matrix has 8
    page = console.wall_view.pages["smart-wall"]
    drop_mime(page, source_mime("smart-wall", 12), 1)
    qtbot.waitUntil(
        lambda: "parameter out of range (ERR 003)" in console.window.banner.text(), timeout=WAIT_MS
    )
    assert console.window.banner.isVisible()
    qtbot.waitUntil(
        lambda: screen(page, 1, WallRole.PROBLEM) == "parameter out of range (ERR 003)", timeout=WAIT_MS
    )
    drag_source(page, 2, 1)  # the next good command clears the warning
    qtbot.waitUntil(lambda: screen(page, 1, WallRole.PROBLEM) == "", timeout=WAIT_MS)


def test_a_number_the_device_does_not_have_is_refused_before_sending(make_console, rig, qtbot):
    console = make_console()
    drop_mime(console.wall_view.pages["smart-wall"], source_mime("smart-wall", 12), 1)
    assert "input 12 is out of range" in console.window.banner.text()


def test_an_offline_wall_shows_on_every_screen(make_console, rig, qtbot):
    console = make_console()
    page = console.wall_view.pages["smart-wall"]
    rig.sims.submit(rig.wall.close()).result(5)
    qtbot.waitUntil(lambda: screen(page, 1, WallRole.PROBLEM).startswith("offline"), timeout=WAIT_MS)
    assert all(screen(page, o, WallRole.PROBLEM) for o in range(1, 5))
    assert "offline" in page.status.text()


def test_the_video_wall_dock_is_remembered(make_console):
    console = make_console()
    assert console.window.docks["wall"].windowTitle() == "Video wall"
    console.window.docks["wall"].setFloating(True)
    console.window.close()
    assert make_console().window.docks["wall"].isFloating()


def test_the_models_pass_the_model_tester(make_console, qtmodeltester):
    page = make_console().wall_view.pages["smart-wall"]
    qtmodeltester.check(page.outputs)
    qtmodeltester.check(page.sources.model())


def standalone_page(rig, qtbot, protocol: str, listen: str, options: str, wall: WallConfig):
    """A wall page with its own desk and no events, on a simulator of ``protocol``."""
    server = rig.sims.submit(start_wall_simulator(protocol, listen)).result(5)
    rig.sims.on_stop(server.close)
    controller = WallController(rig.devices, f"{server.url}?{options}").start()
    controller.ready().result(5)
    desk = WallDesk(OperatorDesk(EventBoard()))
    desk.add_wall(wall, WallBridge(wall.id, controller))
    page = WallPage(desk, wall, {}, lambda _camera: None, HotkeyMap.defaults())
    qtbot.addWidget(page)
    page.resize(800, 300)
    page.show()
    qtbot.waitExposed(page)
    return server, page


def test_a_wall_processor_puts_sources_into_windows_of_its_canvas(rig, qtbot):
    wall = WallConfig(
        "quantum",
        "Quantum",
        "extron+tcp://unused",
        sources={4: "PC Presentasi"},
        outputs={1: "Kiri", 2: "Tengah", 3: "Kanan"},
        canvas=2,
        layouts={3: "Podcast"},
    )
    server, page = standalone_page(
        rig, qtbot, "extron", "tcp://127.0.0.1:0?canvases=2&windows=8&layouts=4", f"canvases=2&{FAST}", wall
    )
    drag_source(page, 4, 3)
    qtbot.waitUntil(lambda: server.state()["windows"] == {(2, 3): 4}, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: screen(page, 3, WallRole.SOURCE) == "PC Presentasi", timeout=WAIT_MS)
    qtbot.mouseClick(page.layout_buttons[3], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: server.state()["layouts"] == {2: 3}, timeout=WAIT_MS)


def test_a_display_shows_power_and_inputs_instead_of_routing(rig, qtbot):
    wall = WallConfig(
        "podium", "Monitor Podium", "lg+tcp://unused", inputs={"90": "HDMI 1", "C0": "DisplayPort"}
    )
    display, page = standalone_page(rig, qtbot, "lg", "tcp://127.0.0.1:0", FAST, wall)
    assert page.canvas is None
    assert page.sources is None
    assert not page.layout_buttons
    buttons = {button.text(): button for button in page.findChildren(QPushButton)}
    assert {"Power on", "Standby", "HDMI 1", "DisplayPort"} <= set(buttons)
    qtbot.mouseClick(buttons["DisplayPort"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: display.state()["input"] == "C0", timeout=WAIT_MS)
    qtbot.mouseClick(buttons["Standby"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: display.state()["power"] is False, timeout=WAIT_MS)


def test_the_wall_page_shows_what_the_device_said_it_is(rig, qtbot):
    wall = WallConfig(
        "matrix",
        "Matrix Ruang Rapat",
        "kramer+tcp://unused",
        sources={3: "Kamera 3"},
        outputs={1: "Kiri", 2: "Kanan"},
    )
    server, page = standalone_page(
        rig, qtbot, "kramer", "tcp://127.0.0.1:0?video_only=yes&model=VS-88HN&inputs=4", FAST, wall
    )
    assert "Kramer Protocol 3000 VS-88HN" in page.status.text()
    tip = page.status.toolTip().splitlines()
    assert {"Model: VS-88HN", "4 inputs × 8 outputs", "16 presets", "Layers: av, video, audio"} <= set(tip)
    drag_source(page, 3, 1)  # #AV is refused, #VID routes it
    qtbot.waitUntil(lambda: server.state()["video"][1] == 3, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "Not supported by the device: route-av" in page.status.toolTip(), timeout=WAIT_MS)
    assert "Layers: video, audio" in page.status.toolTip()


def test_the_cheat_sheet_names_the_layouts_of_the_wall_on_screen(make_console, qtbot):
    """Issue #10 point 11: it listed 'Recall wall layout 1' for every Alt key."""
    console = make_console()
    console.cheat_sheet.toggle()
    qtbot.waitUntil(console.cheat_sheet.isVisible, timeout=WAIT_MS)
    texts = [label.text() for label in console.cheat_sheet.findChildren(QLabel)]
    assert {"Rapat Penuh", "Presentasi", "Podcast"} <= set(texts)
    assert not any(text.startswith("Recall wall layout") for text in texts)
