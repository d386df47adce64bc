"""The configuration's OBS outputs (``broadcast:``), the output an event streams on, shots that cut to a
scene, and the cameras' tally settings: read, written back, and every mistake named with its field."""

from __future__ import annotations

import pytest

from devices.obs.urls import check_obs
from models.config.demo import DEMO_SCENES
from models.config.schema import BroadcastConfig, Shot
from models.config.store import ConfigError, demo_config, dump_config, parse_config

GOOD = """\
broadcast:
  - id: obs-rapat
    name: OBS Ruang Rapat
    url: obs://192.168.10.50?password_env=OBS_RAPAT_PASSWORD
cameras:
  - id: cam1
    name: Kamera Panggung
    url: visca+udp://192.168.10.21
    obs_source: Kamera Panggung
    tally_lamp: yes
  - id: cam2
    name: Kamera Pendopo
    url: visca+udp://192.168.10.22
events:
  - id: rakor
    title: Rapat Koordinasi
    cameras: [cam1, cam2]
    broadcast: obs-rapat
    shots:
      F1: {camera: cam1, preset: 1, scene: Podium}
      F2: {camera: cam2, preset: 3, scene: Pendopo, cut: at-once}
      F3: {camera: cam2, preset: 4}
      F5: {scene: Presentasi}
"""


def problems(text: str) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "config.yaml", broadcast_check=check_obs)
    return [str(problem) for problem in caught.value.problems]


def test_outputs_events_shots_and_tally_are_read():
    config = parse_config(GOOD, broadcast_check=check_obs)
    assert config.broadcast == (
        BroadcastConfig(
            "obs-rapat", "OBS Ruang Rapat", "obs://192.168.10.50?password_env=OBS_RAPAT_PASSWORD"
        ),
    )
    event = config.events[0]
    assert event.broadcast == "obs-rapat"
    assert event.shots == {
        "F1": Shot("cam1", 1, "Podium", "on-arrival"),
        "F2": Shot("cam2", 3, "Pendopo", "at-once"),
        "F3": Shot("cam2", 4),
        "F5": Shot(None, None, "Presentasi"),
    }
    cam1, cam2 = config.cameras
    assert (cam1.obs_source, cam1.tally_lamp) == ("Kamera Panggung", True)
    assert (cam2.obs_source, cam2.tally_lamp) == (None, False)


def test_written_back_it_reads_the_same():
    config = parse_config(GOOD)
    assert parse_config(dump_config(config)) == config


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "url: obs://192.168.10.50?password_env=OBS_RAPAT_PASSWORD",
            "url: http://192.168.10.50",
            "config.yaml line 4, broadcast output 1 (id obs-rapat), url: an OBS output's url starts with "
            "obs://, e.g. obs://192.168.10.50?password_env=OBS_PASSWORD, not 'http://192.168.10.50'",
        ),
        (
            "url: obs://192.168.10.50?password_env=OBS_RAPAT_PASSWORD",
            "url: obs://192.168.10.50?password=rahasia",
            "config.yaml line 4, broadcast output 1 (id obs-rapat), url: an OBS password is never written "
            "in the URL; put it in an environment variable named by password_env=, or in the secrets file",
        ),
        (
            "    broadcast: obs-rapat",
            "    broadcast: obs-podcast",
            "config.yaml line 18, event 1 (id rakor), broadcast: no broadcast output with id 'obs-podcast' "
            "(the outputs: obs-rapat)",
        ),
        (
            "    tally_lamp: yes",
            "    tally_lamp: maybe",
            "config.yaml line 10, camera 1 (id cam1), tally_lamp: tally_lamp is yes or no, not 'maybe'",
        ),
        (
            "cut: at-once",
            "cut: later",
            "config.yaml line 21, event 1 (id rakor), shots.F2.cut: cut is on-arrival or at-once, "
            "not 'later'",
        ),
        (
            "F3: {camera: cam2, preset: 4}",
            "F3: {camera: cam2}",
            "config.yaml line 22, event 1 (id rakor), shots.F3: missing 'preset'",
        ),
        (
            "F5: {scene: Presentasi}",
            "F5: {}",
            "config.yaml line 23, event 1 (id rakor), shots.F5: a shot names a camera and preset, a scene, "
            "or both",
        ),
        (
            "    broadcast: obs-rapat\n",
            "",
            "config.yaml line 19, event 1 (id rakor), shots: a shot cuts to a scene, but the event names no "
            "broadcast output (broadcast: ID)",
        ),
        (
            "    obs_source: Kamera Panggung",
            "    obs_source: ''",
            "config.yaml line 9, camera 1 (id cam1), obs_source: must not be empty",
        ),
    ],
)
def test_a_mistake_is_named_with_its_line_and_field(old, new, expected):
    assert old in GOOD
    assert problems(GOOD.replace(old, new)) == [expected]


def test_the_demo_streams_each_event_on_its_own_output():
    urls = [
        "visca+udp://127.0.0.1:1",
        "visca+udp://127.0.0.1:2",
        "visca+tcp://127.0.0.1:3",
        "visca+udp://127.0.0.1:4",
    ]
    obs = {output: f"obs://127.0.0.1:{4455 + n}" for n, output in enumerate(DEMO_SCENES)}
    config = demo_config(urls, obs_urls=obs)
    assert [o.id for o in config.broadcast] == list(DEMO_SCENES)
    assert [e.broadcast for e in config.events] == ["obs-rapat", "obs-podcast"]
    sources = {source for scenes in DEMO_SCENES.values() for shown in scenes.values() for source in shown}
    assert {c.obs_source for c in config.cameras} <= sources
    for event in config.events:
        assert {s.scene for s in event.shots.values()} <= set(DEMO_SCENES[event.broadcast or ""])
    assert demo_config(urls).broadcast == ()
