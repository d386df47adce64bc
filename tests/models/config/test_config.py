"""The configuration file: every problem named with its line and field; round trips; the last good copy."""

from __future__ import annotations

import string
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from common.wording import QT_TRANSLATE_NOOP
from devices.visca.url_check import check_camera
from models.config.parse import NO_CAMERAS
from models.config.store import (
    CameraConfig,
    Config,
    ConfigError,
    ConfigStore,
    EventConfig,
    Shot,
    WallConfig,
    demo_config,
    demo_config_text,
    dump_config,
    load_config,
    parse_config,
)
from tests.support.sample_config import GOOD

DEMO_URLS = [
    "visca+udp://127.0.0.1:52380?model=sony-srg300h",
    "visca+udp://127.0.0.1:52390",
    "visca+tcp://127.0.0.1:5678?model=ptzoptics",
    "visca+serial:///dev/ttyUSB0?address=1",
]


def parse(text: str) -> Config:
    return parse_config(text, "config.yaml", check_camera)


def problems_of(text: str) -> list[tuple[int | None, str, str]]:
    with pytest.raises(ConfigError) as caught:
        parse(text)
    return [(problem.line, problem.field, problem.message) for problem in caught.value.problems]


def only_problem(text: str) -> tuple[int | None, str, str]:
    problems = problems_of(text)
    assert len(problems) == 1, problems
    return problems[0]


def test_a_good_file_becomes_frozen_dataclasses():
    config = parse(GOOD)
    cam1, cam2 = config.cameras
    assert cam1 == CameraConfig(
        "cam1",
        "Kamera Panggung",
        "visca+udp://192.168.10.21",
        "sony-srg300h",
        "Ruang Rapat Utama",
        "rtsp://192.168.10.21/stream1",
        {1: "Podium", 2: "Meja Pimpinan"},
    )
    assert cam2.preview == 0
    assert cam2.profile is None
    assert cam2.presets == {}
    (event,) = config.events
    assert event.start == datetime(2026, 11, 28, 9, 0)
    assert event.end == datetime(2026, 11, 28, 12, 0)
    assert event.cameras == ("cam1", "cam2")
    assert event.shots == {"F1": Shot("cam1", 1)}
    with pytest.raises(AttributeError):
        cam1.name = "other"  # type: ignore[misc]


def test_an_empty_file_is_an_empty_configuration():
    assert parse("") == Config()
    assert parse("# nothing yet\n") == Config()


def test_demo_configuration_is_valid_and_complete():
    config = demo_config(DEMO_URLS, check_camera)
    assert [camera.url for camera in config.cameras] == DEMO_URLS
    assert {camera.preview for camera in config.cameras} == {"demo"}
    assert [camera.location for camera in config.cameras] == [
        "Ruang Rapat Utama",
        "Pendopo",
        "Command Center",
        "Mobil Liputan",
    ]
    rakor, podcast = config.events
    assert rakor.title == "Rapat Koordinasi Bupati"
    assert rakor.cameras == ("cam1", "cam2")
    assert podcast.title == "Podcast Diskominfo"
    assert {"cam3", "cam4"} <= set(podcast.cameras)
    assert list(rakor.shots) == list(podcast.shots) == ["F1", "F2", "F3", "F4"]
    assert parse(demo_config_text(DEMO_URLS)) == config
    with pytest.raises(ValueError, match="the demo needs exactly 4 camera URLs, got 3"):
        demo_config_text(DEMO_URLS[:3])


@pytest.mark.parametrize(
    ("line", "replacement", "field", "words"),
    [
        (4, "    url: visca+foo://192.168.10.21", "cameras[0].url", "unknown camera URL kind 'visca+foo'"),
        (
            4,
            "    url: visca+udp://192.168.10.21?model=sony-x",
            "cameras[0].url",
            "unknown camera profile 'sony-x'",
        ),
        (4, "    url: visca+udp://192.168.10.21?colour=red", "cameras[0].url", "unknown option(s) colour"),
        (5, "    profile: sony-srg301", "cameras[0].profile", "unknown camera profile 'sony-srg301'"),
        (11, "    url: visca+tcp://192.168.10.22?quirks=fast", "cameras[1].url", "unknown quirk 'fast'"),
        (9, "  - id: cam1", "cameras[1].id", "duplicate camera id 'cam1' (first on line 2)"),
        (9, "  - id: Cam 2", "cameras[1].id", "may only use lower-case letters"),
        (7, "    preview: ftp://192.168.10.21/x", "cameras[0].preview", "unsupported preview address"),
        (
            8,
            "    presets: {one: Podium}",
            "cameras[0].presets",
            "preset number must be a whole number, not 'one'",
        ),
        (16, '    start: "28-11-2026 09:00"', "events[0].start", "is not a date and time"),
        (17, '    end: "2026-11-28 08:00"', "events[0].end", "must end after it starts"),
        (18, "    cameras: [cam1, cam9]", "events[0].cameras", "no camera with id 'cam9'"),
        (
            19,
            "    shots: {F1: {camera: cam1, preset: first}}",
            "events[0].shots.F1.preset",
            "preset number must be a whole number, not 'first'",
        ),
        (19, "    shots: {F13: {camera: cam1, preset: 1}}", "events[0].shots", "use F1 to F12"),
        (13, "    colour: red", "cameras[1]", "unknown key 'colour'"),
    ],
)
def test_each_problem_names_its_line_and_field(line, replacement, field, words):
    lines = GOOD.splitlines()
    lines[line - 1] = replacement
    # renaming cam2 also makes the event's reference to it a problem: the first one is checked
    problem_line, problem_field, message = problems_of("\n".join(lines))[0]
    assert (problem_line, problem_field) == (line, field)
    assert words in message


def test_a_camera_takes_a_substream_for_its_tile_and_a_main_stream_for_large_views():
    text = GOOD.replace(
        "    preview: rtsp://192.168.10.21/stream1\n",
        "    preview: rtsp://192.168.10.21/media/video2\n    preview_hd: rtsp://192.168.10.21/media/video1\n",
    )
    cam1, cam2 = parse(text).cameras
    assert (cam1.preview, cam1.preview_hd) == (
        "rtsp://192.168.10.21/media/video2",
        "rtsp://192.168.10.21/media/video1",
    )
    assert cam2.preview_hd is None
    assert parse_config(dump_config(parse(text)), "again.yaml", check_camera) == parse(text)


@pytest.mark.parametrize(
    ("replacement", "words"),
    [
        ("    preview_hd: ftp://192.168.10.21/x", "unsupported preview address 'ftp://192.168.10.21/x'"),
        ("    preview_hd: rtsp:///stream0", "preview address 'rtsp:///stream0' has no host name"),
    ],
)
def test_a_bad_main_stream_names_its_line(replacement, words):
    lines = GOOD.splitlines()
    lines.insert(7, replacement)
    assert only_problem("\n".join(lines))[:2] == (8, "cameras[0].preview_hd")
    assert words in only_problem("\n".join(lines))[2]


def test_a_main_stream_without_a_substream_names_its_line():
    text = GOOD.replace("    preview: 0", "    preview_hd: rtsp://192.168.10.22/1")
    assert only_problem(text) == (
        12,
        "cameras[1].preview_hd",
        "preview_hd is the main stream for large views; the tile needs preview: (the substream) too",
    )


def test_a_shot_must_use_a_camera_of_its_event():
    text = GOOD.replace("cameras: [cam1, cam2]", "cameras: [cam2]")
    assert only_problem(text) == (
        19,
        "events[0].shots.F1.camera",
        "camera 'cam1' is not one of this event's cameras (cam2)",
    )


def test_message_reads_as_plain_words_with_source_line_and_field():
    with pytest.raises(ConfigError) as caught:
        parse(GOOD.replace("visca+udp://192.168.10.21", "visca+foo://192.168.10.21", 1))
    assert str(caught.value).startswith(
        "config.yaml line 4, camera 1 (id cam1), url: unknown camera URL kind 'visca+foo'"
    )


def test_a_problem_names_the_item_counting_from_one_with_its_id():
    text = GOOD.replace("quirks=any-address", "quirks=fast").replace(
        "  - id: cam1\n", "  - name: Kamera\n", 1
    )
    with pytest.raises(ConfigError) as caught:
        parse(text)
    sentences = [str(problem) for problem in caught.value.problems]
    assert "config.yaml line 2, camera 1: missing 'id'" in sentences  # no id to name it by
    assert (
        "config.yaml line 11, camera 2 (id cam2), url: unknown quirk 'fast'; "
        "known: no-header, fixed-seq, completion-without-ack, any-address"
    ) in sentences
    assert caught.value.problems[2].field == "cameras[1].url"  # for programs: as before


def test_no_cameras_is_a_warning():
    assert [(w.line, w.message) for w in parse("").warnings] == [(None, NO_CAMERAS)]
    assert [(w.line, str(w)) for w in parse("cameras: []\nevents: []\n").warnings] == [
        (1, "config.yaml line 1: no cameras are configured: the console will have no cameras to control")
    ]
    assert parse(GOOD).warnings == ()


def test_a_doubtful_url_is_a_warning_with_its_line_and_the_file_still_valid():
    doubts = {"visca+udp://192.168.10.21": ["port doubt"]}
    config = parse_config(GOOD, "config.yaml", check_camera, url_warnings=lambda url: doubts.get(url, []))
    assert config == parse(GOOD)
    assert [(w.line, w.field, str(w)) for w in config.warnings] == [
        (4, "cameras[0].url", "config.yaml line 4, camera 1 (id cam1), url: port doubt")
    ]
    with pytest.raises(ConfigError) as caught:  # with problems, the warnings are told too
        parse_config(
            GOOD.replace("cam1, cam2]", "cam1, cam9]"),
            "config.yaml",
            check_camera,
            url_warnings=lambda url: doubts.get(url, []),
        )
    assert [w.line for w in caught.value.warnings] == [4]


def test_yaml_syntax_error_names_its_line():
    text = GOOD.replace("    name: Kamera Lebar", "   name: Kamera Lebar")
    line, field, message = only_problem(text)
    assert line == 10
    assert field == ""
    assert message.startswith("not valid YAML")
    assert "indent with spaces" in only_problem("cameras:\n\t- id: cam1\n")[2]
    assert only_problem("cameras:\n  - id: cam1\x07\n") == (
        2,
        "",
        "a character YAML does not allow (U+0007); delete it",
    )


@pytest.mark.parametrize(
    ("line", "broken", "hint"),
    [
        (10, "    name Kamera Lebar", "a line without 'key: value'"),  # the key's ':' forgotten
        (8, "    presets: {1: Podium, 2: Meja Pimpinan", "a bracket that is not closed"),
        (18, "    cameras: [cam1, cam2", "a bracket that is not closed"),
        (19, '    shots: {F1: {camera: "cam1, preset: 1}}', "a quote or bracket that is not closed"),
    ],
)
def test_a_yaml_mistake_is_named_on_its_own_line_not_the_next(line, broken, hint):
    lines = GOOD.splitlines()
    lines[line - 1] = broken
    problem_line, _field, message = only_problem("\n".join(lines) + "\n")
    assert problem_line == line
    assert hint in message


def test_missing_keys_and_wrong_shapes():
    assert problems_of("cameras:\n  - id: cam1\n    name: A\n") == [(2, "cameras[0]", "missing 'url'")]
    assert problems_of("cameras: cam1\n")[0][:2] == (1, "cameras")
    assert problems_of("- cam1\n")[0][2] == "expected 'key: value' lines, found a list"


def test_several_problems_are_reported_together_in_line_order():
    text = (
        GOOD.replace("profile: sony-srg300h", "profile: nope")
        .replace("cameras: [cam1, cam2]", "cameras: [cam1, cam2, cam7]")
        .replace('end: "2026-11-28 12:00"', 'end: "2026-11-28 07:00"')
    )
    problems = problems_of(text)
    assert [(line, field) for line, field, _message in problems] == [
        (5, "cameras[0].profile"),
        (17, "events[0].end"),
        (18, "events[0].cameras"),
    ]


def test_without_a_camera_check_urls_are_only_required():
    config = parse_config(GOOD.replace("visca+udp://", "visca+foo://", 1))
    assert config.cameras[0].url == "visca+foo://192.168.10.21"


def test_load_config_reads_a_file(tmp_path: Path):
    path = tmp_path / "console.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_config(path, check_camera) == parse(GOOD)
    path.write_text("cameras: [", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^console\.yaml line"):
        load_config(path)


def test_dump_then_parse_gives_the_same_configuration():
    config = parse(GOOD)
    assert parse(dump_config(config)) == config
    assert parse(dump_config(Config())) == Config()


# ---- round trip over generated configurations --------------------------------------------------
identifiers = st.text(string.ascii_lowercase + string.digits + "-_", min_size=1, max_size=8)
words = st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=20)
names = words.filter(lambda text: text.strip() != "")
times = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1)).map(
    lambda moment: moment.replace(second=0, microsecond=0)
)
presets = st.dictionaries(st.integers(0, 255), names, max_size=4)
urls = st.sampled_from(
    ["visca+udp://10.0.0.4", "visca+udpraw://10.0.0.5:1259", "visca+serial://COM3?baud=38400&address=3"]
)
previews = (
    st.none() | st.integers(0, 99) | st.sampled_from(["demo", "rtsp://10.0.0.5/live", "/srv/video/rapat.mp4"])
)


@st.composite
def configs(draw: st.DrawFn) -> Config:
    ids = draw(st.lists(identifiers, unique=True, max_size=4))
    cameras = []
    for camera_id in ids:
        preview = draw(previews)
        cameras.append(
            CameraConfig(
                camera_id,
                draw(names),
                draw(urls),
                draw(st.none() | st.sampled_from(["generic", "sony-brc-h700"])),
                draw(st.none() | words),
                preview,
                draw(presets),
                preview_hd=None if preview is None else draw(previews),
            )
        )
    events = []
    for event_id in draw(st.lists(identifiers, unique=True, max_size=3)):
        members = tuple(draw(st.lists(st.sampled_from(ids), unique=True))) if ids else ()
        start = draw(st.none() | times)
        minutes = None if start is None else draw(st.none() | st.integers(1, 600))
        end = None if minutes is None else start + timedelta(minutes=minutes)
        keys = draw(st.lists(st.sampled_from([f"F{n}" for n in range(1, 13)]), unique=True, max_size=3))
        shots = (
            {key: Shot(draw(st.sampled_from(members)), draw(st.integers(0, 255))) for key in keys}
            if members
            else {}
        )
        events.append(EventConfig(event_id, draw(names), draw(st.none() | words), start, end, members, shots))
    return Config(tuple(cameras), tuple(events))


@settings(max_examples=60, deadline=None)
@given(configs())
def test_round_trip_of_generated_configurations(config: Config):
    assert parse(dump_config(config)) == config


# ---- the store ------------------------------------------------------------------------------------
@pytest.fixture
def store(tmp_path: Path) -> ConfigStore:
    return ConfigStore(tmp_path / "config.yaml", tmp_path / "last-good.yaml", camera_check=check_camera)


def test_store_loads_and_keeps_a_last_good_copy(store: ConfigStore):
    store.path.write_text(GOOD, encoding="utf-8")
    assert store.load() == (parse(GOOD), [])
    assert store.last_good_path.read_text(encoding="utf-8") == GOOD


def test_store_falls_back_to_the_last_good_configuration(store: ConfigStore):
    store.path.write_text(GOOD, encoding="utf-8")
    store.load()
    store.path.write_text(GOOD.replace("cameras: [cam1, cam2]", "cameras: [cam1, cam9]"), encoding="utf-8")
    config, errors = store.load()
    assert config == parse(GOOD)
    assert errors[0] == "config.yaml line 18, event 1 (id rakor-bupati), cameras: no camera with id 'cam9'"
    assert "last good" in errors[-1]
    assert store.last_good_path.read_text(encoding="utf-8") == GOOD


def test_store_without_any_file_starts_empty_and_says_why(store: ConfigStore):
    config, errors = store.load()
    assert config == Config()
    assert "no configuration file" in errors[0]
    assert "without cameras" in errors[-1]


def test_store_with_a_broken_last_good_copy_starts_empty(store: ConfigStore):
    store.last_good_path.write_text("cameras: [", encoding="utf-8")
    config, errors = store.load()
    assert config == Config()
    assert "has problems too" in errors[-1]


def test_bad_save_leaves_the_file_untouched(store: ConfigStore):
    store.path.write_text(GOOD, encoding="utf-8")
    problems = store.save(GOOD.replace("profile: sony-srg300h", "profile: nope"))
    assert [(problem.line, problem.field) for problem in problems] == [(5, "cameras[0].profile")]
    assert store.path.read_text(encoding="utf-8") == GOOD
    assert not store.last_good_path.exists()


def test_good_save_writes_atomically_and_updates_the_last_good_copy(store: ConfigStore):
    assert store.save(GOOD) == []
    assert store.path.read_text(encoding="utf-8") == GOOD == store.read_text()
    assert store.last_good_path.read_text(encoding="utf-8") == GOOD
    assert sorted(path.name for path in store.path.parent.iterdir()) == ["config.yaml", "last-good.yaml"]


def test_store_defaults_to_the_user_configuration_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(
        "common.user_files.platformdirs.user_config_dir", lambda *args, **kwargs: str(tmp_path)
    )
    store = ConfigStore()
    assert store.path == tmp_path / "config.yaml"
    assert store.last_good_path.parent == tmp_path


# ---- video walls ------------------------------------------------------------------------------------
WALLS = """\
cameras:
  - id: cam1
    name: Kamera Panggung
    url: visca+udp://192.168.10.21
walls:
  - id: smart-wall
    name: Layar Lebar
    url: kramer+tcp://192.168.10.40
    sources: {1: Kamera Panggung, 2: PC Presentasi, 3: Zoom/Conference, 4: YouTube Preview}
    outputs: {1: Layar Kiri, 2: Layar Tengah, 3: Layar Kanan, 4: Monitor Podium}
    rows: 1
    cols: 4
    layouts: {1: Rapat Penuh, 2: Presentasi}
  - id: podium
    name: Monitor Podium
    url: lg+tcp://192.168.10.41?set_id=1
    inputs: {"90": HDMI 1, C0: DisplayPort}
events:
  - id: rakor
    title: Rapat Koordinasi
    cameras: [cam1]
    wall_outputs: [smart-wall:1, smart-wall:2]
  - id: podcast
    title: Podcast
    wall_outputs: [smart-wall:3]
"""


def wall_check(url: str) -> list[str]:
    """Stands in for the device layer's check (app.check_wall), which models/ may not import."""
    return [] if url.split("+", 1)[0] in ("kramer", "lg") else [f"unknown wall device kind in {url!r}"]


def parse_walls(text: str) -> Config:
    return parse_config(text, "config.yaml", check_camera, wall_check)


def wall_problems(text: str) -> list[tuple[int | None, str, str]]:
    with pytest.raises(ConfigError) as caught:
        parse_walls(text)
    return [(problem.line, problem.field, problem.message) for problem in caught.value.problems]


def test_walls_and_the_outputs_events_own():
    config = parse_walls(WALLS)
    matrix, display = config.walls
    assert matrix == WallConfig(
        "smart-wall",
        "Layar Lebar",
        "kramer+tcp://192.168.10.40",
        {1: "Kamera Panggung", 2: "PC Presentasi", 3: "Zoom/Conference", 4: "YouTube Preview"},
        {1: "Layar Kiri", 2: "Layar Tengah", 3: "Layar Kanan", 4: "Monitor Podium"},
        None,
        1,
        4,
        {1: "Rapat Penuh", 2: "Presentasi"},
    )
    assert display.inputs == {"90": "HDMI 1", "C0": "DisplayPort"}
    assert display.outputs == {}
    rakor, podcast = config.events
    assert rakor.wall_outputs == ("smart-wall:1", "smart-wall:2")
    assert podcast.wall_outputs == ("smart-wall:3",)
    assert podcast.cameras == ()
    assert parse_walls(dump_config(config)) == config


@pytest.mark.parametrize(
    ("line", "replacement", "field", "words"),
    [
        (8, "    url: crestron+tcp://192.168.10.40", "walls[0].url", "unknown wall device kind"),
        (9, "    sources: {0: Kosong}", "walls[0].sources", "input number must be between 1 and 9999, not 0"),
        (10, "    outputs: {1: Layar Kiri, 1: Layar Tengah}", "walls[0].outputs", "output 1 is named twice"),
        (11, "    rows: 0", "walls[0].rows", "rows must be between 1 and 16"),
        (12, "    cols: 2", "walls[0].cols", "a 1×2 grid has room for 2 outputs, not 4"),
        (13, "    layouts: {first: Rapat Penuh}", "walls[0].layouts", "layout number must be a whole number"),
        (14, "  - id: smart-wall", "walls[1].id", "duplicate wall id 'smart-wall' (first on line 6)"),
        (17, "    inputs: {C0: }", "walls[1].inputs.C0", "needs a value"),
        (
            22,
            "    wall_outputs: [smart-wall:1, smart-wall:9]",
            "events[0].wall_outputs",
            "wall 'smart-wall' has no output 9 (its outputs: 1, 2, 3, 4)",
        ),
        (22, "    wall_outputs: [big-wall:1]", "events[0].wall_outputs", "no wall with id 'big-wall'"),
        (
            22,
            "    wall_outputs: [smart-wall]",
            "events[0].wall_outputs",
            "write a wall output as WALL-ID:NUMBER",
        ),
        (
            22,
            "    wall_outputs: [smart-wall:1, smart-wall:01]",
            "events[0].wall_outputs",
            "smart-wall:1 is listed twice",
        ),
        (9, "    colour: red", "walls[0]", "unknown key 'colour'"),
    ],
)
def test_each_wall_problem_names_its_line_and_field(line, replacement, field, words):
    lines = WALLS.splitlines()
    lines[line - 1] = replacement
    problem_line, problem_field, message = wall_problems("\n".join(lines))[0]
    assert (problem_line, problem_field) == (line, field)
    assert words in message


def test_the_application_checks_wall_urls_with_the_device_layer():
    from app import check_wall

    assert check_wall("kramer+tcp://192.168.10.40") == []
    assert "kramer+foo" in check_wall("kramer+foo://192.168.10.40")[0]
    assert check_wall("lg+tcp://192.168.10.41?colour=red")


def test_the_device_layers_sentences_stay_translatable_inside_a_problem(monkeypatch: pytest.MonkeyPatch):
    from app import check_wall
    from devices.wall import drivers

    wall_refusal = QT_TRANSLATE_NOOP("Test", "no such wall {url}").format(url="x://")
    camera_refusal = QT_TRANSLATE_NOOP("Test", "no such camera")

    def refuse(url: str):
        raise ValueError(wall_refusal)

    monkeypatch.setattr(drivers, "parse", refuse)
    assert check_wall("x://")[0] is wall_refusal
    with pytest.raises(ConfigError) as caught:
        parse_config(WALLS, "config.yaml", lambda url, profile: [("url", camera_refusal)], check_wall)
    camera_problem, wall_problem = caught.value.problems[:2]
    assert camera_problem.message is camera_refusal
    assert wall_problem.message is wall_refusal
    assert wall_problem.sentence.values["message"] is wall_refusal
    assert str(wall_problem) == "config.yaml line 8, wall 1 (id smart-wall), url: no such wall x://"


def test_demo_configuration_has_the_wide_screen_shared_by_both_events():
    config = demo_config(
        DEMO_URLS, check_camera, wall_url="kramer+tcp://127.0.0.1:5000", wall_check=wall_check
    )
    (wall,) = config.walls
    assert wall.url == "kramer+tcp://127.0.0.1:5000"
    assert len(wall.sources) == 8
    assert list(wall.outputs.values()) == ["Layar Kiri", "Layar Tengah", "Layar Kanan", "Monitor Podium"]
    assert list(wall.layouts.values()) == ["Rapat Penuh", "Presentasi", "Podcast"]
    rakor, podcast = config.events
    assert rakor.wall_outputs == ("smart-wall:1", "smart-wall:2")
    assert podcast.wall_outputs == ("smart-wall:3", "smart-wall:4")
    assert parse(demo_config_text(DEMO_URLS, wall_url="kramer+tcp://127.0.0.1:5000")) == config
    assert demo_config(DEMO_URLS).walls == ()


@st.composite
def configs_with_walls(draw: st.DrawFn) -> Config:
    numbered = st.dictionaries(st.integers(1, 9999), names, max_size=4)
    walls = tuple(
        WallConfig(
            wall_id,
            draw(names),
            draw(st.sampled_from(["kramer+tcp://10.0.0.9", "lg+serial://COM4?set_id=2"])),
            draw(numbered),
            draw(numbered),
            draw(st.none() | st.integers(1, 99)),
            draw(st.none() | st.just(4)),
            draw(st.none() | st.just(4)),
            draw(numbered),
            draw(st.dictionaries(identifiers, names, max_size=3)),
        )
        for wall_id in draw(st.lists(identifiers, unique=True, max_size=3))
    )
    outputs = [f"{wall.id}:{number}" for wall in walls for number in wall.outputs]
    events = tuple(
        EventConfig(
            event_id,
            draw(names),
            wall_outputs=tuple(draw(st.lists(st.sampled_from(outputs), unique=True))) if outputs else (),
        )
        for event_id in draw(st.lists(identifiers, unique=True, max_size=3))
    )
    return Config((), events, walls)


@settings(max_examples=60, deadline=None)
@given(configs_with_walls())
def test_round_trip_of_generated_walls(config: Config):
    assert parse_walls(dump_config(config)) == config
