"""The joystick mapping travels with the hotkeys: Tools → Hotkeys… exports one file holding both and
imports it back (saved with Save, the console's stick following at once); a file from before the
joystick still imports; a broken joystick section is named and nothing of the file is taken."""

from __future__ import annotations

import dataclasses
import json

import pytest
from PySide6.QtWidgets import QPushButton

from devices.joystick.mapping import StickMapping
from models.desk.hotkeys import HotkeyMap
from tests.support.operator_input import click
from ui.controllers.stick_file import StickSettings
from ui.hotkeys.editor import HotkeyEditor

CUSTOM = dataclasses.replace(StickMapping(), dead_zone=0.2, invert_tilt=True, buttons={4: "stop.all"})


@pytest.fixture
def stick_settings(tmp_path) -> StickSettings:
    return StickSettings(tmp_path / "data")


@pytest.fixture
def editor(qtbot, tmp_path, stick_settings) -> HotkeyEditor:
    (tmp_path / "data").mkdir(exist_ok=True)
    editor = HotkeyEditor(HotkeyMap.defaults(), tmp_path / "data" / "hotkeys.json", sections=[stick_settings])
    qtbot.addWidget(editor)
    editor.show()
    return editor


def save(editor: HotkeyEditor) -> None:
    click(next(b for b in editor.findChildren(QPushButton) if b.text() == "Save"))


def saved_mapping(settings: StickSettings) -> dict:
    return json.loads(settings.path.read_text(encoding="utf-8"))


def test_the_export_carries_the_mapping_and_its_import_is_saved_with_the_hotkeys(
    editor, stick_settings, tmp_path, qtbot
):
    stick_settings.save(CUSTOM)
    editor.try_bind("stop.all", "Space")
    exported = tmp_path / "operator.json"
    editor.export_to(str(exported))
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["bindings"]["stop.all"] == ["Pause", "Ctrl+Space", "Esc", "Space"]
    assert data["joystick"] == CUSTOM.to_dict()

    stick_settings.save(StickMapping())  # another workstation's
    editor.reset_defaults()
    editor.import_from(str(exported))
    assert "Imported" in editor.message.text()
    assert saved_mapping(stick_settings) == StickMapping().to_dict()  # not before Save
    with qtbot.waitSignal(stick_settings.mappingChanged) as changed:
        save(editor)
    assert changed.args == [CUSTOM]
    assert saved_mapping(stick_settings) == CUSTOM.to_dict()
    assert stick_settings.mapping == CUSTOM
    assert editor.model.hotkey_map().keys("stop.all")[-1] == "Space"
    assert "joystick mapping is in use" in editor.message.text()


def test_a_file_from_before_the_joystick_imports_its_hotkeys_and_leaves_the_mapping(
    editor, stick_settings, tmp_path
):
    stick_settings.save(CUSTOM)
    hotkeys = HotkeyMap.defaults()
    hotkeys.bind("stop.all", "Space")
    old = tmp_path / "old.json"
    old.write_text(hotkeys.to_json(), encoding="utf-8")  # no joystick section
    editor.import_from(str(old))
    save(editor)
    assert editor.model.hotkey_map() == hotkeys
    assert saved_mapping(stick_settings) == CUSTOM.to_dict()
    assert editor.message.text() == "Hotkeys saved."


@pytest.mark.parametrize(
    ("joystick", "named"),
    [
        ({"dead_zone": 2}, "joystick setting dead_zone: must be a number from 0.0 to 0.9, not 2"),
        ({"buttons": {"3": "lights.on"}}, "joystick setting buttons.3: no action is called lights.on"),
        ([1, 2], "the joystick settings must be one JSON object"),
    ],
)
def test_a_broken_joystick_section_is_named_and_nothing_is_imported(
    editor, stick_settings, tmp_path, joystick, named
):
    hotkeys = HotkeyMap.defaults()
    hotkeys.bind("stop.all", "Space")
    broken = tmp_path / "broken.json"
    broken.write_text(hotkeys.to_json({"joystick": joystick}), encoding="utf-8")
    editor.import_from(str(broken))
    assert editor.message.text() == "Not imported:\n" + named
    assert editor.model.hotkey_map() == HotkeyMap.defaults()  # the hotkeys of the file were not taken either
    save(editor)
    assert saved_mapping(stick_settings) == StickMapping().to_dict()
