"""Reading the configuration file: every problem is collected, each with its line and field.

The file is composed into YAML nodes (not loaded into Python objects) so that every value
still knows its line, and so that text such as ``name: yes`` stays text. This module reads the
document, what its YAML syntax errors mean, and its events (which name cameras and wall outputs);
``CameraReader`` (cameras.py) and ``WallReader`` (walls.py) read the camera and wall sections.
"""

from __future__ import annotations

from dataclasses import replace

import yaml
from yaml.nodes import Node

from common.wording import QT_TRANSLATE_NOOP
from models.config.broadcast import BroadcastReader
from models.config.cameras import CameraReader
from models.config.nodes import is_null
from models.config.schema import (
    TIME_FORMAT,
    BroadcastCheck,
    CameraCheck,
    Config,
    ConfigError,
    ConfigProblem,
    EventConfig,
    UrlWarnings,
    WallCheck,
)
from models.config.shots import ShotReader, no_camera
from models.config.walls import WallReader

TOP_KEYS = ("cameras", "events", "walls", "broadcast")
EVENT_KEYS = ("id", "title", "location", "start", "end", "cameras", "shots", "wall_outputs", "broadcast")


def parse_config(
    text: str,
    source: str = "config.yaml",
    camera_check: CameraCheck | None = None,
    wall_check: WallCheck | None = None,
    url_warnings: UrlWarnings | None = None,
    *,
    broadcast_check: BroadcastCheck | None = None,
) -> Config:
    """The configuration in ``text``; raises ConfigError listing every problem found.

    Without ``camera_check`` (``wall_check``, ``broadcast_check``) camera (wall, OBS) URLs and profiles
    are only checked to be present.
    What is doubtful but usable (no cameras; a device URL ``url_warnings`` doubts) is in ``Config.warnings``
    (and ``ConfigError.warnings``).
    """
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise ConfigError([_syntax_problem(source, text, exc)]) from None
    reader = _Reader(source, camera_check, wall_check, url_warnings)
    reader.broadcast_check = broadcast_check
    config = reader.config(root)
    warnings = tuple(sorted(reader.warnings, key=_line))
    if reader.problems:
        raise ConfigError(sorted(reader.problems, key=_line), warnings)
    return replace(config, warnings=warnings)


def _line(problem: ConfigProblem) -> int:
    return problem.line or 0


_SYNTAX_HINTS = {  # PyYAML's words -> what they usually mean in a hand-written file
    "'\\t'": QT_TRANSLATE_NOOP("Config", "indent with spaces, not tabs"),
    "expected <block end>": QT_TRANSLATE_NOOP("Config", "the indentation does not match the lines above"),
    "mapping values are not allowed here": QT_TRANSLATE_NOOP(
        "Config", "a ': ' inside a value; put the value in quotes"
    ),
    "could not find expected ':'": QT_TRANSLATE_NOOP(
        "Config", "a line without 'key: value', or a quote that is not closed"
    ),
    "found unexpected end of stream": QT_TRANSLATE_NOOP("Config", "a quote or bracket that is not closed"),
    "expected ',' or": QT_TRANSLATE_NOOP(
        "Config", "a bracket that is not closed, or a comma missing between items"
    ),
}
EVENT = QT_TRANSLATE_NOOP("Config", "event")
# how a problem names the element of a list, counted from 1 (NodeReader.items)
CAMERA_ITEM = (
    QT_TRANSLATE_NOOP("Config", "camera {number} (id {id})"),
    QT_TRANSLATE_NOOP("Config", "camera {number}"),
)
WALL_ITEM = (
    QT_TRANSLATE_NOOP("Config", "wall {number} (id {id})"),
    QT_TRANSLATE_NOOP("Config", "wall {number}"),
)
BROADCAST_ITEM = (
    QT_TRANSLATE_NOOP("Config", "broadcast output {number} (id {id})"),
    QT_TRANSLATE_NOOP("Config", "broadcast output {number}"),
)
EVENT_ITEM = (
    QT_TRANSLATE_NOOP("Config", "event {number} (id {id})"),
    QT_TRANSLATE_NOOP("Config", "event {number}"),
)
NO_OUTPUT = QT_TRANSLATE_NOOP(
    "Config", "a shot cuts to a scene, but the event names no broadcast output (broadcast: ID)"
)
NO_CAMERAS = QT_TRANSLATE_NOOP(
    "Config", "no cameras are configured: the console will have no cameras to control"
)


def _syntax_problem(source: str, text: str, exc: yaml.YAMLError) -> ConfigProblem:
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        return ConfigProblem(
            source,
            line,
            "",
            QT_TRANSLATE_NOOP("Config", "a character YAML does not allow (U+{code}); delete it").format(
                code=f"{code:04X}"
            ),
        )
    mark = _mistake_mark(exc)
    if mark is None:
        return ConfigProblem(
            source, None, "", QT_TRANSLATE_NOOP("Config", "not valid YAML: {error}").format(error=str(exc))
        )
    problem = getattr(exc, "problem", None) or QT_TRANSLATE_NOOP("Config", "syntax error")
    hint = next((hint for words, hint in _SYNTAX_HINTS.items() if words in problem), None)
    if hint is None:
        message = QT_TRANSLATE_NOOP("Config", "not valid YAML at column {column}: {problem}").format(
            column=mark.column + 1, problem=problem
        )
    else:
        message = QT_TRANSLATE_NOOP("Config", "not valid YAML at column {column}: {hint} ({problem})").format(
            column=mark.column + 1, hint=hint, problem=problem
        )
    return ConfigProblem(source, mark.line + 1, "", message)


def _mistake_mark(exc: yaml.YAMLError) -> yaml.Mark | None:
    """Where the writer's mistake is. PyYAML marks where it gave up: for a key without ':', an unclosed
    quote or bracket that is the next line or further down, while its context mark points at the line
    with the mistake. For an indentation error the context is the enclosing block, and the problem mark is
    right."""
    context, context_mark = getattr(exc, "context", None) or "", getattr(exc, "context_mark", None)
    if context_mark is not None and context.startswith(("while scanning", "while parsing a flow")):
        return context_mark
    return getattr(exc, "problem_mark", None)


class _Reader(CameraReader, WallReader, BroadcastReader, ShotReader):
    def __init__(
        self,
        source: str,
        camera_check: CameraCheck | None,
        wall_check: WallCheck | None,
        url_warnings: UrlWarnings | None,
    ) -> None:
        super().__init__(source, url_warnings)
        self.camera_check = camera_check
        self.wall_check = wall_check
        self.wall_ids: dict[str, int] = {}
        self.wall_outputs: dict[str, tuple[int, ...]] = {}
        self.camera_ids: dict[str, int] = {}  # id -> line, every id seen (even of a faulty camera)
        self.broadcast_check = None
        self.broadcast_ids: dict[str, int] = {}
        self.event_ids: dict[str, int] = {}

    # ---- the document ---------------------------------------------------------------------
    def config(self, root: Node | None) -> Config:
        top = {} if root is None or is_null(root) else self.mapping(root, "", TOP_KEYS, required=())
        if top is None:
            return Config()
        cameras = self.items(top.get("cameras"), "cameras", self.camera, CAMERA_ITEM)
        walls = self.items(top.get("walls"), "walls", self.wall, WALL_ITEM)
        outputs = self.items(top.get("broadcast"), "broadcast", self.broadcast_output, BROADCAST_ITEM)
        events = self.items(top.get("events"), "events", self.event, EVENT_ITEM)
        if not cameras and not self.problems:
            listed = top.get("cameras")
            self.warnings.append(
                ConfigProblem(
                    self.source, None if listed is None else listed.start_mark.line + 1, "", NO_CAMERAS
                )
            )
        return Config(tuple(cameras), tuple(events), tuple(walls), tuple(outputs))

    def event(self, node: Node, where: str) -> EventConfig | None:
        before = len(self.problems)
        entries = self.mapping(node, where, EVENT_KEYS, required=("id", "title"))
        if entries is None:
            return None
        event_id = self.identifier(entries.get("id"), f"{where}.id", EVENT, self.event_ids)
        title = self.text(entries.get("title"), f"{where}.title", required=True)
        location = self.text(entries.get("location"), f"{where}.location")
        start = self.time(entries.get("start"), f"{where}.start")
        end = self.time(entries.get("end"), f"{where}.end")
        if start is not None and end is not None and end <= start:
            self.add(
                entries["end"],
                f"{where}.end",
                QT_TRANSLATE_NOOP("Config", "the event must end after it starts ({start})").format(
                    start=start.strftime(TIME_FORMAT)
                ),
            )
        cameras = self.event_cameras(entries.get("cameras"), f"{where}.cameras")
        shots = self.shots(entries.get("shots"), f"{where}.shots", cameras)
        wall_outputs = self.event_wall_outputs(entries.get("wall_outputs"), f"{where}.wall_outputs")
        broadcast = self.event_broadcast(entries.get("broadcast"), f"{where}.broadcast")
        if len(self.problems) > before or event_id is None or title is None:
            return None  # (a required value that is None has its problem already)
        if broadcast is None and any(shot.scene for shot in shots.values()):
            self.add(entries["shots"], f"{where}.shots", NO_OUTPUT)
            return None
        return EventConfig(event_id, title, location, start, end, cameras, shots, wall_outputs, broadcast)

    # ---- parts of an event -----------------------------------------------------
    def event_cameras(self, node: Node | None, field: str) -> tuple[str, ...]:
        cameras: list[str] = []

        def read(item: Node, _where: str) -> None:
            camera = self.text(item, field, required=True)
            if camera is None:
                return
            if camera not in self.camera_ids:
                self.add(item, field, no_camera(camera))
            elif camera in cameras:
                self.add(
                    item,
                    field,
                    QT_TRANSLATE_NOOP("Config", "camera {camera} is listed twice").format(
                        camera=repr(camera)
                    ),
                )
            else:
                cameras.append(camera)

        self.items(node, field, read)
        return tuple(cameras)
