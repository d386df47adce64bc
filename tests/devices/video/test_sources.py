"""Preview sources without Qt: spec parsing, file playback, the synthetic camera picture."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import cv2
import numpy as np
import pytest

from devices.video import (
    OpenCvSource,
    PreviewSourceError,
    PyAvSource,
    SourceError,
    SourceKind,
    SyntheticCameraSource,
    open_source,
    parse_spec,
    redact,
    synthetic,
)
from devices.video.synthetic import DEFAULT_PANORAMA
from devices.visca.profiles import get_profile
from models.oplog.clock import WIB
from tests.support.clips import bar_centre, write_clip

PROFILE = get_profile("sony-srg300h")


# ---- specs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "kind", "target"),
    [
        (
            "rtsp://admin:secret@10.0.0.5:554/stream1",
            SourceKind.RTSP,
            "rtsp://admin:secret@10.0.0.5:554/stream1",
        ),
        ("http://10.0.0.6/mjpg/video.mjpg", SourceKind.HTTP, "http://10.0.0.6/mjpg/video.mjpg"),
        ("https://cam.local/video", SourceKind.HTTP, "https://cam.local/video"),
        ("/srv/clips/hall.mp4", SourceKind.FILE, "/srv/clips/hall.mp4"),
        ("C:\\clips\\hall.avi", SourceKind.FILE, "C:\\clips\\hall.avi"),
        ("file:///srv/clips/two%20words.avi", SourceKind.FILE, "/srv/clips/two words.avi"),
        (" 2 ", SourceKind.DEVICE, 2),
        (0, SourceKind.DEVICE, 0),
        ("DEMO", SourceKind.DEMO, "DEMO"),
    ],
)
def test_specs_name_their_kind(spec, kind, target):
    parsed = parse_spec(spec)
    assert (parsed.kind, parsed.target) == (kind, target)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("foo://x", "preview source 'foo://x' is not RTSP, HTTP, a file or a device number"),
        ("", "preview source is empty"),
        ("-1", "preview source '-1': a device number is 0 or more"),
        ("rtsp://user:pw@/path", "preview source 'rtsp://user:****@/path' has no host name"),
    ],
)
def test_bad_specs_say_what_is_wrong(spec, message):
    with pytest.raises(PreviewSourceError) as caught:
        parse_spec(spec)
    assert str(caught.value) == message


def test_passwords_never_reach_messages():
    assert redact("rtsp://admin:secret@10.0.0.5/s") == "rtsp://admin:****@10.0.0.5/s"
    assert redact("http://10.0.0.6/video") == "http://10.0.0.6/video"
    assert PyAvSource("rtsp://admin:secret@10.0.0.5/s").describe() == "rtsp://admin:****@10.0.0.5/s"


def test_open_source_picks_the_implementation():
    assert isinstance(open_source("http://10.0.0.6/video"), OpenCvSource)
    assert isinstance(open_source("rtsp://10.0.0.5/s"), PyAvSource)
    demo = open_source("demo", sim_state=lambda: {}, profile=PROFILE, name="Stage")
    assert isinstance(demo, SyntheticCameraSource)
    assert demo.describe() == "simulated camera Stage"
    with pytest.raises(PreviewSourceError, match="needs a simulated camera"):
        open_source("demo")


# ---- files ----------------------------------------------------------------------------------


def test_missing_file_is_reported_on_open(tmp_path):
    source = OpenCvSource(str(tmp_path / "absent.avi"))
    with pytest.raises(SourceError, match="file not found"):
        source.open()
    source.close()


def test_file_plays_in_order_and_loops(tmp_path):
    clip = write_clip(tmp_path / "walk.avi", count=6)
    with OpenCvSource(str(clip)) as source:
        positions = [bar_centre(source.read()) for _ in range(8)]
    assert positions[:6] == sorted(positions[:6])
    assert positions[0] < 0.2 < 0.8 < positions[5]
    assert positions[6] == pytest.approx(positions[0], abs=0.02)  # back at the start
    assert positions[7] == pytest.approx(positions[1], abs=0.02)


def test_mjpeg_is_decoded_at_reduced_size_when_the_tile_is_small(tmp_path):
    clip = write_clip(tmp_path / "walk.avi", count=3, size=(320, 180))
    with OpenCvSource(str(clip)) as source:
        source.want_size((80, 60))
        small = source.read()
        source.want_size(None)
        full = source.read()
    assert small.shape == (45, 80, 3)  # decoded at 1/4: 80 wide fits the 80×60 box
    assert full.shape == (180, 320, 3)
    with OpenCvSource(str(clip), reduced_decode=False) as source:
        source.want_size((80, 60))
        assert source.read().shape == (180, 320, 3)


@pytest.fixture
def mjpeg_server():
    """An HTTP MJPEG camera on 127.0.0.1 (multipart/x-mixed-replace, 1280×720 JPEG frames)."""
    stop = threading.Event()
    jpeg = cv2.imencode(".jpg", np.full((720, 1280, 3), 200, np.uint8))[1].tobytes()

    class Camera(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "multipart/x-mixed-replace; boundary=frame")
            self.end_headers()
            try:
                while not stop.wait(0.02):
                    self.wfile.write(
                        b"--frame\r\nContent-Type: image/jpeg\r\nContent-Length: %d\r\n\r\n%s\r\n"
                        % (len(jpeg), jpeg)
                    )
            except OSError:  # the client went away
                pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Camera)
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    serving.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/video.mjpg"
    stop.set()
    server.shutdown()
    server.server_close()
    serving.join()


def test_http_mjpeg_is_decoded_at_reduced_size(mjpeg_server):
    source = OpenCvSource(mjpeg_server, read_timeout=2.0)
    source.want_size((320, 180))
    with source:
        frames = [source.read() for _ in range(3)]
    assert [frame.shape for frame in frames] == [(180, 320, 3)] * 3
    assert frames[-1].mean() == pytest.approx(200, abs=3)


# ---- the synthetic camera -------------------------------------------------------------------


@pytest.fixture
def coordinate_panorama() -> np.ndarray:
    """Blue encodes the panorama column, green the row: a pixel tells where it came from."""
    height, width = 512, 2048
    panorama = np.zeros((height, width, 3), np.uint8)
    panorama[:, :, 0] = (np.arange(width) * 255 // (width - 1))[None, :]
    panorama[:, :, 1] = (np.arange(height) * 255 // (height - 1))[:, None]
    return panorama


def render(panorama: np.ndarray, profile=PROFILE, **state) -> np.ndarray:
    full_state = {"pan": 0, "tilt": 0, "zoom": 0, "power": True, "moving": False, **state}
    source = SyntheticCameraSource(lambda: full_state, profile, panorama, name="Test", fps=1000)
    source.want_size((320, 180))
    with source:
        return source.read()


def column_at(frame: np.ndarray, x: int) -> float:
    """Panorama column (0–255 scale) seen at picture column x, sampled on the middle row."""
    return float(frame[90, x, 0])


def test_panning_right_moves_the_view_right(coordinate_panorama):
    left = render(coordinate_panorama, pan=-4000)
    centre = render(coordinate_panorama, pan=0)
    right = render(coordinate_panorama, pan=4000)
    assert column_at(left, 160) + 30 < column_at(centre, 160) < column_at(right, 160) - 30
    assert column_at(right, 20) > column_at(centre, 20) + 30  # the whole picture moved
    assert column_at(centre, 160) == pytest.approx(127, abs=3)


def test_brc_h700_left_end_is_its_positive_one(coordinate_panorama):
    h700 = get_profile("sony-brc-h700")
    left_end = render(coordinate_panorama, h700, pan=h700.pan_max)
    right_end = render(coordinate_panorama, h700, pan=h700.pan_min)
    assert column_at(left_end, 160) + 30 < column_at(right_end, 160)


def test_tilting_up_moves_the_view_up(coordinate_panorama):
    up = render(coordinate_panorama, tilt=PROFILE.tilt_max)
    level = render(coordinate_panorama, tilt=0)
    down = render(coordinate_panorama, tilt=PROFILE.tilt_min)
    assert up[90, 160, 1] < level[90, 160, 1] < down[90, 160, 1]


def test_zooming_in_magnifies_around_the_same_point(coordinate_panorama):
    wide = render(coordinate_panorama, zoom=0)
    tele = render(coordinate_panorama, zoom=PROFILE.zoom_max)
    wide_span = column_at(wide, 300) - column_at(wide, 20)
    tele_span = column_at(tele, 300) - column_at(tele, 20)
    assert wide_span > 40
    assert tele_span < wide_span / 4
    assert column_at(tele, 160) == pytest.approx(column_at(wide, 160), abs=3)


def test_standby_frame_when_the_camera_is_off(coordinate_panorama):
    live = render(coordinate_panorama)
    standby = render(coordinate_panorama, power=False)
    assert standby.shape == live.shape == (180, 320, 3)
    assert standby.mean() < 40 < live.mean()
    assert standby[:, :, 0].std() < 30  # no panorama behind it


def test_bundled_panorama_is_used_by_default():
    assert DEFAULT_PANORAMA.stat().st_size < 600 * 1024
    source = SyntheticCameraSource(lambda: {"pan": 0, "tilt": 0, "zoom": 0, "power": True}, PROFILE, fps=1000)
    with source:
        assert source.panorama.shape == (1024, 4096, 3)
        frame = source.read()
    assert frame.shape == (720, 1280, 3)
    assert frame.std() > 20


def test_the_clock_in_the_picture_is_wib_whatever_the_pcs_zone(coordinate_panorama, monkeypatch):
    drawn: list[str] = []
    original = synthetic._text
    monkeypatch.setattr(
        synthetic, "_text", lambda frame, text, *args: (drawn.append(text), original(frame, text, *args))
    )
    monkeypatch.setenv("TZ", "America/Sao_Paulo")  # UTC−3, the PC set to another zone
    time.tzset()
    try:
        render(coordinate_panorama)
        wib = {(datetime.now(WIB) - timedelta(seconds=s)).strftime("%H:%M:%S") for s in (0, 1)}
    finally:
        monkeypatch.undo()
        time.tzset()
    clocks = [text for text in drawn if text.count(":") == 2]
    assert len(clocks) == 1, (clocks, wib)
    assert clocks[0] in wib, (clocks, wib)


def test_missing_panorama_is_a_source_error(tmp_path: Path):
    source = SyntheticCameraSource(lambda: {}, PROFILE, tmp_path / "none.jpg")
    with pytest.raises(SourceError, match="demo panorama"):
        source.open()
