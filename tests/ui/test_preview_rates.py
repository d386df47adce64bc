"""Only what is seen, at the rate it is seen: unchanged pictures are not delivered again, tiles get the
configured tile rate, larger views the source rate, and hidden views decode nothing."""
from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import QSize

from tests.ui.test_preview import FAST_BACKOFF, ScriptedSource
from ui.preview import PreviewHub

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
