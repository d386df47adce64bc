"""The application-wide hotkey filter, offscreen: presses, held keys, auto-repeat, text fields, focus loss."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from models.desk.hotkey_actions import DEFAULT_HOTKEYS
from models.desk.hotkeys import HotkeyMap
from ui.hotkeys.key_filter import CONSOLE_WINDOW, OWNS_KEYS, HotkeyFilter, key_text
from ui.shell.cheat_sheet import CheatSheet

Key = Qt.Key
Mod = Qt.KeyboardModifier
PRESS, RELEASE = QEvent.Type.KeyPress, QEvent.Type.KeyRelease


class Recorder:
    def __init__(self, hotkey_filter: HotkeyFilter) -> None:
        self.events: list[tuple[str, str]] = []
        hotkey_filter.actionPressed.connect(lambda action: self.events.append(("pressed", action)))
        hotkey_filter.actionReleased.connect(lambda action: self.events.append(("released", action)))
        hotkey_filter.focusLost.connect(lambda: self.events.append(("focus lost", "")))


@pytest.fixture
def hotkey_filter(qapp):
    hotkey_filter = HotkeyFilter(HotkeyMap.defaults())
    qapp.installEventFilter(hotkey_filter)
    yield hotkey_filter
    qapp.removeEventFilter(hotkey_filter)


@pytest.fixture
def recorder(hotkey_filter) -> Recorder:
    return Recorder(hotkey_filter)


class KeyCatcher(QWidget):
    """A window that notes the keys reaching it, i.e. those the filter let through."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[Key] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.keys.append(event.key())


@pytest.fixture
def window(qtbot):
    window = KeyCatcher()
    window.setProperty(CONSOLE_WINDOW, True)
    window.line = QLineEdit()
    window.combo = QComboBox()
    window.combo.addItems(["Rakor", "Podcast"])
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("console"))
    layout.addWidget(window.line)
    layout.addWidget(window.combo)
    qtbot.addWidget(window)
    window.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    window.show()
    qtbot.waitExposed(window)
    window.setFocus()  # the console itself has the keyboard, not the text field
    return window


def send(
    widget: QWidget,
    kind: QEvent.Type,
    key: Key,
    modifiers: Mod = Mod.NoModifier,
    text: str = "",
    autorep: bool = False,
) -> None:
    QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text, autorep))


def test_held_key_is_pressed_and_released_once_despite_auto_repeat(window, recorder):
    send(window, PRESS, Key.Key_Left)
    for _repeat in range(3):
        send(window, RELEASE, Key.Key_Left, autorep=True)
        send(window, PRESS, Key.Key_Left, autorep=True)
    send(window, RELEASE, Key.Key_Left)
    assert recorder.events == [("pressed", "move.left"), ("released", "move.left")]
    assert window.keys == []


def test_release_after_a_modifier_change_still_stops_the_move(window, recorder):
    send(window, PRESS, Key.Key_Left)
    send(window, RELEASE, Key.Key_Left, Mod.ShiftModifier)
    assert recorder.events == [("pressed", "move.left"), ("released", "move.left")]


def test_a_non_held_action_is_pressed_once_and_never_released(window, recorder):
    send(window, PRESS, Key.Key_F1)
    send(window, PRESS, Key.Key_F1, autorep=True)
    send(window, RELEASE, Key.Key_F1)
    assert recorder.events == [("pressed", "shot.F1")]


def test_keypad_and_ctrl_digits_both_recall_the_preset(window, recorder):
    send(window, PRESS, Key.Key_3, Mod.KeypadModifier, "3")
    send(window, PRESS, Key.Key_3, Mod.ControlModifier)
    send(window, PRESS, Key.Key_3, text="3")
    assert recorder.events == [
        ("pressed", "preset.recall.3"),
        ("pressed", "preset.recall.3"),
        ("pressed", "camera.select.3"),
    ]


def test_shifted_symbols_match_their_character(window, recorder):
    send(window, PRESS, Key.Key_Question, Mod.ShiftModifier, "?")
    send(window, PRESS, Key.Key_Plus, Mod.ShiftModifier, "+")
    assert recorder.events == [("pressed", "help.cheatsheet"), ("pressed", "zoom.in")]


def test_typing_in_a_text_field_selects_no_camera_and_only_the_stop_keys_stop(window, recorder, qtbot):
    window.line.setFocus()
    qtbot.keyClicks(window.line, "12")
    assert window.line.text() == "12"
    send(window.line, PRESS, Key.Key_Left)
    assert window.line.cursorPosition() == 1
    assert recorder.events == []
    send(window.line, PRESS, Key.Key_Return)  # the field's own: it ends the input
    assert recorder.events == []
    send(window.line, PRESS, Key.Key_Pause)
    send(window.line, PRESS, Key.Key_Space, Mod.ControlModifier, " ")
    assert recorder.events == [("pressed", "stop.all"), ("pressed", "stop.all")]
    assert window.line.text() == "12"


def test_the_first_esc_leaves_a_text_field_the_next_is_all_stop(window, recorder, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.line.setFocus()
    qtbot.keyClicks(window.line, "Rakor")
    qtbot.keyClick(window.line, Key.Key_Escape)
    assert recorder.events == []
    assert not window.line.hasFocus()
    assert window.line.text() == "Rakor"
    qtbot.keyClick(QApplication.focusWidget() or window, Key.Key_Escape)
    assert recorder.events == [("pressed", "stop.all")]


def test_a_window_that_owns_its_keys_gets_them_except_the_stop_keys(qtbot, recorder):
    editor = KeyCatcher()
    editor.setProperty(OWNS_KEYS, True)
    qtbot.addWidget(editor)
    editor.show()
    send(editor, PRESS, Key.Key_F5)
    send(editor, PRESS, Key.Key_Escape)
    send(editor, PRESS, Key.Key_Pause)
    assert editor.keys == [Key.Key_F5, Key.Key_Escape]
    assert recorder.events == [("pressed", "stop.all")]


def test_esc_on_the_bare_console_window_is_all_stop_and_return_its_action(window, recorder):
    send(window, PRESS, Key.Key_Escape)
    send(window, PRESS, Key.Key_Return)
    send(window, PRESS, Key.Key_Enter, Mod.KeypadModifier)
    assert recorder.events == [
        ("pressed", "stop.all"),
        ("pressed", "preset.recall.selected"),
        ("pressed", "preset.recall.selected"),
    ]
    assert window.keys == []


def test_esc_closes_an_open_menu_and_stops_nothing(window, recorder, qtbot):
    menu = QMenu(window)
    menu.addAction("Hotkeys…")
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    qtbot.keyClick(menu, Key.Key_Escape)
    assert not menu.isVisible()
    assert recorder.events == []


def test_an_open_menu_keeps_the_arrows_but_the_stop_keys_still_stop(window, recorder, qtbot):
    menu = QMenu(window)
    first, second = menu.addAction("Hotkeys…"), menu.addAction("Configuration…")
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is menu)
    menu.setActiveAction(first)
    qtbot.keyClick(menu, Key.Key_Down)
    assert menu.activeAction() is second
    assert recorder.events == []
    qtbot.keyClick(menu, Key.Key_Pause)
    assert recorder.events == [("pressed", "stop.all")]
    menu.close()


def test_esc_closes_an_open_combo_box_and_stops_nothing(window, recorder, qtbot):
    window.combo.showPopup()
    popup = QApplication.activePopupWidget()
    assert popup is not None
    qtbot.keyClick(popup, Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    assert recorder.events == []


def test_esc_and_enter_close_a_dialog_and_act_on_nothing(window, recorder, qtbot):
    for key, result in (
        (Key.Key_Escape, QDialog.DialogCode.Rejected),
        (Key.Key_Return, QDialog.DialogCode.Accepted),
    ):
        dialog = QDialog(window)
        dialog.setProperty(CONSOLE_WINDOW, True)  # even a dialog that claimed to be the console
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        dialog.open()
        qtbot.waitExposed(dialog)
        qtbot.keyClick(dialog, key)
        assert dialog.isHidden()
        assert dialog.result() == result
    assert recorder.events == []


def test_the_key_capture_field_of_the_hotkey_editor_takes_even_the_stop_keys(window, recorder, qtbot):
    capture = QKeySequenceEdit(window)
    capture.show()
    capture.setFocus()
    qtbot.keyClick(capture, Key.Key_Pause)
    assert recorder.events == []
    assert capture.keySequence().toString() == "Pause"


def test_unmapped_keys_pass_through(window, recorder):
    send(window, PRESS, Key.Key_Q, Mod.ControlModifier | Mod.AltModifier)
    send(window, PRESS, Key.Key_Shift, Mod.ShiftModifier)
    assert window.keys == [Key.Key_Q, Key.Key_Shift]
    assert recorder.events == []


def test_mapped_keys_win_over_menu_shortcuts(window, hotkey_filter):
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Key.Key_F5, Mod.NoModifier)
    override.ignore()
    QApplication.sendEvent(window, override)
    assert override.isAccepted()


def test_deactivation_while_a_key_is_held_releases_it(window, recorder):
    send(window, PRESS, Key.Key_Left)
    send(window, PRESS, Key.Key_Plus, text="+")
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    send(window, RELEASE, Key.Key_Left)
    assert recorder.events == [
        ("pressed", "move.left"),
        ("pressed", "zoom.in"),
        ("released", "move.left"),
        ("released", "zoom.in"),
        ("focus lost", ""),
    ]


def test_deactivation_with_nothing_held_says_nothing(window, recorder):
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    assert recorder.events == []


def test_application_going_inactive_releases_held_keys(window, recorder, qapp):
    send(window, PRESS, Key.Key_Up)
    qapp.applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert recorder.events == [("pressed", "move.up"), ("released", "move.up"), ("focus lost", "")]


def test_a_new_map_releases_held_keys_and_takes_effect(window, recorder, hotkey_filter):
    send(window, PRESS, Key.Key_Down)
    hotkeys = HotkeyMap.defaults()
    hotkeys.bind("stop.all", "Space")
    hotkey_filter.set_map(hotkeys)
    send(window, PRESS, Key.Key_Space, text=" ")
    assert recorder.events == [("pressed", "move.down"), ("released", "move.down"), ("pressed", "stop.all")]


def test_default_keys_are_written_exactly_as_qt_writes_them():
    portable = QKeySequence.SequenceFormat.PortableText
    for keys in DEFAULT_HOTKEYS.values():
        for key in keys:
            assert QKeySequence.fromString(key, portable).toString(portable) == key
            assert key_text(QKeySequence.fromString(key, portable)[0]) == key
    assert key_text(QKeyCombination(Mod.ShiftModifier, Key.Key_Shift)) is None


def test_cheat_sheet_lists_the_map_by_group(qtbot):
    sheet = CheatSheet(HotkeyMap.defaults())
    qtbot.addWidget(sheet)
    texts = [label.text() for label in sheet.findChildren(QLabel)]
    assert "Recall preset 3" in texts
    assert "Move left" in texts
    assert "Shot F12" in texts
    hotkeys = HotkeyMap()
    hotkeys.bind("stop.all", "Esc")
    sheet.set_map(hotkeys)
    qtbot.wait(1)  # let deleteLater remove the old rows
    texts = [label.text() for label in sheet.findChildren(QLabel)]
    assert "Stop all cameras" in texts
    assert "Recall preset 3" not in texts
    sheet.toggle()
    assert sheet.isVisible()
    sheet.toggle()
    assert not sheet.isVisible()
