"""The console's configuration file: cameras, video walls, OBS outputs, events and shots in human-editable
YAML.

``parse_config`` reports every problem with its line and field (see ``config_parse``);
``ConfigStore`` keeps the last good copy so that a bad edit never leaves the console without cameras.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from common.user_files import default_folder, keep_private, write_atomically
from common.wording import QT_TRANSLATE_NOOP, Phrase, sentence_of
from models.config.demo import demo_config, demo_config_text
from models.config.parse import parse_config
from models.config.schema import (
    CUT_ON_ARRIVAL,
    TIME_FORMAT,
    BroadcastCheck,
    CameraCheck,
    CameraConfig,
    Config,
    ConfigError,
    ConfigProblem,
    EventConfig,
    Shot,
    UrlWarnings,
    WallCheck,
    WallConfig,
)

__all__ = [
    "CameraCheck",
    "CameraConfig",
    "Config",
    "ConfigError",
    "ConfigProblem",
    "ConfigStore",
    "EventConfig",
    "Shot",
    "WallCheck",
    "WallConfig",
    "demo_config",
    "demo_config_text",
    "dump_config",
    "load_config",
    "parse_config",
]

CONFIG_FILE = "config.yaml"
LAST_GOOD_FILE = "config.last-good.yaml"
DEMO_CONFIG_FILE = "demo-config.yaml"  # demo mode's file, beside the data folder's other files
DEMO_LAST_GOOD_FILE = "demo-config.last-good.yaml"


def load_config(
    path: str | os.PathLike[str], camera_check: CameraCheck | None = None, wall_check: WallCheck | None = None
) -> Config:
    """Read and parse a configuration file; raises OSError or ConfigError."""
    path = Path(path)
    return parse_config(path.read_text(encoding="utf-8"), path.name, camera_check, wall_check)


def dump_config(config: Config) -> str:
    """YAML text for ``config``; ``parse_config(dump_config(c)) == c``."""
    data: dict[str, Any] = {"cameras": [_camera_data(camera) for camera in config.cameras]}
    if config.walls:
        data["walls"] = [_wall_data(wall) for wall in config.walls]
    if config.broadcast:
        data["broadcast"] = [{"id": o.id, "name": o.name, "url": o.url} for o in config.broadcast]
    data["events"] = [_event_data(event) for event in config.events]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)


def _camera_data(camera: CameraConfig) -> dict[str, Any]:
    data: dict[str, Any] = {"id": camera.id, "name": camera.name, "url": camera.url}
    optional = {
        "profile": camera.profile,
        "location": camera.location,
        "preview": camera.preview,
        "preview_hd": camera.preview_hd,
        "presets": dict(camera.presets) or None,
        "capture": camera.capture,
        "obs_source": camera.obs_source,
        "tally_lamp": camera.tally_lamp or None,
    }
    data.update((key, value) for key, value in optional.items() if value is not None)
    return data


def _wall_data(wall: WallConfig) -> dict[str, Any]:
    data: dict[str, Any] = {"id": wall.id, "name": wall.name, "url": wall.url}
    optional = {
        "sources": wall.sources,
        "outputs": wall.outputs,
        "canvas": wall.canvas,
        "rows": wall.rows,
        "cols": wall.cols,
        "layouts": wall.layouts,
        "inputs": wall.inputs,
        "capture": wall.capture,
    }
    data.update((key, value) for key, value in optional.items() if value)
    return data


def _event_data(event: EventConfig) -> dict[str, Any]:
    data: dict[str, Any] = {"id": event.id, "title": event.title}
    optional = {
        "location": event.location,
        "start": event.start.strftime(TIME_FORMAT) if event.start else None,
        "end": event.end.strftime(TIME_FORMAT) if event.end else None,
    }
    data.update((key, value) for key, value in optional.items() if value is not None)
    data["cameras"] = list(event.cameras)
    if event.shots:
        data["shots"] = {key: _shot_data(shot) for key, shot in event.shots.items()}
    if event.wall_outputs:
        data["wall_outputs"] = list(event.wall_outputs)
    if event.broadcast:
        data["broadcast"] = event.broadcast
    return data


def _shot_data(shot: Shot) -> dict[str, Any]:
    data = {"camera": shot.camera, "preset": shot.preset, "scene": shot.scene}
    if shot.scene is not None and shot.cut != CUT_ON_ARRIVAL:
        data["cut"] = shot.cut
    return {key: value for key, value in data.items() if value is not None}


class ConfigStore:
    """The configuration file and the last copy of it that was valid.

    ``camera_check`` (``devices.visca.url_check.check_camera`` in the application) lets the
    store check camera URLs and profiles, ``wall_check`` wall device URLs, ``broadcast_check`` OBS
    URLs; without them they are only checked to be present. ``url_warnings``
    (``devices.port_check.port_warnings``) doubts ports.
    ``demo``: the file is demo mode's, written afresh at each start (see ``app.py``).
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        last_good_path: str | os.PathLike[str] | None = None,
        *,
        camera_check: CameraCheck | None = None,
        wall_check: WallCheck | None = None,
        url_warnings: UrlWarnings | None = None,
        broadcast_check: BroadcastCheck | None = None,
        demo: bool = False,
    ) -> None:
        self.path = Path(path) if path is not None else default_folder() / CONFIG_FILE
        self.last_good_path = (
            Path(last_good_path) if last_good_path is not None else self.path.with_name(LAST_GOOD_FILE)
        )
        self.camera_check = camera_check
        self.wall_check = wall_check
        self.url_warnings = url_warnings
        self.broadcast_check = broadcast_check
        self.demo = demo

    def parse(self, text: str) -> Config:
        """``parse_config`` with this store's file name and checks; raises ConfigError."""
        return self._parse(text, self.path.name)

    def _parse(self, text: str, source: str) -> Config:
        return parse_config(
            text,
            source,
            self.camera_check,
            self.wall_check,
            self.url_warnings,
            broadcast_check=self.broadcast_check,
        )

    def read_text(self) -> str:
        """Text for the editor: the file, else the last good copy, else nothing."""
        for path in (self.path, self.last_good_path):
            try:
                return path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
        return ""

    def load(self) -> tuple[Config, list[Phrase]]:
        """The configuration and the problems met (sentences for the log pane); never raises.

        A missing or faulty file gives the last good configuration (or an empty one) and the reasons.
        """
        path = str(self.path)
        keep_private(self.path)  # it may hold device passwords
        try:
            text = self.path.read_text(encoding="utf-8")
            config = self.parse(text)
        except FileNotFoundError:
            errors = [
                QT_TRANSLATE_NOOP("Config", "{path}: there is no configuration file yet").format(path=path)
            ]
        except (OSError, UnicodeDecodeError) as exc:
            errors = [
                QT_TRANSLATE_NOOP("Config", "{path}: cannot be read ({reason})").format(
                    path=path, reason=sentence_of(exc)
                )
            ]
        except ConfigError as exc:
            errors = [problem.sentence for problem in exc.problems]
        else:
            try:
                write_atomically(self.last_good_path, text)
            except OSError as exc:
                return config, [
                    QT_TRANSLATE_NOOP(
                        "Config", "{path}: could not keep a copy of the good configuration ({reason})"
                    ).format(path=str(self.last_good_path), reason=sentence_of(exc))
                ]
            return config, []
        return self._last_good(errors)

    def _last_good(self, errors: list[Phrase]) -> tuple[Config, list[Phrase]]:
        path = str(self.last_good_path)
        try:
            config = self._parse(self.last_good_path.read_text(encoding="utf-8"), self.last_good_path.name)
        except FileNotFoundError:
            return Config(), [
                *errors,
                QT_TRANSLATE_NOOP(
                    "Config", "There is no earlier good configuration either: starting without cameras."
                ),
            ]
        except ConfigError:
            return Config(), [
                *errors,
                QT_TRANSLATE_NOOP(
                    "Config", "{path}: the last good copy has problems too; starting without cameras."
                ).format(path=path),
            ]
        except (OSError, UnicodeDecodeError) as exc:
            return Config(), [
                *errors,
                QT_TRANSLATE_NOOP(
                    "Config",
                    "{path}: the last good copy cannot be read ({reason}); starting without cameras.",
                ).format(path=path, reason=sentence_of(exc)),
            ]
        return config, [
            *errors,
            QT_TRANSLATE_NOOP("Config", "Using the last good configuration, {path}.").format(path=path),
        ]

    def save(self, text: str) -> list[ConfigProblem]:
        """Write ``text`` if it is a valid configuration; otherwise leave the file alone and return the
        problems."""
        try:
            self.parse(text)
        except ConfigError as exc:
            return exc.problems
        try:
            write_atomically(self.path, text)
            write_atomically(self.last_good_path, text)
        except OSError as exc:
            return [
                ConfigProblem(
                    str(self.path),
                    None,
                    "",
                    QT_TRANSLATE_NOOP("Config", "could not be written ({reason})").format(
                        reason=sentence_of(exc)
                    ),
                )
            ]
        return []
