"""Previews from a real RTSP server (tests/support/rtsp.py): picture, loss, return, refusals said plainly."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSize

from tests.support.rtsp import RtspServer, on_ci
from ui.preview.hub import PreviewHub

pytestmark = pytest.mark.gui

TILE = QSize(320, 180)


@pytest.fixture
def hub(qtbot):
    hub = PreviewHub()  # the console's settings: 25 fps, reconnecting after 1 s, 2 s, 4 s …
    yield hub
    hub.stop()


def colours(image) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)})


@pytest.fixture
def statuses(hub) -> list[str]:
    """Every status the hub says for cam1, in order ("" while the picture is fine)."""
    said: list[str] = []
    hub.statusChanged.connect(lambda camera_id, text: said.append(text) if camera_id == "cam1" else None)
    return said


def wait_said(qtbot, statuses: list[str], words: str, timeout: float) -> str:
    """The first status from now on that contains ``words``, within timeout seconds."""
    start = len(statuses)
    qtbot.waitUntil(lambda: any(words in text for text in statuses[start:]), timeout=int(timeout * 1000))
    return next(text for text in statuses[start:] if words in text)


def show(qtbot, hub, url: str) -> None:
    with qtbot.waitSignal(hub.frameReady, timeout=8000) as first:
        hub.add("cam1", url, TILE)
    assert first.args[0] == "cam1"
    assert first.args[1].size() == TILE
    assert colours(first.args[1]) > 5  # the test picture, not a blank frame


@pytest.mark.parametrize("path", ["/sub", "/main", "/sub-h265"])
def test_a_tile_shows_the_rtsp_stream(qtbot, hub, statuses, rtsp_camera, rtsp_clips, path):
    if path not in rtsp_clips:  # CI's Debian ffmpeg has one: there it must be tested
        if on_ci():
            pytest.fail("this machine's ffmpeg has no H.265 encoder (.ci/run installs Debian's ffmpeg)")
        pytest.skip("this machine's ffmpeg has no H.265 encoder")
    show(qtbot, hub, rtsp_camera.url(path))
    qtbot.waitUntil(lambda: statuses[-1:] == [""], timeout=3000)


def test_a_stopped_server_is_said_within_2_s_and_the_picture_returns_within_5_s(
    qtbot, hub, statuses, rtsp_camera
):
    show(qtbot, hub, rtsp_camera.url("/sub"))
    rtsp_camera.stop()
    message = wait_said(qtbot, statuses, "no signal", timeout=2.0)
    assert f"nothing answers at 127.0.0.1:{rtsp_camera.port} (connection refused)" in message
    qtbot.wait(8000)  # a long outage: the waits between attempts have grown to their longest
    rtsp_camera.start()
    back = time.monotonic() + 5.0
    with qtbot.waitSignal(hub.frameReady, timeout=5000):
        pass
    qtbot.waitUntil(lambda: statuses[-1] == "", timeout=max(1, int((back - time.monotonic()) * 1000)))


def test_a_wrong_path_is_said_on_the_tile(qtbot, hub, statuses, rtsp_camera):
    hub.add("cam1", rtsp_camera.url("/Streaming/Channels/102"), TILE)
    message = wait_said(qtbot, statuses, "no signal", timeout=8.0)
    assert message.endswith(": the camera's stream was not found (404) — check the path")


@pytest.fixture
def guarded_camera(rtsp_clips):
    with RtspServer({"/sub": rtsp_clips["/sub"]}, user="operator", password="s3cret") as server:
        yield server


def test_wrong_credentials_are_said_on_the_tile_and_right_ones_play(qtbot, hub, statuses, guarded_camera):
    hub.add("cam1", guarded_camera.url("/sub", user="operator", password="guess"), TILE)
    message = wait_said(qtbot, statuses, "no signal", timeout=8.0)
    assert message.endswith("the camera refused the user name or password (401) — check them")
    assert "guess" not in message
    hub.remove("cam1")
    show(qtbot, hub, guarded_camera.url("/sub", user="operator", password="s3cret"))


def test_the_enlarged_view_plays_the_main_stream_and_the_tile_the_substream_again(
    qtbot, hub, statuses, rtsp_camera
):
    show_main = rtsp_camera.url("/main")
    with qtbot.waitSignal(hub.frameReady, timeout=8000):
        hub.add("cam1", rtsp_camera.url("/sub"), TILE, main_stream=show_main)
    hub.set_size("cam1", QSize(1280, 720), "enlarged")
    assert hub.streaming("cam1").describe() == show_main
    for _ in range(3):  # frames keep coming across the switch (the main stream opens in about a second)
        with qtbot.waitSignal(hub.frameReady, timeout=5000):
            pass
    hub.forget_view("enlarged")
    assert hub.streaming("cam1").describe() == rtsp_camera.url("/sub")
    with qtbot.waitSignal(hub.frameReady, timeout=5000):
        pass
    assert "no signal" not in " ".join(statuses)
