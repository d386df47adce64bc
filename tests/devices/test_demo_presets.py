"""The demo teaches what a real camera does: its named presets are stored positions that frame
something in the hall, a recall moves the head over time, and saved presets outlive a restart."""

from __future__ import annotations

import json
import time

import pytest

from devices.demo import start_demo_cameras
from devices.runtime import DeviceRuntime
from devices.video.synthetic import load_panorama, view_of
from devices.visca.controller import CameraController
from devices.visca.state import Motion
from models.config.store import demo_config
from tests.support.waiting import wait_until

# Where tools/make_panorama.py draws what the presets should frame (panorama pixels)
PODIUM_EMBLEM = (2050, 500)
FRONT_TABLES_ROW, BACK_TABLES_ROW = 760, 900


@pytest.fixture
def demo_run(tmp_path):
    """``run(folder=None)``: the demo's simulated cameras (their state files in ``folder``), stopped
    at the end of the test or by the next ``run`` — as the console stops and starts again."""
    running: list[DeviceRuntime] = []

    def run(folder=None):
        while running:
            running.pop().stop()
        sims = DeviceRuntime("demo-sims")
        sims.start()
        running.append(sims)
        return start_demo_cameras(sims, state_folder=folder)

    yield run
    while running:
        running.pop().stop()


def panorama_size():
    panorama = load_panorama()
    return panorama.shape[1], panorama.shape[0]


def contains(view, x, y) -> bool:
    cx, cy, w, h = view
    return abs(x - cx) <= w / 2 and abs(y - cy) <= h / 2


def test_every_named_demo_preset_is_a_stored_position_framing_its_subject(demo_run):
    demo = demo_run()
    config = demo_config([d.url for d in demo])
    size = panorama_size()
    home = view_of({}, demo[0].profile, size)
    for camera, sim in zip(config.cameras, demo, strict=True):
        stored = sim.state()["presets"]
        assert set(camera.presets) <= set(stored), f"{camera.id}: named presets without a position"
        views = [view_of(stored[n], sim.profile, size) for n in sorted(camera.presets)]
        assert home not in views, f"{camera.id}: presets that frame nothing new"
        assert len(set(views)) == len(views), f"{camera.id}: presets that frame nothing new"
    podium, leaders, audience = (
        view_of(demo[0].state()["presets"][n], demo[0].profile, size) for n in (1, 2, 3)
    )
    assert contains(podium, *PODIUM_EMBLEM)
    assert podium[2] < home[2] / 2  # a close shot of the podium
    assert contains(leaders, leaders[0], FRONT_TABLES_ROW)
    assert not contains(leaders, leaders[0], BACK_TABLES_ROW)
    assert contains(audience, audience[0], FRONT_TABLES_ROW)
    assert contains(audience, audience[0], BACK_TABLES_ROW)


def test_recalling_a_demo_preset_moves_the_head_over_time_and_arrives(demo_run, runtime):
    sim = demo_run()[0]
    target = sim.state()["presets"][1]
    camera = CameraController(runtime, f"{sim.url}&poll=0.2").start()
    try:
        recall = camera.recall_preset(1)
        wait_until(lambda: sim.state()["moving"], what="the head to start moving")
        first = sim.state()
        time.sleep(0.3)
        later = sim.state()
        assert later["moving"]
        assert 0 < first["zoom"] < later["zoom"] < target["zoom"]  # under way, not there
        assert recall.result(10).ok
        assert {axis: sim.state()[axis] for axis in ("pan", "tilt", "zoom")} == {
            axis: target[axis] for axis in ("pan", "tilt", "zoom")
        }
        wait_until(
            lambda: camera.snapshot().motion is Motion.ARRIVED and camera.snapshot().target_preset == 1,
            what="the console to see it arrive",
        )
    finally:
        camera.close().result(5)


def test_the_demo_cameras_keep_what_was_saved_before_a_restart(demo_run, runtime, tmp_path):
    folder = tmp_path / "demo cameras"
    sim = demo_run(folder)[0]
    camera = CameraController(runtime, sim.url).start()
    camera.goto(-3000, 400, 0x18).result(5)
    assert camera.save_preset(6).result(5).ok
    assert camera.clear_preset(2).result(5).ok
    camera.close().result(5)
    before = sim.state()["presets"]

    again = demo_run(folder)
    assert again[0].state()["presets"] == before  # preset 6 kept; preset 2 not put back
    assert before[6]["pan"] == -3000
    assert 2 not in before
    assert {1, 3} <= set(before)
    assert all(d.problem is None for d in again)
    assert sorted(p.name for p in folder.iterdir()) == [f"camera{n}.json" for n in range(1, 5)]


def test_an_unusable_demo_camera_file_is_reported_and_the_demo_presets_come_back(demo_run, tmp_path):
    folder = tmp_path / "cams"
    demo_run(folder)
    (folder / "camera2.json").write_text('{"format": 1, "cameras": [', encoding="utf-8")
    demo = demo_run(folder)
    assert "camera2.json" in demo[1].problem
    assert "not valid JSON" in demo[1].problem
    assert [d.problem for d in demo[::2]] == [None, None]
    assert {1, 2, 3} <= set(demo[1].state()["presets"])
    json.loads((folder / "camera2.json").read_text(encoding="utf-8"))  # written good again


def test_without_a_state_folder_the_demo_writes_no_files(demo_run, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    demo = demo_run()
    assert all(d.problem is None and {1, 2} <= set(d.state()["presets"]) for d in demo)
    assert list(tmp_path.iterdir()) == []
