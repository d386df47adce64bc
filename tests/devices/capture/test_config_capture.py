"""``capture:`` in the configuration file: read, checked, written back, and opened by the console."""

from __future__ import annotations

import pytest

from devices.controller_factory import ControllerFactory
from devices.runtime import DeviceRuntime
from models.config.store import ConfigError, dump_config, parse_config
from tests.devices.capture.captures import frames, records

CONFIG = """\
cameras:
  - id: cam1
    name: Kamera Panggung
    url: visca+udp://192.168.10.21
    capture: captures/cam1.jsonl
  - id: cam2
    name: Kamera Lebar
    url: visca+tcp://192.168.10.22
walls:
  - id: wall
    name: Layar Lebar
    url: extron+tcp://192.168.10.40?password=Rahasia77
    capture: /var/log/smartcentre/wall.jsonl
"""


def test_capture_is_read_for_cameras_and_walls_and_written_back():
    config = parse_config(CONFIG)
    assert [c.capture for c in config.cameras] == ["captures/cam1.jsonl", None]
    assert config.walls[0].capture == "/var/log/smartcentre/wall.jsonl"
    assert parse_config(dump_config(config)) == config


def test_two_devices_cannot_write_one_capture_file():
    text = CONFIG.replace("/var/log/smartcentre/wall.jsonl", "captures/cam1.jsonl")
    with pytest.raises(ConfigError) as caught:
        parse_config(text)
    [problem] = caught.value.problems
    assert problem.line == 13
    assert problem.field == "walls[0].capture"
    assert "Kamera Panggung (line 5)" in problem.message


def test_an_empty_capture_is_a_problem():
    with pytest.raises(ConfigError) as caught:
        parse_config(CONFIG.replace("captures/cam1.jsonl", '""'))
    assert [p.field for p in caught.value.problems] == ["cameras[0].capture"]


def test_console_opens_captures_relative_to_the_configuration_folder(tmp_path):
    config = parse_config(CONFIG.replace("/var/log/smartcentre/wall.jsonl", "wall.jsonl"))
    with DeviceRuntime("capture-test") as runtime:
        factory = ControllerFactory(runtime, tmp_path)
        camera, wall = factory.camera(config.cameras[0]), factory.wall(config.walls[0])
        assert factory.problems == []
        assert set(factory.recorders) == {("camera", "cam1"), ("wall", "wall")}
        recorders = dict(factory.recorders)
        assert recorders["camera", "cam1"].path == tmp_path / "captures" / "cam1.jsonl"
        factory.retire("camera", "cam1", camera).result(5)  # nothing is left connecting
        factory.retire("wall", "wall", wall).result(5)
    for recorder in recorders.values():
        recorder.wait()
    wall_header = records(tmp_path / "wall.jsonl")[0]
    assert wall_header["kind"] == "wall"
    assert "Rahasia77" not in wall_header["url"]
    with DeviceRuntime("capture-test") as runtime:  # the next start keeps the last run's
        factory = ControllerFactory(runtime, tmp_path)
        factory.retire("wall", "wall", factory.wall(config.walls[0])).result(5)
    assert records(tmp_path / "wall.previous.jsonl")[0]["source"] == wall_header["source"]


def test_a_capture_that_cannot_be_written_is_a_notice_and_the_device_still_works(tmp_path, simulator):
    (tmp_path / "captures").write_text("a file where the folder should be")
    sim = simulator("visca+tcp://127.0.0.1:0")
    config = parse_config(CONFIG.replace("visca+udp://192.168.10.21", sim.url))
    with DeviceRuntime("capture-test") as runtime:
        factory = ControllerFactory(runtime, tmp_path)
        camera = factory.camera(config.cameras[0])
        assert ("camera", "cam1") not in factory.recorders
        assert len(factory.problems) == 1
        assert "Kamera Panggung" in factory.problems[0]
        assert "cannot write the capture file" in factory.problems[0]
        assert camera.power(True).result(5).result == "completed"


def test_the_console_records_while_it_runs(tmp_path, simulator):
    sim = simulator("visca+tcp://127.0.0.1:0")
    config = parse_config(CONFIG.replace("visca+udp://192.168.10.21", sim.url))
    with DeviceRuntime("capture-test") as runtime:
        factory = ControllerFactory(runtime, tmp_path)
        factory.camera(config.cameras[0]).recall_preset(0).result(5)
    for recorder in factory.recorders.values():
        assert recorder.wait() is None
    assert bytes.fromhex("81 01 04 3F 02 00 FF") in frames(tmp_path / "captures" / "cam1.jsonl", "tx")


def test_a_retired_device_closes_its_capture_file(tmp_path, simulator):
    sim = simulator("visca+tcp://127.0.0.1:0")
    config = parse_config(CONFIG.replace("visca+udp://192.168.10.21", sim.url))
    with DeviceRuntime("capture-test") as runtime:
        factory = ControllerFactory(runtime, tmp_path)
        camera = factory.camera(config.cameras[0])
        camera.recall_preset(0).result(5)
        recorder = factory.recorders["camera", "cam1"]
        factory.retire("camera", "cam1", camera).result(5)
        assert ("camera", "cam1") not in factory.recorders
        recorder._thread.join(5)  # the writer ends only once the file is closed
        assert not recorder._thread.is_alive()
        assert recorder.error is None
    assert bytes.fromhex("81 01 04 3F 02 00 FF") in frames(tmp_path / "captures" / "cam1.jsonl", "tx")
