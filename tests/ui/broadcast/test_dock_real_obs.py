"""The Broadcast dock against the real OBS Studio (tests/support/obs_studio.py, its own Xvfb): a stream
started from the dock shows LIVE with its uptime and bitrate and reaches the RTMP sink, a scene clicked
becomes OBS's program scene, the tally follows on the right tile, the stream stops on the second press.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest

from devices.demo import start_demo_cameras
from devices.obs.controller import ObsController
from devices.obs.urls import check_obs
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from models.config.store import parse_config
from models.desk.hotkeys import HotkeyMap
from tests.support.obs_studio import RealObs, require_obs
from ui.desk.camera_model import Tally
from ui.desk.camera_tile import TALLY_COLOURS
from ui.shell.console import Console

WAIT_MS = 30_000
LEFT = Qt.MouseButton.LeftButton
CONFIG = """\
broadcast:
  - {{id: studio, name: OBS Studio, url: "{url}"}}
cameras:
  - {{id: cam1, name: Kamera Podium, url: "{cam1}", obs_source: Podium colour}}
  - {{id: cam2, name: Kamera Peserta, url: "{cam2}", obs_source: Audience colour}}
events:
  - id: siaran
    title: Siaran Langsung
    start: "{yesterday} 00:00"
    end: "{tomorrow} 23:59"
    cameras: [cam1, cam2]
    broadcast: studio
"""


@pytest.fixture(scope="module")
def real_obs(tmp_path_factory):
    require_obs()
    with RealObs(tmp_path_factory.mktemp("obs-studio")) as obs:
        yield obs


@pytest.fixture
def console(real_obs, tmp_path, qtbot, monkeypatch):
    for name, value in real_obs.environ.items():
        monkeypatch.setenv(name, value)
    with DeviceRuntime("real-obs-sims") as sims, DeviceRuntime("real-obs-devices") as devices:
        cameras = start_demo_cameras(sims)[:2]
        today = date.today()
        config = parse_config(
            CONFIG.format(
                url=real_obs.url,
                cam1=cameras[0].url,
                cam2=cameras[1].url,
                yesterday=today - timedelta(days=1),
                tomorrow=today + timedelta(days=1),
            ),
            broadcast_check=check_obs,
        )
        controllers = {c.id: CameraController(devices, c.url, c.name).start() for c in config.cameras}
        outputs = {o.id: ObsController(devices, o.url, o.name).start() for o in config.broadcast}
        outputs["studio"].ready().result(20)
        built = Console(
            config,
            controllers,
            data_folder=tmp_path,
            settings=QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat),
            hotkeys=HotkeyMap.defaults(),
            obs=outputs,
        )
        qtbot.addWidget(built.window)
        built.show()
        qtbot.waitExposed(built.window)
        built.window.docks["broadcast"].raise_()
        built.devices = devices
        yield built
        built.window.close()
        built.shutdown()


def border(console, camera_id: str):
    bank = console.window.bank
    corner = bank.tile_rects()[camera_id].topLeft() + QPoint(2, 2)
    return bank.viewport().grab().toImage().pixelColor(corner)


def obs_program(console, url: str) -> str | None:
    """OBS's program scene as a second, fresh connection reads it."""
    other = ObsController(console.devices, url, "check").start()
    try:
        return other.ready().result(20).program_scene
    finally:
        other.close().result(5)


def test_the_dock_streams_cuts_and_shows_tally_on_the_real_obs(console, real_obs, qtbot):
    panel = console.broadcast.dock.panels["studio"]
    qtbot.waitUntil(lambda: panel.scenes.rowCount() == 3, timeout=WAIT_MS)
    assert panel.scenes.scenes == ("Podium", "Audience", "Screens")
    real_obs.open_sink()
    qtbot.waitUntil(lambda: panel.buttons["start_stream"].isEnabled(), timeout=WAIT_MS)
    QTest.mouseClick(panel.buttons["start_stream"], LEFT)
    qtbot.waitUntil(lambda: panel.on_air.text().startswith("LIVE"), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: re.fullmatch(r"LIVE 0:0[2-9]", panel.on_air.text()) is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: re.search(r"\b[1-9]\d* kbps", panel.figures.text()) is not None, timeout=WAIT_MS)

    view = panel.scene_view
    QTest.mouseClick(view.viewport(), LEFT, pos=view.visualRect(panel.scenes.index(1)).center())
    qtbot.waitUntil(lambda: panel.scenes.index(1).data() == "Audience — PROGRAM", timeout=WAIT_MS)
    assert obs_program(console, real_obs.url) == "Audience"
    qtbot.waitUntil(lambda: border(console, "cam2") == TALLY_COLOURS[Tally.PROGRAM], timeout=WAIT_MS)
    assert border(console, "cam1") != TALLY_COLOURS[Tally.PROGRAM]

    stop = panel.buttons["stop_stream"]
    QTest.mouseClick(stop, LEFT)
    qtbot.wait(1000)
    assert panel.on_air.text().startswith("LIVE"), "one press stopped the real stream"
    QTest.mouseClick(stop, LEFT)
    qtbot.waitUntil(lambda: panel.on_air.text() == "ready", timeout=WAIT_MS)
    assert real_obs.sink_bytes() > 0


def test_a_cut_made_by_another_obs_client_moves_the_red_border_to_the_right_tile(console, real_obs, qtbot):
    """Someone cuts in OBS itself (here: another websocket client): the console follows OBS's events."""
    other = ObsController(console.devices, real_obs.url, "another client").start()
    try:
        other.ready().result(20)
        qtbot.waitUntil(lambda: console.broadcast.desk.state("studio").online, timeout=WAIT_MS)
        for scene, on_air, former in (("Audience", "cam2", "cam1"), ("Podium", "cam1", "cam2")):
            other.cut(scene).result(10)
            qtbot.waitUntil(
                lambda c=on_air: border(console, c) == TALLY_COLOURS[Tally.PROGRAM], timeout=WAIT_MS
            )
            assert border(console, former) != TALLY_COLOURS[Tally.PROGRAM]
    finally:
        other.close().result(5)
