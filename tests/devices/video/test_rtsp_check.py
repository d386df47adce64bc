"""RTSP against a real server: why_rtsp_fails (found, not found, no/wrong credentials, Basic and
Digest, down, unknown host) and how PyAvSource opens a stream."""

from __future__ import annotations

import socket
import struct
import threading

import pytest

from devices.video import DecodeMode, PyAvSource, pyav_source
from devices.video.rtsp_check import why_rtsp_fails
from tests.support.ports import free_port
from tests.support.rtsp import RtspServer


@pytest.fixture(params=[False, True], ids=["basic", "digest"])
def guarded_camera(request, rtsp_clips):
    with RtspServer(
        {"/sub": rtsp_clips["/sub"]}, user="operator", password="s3cret:/@", digest=request.param
    ) as server:
        yield server


def test_a_stream_that_plays_has_no_reason(rtsp_camera):
    assert why_rtsp_fails(rtsp_camera.url("/sub")) is None


def test_a_wrong_path_is_said_as_not_found(rtsp_camera):
    assert why_rtsp_fails(rtsp_camera.url("/Streaming/Channels/102")) == (
        "the camera's stream was not found (404) — check the path"
    )


def test_credentials_right_missing_and_wrong(guarded_camera):
    assert why_rtsp_fails(guarded_camera.url("/sub", user="operator", password="s3cret%3A%2F%40")) is None
    assert "asks for a user name and password (401)" in why_rtsp_fails(guarded_camera.url("/sub"))
    assert why_rtsp_fails(guarded_camera.url("/sub", user="operator", password="guess")) == (
        "the camera refused the user name or password (401) — check them"
    )


def test_nothing_listening_is_said_as_connection_refused():
    port = free_port()
    assert why_rtsp_fails(f"rtsp://127.0.0.1:{port}/sub") == (
        f"nothing answers at 127.0.0.1:{port} (connection refused) — "
        "is the camera on, and is its RTSP port right?"
    )


def test_an_unknown_host_name_is_said():
    assert why_rtsp_fails("rtsp://no-such-camera.invalid/sub") == (
        "the camera's host name no-such-camera.invalid is not known — check the address"
    )


def test_a_camera_going_down_is_said_as_such_not_as_a_reset():
    """Asked the moment its stream ended, the camera takes the connection, resets it, then is gone."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def going_down() -> None:
        link, _ = listener.accept()
        link.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close with RST
        link.close()
        listener.close()

    camera = threading.Thread(target=going_down)
    camera.start()
    try:
        assert why_rtsp_fails(f"rtsp://127.0.0.1:{port}/sub") == (
            f"nothing answers at 127.0.0.1:{port} (connection refused) — "
            "is the camera on, and is its RTSP port right?"
        )
    finally:
        camera.join(5)


@pytest.fixture
def options_seen(monkeypatch):
    """The FFmpeg options each stream was opened with."""
    seen: list[dict[str, str]] = []
    real = pyav_source.av.open

    def opening(*args, options, **kwargs):
        seen.append(dict(options))
        return real(*args, options=options, **kwargs)

    monkeypatch.setattr(pyav_source.av, "open", opening)
    monkeypatch.delenv(pyav_source.FFMPEG_OPTIONS, raising=False)
    return seen


def test_rtsp_opens_without_a_second_of_probing(options_seen, rtsp_camera):
    with PyAvSource(rtsp_camera.url("/sub"), decode=DecodeMode.SOFTWARE) as source:
        assert source.read().shape == (360, 640, 3)
    assert options_seen == [{"rtsp_transport": "tcp", "analyzeduration": "0", "probesize": "32"}]


def test_it_staffs_own_ffmpeg_options_win(options_seen, monkeypatch, rtsp_camera):
    monkeypatch.setenv(pyav_source.FFMPEG_OPTIONS, "rtsp_transport;tcp|max_delay;100000")
    with PyAvSource(rtsp_camera.url("/sub"), decode=DecodeMode.SOFTWARE) as source:
        assert source.read() is not None
    assert options_seen == [{"rtsp_transport": "tcp", "max_delay": "100000"}]
