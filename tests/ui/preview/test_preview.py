"""PreviewHub: frames at tile size on the GUI thread, newest frame wins, reconnects, clean stop."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from tests.support.clips import write_clip
from tests.ui.preview.scripted_source import FAST_BACKOFF, ScriptedSource
from ui.preview.hub import PreviewHub

pytestmark = pytest.mark.gui


@pytest.fixture
def hub(qtbot):
    hub = PreviewHub(max_fps=50, backoff=FAST_BACKOFF)
    yield hub
    hub.stop()


@pytest.fixture
def clip(tmp_path):
    return write_clip(tmp_path / "walk.avi", count=20, size=(320, 180), fps=50)


def preview_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("preview-") and t.is_alive()]


def test_frames_from_a_file_arrive_at_the_tile_size(qtbot, hub, clip):
    with qtbot.waitSignal(hub.frameReady, timeout=3000) as first:
        hub.add("cam1", str(clip), QSize(160, 90))
    camera_id, image = first.args
    assert camera_id == "cam1"
    assert image.size() == QSize(160, 90)
    background = image.pixelColor(150, 45)
    assert (background.red(), background.blue()) == (pytest.approx(20, abs=8), pytest.approx(160, abs=8))
    hub.set_size("cam1", QSize(200, 200))  # aspect ratio is kept
    qtbot.waitUntil(lambda: hub.latest("cam1").size() == QSize(200, 112), timeout=3000)


def test_status_says_connecting_then_empty_while_the_picture_is_fine(qtbot, hub):
    gate = threading.Event()
    with qtbot.waitSignal(hub.statusChanged, timeout=3000) as connecting:
        hub.add("cam1", ScriptedSource(gate=gate), QSize(160, 90))
    assert connecting.args == ["cam1", "connecting to scripted source…"]
    with qtbot.waitSignal(hub.statusChanged, timeout=3000) as fine:
        gate.set()
    assert fine.args == ["cam1", ""]


def test_a_source_that_fails_reports_why_and_keeps_retrying(qtbot, hub):
    source = ScriptedSource(failures=1000)
    with qtbot.waitSignal(
        hub.statusChanged,
        timeout=3000,
        check_params_cb=lambda camera_id, message: "reconnecting in" in message,
    ) as status:
        hub.add("cam2", source, QSize(160, 90))
    assert status.args == ["cam2", "no signal – reconnecting in 0.02 s: camera unplugged"]
    qtbot.waitUntil(lambda: source.opens >= 4, timeout=3000)
    assert hub.latest("cam2") is None


def test_a_lost_stream_is_reported_and_reconnected(qtbot, hub):
    source = ScriptedSource(frames=3)
    lost = "no signal – reconnecting in 0.02 s: the stream stopped sending pictures"
    with qtbot.waitSignal(
        hub.statusChanged, timeout=3000, check_params_cb=lambda camera_id, message: message == lost
    ):
        hub.add("cam3", source, QSize(160, 90))
    qtbot.waitUntil(lambda: source.opens >= 3, timeout=3000)
    assert hub.latest("cam3") is not None


def test_latest_is_the_last_delivered_frame(qtbot, hub, clip):
    delivered = []
    hub.frameReady.connect(lambda camera_id, image: delivered.append(image))
    hub.add("cam1", str(clip), QSize(160, 90))
    qtbot.waitUntil(lambda: len(delivered) >= 3, timeout=3000)
    assert hub.latest("cam1").cacheKey() == delivered[-1].cacheKey()
    assert hub.latest("elsewhere") is None


def test_frames_are_dropped_not_queued_while_the_gui_is_busy(qtbot, hub, clip):
    delivered: list[str] = []
    hub.frameReady.connect(lambda camera_id, image: delivered.append(camera_id))
    with qtbot.waitSignal(hub.frameReady, timeout=3000):
        hub.add("cam1", str(clip), QSize(160, 90))
    delivered.clear()
    time.sleep(0.5)  # the GUI thread is busy; the worker produces about 25 frames meanwhile
    QApplication.processEvents()
    assert delivered == ["cam1"]


def test_removed_camera_delivers_nothing_more(qtbot, hub, clip):
    with qtbot.waitSignal(hub.frameReady, timeout=3000):
        hub.add("cam1", str(clip), QSize(160, 90))
    hub.remove("cam1")
    with qtbot.assertNotEmitted(hub.frameReady, wait=150):
        pass
    assert hub.latest("cam1") is None
    with pytest.raises(KeyError):
        hub.set_size("cam1", QSize(10, 10))


def test_stop_ends_every_worker(qtbot, hub, clip):
    earlier = set(preview_threads())  # another test's console may still be letting its previews go
    hub.add("cam1", str(clip), QSize(160, 90))
    hub.add("cam2", ScriptedSource(failures=1000), QSize(160, 90))
    hub.add("cam3", ScriptedSource(), QSize(160, 90))
    ours = [thread for thread in preview_threads() if thread not in earlier]
    assert sorted(thread.name for thread in ours) == ["preview-cam1", "preview-cam2", "preview-cam3"]
    hub.stop()
    assert not any(thread.is_alive() for thread in ours)


def test_bad_arguments_are_refused_at_once(hub, clip):
    with pytest.raises(ValueError, match="is not RTSP, HTTP, a file or a device number"):
        hub.add("cam1", "foo://x", QSize(160, 90))
    with pytest.raises(ValueError, match="size must be positive"):
        hub.add("cam1", str(clip), QSize(0, 90))
    hub.add("cam1", str(clip), QSize(160, 90))
    with pytest.raises(ValueError, match="already has a preview"):
        hub.add("cam1", str(clip), QSize(160, 90))


def test_a_larger_view_gets_larger_frames_from_the_same_worker(qtbot, hub, clip):
    threads = len(preview_threads())
    hub.add("cam1", str(clip), QSize(160, 90))  # the tiles
    qtbot.waitUntil(lambda: hub.latest("cam1") is not None, timeout=3000)
    hub.set_size("cam1", QSize(320, 180), "enlarged")  # an enlarged preview opens
    qtbot.waitUntil(lambda: hub.latest("cam1").size() == QSize(320, 180), timeout=3000)
    hub.set_size("cam1", QSize(240, 135))  # the tiles grow, still smaller
    with qtbot.waitSignal(hub.frameReady, timeout=3000):
        pass
    assert hub.latest("cam1").size() == QSize(320, 180)
    assert len(preview_threads()) == threads + 1  # one worker, one stream
    hub.forget_view("enlarged")
    qtbot.waitUntil(lambda: hub.latest("cam1").size() == QSize(240, 135), timeout=3000)


def test_a_large_view_switches_to_the_main_stream_and_back_without_saying_no_signal(qtbot, hub):
    substream, main_stream = ScriptedSource(shade=60), ScriptedSource(shade=200)
    said: list[str] = []
    hub.statusChanged.connect(lambda camera_id, message: said.append(message))
    shade = lambda: hub.latest("cam1") is not None and hub.latest("cam1").pixelColor(5, 5).red()  # noqa: E731
    hub.add("cam1", substream, QSize(160, 90), main_stream=main_stream)
    qtbot.waitUntil(lambda: shade() == 60, timeout=3000)
    hub.set_size("cam1", QSize(640, 360), "multiview")  # not larger than a substream
    hub.set_size("cam1", QSize(1280, 720), "enlarged")
    qtbot.waitUntil(lambda: shade() == 200, timeout=3000)
    assert hub.streaming("cam1") is main_stream
    assert substream.closes >= 1
    hub.forget_view("enlarged")
    qtbot.waitUntil(lambda: shade() == 60, timeout=3000)
    assert hub.streaming("cam1") is substream
    assert substream.opens == 2
    assert said == ["connecting to scripted source…", ""]


def test_without_a_main_stream_a_large_view_keeps_the_substream(qtbot, hub):
    substream = ScriptedSource()
    hub.add("cam1", substream, QSize(160, 90))
    hub.set_size("cam1", QSize(1280, 720), "enlarged")
    qtbot.waitUntil(
        lambda: hub.latest("cam1") is not None and hub.latest("cam1").width() == 1280, timeout=3000
    )
    assert hub.streaming("cam1") is substream
    assert substream.opens == 1
