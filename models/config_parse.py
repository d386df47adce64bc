"""Reading the configuration file: every problem is collected, each with its line and field.

The file is composed into YAML nodes (not loaded into Python objects) so that every value
still knows its line, and so that text such as ``name: yes`` stays text.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Callable, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from models.config_schema import (
    DEMO_PREVIEW, PRESET_NUMBERS, PREVIEW_SCHEMES, SHOT_KEYS, TIME_FORMAT, CameraCheck, CameraConfig, Config,
    ConfigError, ConfigProblem, EventConfig, Shot, WallCheck)
from models.config_walls import WallReader

TOP_KEYS = ("cameras", "events", "walls")
CAMERA_KEYS = ("id", "name", "url", "profile", "location", "preview", "presets")
EVENT_KEYS = ("id", "title", "location", "start", "end", "cameras", "shots", "wall_outputs")
SHOT_FIELDS = ("camera", "preset")
ID_PATTERN = re.compile(r"[a-z0-9_-]+")
TIME_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")
URL_PATTERN = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://(.*)")
DEVICE_NUMBERS = range(0, 100)
NULL_TAG = "tag:yaml.org,2002:null"
INT_TAG = "tag:yaml.org,2002:int"

T = TypeVar("T")


def parse_config(text: str, source: str = "config.yaml", camera_check: CameraCheck | None = None,
                 wall_check: WallCheck | None = None) -> Config:
    """The configuration in ``text``; raises ConfigError listing every problem found.

    Without ``camera_check`` (``wall_check``) camera (wall) URLs and profiles are only checked to be present.
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise ConfigError([_syntax_problem(source, text, exc)]) from None
    reader = _Reader(source, camera_check, wall_check)
    config = reader.config(root)
    if reader.problems:
        raise ConfigError(sorted(reader.problems, key=lambda problem: problem.line or 0))
    return config


_SYNTAX_HINTS = {
    "'\\t'": "indent with spaces, not tabs",
    "expected <block end>": "the indentation does not match the lines above",
    "mapping values are not allowed here": "a ': ' inside a value; put the value in quotes",
    "could not find expected ':'": "a line without 'key: value', or a quote that is not closed",
    "found unexpected end of stream": "a quote or bracket that is not closed",
}


def _syntax_problem(source: str, text: str, exc: yaml.YAMLError) -> ConfigProblem:
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return ConfigProblem(source, line, "", f"a character YAML does not allow (U+{code:04X}); delete it")
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return ConfigProblem(source, None, "", f"not valid YAML: {exc}")
    problem = getattr(exc, "problem", None) or "syntax error"
    hint = next((hint for words, hint in _SYNTAX_HINTS.items() if words in problem), None)
    explained = f"{hint} ({problem})" if hint else problem
    return ConfigProblem(source, mark.line + 1, "", f"not valid YAML at column {mark.column + 1}: {explained}")


def _shape(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a group of 'key: value' lines"
    return "nothing" if node.tag == NULL_TAG else repr(node.value)


def _is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and node.tag == NULL_TAG)


class _Reader(WallReader):
    def __init__(self, source: str, camera_check: CameraCheck | None, wall_check: WallCheck | None) -> None:
        self.source = source
        self.camera_check = camera_check
        self.wall_check = wall_check
        self.wall_ids: dict[str, int] = {}
        self.wall_outputs: dict[str, tuple[int, ...]] = {}
        self.problems: list[ConfigProblem] = []
        self.camera_ids: dict[str, int] = {}     # id -> line, every id seen (even of a faulty camera)
        self.event_ids: dict[str, int] = {}

    def add(self, node: Node, field: str, message: str) -> None:
        self.problems.append(ConfigProblem(self.source, node.start_mark.line + 1, field, message))

    # ---- the document ---------------------------------------------------------------------
    def config(self, root: Node | None) -> Config:
        if _is_null(root):
            return Config()
        top = self.mapping(root, "", TOP_KEYS, required=())
        if top is None:
            return Config()
        cameras = self.items(top.get("cameras"), "cameras", self.camera)
        walls = self.items(top.get("walls"), "walls", self.wall)
        events = self.items(top.get("events"), "events", self.event)
        return Config(tuple(cameras), tuple(events), tuple(walls))

    def camera(self, node: Node, where: str) -> CameraConfig | None:
        before = len(self.problems)
        entries = self.mapping(node, where, CAMERA_KEYS, required=("id", "name", "url"))
        if entries is None:
            return None
        camera_id = self.identifier(entries.get("id"), f"{where}.id", "camera", self.camera_ids)
        name = self.text(entries.get("name"), f"{where}.name", required=True)
        url = self.text(entries.get("url"), f"{where}.url", required=True)
        profile = self.text(entries.get("profile"), f"{where}.profile", required=True)
        if url is not None and self.camera_check is not None:
            for key, message in self.camera_check(url, profile):
                self.add(entries.get(key, entries["url"]), f"{where}.{key}", message)
        location = self.text(entries.get("location"), f"{where}.location")
        preview = self.preview(entries.get("preview"), f"{where}.preview")
        presets = self.presets(entries.get("presets"), f"{where}.presets")
        if len(self.problems) > before:
            return None
        return CameraConfig(camera_id, name, url, profile, location, preview, presets)

    def event(self, node: Node, where: str) -> EventConfig | None:
        before = len(self.problems)
        entries = self.mapping(node, where, EVENT_KEYS, required=("id", "title"))
        if entries is None:
            return None
        event_id = self.identifier(entries.get("id"), f"{where}.id", "event", self.event_ids)
        title = self.text(entries.get("title"), f"{where}.title", required=True)
        location = self.text(entries.get("location"), f"{where}.location")
        start = self.time(entries.get("start"), f"{where}.start")
        end = self.time(entries.get("end"), f"{where}.end")
        if start is not None and end is not None and end <= start:
            self.add(entries["end"], f"{where}.end", f"the event must end after it starts ({start:{TIME_FORMAT}})")
        cameras = self.event_cameras(entries.get("cameras"), f"{where}.cameras")
        shots = self.shots(entries.get("shots"), f"{where}.shots", cameras)
        wall_outputs = self.event_wall_outputs(entries.get("wall_outputs"), f"{where}.wall_outputs")
        if len(self.problems) > before:
            return None
        return EventConfig(event_id, title, location, start, end, cameras, shots, wall_outputs)

    # ---- parts of a camera or an event -----------------------------------------------------
    def preview(self, node: Node | None, field: str) -> str | int | None:
        if isinstance(node, ScalarNode) and node.tag == INT_TAG:
            return self.whole_number(node, field, DEVICE_NUMBERS, "a capture device number")
        value = self.text(node, field, required=True)
        if value is None or value == DEMO_PREVIEW:
            return value
        url = URL_PATTERN.match(value)
        if url is None:
            return value      # a video file; it may live on another machine, so it is not looked for here
        if url.group(1).lower() not in PREVIEW_SCHEMES:
            self.add(node, field, f"unsupported preview address {value!r}; use rtsp://, http://, https://, "
                                  f"a file path, a device number or {DEMO_PREVIEW!r}")
        elif not url.group(2).split("/", 1)[0]:
            self.add(node, field, f"preview address {value!r} has no host name")
        return value

    def presets(self, node: Node | None, field: str) -> dict[int, str]:
        presets: dict[int, str] = {}
        seen: set[int] = set()
        for key_node, value_node in self.pairs(node, field):
            number = self.whole_number(key_node, field, PRESET_NUMBERS, "a preset number")
            name = self.text(value_node, f"{field}.{key_node.value}", required=True)
            if number in seen:
                self.add(key_node, field, f"preset {number} is named twice")
            elif number is not None and name is not None:
                presets[number] = name
            if number is not None:
                seen.add(number)
        return presets

    def event_cameras(self, node: Node | None, field: str) -> tuple[str, ...]:
        cameras: list[str] = []

        def read(item: Node, _where: str) -> None:
            camera = self.text(item, field, required=True)
            if camera is None:
                return
            if camera not in self.camera_ids:
                self.add(item, field, f"no camera with id {camera!r}")
            elif camera in cameras:
                self.add(item, field, f"camera {camera!r} is listed twice")
            else:
                cameras.append(camera)

        self.items(node, field, read)
        return tuple(cameras)

    def shots(self, node: Node | None, field: str, cameras: tuple[str, ...]) -> dict[str, Shot]:
        shots: dict[str, Shot] = {}
        seen: set[str] = set()
        for key_node, value_node in self.pairs(node, field):
            key = key_node.value.upper()
            where = f"{field}.{key}"
            if key not in SHOT_KEYS:
                self.add(key_node, field, f"unknown shot key {key_node.value!r}; use F1 to F12")
                continue
            if key in seen:
                self.add(key_node, field, f"shot {key} appears twice")
                continue
            seen.add(key)
            entries = self.mapping(value_node, where, SHOT_FIELDS, required=SHOT_FIELDS)
            if entries is None:
                continue
            camera = self.text(entries.get("camera"), f"{where}.camera", required=True)
            preset = self.whole_number(entries.get("preset"), f"{where}.preset", PRESET_NUMBERS, "a preset number")
            if camera is not None and camera not in cameras:
                self.add(entries["camera"], f"{where}.camera", self.not_in_event(camera, cameras))
            elif camera is not None and preset is not None:
                shots[key] = Shot(camera, preset)
        return shots

    def not_in_event(self, camera: str, cameras: tuple[str, ...]) -> str:
        if camera not in self.camera_ids:
            return f"no camera with id {camera!r}"
        return f"camera {camera!r} is not one of this event's cameras ({', '.join(cameras) or 'none listed'})"

    # ---- shapes and values -----------------------------------------------------------------
    def mapping(self, node: Node, field: str, keys: tuple[str, ...],
                required: tuple[str, ...]) -> dict[str, Node] | None:
        """The values of a fixed-key mapping; unknown, duplicate and missing keys are problems."""
        if not isinstance(node, MappingNode):
            self.add(node, field, f"expected 'key: value' lines, found {_shape(node)}")
            return None
        entries: dict[str, Node] = {}
        for key_node, value_node in self.pairs(node, field):
            key = key_node.value
            if key not in keys:
                self.add(key_node, field, f"unknown key {key!r}; known keys: {', '.join(keys)}")
            elif key in entries:
                self.add(key_node, field, f"{key!r} is given twice (first on line {entries[key].start_mark.line + 1})")
            else:
                entries[key] = value_node
        for key in required:
            if key not in entries:
                self.add(node, field, f"missing {key!r}")
        return entries

    def pairs(self, node: Node | None, field: str) -> list[tuple[ScalarNode, Node]]:
        if _is_null(node):
            return []
        if not isinstance(node, MappingNode):
            self.add(node, field, f"expected 'key: value' pairs, found {_shape(node)}")
            return []
        pairs = []
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode):
                pairs.append((key_node, value_node))
            else:
                self.add(key_node, field, f"a key must be a single word or number, not {_shape(key_node)}")
        return pairs

    def items(self, node: Node | None, field: str, read: Callable[[Node, str], T | None]) -> list[T]:
        if _is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.add(node, field, f"expected a list (lines starting with '- ' or [a, b]), found {_shape(node)}")
            return []
        values = (read(item, f"{field}[{index}]") for index, item in enumerate(node.value))
        return [value for value in values if value is not None]

    def text(self, node: Node | None, field: str, *, required: bool = False) -> str | None:
        if _is_null(node):
            if node is not None and required:
                self.add(node, field, "needs a value")
            return None
        if not isinstance(node, ScalarNode):
            self.add(node, field, f"expected text, found {_shape(node)}")
            return None
        if required and not node.value.strip():
            self.add(node, field, "must not be empty")
            return None
        return node.value

    def identifier(self, node: Node | None, field: str, kind: str, seen: dict[str, int]) -> str | None:
        value = self.text(node, field, required=True)
        if value is None:
            return None
        if not ID_PATTERN.fullmatch(value):
            self.add(node, field, f"{kind} id {value!r} may only use lower-case letters, digits, '-' and '_'")
        elif value in seen:
            self.add(node, field, f"duplicate {kind} id {value!r} (first on line {seen[value]})")
        else:
            seen[value] = node.start_mark.line + 1
            return value
        return None

    def whole_number(self, node: Node | None, field: str, allowed: range, what: str) -> int | None:
        if node is None:
            return None
        if not (isinstance(node, ScalarNode) and node.tag == INT_TAG):
            self.add(node, field, f"{what} must be a whole number, not {_shape(node)}")
            return None
        value = _CONSTRUCTOR.construct_yaml_int(node)
        if value not in allowed:
            self.add(node, field, f"{what} must be between {allowed.start} and {allowed.stop - 1}, not {value}")
            return None
        return value

    def time(self, node: Node | None, field: str) -> datetime | None:
        value = self.text(node, field, required=True)
        if value is None:
            return None
        try:
            if not TIME_PATTERN.fullmatch(value):
                raise ValueError(value)
            return datetime.strptime(value, TIME_FORMAT)
        except ValueError:
            self.add(node, field, f"{value!r} is not a date and time; write it like \"2026-11-28 09:00\"")
            return None


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
