"""The configuration in the assembled console, as app.py builds it: the editor's window, the banner
after a broken file, saved changes to events, walls and cameras and a new interface language,
all applied without a restart."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from app import check_wall, store_demo_layouts
from devices.controller_factory import ControllerFactory
from devices.demo import start_demo_cameras
from devices.port_check import port_warnings
from devices.runtime import DeviceRuntime
from devices.visca.sim.simulator import start_simulator
from devices.visca.url_check import check_camera
from devices.wall.sim.simulator import start_demo_wall
from models.config.store import ConfigStore, demo_config_text
from models.desk.hotkeys import HotkeyMap
from models.oplog.opening import open_oplog
from tests.support import oplog_console
from tests.support.oplog_console import log_in, ready
from ui.shell.config_editor import ConfigEditor
from ui.shell.console import Console
from ui.shell.preview_sources import simulated_pictures

pytestmark = pytest.mark.gui
site = oplog_console.site  # the fixture: a small Smart Centre's operations log
WAIT_MS = 5000
FAST = "&timeout=0.1&poll=0.5"


@dataclass
class Rig:
    sims: DeviceRuntime
    devices: DeviceRuntime
    cameras: list[Any]
    wall: Any
    folder: Path

    def demo_text(self) -> str:
        return demo_config_text([c.url + FAST for c in self.cameras], wall_url=f"{self.wall.url}?gap=0.01")


@pytest.fixture
def rig(tmp_path):
    with DeviceRuntime("config-test-sims") as sims, DeviceRuntime("config-test-devices") as devices:
        yield Rig(sims, devices, start_demo_cameras(sims), start_demo_wall(sims), tmp_path)


@pytest.fixture
def make_console(rig, qtbot):
    consoles = []

    def make(store: ConfigStore, oplog=None) -> Console:
        """As app.py starts the console: the configuration from the store, the controllers from the
        factory."""
        config, errors = store.load()
        factory = ControllerFactory(rig.devices, store.path.parent)
        settings = QSettings(str(rig.folder / "console.ini"), QSettings.Format.IniFormat)
        simulated = simulated_pictures(config.cameras, rig.cameras)
        console = Console(
            config,
            {c.id: factory.camera(c) for c in config.cameras},
            data_folder=rig.folder,
            settings=settings,
            hotkeys=HotkeyMap.defaults(),
            config_errors=errors,
            simulated=simulated,
            config_store=store,
            walls={w.id: factory.wall(w) for w in config.walls},
            factory=factory,
            oplog=oplog,
        )
        consoles.append(console)
        qtbot.addWidget(console.window)
        console.show()
        qtbot.waitExposed(console.window)
        return console

    yield make
    for console in consoles:
        console.shutdown()


def demo_store(rig: Rig) -> ConfigStore:
    store = ConfigStore(
        rig.folder / "demo-config.yaml",
        rig.folder / "demo-config.last-good.yaml",
        camera_check=check_camera,
        wall_check=check_wall,
        url_warnings=port_warnings,
        demo=True,
    )
    assert store.save(rig.demo_text()) == []
    return store


def open_editor(console: Console, qtbot) -> ConfigEditor:
    assert console.configure_action.isEnabled()
    console.configure_action.trigger()
    editor = console._editors["config"]
    qtbot.waitExposed(editor)
    return editor


def save(editor: ConfigEditor, qtbot, text: str) -> None:
    editor.editor.setPlainText(text)
    button = next(b for b in editor.findChildren(QPushButton) if b.text() == "Save")
    with qtbot.waitSignal(editor.configSaved, timeout=WAIT_MS):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def global_rect(widget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def test_the_editor_opens_large_and_clear_of_all_stop(rig, make_console, qtbot):
    console = make_console(demo_store(rig))
    editor = open_editor(console, qtbot)
    screen = console.window.all_stop.screen().availableGeometry()
    assert editor.width() == min(1100, screen.width())
    assert editor.height() >= 500
    assert not editor.frameGeometry().intersects(global_rect(console.window.all_stop))
    assert editor.note.isVisible()  # the demo's file: changes last until it closes


def test_in_demo_mode_an_admin_may_edit_the_configuration_and_others_are_told_why_not(
    rig, make_console, site, qtbot
):
    console = make_console(demo_store(rig), oplog=lambda: open_oplog(site.url))
    ops = console.oplog
    ready(ops, qtbot)
    action = console.configure_action
    assert not action.isEnabled()
    assert "Only an admin can edit the configuration" in action.toolTip()
    log_in(ops, qtbot, site.world.budi)  # an operator
    assert not action.isEnabled()
    ops.login.log_out()
    log_in(ops, qtbot, site.world.admin)
    assert action.isEnabled()
    assert "Only an admin" not in action.toolTip()
    editor = open_editor(console, qtbot)
    assert editor.note.isVisible()
    assert "demo" in editor.note.text()
    log_events = set(console.board.events)
    assert log_events
    assert all(event_id.startswith("oplog:") for event_id in log_events)
    save(editor, qtbot, rig.demo_text().replace("Ruang Rapat Utama\n    preview", "Aula\n    preview", 1))
    assert set(console.board.events) == log_events  # the log's events stay; the file's do not replace them
    assert console.cameras.camera(0).location == "Aula"
    ops.login.log_out()  # the editor does not stay open for the next person
    assert not editor.isVisible()
    assert not action.isEnabled()


def test_a_broken_file_at_start_names_its_first_problem_and_how_to_open_the_editor(rig, make_console, qtbot):
    store = demo_store(rig)
    store.path.write_text(
        rig.demo_text().replace("cameras: [cam1, cam2]", "cameras: [cam1, cam9]"), encoding="utf-8"
    )
    console = make_console(store)
    banner = console.window.banner.text()
    assert banner.startswith(
        "demo-config.yaml line 52, event 1 (id rakor-bupati), cameras: no camera with id 'cam9'"
    )
    assert "Using the last good configuration" in banner
    assert banner.endswith("Open Tools → Configuration… (as an admin) to see every problem and fix it.")
    assert len(console.desk.bridges) == 4  # the last good configuration runs
    editor = open_editor(console, qtbot)  # and the editor shows the problem at once
    assert editor.problems.item(0).text().startswith("demo-config.yaml line 52")


def test_saved_events_and_walls_apply_without_a_restart(rig, make_console, qtbot):
    store_demo_layouts(rig.sims, rig.wall.url)
    console = make_console(demo_store(rig))
    wall_controller = console.wall_bridges["smart-wall"].controller
    editor = open_editor(console, qtbot)
    save(
        editor,
        qtbot,
        rig.demo_text()
        .replace("3: Podcast}", "3: Podcast Pagi}")
        .replace("title: Podcast Diskominfo", "title: Siaran Diskominfo"),
    )
    assert "Siaran Diskominfo" in [event.title for event in console.board.events.values()]
    page = console.wall_view.pages["smart-wall"]
    assert page.layout_buttons[3].text().startswith("Podcast Pagi")
    assert page.outputs.index(2).data(Qt.ItemDataRole.UserRole + 5) == "Siaran Diskominfo"  # screen 3's owner
    assert console.wall_bridges["smart-wall"].controller is wall_controller  # names only: not restarted
    qtbot.mouseClick(page.layout_buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.offer_accept, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: rig.wall.state()["last_preset"] == 2, timeout=WAIT_MS)


def test_saved_camera_changes_apply_without_a_restart(rig, make_console, qtbot):
    console = make_console(demo_store(rig))
    new_sim = rig.sims.submit(start_simulator("visca+udp://127.0.0.1:0")).result(5)
    rig.sims.on_stop(new_sim.close)
    old_cam4 = console.bridges["cam4"].controller
    text = rig.demo_text()
    cam4_start = text.index("  - id: cam4")
    cam4_end = (
        text.index("\n\n", cam4_start) if "\n\n" in text[cam4_start:] else text.index("walls:", cam4_start)
    )
    cam5 = (
        f'  - id: cam5\n    name: Kamera Baru\n    url: "{new_sim.url}{FAST.replace("&", "?", 1)}"\n'
        "    location: Lobi\n"
    )
    text = (text[:cam4_start] + cam5 + text[cam4_end:].lstrip("\n")).replace(
        "cameras: [cam3, cam4, cam2]", "cameras: [cam3, cam2]"
    )
    text = text.replace("      F3: {camera: cam4, preset: 1}\n", "")  # cam5 belongs to no event: it moves
    text = text.replace("location: Ruang Rapat Utama\n    preview", "location: Aula\n    preview", 1)
    cam1 = console.bridges["cam1"].controller
    save(open_editor(console, qtbot), qtbot, text)
    assert [console.cameras.camera(row).camera_id for row in range(console.cameras.rowCount())] == [
        "cam1",
        "cam2",
        "cam3",
        "cam5",
    ]
    assert console.cameras.camera(0).location == "Aula"
    assert console.bridges["cam1"].controller is cam1
    assert "cam4" not in console.desk.bridges
    assert old_cam4 not in [b.controller for b in console.bridges.values()]
    qtbot.keyClick(console.window, Qt.Key.Key_4)  # the new camera is number 4
    assert console.desk.selected == "cam5"
    qtbot.keyClick(console.window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: new_sim.state()["last_preset"] == 3, timeout=WAIT_MS)
    assert console.cameras.index(3, 0).data() == "Kamera Baru"


def language_action(console: Console, label: str):
    menu = next(a.menu() for a in console.window.view_menu.actions() if a.menu() is not None)
    return next(action for action in menu.actions() if action.text() == label)


def test_the_language_switches_every_window_at_once(rig, make_console, qtbot, translator):
    translator("en")
    console = make_console(demo_store(rig))
    window, page = console.window, console.wall_view.pages["smart-wall"]
    editor = open_editor(console, qtbot)
    qtbot.waitUntil(lambda: "online" in page.status.text(), timeout=WAIT_MS)
    header = console.cameras.headerData(0, Qt.Orientation.Horizontal)
    assert (window.windowTitle(), window.docks["controls"].windowTitle(), header) == (
        "Smart Centre Console",
        "Controls",
        "Camera",
    )
    console.walls.press("wall.layout.9")  # a notice in the log pane
    line = console.log.rowCount() - 1
    assert console.log.index(line).data().endswith("Layar Lebar Smart Centre has no layout 9")
    language_action(console, "Bahasa Indonesia").trigger()
    assert console.log.index(line).data().endswith("Layar Lebar Smart Centre tidak punya tata letak 9")
    qtbot.waitUntil(lambda: "terhubung" in page.status.text(), timeout=WAIT_MS)  # composed: said again
    assert window.windowTitle() == "Konsol Smart Centre"
    assert window.docks["controls"].windowTitle() == "Kendali"
    assert window.view_menu.title() == "&Tampilan"
    assert console.cameras.headerData(0, Qt.Orientation.Horizontal) == "Kamera"
    assert "Sumber" in [label.text() for label in page.findChildren(QLabel)]
    assert page.offer_accept.text() == "Ambil alih dan panggil"
    assert editor.position.text() == "Baris 1, kolom 1"  # a filled pattern
    assert "Periksa" in [button.text() for button in editor.findChildren(QPushButton)]
    assert language_action(console, "Bahasa Indonesia").isChecked()
    assert console.settings.value("ui/language") == "id"  # and at the next start
    language_action(console, "English").trigger()
    qtbot.waitUntil(lambda: "online" in page.status.text(), timeout=WAIT_MS)
    assert (window.windowTitle(), window.docks["controls"].windowTitle(), window.view_menu.title()) == (
        "Smart Centre Console",
        "Controls",
        "&View",
    )
    assert editor.position.text() == "Line 1, column 1"
    assert page.offer_accept.text() == "Take over and recall"


def test_words_that_read_alike_in_indonesian_switch_back_to_their_own_english(
    rig, make_console, site, qtbot, translator
):
    translator("id")  # the console starts in Indonesian
    console = make_console(demo_store(rig), oplog=lambda: open_oplog(site.url))
    docks = console.window.docks
    assert [docks[name].windowTitle() for name in ("operator", "log", "events", "shift")] == [
        "Petugas",
        "Catatan",
        "Acara",
        "Shift",
    ]  # Petugas: Operator or Staff; Catatan: Log, Notes or Entry
    language_action(console, "English").trigger()
    assert [docks[name].windowTitle() for name in ("operator", "log", "events", "shift")] == [
        "Operator",
        "Log",
        "Events",
        "Shift",
    ]
    language_action(console, "Bahasa Indonesia").trigger()
    language_action(console, "English").trigger()  # and again, from what it learned
    assert docks["operator"].windowTitle() == "Operator"
