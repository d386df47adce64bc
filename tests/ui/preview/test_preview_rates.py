"""Only what is seen, at the rate it is seen: unchanged pictures are not delivered again, tiles get the
configured tile rate, larger views the source rate, and hidden views decode nothing."""

from __future__ import annotations

import itertools
import threading
import time
from collections import Counter

import numpy as np
import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from devices.video import DecodeMode, SyntheticCameraSource, synthetic
from devices.visca.profiles import PROFILES
from tests.support.demo_console import make_console, rig  # noqa: F401 (rig: a fixture)
from tests.ui.preview.scripted_source import FAST_BACKOFF, ScriptedSource
from ui.preview.hub import (
    DECODE_SETTING,
    DEFAULT_TILE_FPS,
    TILE_FPS_SETTING,
    PreviewHub,
    decode_from,
    tile_fps_from,
)
from ui.preview.views import TILES, ViewWatcher

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
    hub.add("cam1", ScriptedSource(), QSize(160, 90))  # about 150 pictures a second
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


def test_pictures_too_early_for_the_tile_rate_are_skipped_not_read(qtbot):
    """A stream faster than the tiles' rate: the pictures no tile shows are not converted (``skip``)."""
    hub = PreviewHub(max_fps=1000, tile_fps=8, backoff=FAST_BACKOFF)
    delivered = delivered_by(hub)
    source = CountingSource(live=True)  # about 150 pictures a second
    hub.add("cam1", source, QSize(160, 90))
    try:
        qtbot.waitUntil(lambda: source.skips > 100, timeout=3000)
        assert source.reads <= len(delivered) + 2  # read (converted) only to be shown
    finally:
        hub.stop()


def test_the_tile_rate_is_a_console_setting(tmp_path):
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    assert tile_fps_from(settings) == DEFAULT_TILE_FPS == 12.5
    settings.setValue(TILE_FPS_SETTING, "5")
    assert tile_fps_from(settings) == 5.0
    for wrong in ("fast", "0", "-3", ["12", "5"]):  # a list: "12, 5" in the file
        settings.setValue(TILE_FPS_SETTING, wrong)
        assert tile_fps_from(settings) == DEFAULT_TILE_FPS


def test_how_streams_are_decoded_is_a_console_setting(tmp_path):
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    assert decode_from(settings) is DecodeMode.AUTO
    for value, mode in (
        ("software", DecodeMode.SOFTWARE),
        (" Hardware ", DecodeMode.HARDWARE),
        ("gpu", DecodeMode.AUTO),
    ):
        settings.setValue(DECODE_SETTING, value)
        assert decode_from(settings) is mode


class CountingSource(ScriptedSource):
    """A new picture at every read; counts reads (decodes) and drops (pictures taken off a live link
    unread)."""

    def __init__(self, *, live: bool = False) -> None:
        super().__init__()
        self.live = live
        self.reads = self.drops = self.skips = 0

    def read(self) -> np.ndarray | None:
        self.reads += 1
        return super().read()

    def drop(self) -> bool:
        self.drops += 1
        time.sleep(0.005)
        return True

    def skip(self) -> bool:
        self.skips += 1
        time.sleep(0.005)
        return True


def still_for(qtbot, count, seconds: float = 0.6) -> bool:
    qtbot.wait(150)  # a read under way when the pause came may still finish
    before = count()
    qtbot.wait(round(seconds * 1000))
    return count() == before


@pytest.mark.parametrize("live", [False, True], ids=["file", "live"])
def test_a_minimised_window_decodes_nothing_and_restored_shows_frames_again(qtbot, hub, live):
    window = QWidget()
    qtbot.addWidget(window)
    ViewWatcher(window, hub, TILES)
    window.show()
    delivered = delivered_by(hub)
    source = CountingSource(live=live)
    hub.add("cam1", source, QSize(160, 90))
    qtbot.waitUntil(lambda: len(delivered) >= 3, timeout=3000)
    window.showMinimized()
    assert still_for(qtbot, lambda: (source.reads, len(delivered)))
    assert (source.drops > 10) == live  # a live link is kept and drained; a file just waits
    assert source.opens == 1
    delivered.clear()
    window.showNormal()
    qtbot.waitUntil(lambda: len(delivered) >= 3, timeout=3000)
    window.hide()
    assert still_for(qtbot, lambda: (source.reads, len(delivered)))


def test_a_camera_hidden_in_one_window_and_shown_in_another_keeps_coming(qtbot, hub):
    delivered = delivered_by(hub)
    hub.add("cam1", CountingSource(), QSize(160, 90))
    hub.set_size("cam1", QSize(320, 180), "enlarged")
    hub.set_view_shown(TILES, False)
    qtbot.waitUntil(lambda: bool(delivered), timeout=3000)
    hub.set_view_shown("enlarged", False)
    assert still_for(qtbot, lambda: len(delivered))
    hub.set_view_shown(TILES, True)
    qtbot.waitUntil(lambda: len(delivered) >= 2, timeout=3000)


def test_the_minimised_console_draws_no_demo_pictures(rig, qtbot, monkeypatch):  # noqa: F811
    renders = [0]
    drawn = synthetic.crop
    monkeypatch.setattr(
        synthetic, "crop", lambda *args: renders.__setitem__(0, renders[0] + 1) or drawn(*args)
    )
    console = make_console(rig, qtbot)
    frames = delivered_by(console.previews)
    qtbot.waitUntil(lambda: len(set(frames)) == 4, timeout=5000)
    console.window.showMinimized()
    assert still_for(qtbot, lambda: (renders[0], len(frames)), 1.3)  # the clocks ticked meanwhile
    console.window.showNormal()
    frames.clear()
    qtbot.waitUntil(lambda: len(set(frames)) == 4, timeout=3000)


def test_frames_come_in_the_screen_format_so_painting_converts_nothing(qtbot, hub):
    with qtbot.waitSignal(hub.frameReady, timeout=3000) as first:
        hub.add("cam1", ScriptedSource(), QSize(80, 45))
    image = first.args[1]
    assert image.format() == QImage.Format.Format_RGB32
    assert image.size() == QSize(80, 45)
    grey = image.pixelColor(40, 20)
    assert (grey.red(), grey.green(), grey.blue()) == (128, 128, 128)


def test_demo_cameras_share_one_thread_and_a_still_one_delivers_about_once_a_second(qtbot, hub):
    pans = itertools.count(0, 5)
    still = {"pan": 0, "tilt": 0, "zoom": 0}
    panorama = np.full((512, 2048, 3), 90, np.uint8)
    delivered = delivered_by(hub)
    before = set(threading.enumerate())
    for number in range(1, 4):
        hub.add(
            f"still{number}",
            SyntheticCameraSource(lambda: still, PROFILES["sony-srg300h"], panorama),
            QSize(160, 90),
        )
    hub.add(
        "moving",
        SyntheticCameraSource(lambda: {**still, "pan": next(pans)}, PROFILES["sony-srg300h"], panorama),
        QSize(160, 90),
    )
    qtbot.waitUntil(lambda: len(set(delivered)) == 4, timeout=3000)
    started = set(threading.enumerate()) - before
    assert [t.name for t in started] == ["preview-shared"]
    delivered.clear()
    qtbot.wait(2000)
    counts = Counter(delivered)
    assert all(counts[f"still{number}"] <= 3 for number in range(1, 4))  # the clock's second, twice
    assert counts["moving"] >= 15  # up to the tile rate, 12.5 a second
    hub.set_view_shown(TILES, False)
    assert still_for(qtbot, lambda: len(delivered), 1.2)
    hub.set_view_shown(TILES, True)
    delivered.clear()
    qtbot.waitUntil(lambda: len(set(delivered)) == 4, timeout=2000)
    hub.stop()
    qtbot.waitUntil(lambda: not any(t.is_alive() for t in started), timeout=2000)


def test_the_console_takes_the_tile_rate_from_its_settings_file(rig, qtbot):  # noqa: F811
    _demo, _devices, folder = rig
    (folder / "console.ini").write_text("[preview]\ntile_fps=4\n", encoding="utf-8")
    console = make_console(rig, qtbot)
    assert console.previews.tile_fps == 4.0
