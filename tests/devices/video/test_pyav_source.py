"""PyAvSource against the real RTSP server: paused without decoding, resumed on a key frame, hardware
decoding tried and given up for software, the camera's reasons, a stalled camera.

The clips have a key frame every second (30 frames, tests/support/rtsp.py ``encode_clip``), as cameras
send them, so a resume waits at most a second for its key frame.
"""

from __future__ import annotations

import os
import signal
import threading

import pytest

from devices.video import DecodeMode, PyAvSource, SourceError, decoding, pyav_source
from tests.support.ports import free_port
from tests.support.rtsp import RtspServer

FPS = 30


@pytest.fixture(autouse=True)
def untried_hardware():
    """Every test finds out afresh which hardware decoders fail."""
    decoding.forget_failures()
    yield
    decoding.forget_failures()


def colours(frame) -> int:
    return len({tuple(pixel) for pixel in frame[::16, ::16].reshape(-1, 3)})


def test_a_paused_source_takes_packets_off_the_link_without_decoding_them(rtsp_camera):
    with PyAvSource(rtsp_camera.url("/sub"), decode=DecodeMode.SOFTWARE) as source:
        assert source.read().shape == (360, 640, 3)
        decoded, packets = source.decoded, source.packets
        dropped = [source.drop() for _ in range(2 * FPS + FPS // 2)]  # 2.5 s of the stream
        assert all(dropped)  # the link stays open and keeps delivering
        assert source.packets == packets + len(dropped)
        assert source.decoded == decoded  # nothing decoded meanwhile


def test_after_a_pause_decoding_starts_again_at_a_key_frame(rtsp_camera):
    with PyAvSource(rtsp_camera.url("/sub"), decode=DecodeMode.SOFTWARE) as source:
        for _ in range(5):
            source.read()
        for pause in (FPS // 2, FPS + 7):  # resumes that fall between key frames
            for _ in range(pause):
                source.drop()
            decoded, key_frames, packets = source.decoded, source.decoded_key_frames, source.packets
            frame = source.read()
            assert (source.decoded, source.decoded_key_frames) == (decoded + 1, key_frames + 1)
            assert source.packets - packets <= FPS  # the packets up to the key frame were skipped
            assert colours(frame) > 5  # the test picture, not a grey frame
            source.read()
            assert source.decoded_key_frames == key_frames + 1  # then on frame by frame


def test_the_first_picture_after_opening_comes_from_a_key_frame(rtsp_camera):
    with PyAvSource(rtsp_camera.url("/sub")) as early:  # the stream starts with this client
        early.read()
        for _ in range(FPS // 2):
            early.read()
        with PyAvSource(rtsp_camera.url("/sub")) as late:  # joins half-way between key frames
            late.read()
            assert (late.decoded, late.decoded_key_frames) == (1, 1)


@pytest.fixture
def failing_devices(monkeypatch):
    """Two hardware decoders: CUDA, whose device cannot be opened (there is no 100th GPU), and OpenCL,
    which opens but has no H.264 decoder anywhere."""
    monkeypatch.setattr(decoding, "HARDWARE_DECODERS", ("cuda", "opencl"))
    monkeypatch.setattr(decoding, "hwdevices_available", lambda: ["cuda", "opencl"])
    real = decoding.HWAccel
    monkeypatch.setattr(
        decoding,
        "HWAccel",
        lambda device, **options: real(device, device="99" if device == "cuda" else None, **options),
    )


def test_hardware_decoding_falls_back_to_software_and_says_why(rtsp_camera, failing_devices, caplog):
    said = []
    for _ in range(2):
        with PyAvSource(rtsp_camera.url("/sub"), decode=DecodeMode.HARDWARE) as source:
            assert source.read().shape == (360, 640, 3)
            said.append(source.decoding())
    assert said[0].startswith("software — no hardware decoder: cuda: ")
    assert said[0].endswith("; opencl cannot decode h264 here")
    assert said[1] == said[0]
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warnings == [f"{rtsp_camera.url('/sub')}: hardware decoding was asked for; {said[0]}"] * 2


def test_each_device_is_probed_once_without_a_camera(failing_devices, monkeypatch):
    probed = []
    real = decoding.probe
    monkeypatch.setattr(decoding, "probe", lambda device: probed.append(device) or real(device))
    for _ in range(3):
        assert decoding.next_hardware(DecodeMode.AUTO) is None
    assert decoding.next_hardware(DecodeMode.SOFTWARE) is None
    assert probed == ["cuda", "opencl"]


def test_this_pc_decodes_in_software_whatever_is_asked(rtsp_camera):
    """This machine and CI have no GPU: the hardware decoders FFmpeg has are tried and given up."""
    said = {}
    for mode in (DecodeMode.HARDWARE, DecodeMode.AUTO, DecodeMode.SOFTWARE):
        with PyAvSource(rtsp_camera.url("/sub"), decode=mode) as source:
            assert source.read() is not None
            said[mode] = source.decoding()
    assert said[DecodeMode.SOFTWARE] == "software"
    assert said[DecodeMode.HARDWARE] == said[DecodeMode.AUTO]
    assert said[DecodeMode.AUTO].startswith("software — no hardware decoder: ")


@pytest.fixture
def passing_device(monkeypatch):
    """A device that passes the probe (faked) and that PyAV is asked to decode on."""
    asked = []
    real = decoding.HWAccel
    monkeypatch.setattr(decoding, "HARDWARE_DECODERS", ("opencl",))
    monkeypatch.setattr(decoding, "hwdevices_available", lambda: ["opencl"])
    monkeypatch.setattr(decoding, "probe", lambda device: None)
    monkeypatch.setattr(
        decoding,
        "HWAccel",
        lambda device, **options: asked.append((device, options)) or real(device, **options),
    )
    return asked


def test_hardware_that_works_is_said(rtsp_camera, passing_device, monkeypatch):
    monkeypatch.setattr(pyav_source, "_on_device", lambda context: True)  # PyAV says it decodes there
    with PyAvSource(rtsp_camera.url("/sub")) as source:
        source.read()
        assert source.decoding() == "hardware (opencl)"
    with PyAvSource(rtsp_camera.url("/sub"), decode=DecodeMode.SOFTWARE) as source:
        source.read()
        assert source.decoding() == "software"
    assert passing_device == [("opencl", {"allow_software_fallback": True})]


def test_a_device_that_falls_back_is_not_tried_again(rtsp_camera, passing_device):
    for _ in range(2):
        with PyAvSource(rtsp_camera.url("/sub")) as source:
            source.read()
            assert source.decoding() == "software — no hardware decoder: opencl cannot decode h264 here"
    assert len(passing_device) == 1


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/Streaming/Channels/102", "the camera's stream was not found (404) — check the path"),
    ],
)
def test_the_camera_says_why_there_is_no_stream(rtsp_camera, path, words):
    with pytest.raises(SourceError) as caught:
        PyAvSource(rtsp_camera.url(path)).open()
    assert str(caught.value) == words


def test_nothing_listening_and_an_unknown_host_are_said():
    port = free_port()
    with pytest.raises(SourceError, match=rf"nothing answers at 127.0.0.1:{port} \(connection refused\)"):
        PyAvSource(f"rtsp://127.0.0.1:{port}/sub").open()
    with pytest.raises(SourceError, match="host name no-such-camera.invalid is not known"):
        PyAvSource("rtsp://no-such-camera.invalid/sub").open()


def test_wrong_credentials_are_said(rtsp_clips):
    with (
        RtspServer({"/sub": rtsp_clips["/sub"]}, user="operator", password="s3cret") as server,
        pytest.raises(SourceError, match=r"refused the user name or password \(401\)"),
    ):
        PyAvSource(server.url("/sub", user="operator", password="guess")).open()


def test_a_stalled_camera_does_not_hang_the_reader(rtsp_camera):
    source = PyAvSource(rtsp_camera.url("/sub"), read_timeout=1.0)
    source.open()
    source.read()
    outcome: list[object] = []
    os.kill(rtsp_camera._process.pid, signal.SIGSTOP)  # the camera hangs: connected, silent
    try:
        reader = threading.Thread(target=lambda: outcome.append(_read_until_stopped(source)))
        reader.start()
        reader.join(20)
        assert not reader.is_alive(), "read() still blocked 20 s after the camera stalled"
    finally:
        os.kill(rtsp_camera._process.pid, signal.SIGCONT)
        source.close()
    assert "does not answer" in str(outcome[0])


def _read_until_stopped(source: PyAvSource) -> object:
    try:
        while source.read() is not None:
            pass
    except SourceError as exc:
        return exc
    return None
