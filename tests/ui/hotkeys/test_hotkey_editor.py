"""The hotkey editor: its table model, conflicts refused until confirmed, export/import, saving."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from models.desk.hotkey_actions import ACTIONS
from models.desk.hotkeys import HotkeyMap, load_hotkeys
from ui.hotkeys.editor import HotkeyEditor
from ui.hotkeys.hotkey_table import CONFLICT_COLOUR, HotkeyTableModel

Role = Qt.ItemDataRole


@pytest.fixture
def editor(qtbot, tmp_path: Path) -> HotkeyEditor:
    editor = HotkeyEditor(HotkeyMap.defaults(), tmp_path / "hotkeys.json")
    qtbot.addWidget(editor)
    editor.show()
    assert editor.selected_action() == ACTIONS[0]
    assert editor.prompt_box.isHidden()
    return editor


def row_of(action: str) -> int:
    return ACTIONS.index(action)


def test_model_passes_the_model_tester(qtmodeltester):
    model = HotkeyTableModel(HotkeyMap.defaults())
    qtmodeltester.check(model)
    model.set_map(HotkeyMap({"shot.F1": ["F1"], "stop.all": ["F1"]}))
    qtmodeltester.check(model)


def test_model_shows_labels_and_keys():
    model = HotkeyTableModel(HotkeyMap.defaults())
    assert model.rowCount() == len(ACTIONS)
    assert model.columnCount() == 2
    row = row_of("preset.recall.3")
    assert model.index(row, 0).data() == "Recall preset 3"
    assert model.index(row, 1).data() == "Num+3, Ctrl+3"
    assert model.index(row, 0).data(HotkeyTableModel.ActionRole) == "preset.recall.3"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Keys"


def test_rows_sharing_a_key_are_red_and_name_the_other_action():
    model = HotkeyTableModel(HotkeyMap({"shot.F1": ["F1"], "stop.all": ["F1", "Esc"]}))
    for action, other in (("shot.F1", "Stop all cameras"), ("stop.all", "Shot F1")):
        index = model.index(row_of(action), 1)
        assert index.data(Role.ForegroundRole).color() == CONFLICT_COLOUR
        assert index.data(Role.ToolTipRole) == f"F1 is also the key for “{other}”"
    assert model.index(row_of("move.up"), 0).data(Role.ForegroundRole) is None


def test_a_key_of_another_action_is_refused_until_confirmed(editor: HotkeyEditor):
    assert not editor.try_bind("stop.all", "F5")
    assert editor.prompt_box.isVisible()
    assert "F5 is already the key for “Shot F5”" in editor.prompt.text()
    assert editor.model.hotkey_map() == HotkeyMap.defaults()
    editor.cancel_replace()
    assert editor.prompt_box.isHidden()
    assert editor.model.hotkey_map() == HotkeyMap.defaults()

    editor.try_bind("stop.all", "F5")
    editor.confirm_replace()
    hotkeys = editor.model.hotkey_map()
    assert hotkeys.keys("stop.all") == ("Pause", "Ctrl+Space", "Esc", "F5")
    assert hotkeys.keys("shot.F5") == ()
    assert editor.prompt_box.isHidden()


def test_a_captured_key_goes_to_the_selected_action(editor: HotkeyEditor, qtbot):
    editor.table.selectRow(row_of("help.cheatsheet"))
    editor.capture.setFocus()
    with qtbot.waitSignal(editor.capture.editingFinished, timeout=3000):
        qtbot.keyClick(editor.capture, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    assert editor.model.hotkey_map().keys("help.cheatsheet") == ("?", "Ctrl+H")
    assert editor.capture.keySequence().isEmpty()


def test_a_captured_key_of_another_action_asks_first(editor: HotkeyEditor, qtbot):
    editor.table.selectRow(row_of("help.cheatsheet"))
    with qtbot.waitSignal(editor.capture.editingFinished, timeout=3000):
        qtbot.keyClick(editor.capture, Qt.Key.Key_Left)
    assert editor.prompt_box.isVisible()
    assert "Move left" in editor.prompt.text()
    editor.table.selectRow(row_of("shot.F2"))  # choosing another action drops the question
    assert editor.prompt_box.isHidden()


def test_save_writes_the_file_and_emits_the_map(editor: HotkeyEditor, qtbot, tmp_path: Path):
    editor.try_bind("stop.all", "Space")
    with qtbot.waitSignal(editor.mapChanged, timeout=1000) as saved:
        assert editor.save()
    assert saved.args[0].keys("stop.all") == ("Pause", "Ctrl+Space", "Esc", "Space")
    assert load_hotkeys(tmp_path / "hotkeys.json") == (saved.args[0], [])


def test_the_stop_keys_are_captured_like_any_other_and_a_map_without_one_is_flagged(editor, qtbot, tmp_path):
    editor.table.selectRow(row_of("stop.all"))
    editor._clear_selected()
    assert editor.save()
    assert "no key that works everywhere" in editor.message.text()
    for key, modifiers in (
        (Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Pause, Qt.KeyboardModifier.NoModifier),
    ):
        editor.capture.setFocus()
        with qtbot.waitSignal(editor.capture.editingFinished, timeout=3000):
            qtbot.keyClick(editor.capture, key, modifiers)
    assert editor.save()
    assert editor.message.text() == "Hotkeys saved."
    assert load_hotkeys(tmp_path / "hotkeys.json")[0].keys("stop.all") == ("Ctrl+Space", "Pause")


def test_save_refuses_a_map_with_shared_keys(editor: HotkeyEditor, qtbot, tmp_path: Path):
    editor.model.set_map(HotkeyMap({"shot.F1": ["F1"], "stop.all": ["F1"]}))
    with qtbot.assertNotEmitted(editor.mapChanged):
        assert not editor.save()
    assert "red" in editor.message.text()
    assert not (tmp_path / "hotkeys.json").exists()


def test_clear_keys_and_reset_to_defaults(editor: HotkeyEditor):
    editor.model.clear_keys("zoom.in")
    assert editor.model.hotkey_map().keys("zoom.in") == ()
    editor.reset_defaults()
    assert editor.model.hotkey_map() == HotkeyMap.defaults()


def test_export_and_import_files(editor: HotkeyEditor, tmp_path: Path):
    path = tmp_path / "operator.json"
    editor.try_bind("stop.all", "Space")
    editor.export_to(str(path))
    editor.reset_defaults()
    editor.import_from(str(path))
    assert editor.model.hotkey_map().keys("stop.all") == ("Pause", "Ctrl+Space", "Esc", "Space")
    path.write_text("nonsense", encoding="utf-8")
    editor.import_from(str(path))
    assert "Not imported" in editor.message.text()
    assert "not a hotkey file" in editor.message.text()
    editor.import_from(str(tmp_path / "missing.json"))
    assert "Not imported" in editor.message.text()
