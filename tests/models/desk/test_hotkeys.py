"""The hotkey map: defaults, conflicts, key spelling, export and import, the workstation file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from common.wording import sentence_of
from models.desk.hotkey_actions import ACTION_GROUPS, ACTIONS, DEFAULT_HOTKEYS, HELD_ACTIONS, describe
from models.desk.hotkeys import (
    HotkeyError,
    HotkeyMap,
    KeyConflict,
    load_hotkeys,
    read_hotkey_file,
    save_hotkeys,
)
from models.desk.key_names import normalize_key


def test_action_ids_are_exactly_the_agreed_ones():
    expected = (
        [f"camera.select.{n}" for n in range(1, 10)]
        + ["move.up", "move.down", "move.left", "move.right", "zoom.in", "zoom.out"]
        + [f"preset.recall.{n}" for n in range(10)]
        + ["preset.recall.selected", "preset.number"]
        + [f"shot.F{n}" for n in range(1, 13)]
        + [f"wall.layout.{n}" for n in range(1, 10)]
        + ["stop.all", "help.cheatsheet", "log.quick", "view.multiview"]
    )
    assert list(ACTIONS) == expected
    assert {"move.up", "move.down", "move.left", "move.right", "zoom.in", "zoom.out"} == HELD_ACTIONS
    assert [action for _group, actions in ACTION_GROUPS for action in actions] == expected


def test_defaults_have_no_conflicts_and_the_agreed_keys():
    hotkeys = HotkeyMap.defaults()
    assert hotkeys.conflicts() == {}
    assert [hotkeys.action_for(str(n)) for n in range(1, 10)] == [f"camera.select.{n}" for n in range(1, 10)]
    assert hotkeys.action_for("Left") == "move.left"
    assert hotkeys.action_for("Up") == "move.up"
    assert {hotkeys.action_for(key) for key in ("+", "=")} == {"zoom.in"}
    assert hotkeys.action_for("-") == "zoom.out"
    for n in range(10):
        assert hotkeys.action_for(f"Num+{n}") == hotkeys.action_for(f"Ctrl+{n}") == f"preset.recall.{n}"
    assert [hotkeys.action_for(f"F{n}") for n in (*range(1, 11), 12)] == [
        f"shot.F{n}" for n in (*range(1, 11), 12)
    ]
    assert hotkeys.action_for("F11") == "view.multiview"
    assert hotkeys.keys("shot.F11") == ()
    assert hotkeys.action_for("Esc") == "stop.all"
    assert hotkeys.action_for("?") == "help.cheatsheet"
    assert hotkeys.action_for("Pause") == hotkeys.action_for("Ctrl+Space") == "stop.all"
    assert hotkeys.stop_keys() == ("Pause", "Ctrl+Space")  # Esc gives way to menus and dialogs
    assert hotkeys.action_for("Return") == hotkeys.action_for("Num+Enter") == "preset.recall.selected"
    assert hotkeys.action_for("Num+*") == hotkeys.action_for("Ctrl+G") == "preset.number"
    assert hotkeys.action_for("Ctrl+L") == "log.quick"
    assert [hotkeys.action_for(f"Alt+{n}") for n in range(1, 10)] == [
        f"wall.layout.{n}" for n in range(1, 10)
    ]
    assert hotkeys.action_for("Ctrl+Alt+Q") is None
    assert hotkeys.action_for("not a key") is None


def test_held_actions_and_labels():
    assert HotkeyMap.is_held("move.left")
    assert HotkeyMap.is_held("zoom.out")
    assert not HotkeyMap.is_held("preset.recall.3")
    assert not HotkeyMap.is_held("stop.all")
    assert describe("camera.select.2") == "Select camera 2"
    assert describe("preset.recall.0") == "Recall preset 0"
    assert describe("shot.F11") == "Shot F11"
    assert describe("zoom.in") == "Zoom in"
    assert describe("stop.all") == "Stop all cameras"
    with pytest.raises(ValueError, match="unknown action 'move.sideways'"):
        describe("move.sideways")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("ctrl+3", "Ctrl+3"),
        ("Shift+Ctrl+a", "Ctrl+Shift+A"),
        ("num+3", "Num+3"),
        ("Num++", "Num++"),
        ("Ctrl++", "Ctrl++"),
        ("+", "+"),
        ("Escape", "Esc"),
        ("page down", "PgDown"),
        ("Shift+?", "?"),
        ("f5", "F5"),
        ("Meta+Num+Ctrl+1", "Meta+Ctrl+Num+1"),
        ("ä", "Ä"),
    ],
)
def test_key_spellings_are_brought_to_qt_portable_text(text, key):
    assert normalize_key(text) == key


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "is not a key"),
        ("Ctrl+", "is not a key"),
        ("Hyper+1", "'Hyper' is not a modifier"),
        ("Ctrl+Foo", "'Foo' is not a key name"),
        ("F1, F2", "one key per binding"),
    ],
)
def test_bad_keys_are_explained(text, words):
    with pytest.raises(ValueError, match=words):
        normalize_key(text)


def test_bind_refuses_a_key_of_another_action_unless_replacing():
    hotkeys = HotkeyMap.defaults()
    with pytest.raises(KeyConflict) as caught:
        hotkeys.bind("stop.all", "f5")
    assert (caught.value.key, caught.value.action, caught.value.other) == ("F5", "stop.all", "shot.F5")
    assert "F5 is already the key for Shot F5" in str(caught.value)
    assert (
        sentence_of(caught.value).values["action"].source == "Shot {number}"
    )  # translatable, label included
    assert hotkeys == HotkeyMap.defaults()
    assert hotkeys.bind("stop.all", "f5", replace=True) == "F5"
    assert hotkeys.keys("stop.all") == ("Pause", "Ctrl+Space", "Esc", "F5")
    assert hotkeys.keys("shot.F5") == ()
    assert hotkeys.action_for("F5") == "stop.all"
    assert hotkeys.conflicts() == {}


def test_binding_the_same_key_again_changes_nothing():
    hotkeys = HotkeyMap.defaults()
    hotkeys.bind("move.left", "Left")
    assert hotkeys == HotkeyMap.defaults()


def test_unbind_and_copy_are_independent():
    hotkeys = HotkeyMap.defaults()
    copy = hotkeys.copy()
    hotkeys.unbind("Ctrl+3")
    assert hotkeys.keys("preset.recall.3") == ("Num+3",)
    assert hotkeys.action_for("Ctrl+3") is None
    assert copy == HotkeyMap.defaults()


def test_conflicts_name_both_actions_and_the_key_does_nothing_except_stop():
    hotkeys = HotkeyMap(
        {"shot.F1": ["F1"], "preset.recall.1": ["F1"], "stop.all": ["Esc"], "zoom.in": ["Esc"]}
    )
    assert hotkeys.conflicts() == {"F1": ("preset.recall.1", "shot.F1"), "Esc": ("zoom.in", "stop.all")}
    assert hotkeys.action_for("F1") is None
    assert hotkeys.action_for("Esc") == "stop.all"


def test_unknown_actions_and_keys_are_refused_by_the_constructor():
    with pytest.raises(ValueError, match="unknown action"):
        HotkeyMap({"move.sideways": ["Left"]})
    with pytest.raises(ValueError, match="not a key name"):
        HotkeyMap({"move.left": ["Leftish"]})


def test_export_import_round_trip():
    hotkeys = HotkeyMap.defaults()
    hotkeys.bind("stop.all", "Space")
    hotkeys.unbind("=")
    assert HotkeyMap.from_json(hotkeys.to_json()) == hotkeys
    assert json.loads(hotkeys.to_json())["bindings"]["stop.all"] == ["Pause", "Ctrl+Space", "Esc", "Space"]


def whole_number(data: object) -> int:
    if not isinstance(data, int):
        raise ValueError(f"the lamp section must be a whole number, not {data!r}")
    return data


def test_a_hotkey_file_carries_other_sections_and_takes_nothing_from_a_file_with_a_problem():
    hotkeys = HotkeyMap.defaults()
    hotkeys.bind("stop.all", "Space")
    text = hotkeys.to_json({"lamp": 3})
    assert json.loads(text)["lamp"] == 3
    assert read_hotkey_file(text, {"lamp": whole_number}) == (hotkeys, {"lamp": 3})
    assert read_hotkey_file(hotkeys.to_json(), {"lamp": whole_number}) == (hotkeys, {})  # an older file
    with pytest.raises(HotkeyError) as refused:
        read_hotkey_file(hotkeys.to_json({"lamp": "bright"}), {"lamp": whole_number})
    assert refused.value.problems == ["the lamp section must be a whole number, not 'bright'"]
    broken = json.loads(hotkeys.to_json({"lamp": "bright"}))
    broken["bindings"]["lights.on"] = ["L"]
    with pytest.raises(HotkeyError) as refused:
        read_hotkey_file(json.dumps(broken), {"lamp": whole_number})
    assert refused.value.problems == [
        "unknown action 'lights.on'",
        "the lamp section must be a whole number, not 'bright'",
    ]
    with pytest.raises(HotkeyError, match="not a hotkey file"):
        read_hotkey_file("nonsense", {"lamp": whole_number})


def test_a_version_1_file_gets_the_dedicated_stop_keys_where_they_are_free():
    """Version 1 knew only Esc for ALL STOP; Esc now gives way to menus and dialogs."""
    text = json.dumps(
        {
            "format": "smartcentre-console hotkeys",
            "version": 1,
            "bindings": {"stop.all": ["Esc"], "help.cheatsheet": ["Pause"]},
        }
    )
    hotkeys = HotkeyMap.from_json(text)
    assert hotkeys.keys("stop.all") == ("Esc", "Ctrl+Space")
    assert hotkeys.keys("help.cheatsheet") == ("Pause",)
    assert json.loads(hotkeys.to_json())["version"] == 2
    with pytest.raises(HotkeyError, match="version 3; this console reads version 2"):
        HotkeyMap.from_json(json.dumps({"version": 3, "bindings": {}}))


@given(
    st.dictionaries(
        st.sampled_from(ACTIONS),
        st.lists(
            st.sampled_from(
                [
                    "1",
                    "Up",
                    "Ctrl+3",
                    "Num+3",
                    "F5",
                    "Esc",
                    "?",
                    "+",
                    "Ctrl++",
                    "Alt+Shift+X",
                    "Meta+Left",
                    "Space",
                ]
            ),
            max_size=3,
        ),
    )
)
def test_export_import_round_trip_of_any_conflict_free_map(bindings):
    hotkeys = HotkeyMap()
    for action, keys in bindings.items():
        for key in keys:
            hotkeys.bind(action, key, replace=True)
    assert HotkeyMap.from_json(hotkeys.to_json()) == hotkeys


def test_import_of_garbage_gives_plain_messages():
    with pytest.raises(HotkeyError) as caught:
        HotkeyMap.from_json("this is not json")
    assert caught.value.problems == ["not a hotkey file: Expecting value at line 1, column 1"]
    with pytest.raises(HotkeyError) as caught:
        HotkeyMap.from_json("[1, 2, 3]")
    assert caught.value.problems == ['not a hotkey file: it has no "bindings" section']


def test_import_lists_every_problem():
    text = json.dumps(
        {
            "version": 1,
            "bindings": {
                "move.upp": ["Up"],
                "zoom.in": ["Ctrl+Foo"],
                "stop.all": 3,
                "shot.F1": ["F2"],
                "shot.F2": ["F2"],
            },
        }
    )
    with pytest.raises(HotkeyError) as caught:
        HotkeyMap.from_json(text)
    assert caught.value.problems == [
        "unknown action 'move.upp' (did you mean 'move.up'?)",
        "zoom.in: 'Ctrl+Foo': 'Foo' is not a key name (e.g. F5, Ctrl+3, Num+3, Up, Esc or ?)",
        'stop.all: expected a list of keys such as ["F5", "Ctrl+3"], found 3',
        "the key F2 is given to shot.F1 and shot.F2; a key can do one thing only",
    ]
    key_name = caught.value.problems[1].values["problem"]  # normalize_key's own sentence, kept translatable
    assert key_name.source == "{text}: {name} is not a key name ({examples})"
    assert key_name.values["examples"].source == "e.g. F5, Ctrl+3, Num+3, Up, Esc or ?"


def test_a_key_given_to_three_actions_names_them_all():
    with pytest.raises(HotkeyError) as caught:
        HotkeyMap.from_json(
            json.dumps({"bindings": {"shot.F1": ["F2"], "shot.F2": ["F2"], "shot.F3": ["F2"]}})
        )
    assert caught.value.problems == [
        "the key F2 is given to shot.F1, shot.F2 and shot.F3; a key can do one thing only"
    ]


def test_import_of_an_older_file_keeps_defaults_for_actions_it_does_not_mention():
    hotkeys = HotkeyMap.from_json(json.dumps({"bindings": {"stop.all": ["Space"], "shot.F1": ["Esc"]}}))
    assert hotkeys.keys("stop.all") == ("Space",)
    assert hotkeys.keys("shot.F1") == ("Esc",)
    assert hotkeys.keys("move.left") == DEFAULT_HOTKEYS["move.left"]


def test_workstation_file_round_trip_and_fallback(tmp_path: Path):
    path = tmp_path / "deep" / "hotkeys.json"
    assert load_hotkeys(path) == (HotkeyMap.defaults(), [])
    hotkeys = HotkeyMap.defaults()
    hotkeys.bind("help.cheatsheet", "F1", replace=True)
    save_hotkeys(hotkeys, path)
    assert load_hotkeys(path) == (hotkeys, [])
    path.write_text("{broken", encoding="utf-8")
    fallback, errors = load_hotkeys(path)
    assert fallback == HotkeyMap.defaults()
    assert errors[0].startswith(f"{path}: not a hotkey file")
    assert errors[-1] == "Using the default hotkeys."


def test_workstation_file_defaults_to_the_user_configuration_folder(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(
        "common.user_files.platformdirs.user_config_dir", lambda *args, **kwargs: str(tmp_path)
    )
    hotkeys = HotkeyMap.defaults()
    hotkeys.unbind("?")
    save_hotkeys(hotkeys)
    assert (tmp_path / "hotkeys.json").exists()
    assert load_hotkeys() == (hotkeys, [])
