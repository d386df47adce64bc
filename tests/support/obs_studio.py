"""A real OBS Studio for tests and benchmarks: Debian's obs-studio (29.x, obs-websocket 5.1), headless
under Xvfb with software GL, with a throwaway profile and scene collection, streaming to a local
RTMP sink (``ffmpeg -listen 1``) and recording into a temporary folder.

    with RealObs(tmp_path) as obs:     # started once; waits for the websocket's Hello, not the port
        obs.url, obs.password_env, obs.password
        obs.open_sink(); …; obs.sink_bytes()
        obs.kill(); obs.restart()

Everything it starts gets its own HOME and XDG folders and its own X display (from :125 up, the
first free one); nothing else sees that DISPLAY. OBS fetches its streaming services list at start:
the proxy variables send that request to a closed port on this machine, so it goes nowhere else.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from websockets.sync.client import connect

from tests.support.obs_target import ObsTarget
from tests.support.ports import free_port

FIRST_DISPLAY = 125
SCENES = {"Podium": "Podium colour", "Audience": "Audience colour", "Screens": "Screens colour"}
COLOURS = (0xFF0000FF, 0xFF00FF00, 0xFFFF0000)
START_TIMEOUT = 60.0
LAST_VERSION = (29 << 24) | (0 << 16) | 2  # OBS's MAKE_SEMANTIC_VERSION(29, 0, 2): no "what's new" on start


def obs_missing() -> str | None:
    for tool, package in (("obs", "obs-studio"), ("Xvfb", "xvfb"), ("ffmpeg", "ffmpeg")):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install {package})"
    return None


def require_obs() -> None:
    """Skip on a developer's machine without OBS; fail on CI, which installs it."""
    missing = obs_missing()
    if missing is None:
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{missing}: .ci/run installs it", pytrace=False)
    pytest.skip(missing)


class RealObs(ObsTarget):
    kind = "obs-studio"
    sources = SCENES

    def __init__(self, folder: Path) -> None:
        super().__init__(folder, password="obs-test-password", port=free_port())
        self.home = folder / "home"
        self.sink_port = free_port()
        self._xvfb: subprocess.Popen | None = None
        self._obs: subprocess.Popen | None = None
        self._sink: subprocess.Popen | None = None
        self._sink_file = folder / "sink.flv"
        self.display = ""

    # ---- lifecycle ---------------------------------------------------------------------------
    def start(self) -> RealObs:
        self._write_profile()
        self._start_display()
        self._start_obs()
        return self

    def close(self) -> None:
        for process in (self._sink, self._obs, self._xvfb):
            _end(process)

    def kill(self) -> None:
        """As a crash or a power cut: SIGKILL, no goodbye on the websocket."""
        if self._obs is not None:
            self._obs.send_signal(signal.SIGKILL)
            self._obs.wait(10)
            self._obs = None

    def restart(self) -> None:
        self._start_obs()

    # ---- the RTMP sink -----------------------------------------------------------------------
    def open_sink(self) -> None:
        _end(self._sink)
        self._sink_file.unlink(missing_ok=True)
        url = f"rtmp://127.0.0.1:{self.sink_port}/live/key"
        self._sink = subprocess.Popen(
            ["ffmpeg", "-hide_banner", "-loglevel", "error", "-listen", "1", "-f", "flv", "-i", url]
            + ["-c", "copy", "-y", str(self._sink_file)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_port(self.sink_port, 10)

    def sink_bytes(self) -> int:
        """What reached the sink; once the stream has stopped, ffmpeg ends and its file is complete."""
        if self._sink is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._sink.wait(5)
        return self._sink_file.stat().st_size if self._sink_file.exists() else 0

    # ---- set-up ------------------------------------------------------------------------------
    def _write_profile(self) -> None:
        config = self.home / ".config" / "obs-studio"
        profile = config / "basic" / "profiles" / "test"
        scenes = config / "basic" / "scenes"
        for folder in (profile, scenes, self.record_dir):
            folder.mkdir(parents=True, exist_ok=True)
        (config / "global.ini").write_text(
            f"[General]\nFirstRun=true\nLastVersion={LAST_VERSION}\nEnableAutoUpdates=false\n"
            "[BasicWindow]\nPreviewEnabled=false\nSysTrayEnabled=true\nSysTrayWhenStarted=true\n"
            f"[OBSWebSocket]\nFirstLoad=false\nServerEnabled=true\nServerPort={self.port}\n"
            f"AlertsEnabled=false\nAuthRequired=true\nServerPassword={self.password}\n"
        )
        (profile / "basic.ini").write_text(
            "[General]\nName=test\n[Output]\nMode=Simple\n"
            f"[SimpleOutput]\nFilePath={self.record_dir}\nRecFormat=mkv\nVBitrate=300\nABitrate=64\n"
            "RecQuality=Stream\nStreamEncoder=x264\nPreset=ultrafast\n"
            "[Video]\nBaseCX=320\nBaseCY=180\nOutputCX=320\nOutputCY=180\nFPSType=0\nFPSCommon=30\n"
        )
        service = {"type": "rtmp_custom", "settings": {"server": f"rtmp://127.0.0.1:{self.sink_port}/live"}}
        service["settings"].update(key="key", use_auth=False)  # type: ignore[attr-defined]
        (profile / "service.json").write_text(json.dumps(service))
        (scenes / "test.json").write_text(json.dumps(_collection()))

    def _start_display(self) -> None:
        number = FIRST_DISPLAY
        while Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            number += 1
        self.display = f":{number}"
        self._xvfb = subprocess.Popen(
            ["Xvfb", self.display, "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline or self._xvfb.poll() is not None:
                raise RuntimeError(f"Xvfb {self.display} did not start")
            time.sleep(0.05)

    def _start_obs(self) -> None:
        nowhere = "http://127.0.0.1:9"
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.home),
            "XDG_CONFIG_HOME": str(self.home / ".config"),
            "XDG_DATA_HOME": str(self.home / ".local" / "share"),
            "XDG_CACHE_HOME": str(self.home / ".cache"),
            "DISPLAY": self.display,
            "LIBGL_ALWAYS_SOFTWARE": "1",
            "http_proxy": nowhere,
            "https_proxy": nowhere,
            "no_proxy": "127.0.0.1,localhost",
        }
        log = open(self.folder / "obs.log", "ab")  # noqa: SIM115 - handed to the process
        self._obs = subprocess.Popen(
            ["obs", "--multi", "--minimize-to-tray", "--profile", "test", "--collection", "test"],
            env=environment,
            cwd=self.home,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        self._wait_for_hello(START_TIMEOUT)

    def _wait_for_hello(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._obs is not None and self._obs.poll() is not None:
                raise RuntimeError(
                    f"OBS ended at start (exit {self._obs.returncode}); see {self.folder}/obs.log"
                )
            try:
                with connect(f"ws://127.0.0.1:{self.port}", open_timeout=2) as ws:
                    if json.loads(ws.recv(timeout=2)).get("op") == 0:
                        return
            except (OSError, TimeoutError, ValueError):
                time.sleep(0.2)
        raise RuntimeError(f"OBS sent no obs-websocket Hello within {timeout:g} s; see {self.folder}/obs.log")


def _collection() -> dict:
    sources: list[dict] = []
    for (scene, source), colour in zip(SCENES.items(), COLOURS, strict=True):
        sources.append(
            {
                "id": "color_source",
                "versioned_id": "color_source_v3",
                "name": source,
                "settings": {"color": colour, "width": 320, "height": 180},
            }
        )
        item = {"name": source, "id": 1, "visible": True, "pos": {"x": 0, "y": 0}, "scale": {"x": 1, "y": 1}}
        sources.append(
            {
                "id": "scene",
                "versioned_id": "scene",
                "name": scene,
                "settings": {"id_counter": 1, "items": [item]},
            }
        )
    first = next(iter(SCENES))
    return {
        "name": "test",
        "current_scene": first,
        "current_program_scene": first,
        "scene_order": [{"name": scene} for scene in SCENES],
        "sources": sources,
        "groups": [],
        "transitions": [],
        "current_transition": "Cut",
    }


def _wait_for_port(port: int, timeout: float) -> None:
    """Until something listens on ``port``, found in /proc/net (a probe connection would be the one
    client that ``ffmpeg -listen 1`` accepts)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with open(table) as rows:
                for row in list(rows)[1:]:
                    local, state = row.split()[1], row.split()[3]
                    if state == "0A" and int(local.rsplit(":", 1)[1], 16) == port:  # 0A: LISTEN
                        return
        time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port}")


def _end(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)
