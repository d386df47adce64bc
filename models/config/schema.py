"""What the console's configuration file describes: cameras, video walls, OBS outputs, events and their
shots."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from common.wording import QT_TRANSLATE_NOOP, Phrase

SHOT_KEYS = tuple(f"F{number}" for number in range(1, 13))
PRESET_NUMBERS = range(0, 256)  # one VISCA byte; the camera's profile narrows it when recalled
TIME_FORMAT = "%Y-%m-%d %H:%M"
PREVIEW_SCHEMES = ("rtsp", "rtsps", "http", "https")
DEMO_PREVIEW = "demo"

CameraCheck = Callable[[str, str | None], list[tuple[str, str]]]
"""Device knowledge passed in by the caller (models/ may not import devices/):
``check(url, profile)`` returns ``(field, message)`` pairs, field being ``"url"`` or ``"profile"``."""
WallCheck = Callable[[str], list[str]]
"""``check(url)`` returns what is wrong with a wall device URL (nothing when it can be used)."""
BroadcastCheck = Callable[[str], list[str]]
"""``check(url)``: what is wrong with an OBS URL (``devices.obs.urls.check_obs``)."""
UrlWarnings = Callable[[str], Sequence[str]]
"""``warnings(url)``: what is doubtful about any device URL (a port of another protocol, a serial port
this computer does not have); warnings are shown, but never stop a file from being used."""
WALL_NUMBERS = range(1, 10000)  # inputs, outputs, windows and layouts; the device narrows them when used
GRID_SIZES = range(1, 17)


@dataclass(frozen=True)
class CameraConfig:
    id: str
    name: str
    url: str
    profile: str | None = None
    location: str | None = None
    preview: str | int | None = (
        None  # URL, file path, "demo", or a capture device index: the tile's (sub)stream
    )
    presets: dict[int, str] = field(default_factory=dict)
    capture: str | None = None  # file recording every frame (docs/captures.md), as written
    preview_hd: str | int | None = (
        None  # the main stream, for the enlarged preview and the multiview (docs/video.md)
    )
    obs_source: str | None = None  # the OBS source showing this camera: its tally (docs/broadcast.md)
    tally_lamp: bool = False  # light the camera's own tally lamp over VISCA while on program


@dataclass(frozen=True)
class WallConfig:
    """A video wall processor, matrix switcher or display, and the names the operators use for it."""

    id: str
    name: str
    url: str
    sources: dict[int, str] = field(default_factory=dict)  # input number -> name
    outputs: dict[int, str] = field(default_factory=dict)  # output number (windows of ``canvas``) -> name
    canvas: int | None = None  # wall processors: the canvas the windows are on
    rows: int | None = None  # the grid the canvas view draws the outputs in
    cols: int | None = None
    layouts: dict[int, str] = field(default_factory=dict)  # preset or window-layout number -> name
    inputs: dict[str, str] = field(default_factory=dict)  # displays: input code ("90") -> name
    capture: str | None = None  # file recording every frame (docs/captures.md)


def wall_output_id(wall: str, output: int) -> str:
    """The device id of a wall output for ownership and in an event's ``wall_outputs``: ``"wall-id:3"``."""
    return f"{wall}:{output}"


@dataclass(frozen=True)
class BroadcastConfig:
    """An OBS Studio the console streams and records with (docs/broadcast.md)."""

    id: str
    name: str
    url: str  # obs://HOST[:PORT][?password_env=VAR]; never a password


CUT_ON_ARRIVAL, CUT_AT_ONCE = "on-arrival", "at-once"
CUTS = (CUT_ON_ARRIVAL, CUT_AT_ONCE)


@dataclass(frozen=True)
class Shot:
    """What one F-key does: recall a camera preset, cut the event's OBS output to a scene, or both
    (the cut waits for the camera to arrive unless ``cut`` is ``at-once``)."""

    camera: str | None = None
    preset: int | None = None
    scene: str | None = None
    cut: str = CUT_ON_ARRIVAL


@dataclass(frozen=True)
class EventConfig:
    id: str
    title: str
    location: str | None = None
    start: datetime | None = None
    end: datetime | None = None
    cameras: tuple[str, ...] = ()
    shots: dict[str, Shot] = field(default_factory=dict)  # "F1".."F12"
    wall_outputs: tuple[str, ...] = ()  # "wall-id:3", see ``wall_output_id``
    broadcast: str | None = None  # the id of the OBS output it streams on


@dataclass(frozen=True)
class Config:
    cameras: tuple[CameraConfig, ...] = ()
    events: tuple[EventConfig, ...] = ()
    walls: tuple[WallConfig, ...] = ()
    broadcast: tuple[BroadcastConfig, ...] = ()
    warnings: tuple[ConfigProblem, ...] = field(default=(), compare=False)  # what parse_config doubted


@dataclass(frozen=True)
class ConfigProblem:
    source: str
    line: int | None  # 1-based; None when the problem concerns the whole file
    field: str  # e.g. "cameras[1].url" (counted from 0, for programs); empty for the file or its syntax
    message: str  # a Phrase, or a device layer's text
    place: str = ""  # the field as the operator reads it: "camera 2 (id cam2), url"; "" = ``field``

    @property
    def sentence(self) -> Phrase:
        """The problem as the operator reads it: "config.yaml line 8, event 1 (id rakor), cameras: no camera
        …"."""
        form = _PROBLEM_FORMS[self.line is not None, bool(self.field)]
        return form.format(
            source=self.source, line=self.line, field=self.place or self.field, message=self.message
        )

    def __str__(self) -> str:
        return self.sentence


_PROBLEM_FORMS = {  # (has a line, has a field) -> how a problem reads
    (True, True): QT_TRANSLATE_NOOP("Config", "{source} line {line}, {field}: {message}"),
    (True, False): QT_TRANSLATE_NOOP("Config", "{source} line {line}: {message}"),
    (False, True): QT_TRANSLATE_NOOP("Config", "{source}, {field}: {message}"),
    (False, False): QT_TRANSLATE_NOOP("Config", "{source}: {message}"),
}


class ConfigError(ValueError):
    def __init__(self, problems: list[ConfigProblem], warnings: tuple[ConfigProblem, ...] = ()) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems
        self.warnings = warnings
