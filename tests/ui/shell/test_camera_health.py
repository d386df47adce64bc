"""The camera health view shows what the console learned from each camera: the profile in use and
its firmware, the inquiries the camera refused (said once, in the operator's language, docs/cameras.md),
and how its preview is decoded (docs/video.md)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from devices.video import decoding
from devices.visca.sim.simulator import start_simulator
from models.config.store import CameraConfig, Config
from tests.support import wall_console
from tests.support.wall_console import WAIT_MS, log_lines

pytestmark = pytest.mark.gui
# the fixtures
rig, console_for, make_console = wall_console.rig, wall_console.console_for, wall_console.make_console


@pytest.fixture
def oem_camera(rig):
    """A BRC-X400 that refuses the last-preset inquiry, on the simulators' thread."""
    server = rig.sims.submit(
        start_simulator("visca+tcp://127.0.0.1:0?model=sony-brc-x400&refuse=last-preset")
    ).result(5)
    yield server
    rig.sims.submit(server.close()).result(5)


def health(console, column: str) -> str:
    model = console.cameras
    return model.index(0, model.COLUMNS.index(column)).data()


def test_health_view_shows_the_learned_profile_and_the_refused_inquiry_in_indonesian(
    indonesian, oem_camera, console_for, qtbot
):
    name = "Kamera Aula"
    console = console_for(
        Config(cameras=(CameraConfig("aula", name, oem_camera.url + "?timeout=0.2&poll=0.2"),))
    )
    qtbot.waitUntil(lambda: health(console, "unsupported") == "preset terakhir", timeout=WAIT_MS)
    assert health(console, "profile") == "sony-brc-x400, ROM 0100"
    notice = f"{name} tidak menjawab pertanyaan preset terakhir; pertanyaan itu tidak lagi dikirim"
    qtbot.waitUntil(lambda: any(line.endswith(notice) for line in log_lines(console)), timeout=WAIT_MS)
    qtbot.wait(1000)  # five more poll rounds
    assert sum(line.endswith(notice) for line in log_lines(console)) == 1


def header(console, column: str) -> str:
    model = console.cameras
    return model.headerData(model.COLUMNS.index(column), Qt.Orientation.Horizontal)


def rtsp_console(console_for, rig, camera, url: str, decode: str):
    (rig.folder / "console.ini").write_text(f"[preview]\ndecode={decode}\n", encoding="utf-8")
    return console_for(
        Config(cameras=(CameraConfig("aula", "Aula", camera.url + "?timeout=0.2&poll=0.2", preview=url),))
    )


def test_health_view_says_the_preview_is_decoded_in_software(
    oem_camera, rtsp_camera, rig, console_for, qtbot
):
    console = rtsp_console(console_for, rig, oem_camera, rtsp_camera.url("/sub"), "software")
    assert header(console, "decoding") == "Decoding"
    qtbot.waitUntil(lambda: health(console, "decoding") == "software", timeout=WAIT_MS)


def test_asked_for_hardware_decoding_the_health_view_says_it_fell_back_in_indonesian(
    indonesian, oem_camera, rtsp_camera, rig, console_for, qtbot
):
    """This machine and CI have no GPU: the hardware decoders FFmpeg offers fail or fall back."""
    decoding.forget_failures()
    console = rtsp_console(console_for, rig, oem_camera, rtsp_camera.url("/sub"), "hardware")
    assert header(console, "decoding") == "Dekode"
    qtbot.waitUntil(
        lambda: health(console, "decoding").startswith("perangkat lunak — tanpa dekoder perangkat keras: "),
        timeout=WAIT_MS,
    )


def test_demo_cameras_say_their_picture_is_drawn(make_console, qtbot):
    console = make_console()
    qtbot.waitUntil(lambda: health(console, "decoding") == "none: a synthetic picture", timeout=WAIT_MS)


def test_a_camera_state_change_does_not_measure_every_health_cell_again(oem_camera, console_for, qtbot):
    """The health table's columns fit their texts once a second (while it can be seen), not on each of
    the cameras' state changes: re-measuring asked every cell of every column again, a GUI stall."""
    console = console_for(Config(cameras=(CameraConfig("aula", "Aula", oem_camera.url + "?poll=0.2"),)))
    model = type(console.cameras)
    original, asked = model.data, []

    def counted(self, index, role=Qt.ItemDataRole.DisplayRole):
        asked.append(index.column())
        return original(self, index, role)

    model.data = counted
    try:
        console.cameras._changed("aula")
        qtbot.wait(50)  # the views' delayed work
    finally:
        model.data = original
    assert set(asked) <= {0}  # the tile's roles; no health cell measured
