"""The joystick mapping's file: joystick.json in the data folder, next to hotkeys.json.

Read at start; a file that is missing is written with the defaults (so it can also be edited by
hand); a broken one is left alone, named in a notice, and the defaults drive. ``StickSettings`` is the
workstation's mapping while the console runs: Tools → Controllers… saves it, the console's stick
follows it at once, and the hotkey editor carries it in the files it exports and imports.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from common.user_files import write_atomically
from devices.joystick.mapping import MappingError, StickMapping
from models.desk.hotkey_actions import ACTIONS
from ui.common.wording import said

JOYSTICK_FILE = "joystick.json"
STEPS = ("camera.previous", "camera.next")  # a stick's shoulder buttons; the keyboard has 1–9
BUTTON_ACTIONS = (*ACTIONS, *STEPS)  # what a button may name in the file
SECTION = "joystick"  # the mapping's section in an exported hotkey file


def load_stick_mapping(path: Path) -> tuple[StickMapping, list[str]]:
    """The mapping in ``path`` and the problems met (sentences for the operator); never raises."""
    try:
        return read_mapping(json.loads(path.read_text(encoding="utf-8"))), []
    except FileNotFoundError:
        mapping = StickMapping()
        try:
            write_mapping(path, mapping)
        except OSError as exc:
            return mapping, [
                QCoreApplication.translate("StickFile", "%1: cannot be written (%2)")
                .replace("%1", str(path))
                .replace("%2", str(exc))
            ]
        return mapping, []
    except (OSError, UnicodeDecodeError, ValueError) as exc:  # json.JSONDecodeError and MappingError too
        problem = said(exc) if isinstance(exc, MappingError) else str(exc)
        return StickMapping(), [
            QCoreApplication.translate("StickFile", "%1: %2 — the joystick uses its default mapping")
            .replace("%1", str(path))
            .replace("%2", problem)
        ]


def read_mapping(data: Any) -> StickMapping:
    """The mapping in plain data (the file, or an exported hotkey file's section); raises
    ``MappingError`` naming the first bad setting."""
    if not isinstance(data, dict):
        raise MappingError(
            QCoreApplication.translate("StickFile", "the joystick settings must be one JSON object")
        )
    return StickMapping.from_dict(data, BUTTON_ACTIONS)


def write_mapping(path: Path, mapping: StickMapping) -> None:
    """Atomically: a console stopped half-way leaves the old file or the new one; raises OSError."""
    write_atomically(path, json.dumps(mapping.to_dict(), indent=2) + "\n")


class StickSettings(QObject):
    """The joystick mapping of this workstation. Signals:
    mappingChanged(StickMapping): a new mapping was saved (GUI thread).
    As a section of the hotkey file (ui/hotkeys/editor.py ``FileSection``): ``name``, ``exported()``,
    ``parsed(data)`` and ``save(mapping)``."""

    mappingChanged = Signal(object)
    name = SECTION

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = folder / JOYSTICK_FILE
        self.mapping, self.problems = load_stick_mapping(self.path)

    def save(self, mapping: StickMapping) -> None:
        """Write it and use it at once; raises OSError (nothing changes then)."""
        write_mapping(self.path, mapping)
        self.mapping = mapping
        self.mappingChanged.emit(mapping)

    def exported(self, mapping: StickMapping | None = None) -> dict[str, Any]:
        """``mapping`` (an imported one not saved yet), or the one in use, as plain data."""
        return (mapping or self.mapping).to_dict()

    def parsed(self, data: Any) -> StickMapping:
        return read_mapping(data)
