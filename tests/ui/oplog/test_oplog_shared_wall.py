"""Two desks on one operations log share the video wall's take-overs too (issue #12 item 7): a screen desk A
takes over is refused at desk B until desk B takes it over itself; the take-over is audited once."""

from __future__ import annotations

from contextlib import ExitStack

import pytest
from PySide6.QtCore import QSettings

from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.url_check import check_camera
from devices.wall.controller import WallController
from models.config.store import demo_config
from models.desk.hotkeys import HotkeyMap
from models.oplog.opening import open_oplog
from tests.support import wall_console
from tests.support.oplog_console import WAIT_MS, ready, settle
from tests.support.wall_console import FAST
from tests.ui.oplog import two_desk_site
from tests.ui.oplog.two_desk_site import PODCAST, RAKOR, told
from ui.shell.console import Console
from ui.shell.preview_sources import simulated_pictures

pytestmark = pytest.mark.gui
rig, site = wall_console.rig, two_desk_site.site  # the fixtures
RIGHT = "smart-wall:3"  # Layar Kanan, the Podcast's in the demo configuration


@pytest.fixture
def wall_desk(rig, site, qtbot):
    """``wall_desk(name, works_for)``: a console with the demo wall and the operations log at ``site``, on a
    device thread of its own (as on its own PC)."""
    built: list[Console] = []
    with ExitStack() as runtimes:

        def build(name: str, works_for: str) -> Console:
            devices = runtimes.enter_context(DeviceRuntime(f"wall-desk-{len(built)}"))
            config = demo_config(
                [c.url + "&timeout=0.1&poll=0.5" for c in rig.cameras],
                check_camera,
                wall_url=f"{rig.wall.url}?{FAST}",
            )
            cameras = {c.id: CameraController(devices, c.url, c.name).start() for c in config.cameras}
            walls = {w.id: WallController(devices, w.url, w.name).start() for w in config.walls}
            settings = QSettings(str(rig.folder / f"desk-{len(built)}.ini"), QSettings.Format.IniFormat)
            simulated = simulated_pictures(config.cameras, rig.cameras)
            console = Console(
                config,
                cameras,
                data_folder=rig.folder,
                settings=settings,
                hotkeys=HotkeyMap.defaults(),
                simulated=simulated,
                walls=walls,
                oplog=lambda: open_oplog(site.url),
            )
            built.append(console)
            qtbot.addWidget(console.window)
            console.show()
            ops = console.oplog
            ready(ops, qtbot)
            qtbot.waitUntil(
                lambda: {e.title for e in console.board.running()} == {RAKOR, PODCAST}, timeout=WAIT_MS
            )
            ops.board.desk_name = name
            console.board.active = next(e.id for e in console.board.running() if e.title == works_for)
            return console

        yield build
        for console in built:
            console.shutdown()


def test_a_screen_taken_over_at_one_desk_is_refused_at_the_other(site, wall_desk, qtbot):
    desk_a, desk_b = wall_desk("Desk A", RAKOR), wall_desk("Desk B", PODCAST)
    assert not desk_b.board.blocking(RIGHT)
    desk_a.walls.take_over("smart-wall", 3)
    qtbot.waitUntil(lambda: not desk_a.board.blocking(RIGHT), timeout=WAIT_MS)
    assert site.rows("SELECT device, device_name, desk FROM takeovers WHERE released_at IS NULL") == [
        (RIGHT, "Layar Lebar Smart Centre: Layar Kanan", "Desk A")
    ]

    qtbot.waitUntil(lambda: [e.title for e in desk_b.board.blocking(RIGHT)] == [RAKOR], timeout=5000)
    assert told(
        desk_b, "Layar Lebar Smart Centre: Layar Kanan was just taken by Desk A for Rapat Koordinasi Bupati"
    )
    desk_b.walls.route("smart-wall", 3, 5)
    assert told(desk_b, "Layar Kanan belongs to Rapat Koordinasi Bupati — take it over first")
    desk_b.walls.take_over("smart-wall", 3)
    qtbot.waitUntil(lambda: not desk_b.board.blocking(RIGHT), timeout=WAIT_MS)
    assert site.rows("SELECT desk FROM takeovers WHERE released_at IS NULL") == [("Desk B",)]

    for desk in (desk_a, desk_b):
        settle(desk.oplog, qtbot)
        desk.oplog.feed.stop()  # the queued audit rows written
    assert site.scalar("SELECT count(*) FROM audit_entries WHERE action LIKE 'take over Layar Kanan%'") == 2
