"""The hotkey map: which keys trigger which console action, per workstation, and its file.

Keys are Qt's portable key text kept as strings (see ``key_names``); the actions, their default keys
and labels are in hotkey_actions.py. An action may have several keys; a key should have one action.
A map read from a file is refused if a key has two.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from common.user_files import default_folder, write_atomically
from common.wording import QT_TRANSLATE_NOOP, Phrase, sentence_of
from models.desk.hotkey_actions import ACTIONS, DEFAULT_HOTKEYS, HELD_ACTIONS, STOP_ALL, WIDGET_KEYS, describe
from models.desk.key_names import normalize_key

HOTKEYS_FILE = "hotkeys.json"
FILE_FORMAT = "smartcentre-console hotkeys"
FILE_VERSION = 2  # 2: ALL STOP on keys no widget uses; a version 1 file gets them (``from_json``)
READABLE_VERSIONS = (1, FILE_VERSION)


class KeyConflict(ValueError):
    def __init__(self, key: str, action: str, other: str) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Hotkeys", "{key} is already the key for {action}").format(
                key=key, action=describe(other)
            )
        )
        self.key = key
        self.action = action
        self.other = other


class HotkeyError(ValueError):
    """A hotkey file that cannot be used; ``problems`` says why, one sentence each (a Phrase, or the
    words of a section's reader, ``read_hotkey_file``)."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


class HotkeyMap:
    def __init__(self, bindings: Mapping[str, Iterable[str]] | None = None) -> None:
        """``bindings``: action -> keys; raises ValueError for an unknown action or key."""
        self._keys: dict[str, list[str]] = {action: [] for action in ACTIONS}
        for action, keys in (bindings or {}).items():
            _check_action(action)
            for key in map(normalize_key, keys):
                if key not in self._keys[action]:
                    self._keys[action].append(key)
        self._reindex()

    @classmethod
    def defaults(cls) -> HotkeyMap:
        return cls(DEFAULT_HOTKEYS)

    def copy(self) -> HotkeyMap:
        return HotkeyMap(self._keys)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HotkeyMap) and self._keys == other._keys

    def __repr__(self) -> str:
        return f"HotkeyMap({self.bindings()!r})"

    def bindings(self) -> dict[str, tuple[str, ...]]:
        return {action: tuple(keys) for action, keys in self._keys.items()}

    def keys(self, action: str) -> tuple[str, ...]:
        _check_action(action)
        return tuple(self._keys[action])

    def action_for(self, key: str) -> str | None:
        try:
            actions = self._by_key.get(normalize_key(key), [])
        except ValueError:
            return None
        if len(actions) == 1:
            return actions[0]
        # a key bound twice does nothing until the operator sorts it out; stopping is always safe
        return STOP_ALL if STOP_ALL in actions else None

    def stop_keys(self) -> tuple[str, ...]:
        """The ALL STOP keys that work everywhere, even while typing (not Esc: see ``WIDGET_KEYS``)."""
        return tuple(key for key in self._keys[STOP_ALL] if key not in WIDGET_KEYS)

    def conflicts(self) -> dict[str, tuple[str, ...]]:
        """Keys bound to more than one action, with those actions."""
        return {key: tuple(actions) for key, actions in self._by_key.items() if len(actions) > 1}

    def bind(self, action: str, key: str, *, replace: bool = False) -> str:
        """Add ``key`` to ``action`` and return its normalised text.

        Raises KeyConflict if another action has the key, unless ``replace`` takes it from that action.
        """
        _check_action(action)
        key = normalize_key(key)
        others = [other for other in self._by_key.get(key, []) if other != action]
        if others and not replace:
            raise KeyConflict(key, action, others[0])
        for other in others:
            self._keys[other].remove(key)
        if key not in self._keys[action]:
            self._keys[action].append(key)
        self._reindex()
        return key

    def unbind(self, key: str) -> None:
        key = normalize_key(key)
        for keys in self._keys.values():
            if key in keys:
                keys.remove(key)
        self._reindex()

    @staticmethod
    def is_held(action: str) -> bool:
        return action in HELD_ACTIONS

    def _reindex(self) -> None:
        self._by_key: dict[str, list[str]] = {}
        for action, keys in self._keys.items():
            for key in keys:
                self._by_key.setdefault(key, []).append(action)

    # ---- export and import -----------------------------------------------------------------
    def to_json(self, sections: Mapping[str, object] | None = None) -> str:
        """The hotkey file; ``sections``: settings carried in the same file (``read_hotkey_file``)."""
        data = {"format": FILE_FORMAT, "version": FILE_VERSION, "bindings": self._keys, **(sections or {})}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> HotkeyMap:
        """The map in a hotkey file; raises HotkeyError listing every problem.

        Actions the file does not mention keep their default keys where no other action uses them
        (files written before an action existed).
        """
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise HotkeyError(
                [
                    QT_TRANSLATE_NOOP(
                        "Hotkeys", "not a hotkey file: {reason} at line {line}, column {column}"
                    ).format(reason=exc.msg, line=exc.lineno, column=exc.colno)
                ]
            ) from None
        if not isinstance(data, dict) or not isinstance(data.get("bindings"), dict):
            raise HotkeyError(
                [QT_TRANSLATE_NOOP("Hotkeys", 'not a hotkey file: it has no "bindings" section')]
            )
        problems: list[Phrase] = []
        version = data.get("version", FILE_VERSION)
        if version not in READABLE_VERSIONS:
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Hotkeys", "the file has version {version}; this console reads version {supported}"
                ).format(version=repr(version), supported=FILE_VERSION)
            )
        bindings = _read_bindings(data["bindings"], problems)
        used = {key for keys in bindings.values() for key in keys}
        for action in ACTIONS:
            if action not in bindings:
                bindings[action] = [key for key in DEFAULT_HOTKEYS.get(action, ()) if key not in used]
        if (
            version == 1 and STOP_ALL in bindings
        ):  # Esc was its only default then; Esc now gives way to widgets
            bindings[STOP_ALL] += [
                key for key in DEFAULT_HOTKEYS[STOP_ALL] if key not in used and key not in bindings[STOP_ALL]
            ]
        hotkeys = cls(bindings)
        for key, actions in hotkeys.conflicts().items():
            given_to = QT_TRANSLATE_NOOP("Hotkeys", "{actions} and {last}").format(
                actions=", ".join(actions[:-1]), last=actions[-1]
            )
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Hotkeys", "the key {key} is given to {actions}; a key can do one thing only"
                ).format(key=key, actions=given_to)
            )
        if problems:
            raise HotkeyError(problems)
        return hotkeys


def read_hotkey_file(
    text: str, readers: Mapping[str, Callable[[Any], object]]
) -> tuple[HotkeyMap, dict[str, object]]:
    """The map in an exported hotkey file and the other settings it carries (the joystick mapping):
    ``readers`` maps a section's name to the function that reads it, raising ValueError with a
    sentence that names what is wrong. A section the file lacks is left out (older files).
    Raises HotkeyError listing every problem, so nothing is taken from a file that has one."""
    problems: list[str] = []
    try:
        hotkeys: HotkeyMap | None = HotkeyMap.from_json(text)
    except HotkeyError as exc:
        hotkeys, problems = None, list(exc.problems)
    sections: dict[str, object] = {}
    data = _json_or_none(text)
    for name, read in readers.items():
        if isinstance(data, dict) and name in data:
            try:
                sections[name] = read(data[name])
            except ValueError as exc:
                problems.append(sentence_of(exc))
    if problems or hotkeys is None:
        raise HotkeyError(problems)
    return hotkeys, sections


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return None  # from_json has said why


def _read_bindings(raw: dict[object, object], problems: list[Phrase]) -> dict[str, list[str]]:
    bindings: dict[str, list[str]] = {}
    for action, keys in raw.items():
        if action not in ACTIONS:
            problems.append(_unknown_action(action))
            continue
        if isinstance(keys, str):
            keys = [keys]
        if not isinstance(keys, list) or not all(isinstance(key, str) for key in keys):
            problems.append(
                QT_TRANSLATE_NOOP(
                    "Hotkeys", '{action}: expected a list of keys such as ["F5", "Ctrl+3"], found {found}'
                ).format(action=action, found=json.dumps(keys))
            )
            continue
        bindings[action] = []
        for key in keys:
            try:
                bindings[action].append(normalize_key(key))
            except ValueError as exc:
                problems.append(
                    QT_TRANSLATE_NOOP("Hotkeys", "{action}: {problem}").format(
                        action=action, problem=sentence_of(exc)
                    )
                )
    return bindings


def _unknown_action(action: object) -> Phrase:
    close = difflib.get_close_matches(str(action), ACTIONS, n=1)
    if not close:
        return QT_TRANSLATE_NOOP("Hotkeys", "unknown action {action}").format(action=repr(action))
    return QT_TRANSLATE_NOOP("Hotkeys", "unknown action {action} (did you mean {suggestion}?)").format(
        action=repr(action), suggestion=repr(close[0])
    )


def _check_action(action: str) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")


def hotkeys_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The per-workstation hotkey file: ``path`` if given, else the user's configuration folder."""
    return Path(path) if path is not None else default_folder() / HOTKEYS_FILE


def load_hotkeys(path: str | os.PathLike[str] | None = None) -> tuple[HotkeyMap, list[Phrase]]:
    """The workstation's map and the problems met (sentences for the log pane); never raises (the defaults
    stand in)."""
    path = hotkeys_path(path)
    try:
        return HotkeyMap.from_json(path.read_text(encoding="utf-8")), []
    except FileNotFoundError:
        return HotkeyMap.defaults(), []
    except (OSError, UnicodeDecodeError) as exc:
        return HotkeyMap.defaults(), [
            QT_TRANSLATE_NOOP(
                "Hotkeys", "{path}: cannot be read ({reason}); using the default hotkeys"
            ).format(path=str(path), reason=sentence_of(exc))
        ]
    except HotkeyError as exc:
        in_file = QT_TRANSLATE_NOOP("Hotkeys", "{path}: {problem}")
        return HotkeyMap.defaults(), [
            *(in_file.format(path=str(path), problem=problem) for problem in exc.problems),
            QT_TRANSLATE_NOOP("Hotkeys", "Using the default hotkeys."),
        ]


def save_hotkeys(hotkeys: HotkeyMap, path: str | os.PathLike[str] | None = None) -> None:
    """Write the map atomically; raises OSError."""
    write_atomically(hotkeys_path(path), hotkeys.to_json())
