"""The camera health view shows what the console learned from each camera: the profile in use and
its firmware, and the inquiries the camera refused; the refusal is said once, in the operator's
language (docs/cameras.md)."""
from __future__ import annotations

import pytest

from devices.visca.sim.simulator import start_simulator
from models.config.store import CameraConfig, Config
from tests.ui import test_device_language as language
from tests.ui import test_wall_view as wall
from tests.ui.test_wall_view import WAIT_MS, log_lines

pytestmark = pytest.mark.gui
rig, console_for = wall.rig, language.console_for     # the fixtures


@pytest.fixture
def oem_camera(rig):
    """A BRC-X400 that refuses the last-preset inquiry, on the simulators' thread."""
    server = rig.sims.submit(start_simulator("visca+tcp://127.0.0.1:0?model=sony-brc-x400&refuse=last-preset")).result(5)
    yield server
    rig.sims.submit(server.close()).result(5)


def health(console, column: str) -> str:
    model = console.cameras
    return model.index(0, model.COLUMNS.index(column)).data()


def test_health_view_shows_the_learned_profile_and_the_refused_inquiry_in_indonesian(indonesian, oem_camera,
                                                                                     console_for, qtbot):
    name = "Kamera Aula"
    console = console_for(Config(cameras=(CameraConfig("aula", name, oem_camera.url + "?timeout=0.2&poll=0.2"),)))
    qtbot.waitUntil(lambda: health(console, "unsupported") == "preset terakhir", timeout=WAIT_MS)
    assert health(console, "profile") == "sony-brc-x400, ROM 0100"
    notice = f"{name} tidak menjawab pertanyaan preset terakhir; pertanyaan itu tidak lagi dikirim"
    qtbot.waitUntil(lambda: any(line.endswith(notice) for line in log_lines(console)), timeout=WAIT_MS)
    qtbot.wait(1000)     # five more poll rounds
    assert sum(line.endswith(notice) for line in log_lines(console)) == 1
