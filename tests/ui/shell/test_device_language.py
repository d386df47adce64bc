"""The device layer in Bahasa Indonesia: a wall's error code, a number the wall does not have, why a
preview is down and what is wrong with a device URL reach the notices, the log pane, the screens
of the wall and the camera tiles in the operator's language, with their values filled in."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app import check_wall
from devices.visca.url_check import check_camera
from models.config.store import ConfigStore, demo_config
from tests.support import wall_console
from tests.support.wall_console import FAST, WAIT_MS, drop_mime, log_lines, screen
from ui.desk.camera_model import Role
from ui.shell.preview_sources import simulated_pictures
from ui.wall.outputs_model import WallRole, source_mime

pytestmark = pytest.mark.gui
# the fixtures
rig, make_console, console_for = wall_console.rig, wall_console.make_console, wall_console.console_for
OUT_OF_RANGE = "parameter di luar rentang (ERR 003)"
BAD_URLS = """\
cameras:
  - id: cam1
    name: Kamera Panggung
    url: visca+nonsense://10.0.0.21
  - id: cam2
    name: Kamera Pendopo
    url: visca+udp://10.0.0.22?model=sony-xyz
walls:
  - id: layar
    name: Layar Lobi
    url: lg+tcp://10.0.0.30?set_id=satu
"""


def test_a_wall_error_code_reaches_the_notice_the_log_pane_and_the_screen_in_indonesian(
    indonesian, make_console, qtbot
):
    console = make_console(FAST + "&inputs=16")  # the console believes in 16 inputs; the matrix has 8
    wall_name = console.config.walls[0].name
    page = console.wall_view.pages["smart-wall"]
    drop_mime(page, source_mime("smart-wall", 12), 1)
    qtbot.waitUntil(lambda: OUT_OF_RANGE in console.window.banner.text(), timeout=WAIT_MS)
    assert console.window.banner.text() == f"{wall_name}: alihkan input 12 ke output 1 (av) — {OUT_OF_RANGE}"
    assert any(
        line.endswith(f"  {wall_name}: alihkan input 12 ke output 1 (av) — {OUT_OF_RANGE}")
        for line in log_lines(console)
    )
    qtbot.waitUntil(lambda: screen(page, 1, WallRole.PROBLEM) == OUT_OF_RANGE, timeout=WAIT_MS)


def test_a_number_the_wall_does_not_have_is_refused_in_indonesian(indonesian, make_console):
    console = make_console()
    wall_name = console.config.walls[0].name
    drop_mime(console.wall_view.pages["smart-wall"], source_mime("smart-wall", 12), 1)
    refusal = f"{wall_name}: input 12 di luar rentang 0–8; {wall_name} memiliki 8 input"
    assert console.window.banner.text() == refusal
    assert log_lines(console)[-1].endswith(f"  {refusal}")


def test_a_take_over_is_logged_in_indonesian(indonesian, make_console):
    console = make_console()
    console.walls.take_over(
        "smart-wall", 3
    )  # Layar Kanan belongs to the Podcast; the operator works for the Rakor
    wall_name = console.config.walls[0].name
    assert log_lines(console)[-1].endswith(
        f"  {wall_name}: ambil alih Layar Kanan (smart-wall:3) dari Podcast "
        "Diskominfo untuk Rapat Koordinasi Bupati — selesai"
    )


def test_why_a_preview_is_down_is_shown_on_the_camera_tile_in_indonesian(indonesian, rig, console_for, qtbot):
    config = demo_config([c.url + "&timeout=0.1&poll=0.5" for c in rig.cameras], check_camera)
    missing = rig.folder / "rekaman-hilang.mp4"
    first, second, *others = config.cameras
    config = replace(config, cameras=(replace(first, preview=str(missing)), second, *others))
    simulated = simulated_pictures(config.cameras, rig.cameras)
    del simulated[second.id]  # the second camera's "demo" has no simulator
    console = console_for(config, simulated=simulated)

    def tile(camera_id: str) -> str:
        return console.cameras.index(console.cameras.row_of(camera_id), 0).data(Role.PREVIEW_STATUS)

    qtbot.waitUntil(lambda: f"berkas tidak ditemukan: {missing}" in tile(first.id), timeout=WAIT_MS)
    assert tile(first.id).startswith("tidak ada sinyal – menghubungkan ulang")
    needs_simulator = "sumber pratinjau 'demo' memerlukan kamera simulasi"
    assert tile(second.id) == needs_simulator
    assert any(line.endswith(f"  {second.name}: {needs_simulator}") for line in log_lines(console))


def test_a_bad_device_url_is_said_in_indonesian(indonesian, rig, console_for):
    (rig.folder / "config.yaml").write_text(BAD_URLS, encoding="utf-8")
    config, errors = ConfigStore(
        rig.folder / "config.yaml", camera_check=check_camera, wall_check=check_wall
    ).load()
    console = console_for(config, errors)
    lines = log_lines(console)
    expected = [
        "config.yaml baris 4, kamera 1 (id cam1), url: jenis URL kamera 'visca+nonsense' tidak dikenal; "
        "gunakan salah satu dari visca+udp, visca+udpraw, visca+tcp, visca+serial",
        "config.yaml baris 7, kamera 2 (id cam2), url: profil kamera 'sony-xyz' tidak dikenal; "
        "yang dikenal: generic, sony-srg300h, sony-brc-x400, sony-brc-h700, ptzoptics",
        "config.yaml baris 11, video wall 1 (id layar), url: opsi set_id='satu' bukan bilangan bulat",
    ]
    for sentence in expected:
        assert any(line.endswith(f"  {sentence}") for line in lines), (sentence, lines)


def test_a_preset_number_the_camera_does_not_have_is_refused_in_indonesian(indonesian, make_console):
    console = make_console()
    camera = console.desk.selected
    profile = console.desk.bridges[camera].controller.profile
    console.desk.recall_preset(300)
    assert console.window.banner.text() == (
        f"{console.desk.names[camera]}: preset 300 di luar rentang "
        f"{profile.preset_min}–{profile.preset_max} untuk {profile.label}"
    )
