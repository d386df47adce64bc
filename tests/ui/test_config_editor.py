"""The configuration editor: problems listed with their lines, saving only a valid file."""
from __future__ import annotations

from pathlib import Path

import pytest

from devices.visca.url_check import check_camera
from models.config import ConfigStore, parse_config
from ui.config_editor import LineRole, ConfigEditor

GOOD = """\
cameras:
  - id: cam1
    name: Kamera Panggung
    url: visca+udp://192.168.10.21
events:
  - id: rakor-bupati
    title: Rapat Koordinasi Bupati
    cameras: [cam1]
"""
BAD = GOOD.replace("cameras: [cam1]", "cameras: [cam9]")


@pytest.fixture
def store(tmp_path: Path) -> ConfigStore:
    store = ConfigStore(tmp_path / "config.yaml", tmp_path / "config.last-good.yaml", camera_check=check_camera)
    store.path.write_text(GOOD, encoding="utf-8")
    return store


@pytest.fixture
def editor(qtbot, store: ConfigStore) -> ConfigEditor:
    editor = ConfigEditor(store)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.editor.toPlainText() == GOOD
    assert editor.position.text() == "Line 1, column 1"
    return editor


def test_check_lists_each_problem_with_its_line(editor: ConfigEditor):
    editor.editor.setPlainText(BAD.replace("visca+udp://", "visca+foo://"))
    problems = editor.check()
    assert [(problem.line, problem.field) for problem in problems] == [(4, "cameras[0].url"), (8, "events[0].cameras")]
    items = [editor.problems.item(row) for row in range(editor.problems.count())]
    assert [item.data(LineRole) for item in items] == [4, 8]
    assert items[1].text() == "config.yaml line 8, events[0].cameras: no camera with id 'cam9'"
    assert len(editor.editor.extraSelections()) == 2


def test_clicking_a_problem_moves_the_cursor_to_its_line(editor: ConfigEditor, qtbot):
    editor.editor.setPlainText(BAD)
    editor.check()
    item = editor.problems.item(0)
    editor.problems.itemClicked.emit(item)
    assert editor.editor.textCursor().blockNumber() + 1 == 8
    assert editor.position.text() == "Line 8, column 1"


def test_a_good_text_checks_clean(editor: ConfigEditor):
    assert editor.check() == []
    assert editor.problems.count() == 0 and editor.status.text() == "No problems found."


def test_save_refuses_an_invalid_file_and_leaves_it_untouched(editor: ConfigEditor, store: ConfigStore, qtbot):
    editor.editor.setPlainText(BAD)
    with qtbot.assertNotEmitted(editor.configSaved):
        assert not editor.save()
    assert editor.problems.item(0).data(LineRole) == 8
    assert "Not saved" in editor.status.text()
    assert store.path.read_text(encoding="utf-8") == GOOD


def test_save_writes_a_valid_file_and_emits_the_configuration(editor: ConfigEditor, store: ConfigStore, qtbot):
    text = GOOD.replace("Kamera Panggung", "Kamera Utama")
    editor.editor.setPlainText(text)
    with qtbot.waitSignal(editor.configSaved, timeout=1000) as saved:
        assert editor.save()
    assert saved.args[0] == parse_config(text)
    assert store.path.read_text(encoding="utf-8") == text
    assert store.load() == (saved.args[0], [])
    assert editor.problems.count() == 0


def test_without_a_file_the_editor_opens_the_last_good_copy(qtbot, tmp_path: Path):
    store = ConfigStore(tmp_path / "missing.yaml", tmp_path / "good.yaml")
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    editor = ConfigEditor(store)
    qtbot.addWidget(editor)
    assert editor.editor.toPlainText() == GOOD
