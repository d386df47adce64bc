"""The joystick mapping's file: joystick.json in the data folder, next to hotkeys.json.

Read at start; a file that is missing is written with the defaults so that it can be edited by hand
(there is no editor in the console yet); a broken one is left alone, named in a notice, and the
defaults drive.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from common.user_files import write_atomically
from devices.joystick.mapping import MappingError, StickMapping
from models.desk.hotkey_actions import ACTIONS
from ui.common.wording import said

JOYSTICK_FILE = "joystick.json"
STEPS = ("camera.previous", "camera.next")  # a stick's shoulder buttons; the keyboard has 1–9


def load_stick_mapping(path: Path) -> tuple[StickMapping, list[str]]:
    """The mapping in ``path`` and the problems met (sentences for the operator); never raises."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise MappingError(
                QCoreApplication.translate("StickFile", "it must hold one JSON object of joystick settings")
            )
        return StickMapping.from_dict(data, (*ACTIONS, *STEPS)), []
    except FileNotFoundError:
        mapping = StickMapping()
        try:
            write_atomically(path, json.dumps(mapping.to_dict(), indent=2) + "\n")
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
