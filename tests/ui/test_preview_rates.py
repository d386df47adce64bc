"""Only what is seen, at the rate it is seen: unchanged pictures are not delivered again, tiles get the
configured tile rate, larger views the source rate, and hidden views decode nothing."""
from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QSettings, QSize

from tests.ui.test_preview import FAST_BACKOFF, ScriptedSource
from ui.preview import DEFAULT_TILE_FPS, TILE_FPS_SETTING, PreviewHub, tile_fps_from

pytestmark = pytest.mark.gui


class StillSource(ScriptedSource):
    """Hands back the same picture every time, as the demo camera does while nothing changes."""

    picture = np.full((90, 160, 3), 60, np.uint8)
    reads = 0

    def read(self) -> np.ndarray | None:
        self.reads += 1
        time.sleep(0.005)
        return self.picture


def delivered_by(hub: PreviewHub) -> list[str]:
    delivered: list[str] = []
    hub.frameReady.connect(lambda camera_id, image: delivered.append(camera_id))
    return delivered


@pytest.fixture
def hub(qtbot):
    hub = PreviewHub(max_fps=50, backoff=FAST_BACKOFF)
    yield hub
    hub.stop()


def test_an_unchanged_picture_is_delivered_once(qtbot, hub):
    delivered = delivered_by(hub)
    source = StillSource()
    hub.add("cam1", source, QSize(160, 90))
    qtbot.waitUntil(lambda: source.reads >= 30, timeout=3000)
    qtbot.wait(50)
    assert delivered == ["cam1"]


def frames_in(qtbot, delivered: list[str], seconds: float) -> int:
    delivered.clear()
    qtbot.wait(round(seconds * 1000))
    return len(delivered)


def test_tiles_get_the_tile_rate_and_a_larger_view_the_source_rate(qtbot):
    hub = PreviewHub(max_fps=1000, tile_fps=8, backoff=FAST_BACKOFF)
    delivered = delivered_by(hub)
    hub.add("cam1", ScriptedSource(), QSize(160, 90))      # about 150 pictures a second
    try:
        qtbot.waitUntil(lambda: bool(delivered), timeout=3000)
        assert 3 <= frames_in(qtbot, delivered, 1.0) <= 12
        hub.set_size("cam1", QSize(320, 180), "enlarged")
        assert frames_in(qtbot, delivered, 1.0) > 30
        hub.forget_view("enlarged")
        qtbot.wait(100)
        assert frames_in(qtbot, delivered, 1.0) <= 12
    finally:
        hub.stop()


def test_the_tile_rate_is_a_console_setting(tmp_path):
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    assert tile_fps_from(settings) == DEFAULT_TILE_FPS == 12.5
    settings.setValue(TILE_FPS_SETTING, "5")
    assert tile_fps_from(settings) == 5.0
    for wrong in ("fast", "0", "-3"):
        settings.setValue(TILE_FPS_SETTING, wrong)
        assert tile_fps_from(settings) == DEFAULT_TILE_FPS
