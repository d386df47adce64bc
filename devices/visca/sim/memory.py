"""What a simulated camera keeps across restarts, as a real one keeps it in flash: its presets.

``state=PATH`` on a simulator URL names a small JSON file, one per listener; on a serial chain it
holds every camera of the chain, by position on the line (addresses change with Address Set,
positions do not):

    {"format": 1, "cameras": [{"presets": {"1": {"pan": 0, "tilt": 0, "zoom": 0, "focus": 4096}},
                               "preset_speeds": {"1": 24}, "recall_speed": 24}]}

It is read at start and written atomically after every change to a preset. A file that cannot
be read, or is not such a state, is reported (``restore`` returns the sentence) and ignored: the
cameras start without presets and the next change writes a good file over it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from common.user_files import write_atomically
from common.wording import QT_TRANSLATE_NOOP, Phrase
from devices.visca.sim.camera import Preset, VirtualCamera

log = logging.getLogger(__name__)
FORMAT = 1
AXES = ("pan", "tilt", "zoom", "focus")

UNUSABLE = QT_TRANSLATE_NOOP(
    "Simulator",
    "The saved presets of a simulated camera cannot be used ({path}): {reason}. The file is ignored.",
)
NOT_JSON = QT_TRANSLATE_NOOP("Simulator", "it is not valid JSON")
NOT_A_STATE = QT_TRANSLATE_NOOP("Simulator", "it is not the state of a simulated camera")


class NotAState(ValueError):
    pass


class CameraMemory:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.loaded = False  # presets came from the file (not a first start, not an unusable file)

    def restore(self, cameras: Sequence[VirtualCamera]) -> Phrase | None:
        """Give the cameras what the file kept; what is wrong with it, if it is there and unusable."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except UnicodeDecodeError:
            return UNUSABLE.format(path=str(self.path), reason=NOT_JSON)
        except OSError as exc:
            return UNUSABLE.format(path=str(self.path), reason=exc.strerror or str(exc))
        try:
            kept = _cameras(json.loads(text))
        except json.JSONDecodeError:
            return UNUSABLE.format(path=str(self.path), reason=NOT_JSON)
        except NotAState:
            return UNUSABLE.format(path=str(self.path), reason=NOT_A_STATE)
        for camera, memory in zip(cameras, kept, strict=False):
            camera.presets, camera.preset_speeds, camera.recall_speed = memory
        self.loaded = True
        return None

    def save(self, cameras: Sequence[VirtualCamera]) -> None:
        """Write every camera's presets; a file that cannot be written is logged, the camera carries on."""
        data = {"format": FORMAT, "cameras": [_memory(camera) for camera in cameras]}
        try:
            write_atomically(self.path, json.dumps(data, indent=1))
        except OSError as exc:
            log.warning("simulated camera presets not saved to %s: %s", self.path, exc.strerror or exc)


def _memory(camera: VirtualCamera) -> dict[str, Any]:
    return {
        "presets": {
            str(n): {axis: getattr(p, axis) for axis in AXES} for n, p in sorted(camera.presets.items())
        },
        "preset_speeds": {str(n): speed for n, speed in sorted(camera.preset_speeds.items())},
        "recall_speed": camera.recall_speed,
    }


def _cameras(data: Any) -> list[tuple[dict[int, Preset], dict[int, int], int]]:
    if (
        not isinstance(data, dict)
        or data.get("format") != FORMAT
        or not isinstance(data.get("cameras"), list)
    ):
        raise NotAState
    return [_camera(camera) for camera in data["cameras"]]


def _camera(data: Any) -> tuple[dict[int, Preset], dict[int, int], int]:
    if not isinstance(data, dict):
        raise NotAState
    presets = {
        _number(n): Preset(**{axis: _integer(_mapping(p).get(axis)) for axis in AXES})
        for n, p in _mapping(data.get("presets", {})).items()
    }
    speeds = {_number(n): _integer(speed) for n, speed in _mapping(data.get("preset_speeds", {})).items()}
    return presets, speeds, _integer(data.get("recall_speed"))


def _mapping(value: Any) -> dict:
    if not isinstance(value, dict):
        raise NotAState
    return value


def _number(key: str) -> int:
    if not key.isdigit():
        raise NotAState
    return int(key)


def _integer(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise NotAState
    return value
