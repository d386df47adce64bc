"""The console's hotkey actions: their names, groups and labels, which are held, and their default keys.

Keys are Qt's portable key text kept as strings (see ``key_names``). ALL STOP has keys that no
widget uses (Pause, and Ctrl+Space for keyboards without Pause): they stop every camera from
anywhere. Esc, Return and Enter (``WIDGET_KEYS``) close or confirm menus, dialogs and editors first;
bound to an action they act only when nothing else takes them. Which key does what on a workstation
is its ``HotkeyMap`` (hotkeys.py).
"""

from __future__ import annotations

from common.wording import QT_TRANSLATE_NOOP, Phrase

CAMERA_SELECT = tuple(f"camera.select.{number}" for number in range(1, 10))
MOVES = ("move.up", "move.down", "move.left", "move.right")
ZOOMS = ("zoom.in", "zoom.out")
PRESET_RECALLS = tuple(f"preset.recall.{number}" for number in range(10))
PRESET_SELECTED = "preset.recall.selected"  # the slot chosen in the preset grid
PRESET_NUMBER = "preset.number"  # type a preset number (any, not only 0–9), then Enter
SHOTS = tuple(f"shot.F{number}" for number in range(1, 13))
WALL_LAYOUTS = tuple(f"wall.layout.{number}" for number in range(1, 10))  # on the wall shown in the console
STOP_ALL = "stop.all"
CHEAT_SHEET = "help.cheatsheet"
QUICK_LOG = "log.quick"  # the one-key entry in the operations log
MULTIVIEW = "view.multiview"  # every camera in a window of its own, on a second screen if there is one
PRESETS = (*PRESET_RECALLS, PRESET_SELECTED, PRESET_NUMBER)
ACTIONS = (
    *CAMERA_SELECT,
    *MOVES,
    *ZOOMS,
    *PRESETS,
    *SHOTS,
    *WALL_LAYOUTS,
    STOP_ALL,
    CHEAT_SHEET,
    QUICK_LOG,
    MULTIVIEW,
)
HELD_ACTIONS = frozenset((*MOVES, *ZOOMS))  # the key press starts them, its release stops them
ACTION_GROUPS = (
    ("camera", CAMERA_SELECT),
    ("move", MOVES + ZOOMS),
    ("preset", PRESETS),
    ("shot", SHOTS),
    ("wall", WALL_LAYOUTS),
    ("general", (STOP_ALL, CHEAT_SHEET, QUICK_LOG, MULTIVIEW)),
)

DEFAULT_HOTKEYS: dict[str, tuple[str, ...]] = {
    **{action: (action.rsplit(".", 1)[1],) for action in CAMERA_SELECT},
    "move.up": ("Up",),
    "move.down": ("Down",),
    "move.left": ("Left",),
    "move.right": ("Right",),
    "zoom.in": ("+", "=", "Num++"),
    "zoom.out": ("-", "Num+-"),
    **{f"preset.recall.{number}": (f"Num+{number}", f"Ctrl+{number}") for number in range(10)},
    **{action: (action.rsplit(".", 1)[1],) for action in SHOTS if action != "shot.F11"},  # F11: the multiview
    **{action: (f"Alt+{action.rsplit('.', 1)[1]}",) for action in WALL_LAYOUTS},
    PRESET_SELECTED: ("Return", "Num+Enter"),
    PRESET_NUMBER: ("Num+*", "Ctrl+G"),
    STOP_ALL: ("Pause", "Ctrl+Space", "Esc"),
    CHEAT_SHEET: ("?",),
    QUICK_LOG: ("Ctrl+L",),
    MULTIVIEW: ("F11",),
}
WIDGET_KEYS = frozenset(("Esc", "Return", "Enter", "Num+Enter"))
"""Keys menus, dialogs, combo boxes and editors take first (to close, cancel or confirm)."""

_LABELS = {
    "move.up": QT_TRANSLATE_NOOP("Hotkeys", "Move up"),
    "move.down": QT_TRANSLATE_NOOP("Hotkeys", "Move down"),
    "move.left": QT_TRANSLATE_NOOP("Hotkeys", "Move left"),
    "move.right": QT_TRANSLATE_NOOP("Hotkeys", "Move right"),
    "zoom.in": QT_TRANSLATE_NOOP("Hotkeys", "Zoom in"),
    "zoom.out": QT_TRANSLATE_NOOP("Hotkeys", "Zoom out"),
    STOP_ALL: QT_TRANSLATE_NOOP("Hotkeys", "Stop all cameras"),
    CHEAT_SHEET: QT_TRANSLATE_NOOP("Hotkeys", "Show the hotkeys"),
    QUICK_LOG: QT_TRANSLATE_NOOP("Hotkeys", "Quick log entry"),
    MULTIVIEW: QT_TRANSLATE_NOOP("Hotkeys", "Multiview of every camera"),
    PRESET_SELECTED: QT_TRANSLATE_NOOP("Hotkeys", "Recall the chosen preset"),
    PRESET_NUMBER: QT_TRANSLATE_NOOP("Hotkeys", "Choose a preset by its number"),
}
_NUMBERED_LABELS = {
    "camera.select": QT_TRANSLATE_NOOP("Hotkeys", "Select camera {number}"),
    "preset.recall": QT_TRANSLATE_NOOP("Hotkeys", "Recall preset {number}"),
    "shot": QT_TRANSLATE_NOOP("Hotkeys", "Shot {number}"),
    "wall.layout": QT_TRANSLATE_NOOP("Hotkeys", "Recall wall layout {number}"),
}


def describe(action: str) -> Phrase:
    """A short label ("Recall preset 3"), said in the operator's language by ui/."""
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    group, _dot, argument = action.rpartition(".")
    return _LABELS.get(action) or _NUMBERED_LABELS[group].format(number=argument)
