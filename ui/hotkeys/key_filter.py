"""Hotkeys for the whole application: key events become console actions.

``HotkeyFilter`` is installed on the QApplication (``app.installEventFilter(hotkey_filter)``). Held
actions (moves, zoom) are tracked by physical key, so the release stops the move even when a
modifier changed in between or the focus moved to a text field.

Where a key acts:
- ALL STOP's own keys (Pause, Ctrl+Space) everywhere, even while typing; only the hotkey editor's
  key capture field takes them, as a key to bind.
- Esc, Return and Enter (``models.desk.hotkey_actions.WIDGET_KEYS``) go to the widgets first: an open menu,
  combo box, dialog or item editor takes them. Bound to an action, they act only when the key
  comes back unclaimed to a console window (``CONSOLE_WINDOW``) with no popup or modal open and
  no text field focused; Esc there leaves the text field instead (focus often rests in one
  unseen, e.g. the PIN field). So Esc closes or leaves what is open, and is ALL STOP on the
  bare console.
- Every other hotkey, unless a menu, combo box list or modal dialog is open, a text field has the
  focus or the window owns its keys (``OWNS_KEYS``).
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QKeyCombination, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from models.desk.hotkey_actions import STOP_ALL, WIDGET_KEYS, describe
from models.desk.hotkeys import HotkeyMap
from models.desk.key_names import normalize_key
from ui.common.wording import said

OWNS_KEYS = "ownsKeys"
"""A window with this property set to True keeps its keys (editors); only the all-stop keys still work
there."""
CONSOLE_WINDOW = "consoleWindow"
"""A window with this property set to True (the operator console) takes Esc/Return/Enter hotkeys left
unclaimed."""

_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_Meta,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_CapsLock,
    Qt.Key.Key_NumLock,
    Qt.Key.Key_unknown,
}
_EDITABLE_TEXT = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
_KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride)
_PORTABLE = QKeySequence.SequenceFormat.PortableText
# Qt names keys through its own translations ("QShortcut"), which PySide6 does not ship in Indonesian:
# the console's translation file carries the key names the cheat sheet, the editor and the buttons
# show, and the key capture field's prompt.
QT_WORDS = (
    QT_TRANSLATE_NOOP("QShortcut", "Up"),
    QT_TRANSLATE_NOOP("QShortcut", "Down"),
    QT_TRANSLATE_NOOP("QShortcut", "Left"),
    QT_TRANSLATE_NOOP("QShortcut", "Right"),
    QT_TRANSLATE_NOOP("QShortcut", "Space"),
    QT_TRANSLATE_NOOP("QShortcut", "Return"),
    QT_TRANSLATE_NOOP("QShortcut", "Enter"),
    QT_TRANSLATE_NOOP("QKeySequenceEdit", "Press shortcut"),
)


def key_text(combination: QKeyCombination) -> str | None:
    """The hotkey map's text for a key and its modifiers (keypad keys as "Num+…"); None for a lone
    modifier."""
    if combination.key() in _MODIFIER_KEYS:
        return None
    try:
        return normalize_key(QKeySequence(combination).toString(_PORTABLE))
    except ValueError:
        return None


def display_key(key: str) -> str:
    """A key as the operator's platform names it (e.g. "Ctrl+3" on Windows, "⌘3" on macOS)."""
    return QKeySequence.fromString(key, _PORTABLE).toString(QKeySequence.SequenceFormat.NativeText) or key


def _takes_text(widget: QWidget | None) -> bool:
    if isinstance(widget, QKeySequenceEdit):
        return True
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, _EDITABLE_TEXT) and not widget.isReadOnly()


class HotkeyFilter(QObject):
    """Signals:
    actionPressed(str): an action's key went down (auto-repeat never repeats it).
    actionReleased(str): a held action's key went up, or the keyboard went elsewhere.
    focusLost(): the window or application lost the keyboard while keys were held.
    """

    actionPressed = Signal(str)
    actionReleased = Signal(str)
    focusLost = Signal()

    def __init__(self, hotkeys: HotkeyMap, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._map = hotkeys
        self._held: dict[tuple[str, int], str] = {}  # physical key -> held action
        # hides a helper window that never takes the keyboard (the cheat sheet); True if one was open:
        # an Esc that closes it stops nothing
        self.dismiss: Callable[[], bool] = lambda: False
        # the focused widget when the latest key went down (Qt asks it first, with a ShortcutOverride): a
        # text field that acts on Enter or Esc may give up the focus before the key reaches the window
        self._focus_at_press: QWidget | None = None
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)

    @property
    def map(self) -> HotkeyMap:
        return self._map

    def set_map(self, hotkeys: HotkeyMap) -> None:
        self._release_held()
        self._map = hotkeys

    @Slot()
    def release_all(self) -> None:
        """Release every held action because the keyboard went elsewhere."""
        if self._release_held():
            self.focusLost.emit()

    def _release_held(self) -> bool:
        actions = list(dict.fromkeys(self._held.values()))
        self._held.clear()
        for action in actions:
            self.actionReleased.emit(action)
        return bool(actions)

    @Slot(Qt.ApplicationState)
    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.release_all()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _KEY_EVENTS and isinstance(event, QKeyEvent):
            return self._on_key(watched, event)
        if kind == QEvent.Type.WindowDeactivate and isinstance(watched, QWidget) and watched.isWindow():
            self.release_all()
        return False

    def _on_key(self, watched: QObject, event: QKeyEvent) -> bool:
        physical = _physical_key(event)
        kind = event.type()
        if kind == QEvent.Type.KeyRelease and physical in self._held:
            if not event.isAutoRepeat():
                released = self._held.pop(physical)
                if released not in self._held.values():
                    self.actionReleased.emit(released)
            return True
        if kind == QEvent.Type.ShortcutOverride:
            self._focus_at_press = QApplication.focusWidget()
        action = self._action(watched, event)
        if action is None:
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the hotkey wins over any menu shortcut with the same key
        elif kind == QEvent.Type.KeyPress and not event.isAutoRepeat() and physical not in self._held:
            self._press(physical, action)
        return True

    def _press(self, physical: tuple[str, int], action: str) -> None:
        if self._map.is_held(action):
            already_held = action in self._held.values()
            self._held[physical] = action
            if already_held:
                return
        self.actionPressed.emit(action)

    def _action(self, watched: QObject, event: QKeyEvent) -> str | None:
        text = key_text(event.keyCombination())
        action = self._map.action_for(text) if text is not None else None
        if action is None:
            return None
        if text in WIDGET_KEYS:
            pressed = event.type() == QEvent.Type.KeyPress
            focus = (
                self._focus_at_press
                if pressed and shiboken6.isValid(self._focus_at_press)
                else QApplication.focusWidget()
            )
            if not _unclaimed(watched, text, pressed, focus) or text == "Esc" and pressed and self.dismiss():
                return None
            return action
        focus = QApplication.focusWidget() or (watched if isinstance(watched, QWidget) else None)
        if isinstance(focus, QKeySequenceEdit):
            return None  # the hotkey editor is capturing a key to bind: even the stop keys
        if action == STOP_ALL:
            return action
        if QApplication.activePopupWidget() is not None or QApplication.activeModalWidget() is not None:
            return None  # an open menu, combo box list or modal dialog has the arrows, digits and letters
        if focus is not None and (_takes_text(focus) or focus.window().property(OWNS_KEYS) is True):
            return None
        return action


def _unclaimed(watched: QObject, key: str, pressed: bool, focus: QWidget | None) -> bool:
    """A key event reached a console window itself: no widget inside took it, nothing open would.

    A focused text field would: Return and Enter end its input; a pressed Esc leaves it (the
    next Esc, on the bare console, is the one that acts)."""
    if not isinstance(watched, QWidget) or not watched.isWindow():
        return False  # on its way through the focused widget and its parents
    window = watched.parentWidget() if isinstance(watched, QDockWidget) else watched  # a floating dock
    if window is None or window.property(CONSOLE_WINDOW) is not True:
        return False
    if QApplication.activePopupWidget() is not None or QApplication.activeModalWidget() is not None:
        return False
    if focus is not None and _takes_text(focus):
        if key == "Esc" and pressed:
            focus.clearFocus()
        return False
    return True


def _physical_key(event: QKeyEvent) -> tuple[str, int]:
    # the scan code survives a modifier change between press and release; offscreen it is 0
    if event.nativeScanCode():
        return ("scan", event.nativeScanCode())
    return ("key", event.key())


class ActionLabels(QObject):
    """Translated names of the hotkey actions and of their groups
    (``models.desk.hotkey_actions.ACTION_GROUPS``)."""

    def label(self, action: str) -> str:
        return said(describe(action))

    def stop_button(self, hotkeys: HotkeyMap) -> str:
        """The ALL STOP button's text, with its keys."""
        keys = " / ".join(display_key(key) for key in hotkeys.keys(STOP_ALL))
        return self.tr("ALL STOP (%1)").replace("%1", keys) if keys else self.tr("ALL STOP")

    def group_title(self, group: str) -> str:
        return {
            "camera": self.tr("Cameras"),
            "move": self.tr("Move and zoom (hold the key)"),
            "preset": self.tr("Presets of the selected camera"),
            "shot": self.tr("Shots of the active event"),
            "wall": self.tr("Layouts of the video wall"),
            "general": self.tr("General"),
        }[group]
