"""A simulated camera keeps its presets across restarts in a small state file (``state=PATH``)."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from urllib.parse import quote

import pytest

from devices.visca.controller import CameraController
from devices.visca.sim.simulator import start_simulator
from devices.visca.urls import CameraUrlError
from tests.support.commands import ROOT, run_app
from tests.support.sim_urls import CAMERA_FAST, client_url


@pytest.fixture
def restartable(sim_runtime, runtime):
    """``start(url)`` a simulator, ``stop(server)`` it (as a process would end); ``control(url)`` a camera."""
    servers, cameras = [], []

    def start(url: str):
        server = sim_runtime.submit(start_simulator(url)).result(5)
        servers.append(server)
        return server

    def stop(server) -> None:
        servers.remove(server)
        sim_runtime.submit(server.close()).result(5)

    def control(url: str) -> CameraController:
        camera = CameraController(runtime, url).start()
        cameras.append(camera)
        return camera

    yield start, stop, control
    for camera in cameras:
        camera.close().result(5)
    for server in servers:
        sim_runtime.submit(server.close()).result(5)


def state_option(path) -> str:
    return f"state={quote(str(path))}"


@pytest.mark.parametrize("scheme", ["visca+udp", "visca+udpraw", "visca+tcp"])
def test_a_simulated_camera_keeps_its_presets_across_a_restart(restartable, tmp_path, scheme):
    start, stop, control = restartable
    url = f"{scheme}://127.0.0.1:0?{state_option(tmp_path / 'my camera.json')}"
    first = start(url)
    camera = control(client_url(first, CAMERA_FAST))
    camera.goto(1200, -300, 0x18).result(5)
    camera.zoom_to(0x1000).result(5)
    assert camera.save_preset(7).result(5).ok
    assert camera.save_preset(8).result(5).ok
    assert camera.clear_preset(8).result(5).ok
    saved = first.state()["presets"]
    stop(first)

    again = start(url)
    assert again.memory_problem is None
    assert again.state()["presets"] == saved
    assert set(saved) == {7}
    assert (again.state()["pan"], again.state()["zoom"]) == (0, 0)  # a restart: the head starts at home
    camera = control(client_url(again, CAMERA_FAST))
    assert camera.recall_preset(7).result(5).ok
    assert (again.state()["pan"], again.state()["tilt"], again.state()["zoom"]) == (1200, -300, 0x1000)


@pytest.mark.posix
def test_a_serial_chain_keeps_each_cameras_presets_in_its_one_file(restartable, tmp_path):
    start, stop, control = restartable
    url = f"visca+serial://pty?cameras=3&{state_option(tmp_path / 'chain.json')}"
    first = start(url)
    for address, pan in ((2, -800), (3, 900)):
        camera = control(f"visca+serial://{first.address}?address={address}&{CAMERA_FAST}")
        camera.goto(pan, 0, 0x18).result(5)
        assert camera.save_preset(address).result(5).ok
    stop(first)

    again = start(url)
    assert again.state(1)["presets"] == {}
    assert again.state(2)["presets"][2]["pan"] == -800
    assert set(again.state(2)["presets"]) == {2}
    assert again.state(3)["presets"][3]["pan"] == 900
    assert set(again.state(3)["presets"]) == {3}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("{not json", "not valid JSON"),
        ('{"cameras": "none"}', "not the state of a simulated camera"),
        (
            '{"format": 1, "cameras": [{"presets": {"1": {"pan": "left"}}}]}',
            "not the state of a simulated camera",
        ),
        ("\udcff", "not valid JSON"),
    ],
)
def test_a_corrupt_state_file_is_reported_plainly_and_ignored(restartable, tmp_path, content, reason):
    start, _stop, control = restartable
    path = tmp_path / "cam.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    server = start(f"visca+tcp://127.0.0.1:0?{state_option(path)}")
    assert str(path) in server.memory_problem
    assert reason in server.memory_problem
    assert server.state()["presets"] == {}
    camera = control(client_url(server, CAMERA_FAST))
    assert camera.save_preset(3).result(5).ok  # the next change writes a good file over it
    assert set(json.loads(path.read_text(encoding="utf-8"))["cameras"][0]["presets"]) == {"3"}


def test_a_state_file_that_cannot_be_written_is_logged_and_the_camera_carries_on(
    restartable, tmp_path, caplog
):
    start, _stop, control = restartable
    folder = tmp_path / "taken"
    folder.mkdir()  # a folder where the file should be
    server = start(f"visca+tcp://127.0.0.1:0?{state_option(folder)}")
    assert str(folder) in server.memory_problem  # cannot be read either
    camera = control(client_url(server, CAMERA_FAST))
    with caplog.at_level(logging.WARNING):
        assert camera.save_preset(4).result(5).ok
    assert 4 in server.state()["presets"]
    assert any(str(folder) in record.getMessage() for record in caplog.records)


def test_without_a_state_file_nothing_is_written(restartable, tmp_path, monkeypatch):
    start, _stop, control = restartable
    monkeypatch.chdir(tmp_path)
    server = start("visca+tcp://127.0.0.1:0")
    assert server.memory_problem is None
    assert control(client_url(server, CAMERA_FAST)).save_preset(2).result(5).ok
    assert list(tmp_path.iterdir()) == []


def test_a_camera_played_by_another_device_has_no_state_file(sim_runtime, tmp_path):
    """``--replay``: the capture decides every answer, there are no presets to keep."""
    with pytest.raises(CameraUrlError, match="played from a capture"):
        sim_runtime.submit(
            start_simulator(
                f"visca+tcp://127.0.0.1:0?{state_option(tmp_path / 'x.json')}",
                device=lambda send, address: object(),
            )
        ).result(5)


# --- python app.py simulate camera --------------------------------------------------------------------


def simulate(state) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "app.py",
            "simulate",
            "camera",
            "--listen",
            f"visca+tcp://127.0.0.1:0?{state_option(state)}",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def listening_url(process: subprocess.Popen) -> str:
    line = process.stdout.readline()  # type: ignore[union-attr]
    assert " listening: visca+tcp://127.0.0.1:" in line, line
    return line.split(": ", 1)[1].split()[0]


def test_simulate_camera_keeps_presets_in_its_state_file_and_says_so(tmp_path):
    state = tmp_path / "cam.json"
    with simulate(state) as process:
        try:
            url = listening_url(process)
            assert run_app("camera", url, "goto", "1000", "-200").returncode == 0
            assert run_app("camera", url, "preset", "save", "3").returncode == 0
        finally:
            process.terminate()
    with simulate(state) as process:
        try:
            url = listening_url(process)
            assert run_app("camera", url, "preset", "recall", "3").returncode == 0
            status = json.loads(run_app("camera", url, "status").stdout)
            assert (status["pan"], status["tilt"]) == (1000, -200)
        finally:
            process.terminate()


def test_simulate_camera_reports_a_corrupt_state_file_and_runs(tmp_path):
    state = tmp_path / "cam.json"
    state.write_text("{ presets", encoding="utf-8")
    with simulate(state) as process:
        try:
            url = listening_url(process)
            assert run_app("camera", url, "preset", "save", "1").returncode == 0
        finally:
            process.terminate()
        problem = process.stderr.read()  # type: ignore[union-attr]
    assert (
        f"simulate: The saved presets of a simulated camera cannot be used ({state}): it is not valid JSON"
        in problem
    )
    assert "Traceback" not in problem


def test_simulate_camera_help_names_the_state_option():
    result = run_app("simulate", "camera", "--help")
    assert "state=PATH" in result.stdout
    assert "across restarts" in result.stdout
