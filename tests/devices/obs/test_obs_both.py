"""The `obs` command and the controller against the simulator and the real OBS Studio alike (issue #15
"Real OBS in the tests"): what one does, the other must do too."""

from __future__ import annotations

import json
import time
from pathlib import Path

from devices.obs.controller import ObsController
from devices.obs.state import Connection, OnAir
from tests.support.commands import run_app
from tests.support.ports import free_port


def obs(target, *arguments):
    return run_app("obs", target.url, *arguments)


def status(target) -> dict:
    done = obs(target, "status")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_status_names_version_scenes_and_outputs(target, password):
    data = status(target)
    assert data["version"].startswith("29.")
    assert data["scenes"] == list(target.scenes)
    assert data["program_scene"] in target.scenes
    assert data["preview_scene"] is None
    assert data["streaming"] is False
    assert data["recording"] is False
    assert {"kbps", "dropped_frames"} <= set(data)
    assert password not in json.dumps(data)


def test_scene_cut_puts_the_scene_on_program(target, password):
    for scene in ("Screens", "Audience"):
        done = obs(target, "scene", scene)
        assert done.returncode == 0, done.stderr
        assert status(target)["program_scene"] == scene


def test_an_unknown_scene_is_refused_by_name(target, password):
    done = obs(target, "scene", "Backstage")
    assert done.returncode == 1
    assert "Backstage" in done.stderr
    assert "Podium" in done.stderr


def test_a_recording_leaves_its_file_on_disk(target, password):
    started = obs(target, "record", "start")
    assert started.returncode == 0, started.stderr
    assert status(target)["recording"] is True
    time.sleep(1.5)
    stopped = obs(target, "record", "stop")
    assert stopped.returncode == 0, stopped.stderr
    path = Path(json.loads(stopped.stdout)["record_path"])
    assert path.parent == target.record_dir
    assert path.stat().st_size > 0


def test_a_stream_sends_bytes_to_its_server(target, password):
    target.open_sink()
    started = obs(target, "stream", "start")
    assert started.returncode == 0, started.stderr
    time.sleep(2)
    live = status(target)
    assert live["streaming"] is True
    assert live["on_air"] == "live"
    assert live["kbps"] > 0
    stopped = obs(target, "stream", "stop")
    assert stopped.returncode == 0, stopped.stderr
    assert status(target)["streaming"] is False
    assert target.sink_bytes() > 10_000


def test_a_wrong_password_is_refused(target, monkeypatch):
    for name in target.environ:
        monkeypatch.setenv(name, "not-the-password")
    done = obs(target, "status")
    assert done.returncode == 1
    assert "refused" in done.stderr
    assert "not-the-password" not in done.stderr + done.stdout


def test_nothing_listening_is_no_answer():
    done = run_app("obs", f"obs://127.0.0.1:{free_port()}", "status")
    assert done.returncode == 3
    assert "OBS does not answer" in done.stderr


def test_killed_mid_stream_is_offline_at_once_and_back_when_restarted(target, runtime):
    target.open_sink()
    controller = ObsController(runtime, target.url, environ=target.environ).start()
    controller.ready().result(10)
    controller.start_stream().result(15)
    assert controller.snapshot().on_air is OnAir.LIVE
    target.kill()
    killed = time.monotonic()
    while controller.snapshot().online and time.monotonic() - killed < 5:
        time.sleep(0.01)
    assert time.monotonic() - killed < 2.0
    assert controller.snapshot().connection is Connection.OFFLINE
    assert controller.snapshot().on_air is OnAir.OFFLINE
    target.restart()
    back = controller.ready().result(30)
    assert back.online
    assert back.on_air is OnAir.READY
