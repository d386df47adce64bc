"""Key names as Qt writes them in portable text ("Ctrl+3", "Num+3", "F5", "Esc", "?"), checked without Qt.

``normalize_key`` brings every accepted spelling to the one Qt produces for a key event, so a key
typed into a hotkey file and a key pressed on the keyboard compare equal as plain strings.
"""

from __future__ import annotations

from common.wording import QT_TRANSLATE_NOOP

MODIFIERS = ("Meta", "Ctrl", "Alt", "Shift", "Num")  # the order Qt writes them in
NAMED_KEYS = (
    "Esc",
    "Tab",
    "Backtab",
    "Backspace",
    "Return",
    "Enter",
    "Ins",
    "Del",
    "Pause",
    "Print",
    "SysReq",
    "Clear",
    "Home",
    "End",
    "Left",
    "Up",
    "Right",
    "Down",
    "PgUp",
    "PgDown",
    "CapsLock",
    "NumLock",
    "ScrollLock",
    "Menu",
    "Help",
    "Space",
    *(f"F{number}" for number in range(1, 36)),
)
_NAMES = {name.lower(): name for name in NAMED_KEYS} | {
    "escape": "Esc",
    "insert": "Ins",
    "delete": "Del",
    "page up": "PgUp",
    "page down": "PgDown",
}
_MODIFIERS = {name.lower(): name for name in MODIFIERS}
EXAMPLES = QT_TRANSLATE_NOOP("Hotkeys", "e.g. F5, Ctrl+3, Num+3, Up, Esc or ?")


def normalize_key(text: str) -> str:
    """Qt's portable text for one key with its modifiers; raises ValueError saying what is wrong (a Phrase).

    Shift is dropped before a symbol or digit: the character already says it (Shift+/ arrives as "?").
    """
    stripped = text.strip()
    if stripped == "+" or stripped.endswith("++"):
        prefix, name = stripped[:-2], "+"
    else:
        prefix, _plus, name = stripped.rpartition("+")
    if not name:
        raise ValueError(
            QT_TRANSLATE_NOOP("Hotkeys", "{text} is not a key ({examples})").format(
                text=repr(text), examples=EXAMPLES
            )
        )
    modifiers = set()
    for part in filter(None, prefix.split("+")):
        modifier = _MODIFIERS.get(part.strip().lower())
        if modifier is None:
            raise ValueError(
                QT_TRANSLATE_NOOP("Hotkeys", "{text}: {part} is not a modifier; use {modifiers}").format(
                    text=repr(text), part=repr(part), modifiers=", ".join(MODIFIERS)
                )
            )
        modifiers.add(modifier)
    key = _key_name(text, name)
    if len(key) == 1 and not key.isalpha():
        modifiers.discard("Shift")
    return "+".join([*(modifier for modifier in MODIFIERS if modifier in modifiers), key])


def _key_name(text: str, name: str) -> str:
    if len(name) == 1 and name.isprintable() and not name.isspace():
        upper = name.upper()
        return upper if len(upper) == 1 else name
    named = _NAMES.get(name.strip().lower())
    if named is not None:
        return named
    if "," in name:
        raise ValueError(
            QT_TRANSLATE_NOOP("Hotkeys", "{text}: one key per binding, not a sequence of keys").format(
                text=repr(text)
            )
        )
    raise ValueError(
        QT_TRANSLATE_NOOP("Hotkeys", "{text}: {name} is not a key name ({examples})").format(
            text=repr(text), name=repr(name), examples=EXAMPLES
        )
    )
