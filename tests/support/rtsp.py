"""A real RTSP "camera" for tests and benchmarks: clips encoded by ffmpeg, served by GStreamer.

Why these two: both are Debian packages (``ffmpeg``; ``gir1.2-gst-rtsp-server-1.0`` with
``gstreamer1.0-plugins-good`` and ``python3-gi``). ``ffmpeg -rtsp_flags listen`` only receives a
pushed stream and serves no player; mediamtx and live555's looping servers are not in Debian.
gst-rtsp-server answers like a camera (several clients, 404 for an unknown path, 401 for wrong
credentials), and since it runs as its own process (tests/support/rtsp_server.py, under the
system's python3 that the gi bindings are built for) a test can stop and restart the camera.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.support.ports import free_port

SERVER_SCRIPT = Path(__file__).with_name("rtsp_server.py")
SYSTEM_PYTHON = "/usr/bin/python3"
MAIN_SIZE = (1920, 1080)
SUB_SIZE = (640, 360)
CODEC_ENCODERS = {"h264": ("libx264", "h264_metadata", "h264"), "h265": ("libx265", "hevc_metadata", "hevc")}


def rtsp_tools_missing() -> str | None:
    """Why a real RTSP server cannot run here, or None."""
    if shutil.which("ffmpeg") is None:
        return "ffmpeg is not installed (apt-get install ffmpeg)"
    check = (
        subprocess.run(
            [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('GstRtspServer', '1.0')"],
            capture_output=True,
        )
        if Path(SYSTEM_PYTHON).exists()
        else None
    )
    if check is None or check.returncode != 0:
        return (
            "GStreamer's RTSP server is not installed (apt-get install python3-gi "
            "gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-good)"
        )
    return None


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require_rtsp_tools() -> None:
    """Skip on a developer's machine without the tools; fail on CI, which installs them."""
    missing = rtsp_tools_missing()
    if missing is None:
        return
    if on_ci():
        pytest.fail(f"{missing}: .ci/run installs it", pytrace=False)
    pytest.skip(missing)


def can_encode(codec: str) -> bool:
    encoders = subprocess.run(["ffmpeg", "-hide_banner", "-encoders"], capture_output=True, text=True).stdout
    return f" {CODEC_ENCODERS[codec][0]} " in encoders


def encode_clip(
    path: Path, size: tuple[int, int], *, codec: str = "h264", seconds: float = 2.0, fps: int = 30
) -> Path:
    """A moving test picture as an Annex-B stream with a delimiter before every frame, a key
    frame every second and no B-frames, like a camera's stream."""
    encoder, delimiter_filter, muxer = CODEC_ENCODERS[codec]
    keyframes = (
        ["-g", str(fps), "-bf", "0"]
        if codec == "h264"
        else ["-x265-params", f"log-level=error:bframes=0:keyint={fps}"]
    )
    subprocess.run(
        [
            "ffmpeg",
            "-hide_banner",
            "-loglevel",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"testsrc2=size={size[0]}x{size[1]}:rate={fps}",
            "-t",
            str(seconds),
            "-c:v",
            encoder,
            "-preset",
            "ultrafast",
            *keyframes,
            "-pix_fmt",
            "yuv420p",
            "-bsf:v",
            f"{delimiter_filter}=aud=insert",
            "-f",
            muxer,
            str(path),
        ],
        check=True,
    )
    return path


class RtspServer:
    """``mounts`` maps a path ("/main") to a clip; ``url(path)`` is what a camera's config says."""

    def __init__(
        self,
        mounts: dict[str, Path],
        *,
        user: str | None = None,
        password: str | None = None,
        digest: bool = False,
        fps: int = 30,
    ) -> None:
        self.mounts = mounts
        self.user, self.password, self.digest, self.fps = user, password, digest, fps
        self.port = free_port()
        self._process: subprocess.Popen[bytes] | None = None

    def url(self, path: str, *, user: str | None = None, password: str | None = None) -> str:
        credentials = f"{user}:{password}@" if user is not None else ""
        return f"rtsp://{credentials}127.0.0.1:{self.port}{path}"

    def start(self, timeout: float = 10.0) -> RtspServer:
        command = [
            SYSTEM_PYTHON,
            str(SERVER_SCRIPT),
            str(self.port),
            "--fps",
            str(self.fps),
            *(f"{path}={clip}" for path, clip in self.mounts.items()),
        ]
        if self.user is not None:
            command += ["--user", self.user, "--password", self.password or ""] + (
                ["--digest"] if self.digest else []
            )
        self._process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:  # "ready" is printed once the port listens
            if self._process.poll() is not None:
                raise RuntimeError(f"the RTSP server ended with code {self._process.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"the RTSP server did not listen on port {self.port} within {timeout:g} s")

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait(5)
            self._process = None

    def __enter__(self) -> RtspServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


@pytest.fixture(scope="session")
def rtsp_clips(tmp_path_factory) -> dict[str, Path]:
    """The main stream (1080p30) and the substream (640×360) of a camera; H.265 where ffmpeg encodes it."""
    require_rtsp_tools()
    folder = tmp_path_factory.mktemp("rtsp-clips")
    clips = {
        "/main": encode_clip(folder / "main.h264", MAIN_SIZE),
        "/sub": encode_clip(folder / "sub.h264", SUB_SIZE),
    }
    if can_encode("h265") or on_ci():  # Debian's ffmpeg has libx265: CI tests H.265 too
        clips["/sub-h265"] = encode_clip(folder / "sub.h265", SUB_SIZE, codec="h265")
    return clips


@pytest.fixture
def rtsp_camera(rtsp_clips):
    """A running RTSP server with the clips, no credentials needed."""
    with RtspServer(rtsp_clips) as server:
        yield server
