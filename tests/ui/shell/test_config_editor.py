"""The configuration editor: problems listed with their lines, saving only a valid file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from devices.port_check import port_warnings
from devices.visca.url_check import check_camera
from models.config.store import ConfigStore, parse_config
from ui.shell.config_editor import ConfigEditor, LineRole

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
    store = ConfigStore(
        tmp_path / "config.yaml", tmp_path / "config.last-good.yaml", camera_check=check_camera
    )
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
    assert [(problem.line, problem.field) for problem in problems] == [
        (4, "cameras[0].url"),
        (8, "events[0].cameras"),
    ]
    items = [editor.problems.item(row) for row in range(editor.problems.count())]
    assert [item.data(LineRole) for item in items] == [4, 8]
    assert (
        items[1].text() == "config.yaml line 8, event 1 (id rakor-bupati), cameras: no camera with id 'cam9'"
    )
    assert items[0].text().startswith("config.yaml line 4, camera 1 (id cam1), url: unknown camera URL kind")
    assert len(editor.editor.extraSelections()) == 2
    assert editor.editor.marked_lines == {4, 8}  # red in the gutter too


def click_problem(editor: ConfigEditor, qtbot, row: int) -> None:
    rect = editor.problems.visualItemRect(editor.problems.item(row))
    qtbot.mouseClick(editor.problems.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_clicking_a_problem_moves_the_cursor_to_its_line(editor: ConfigEditor, qtbot):
    editor.editor.setPlainText(BAD)
    editor.check()
    click_problem(editor, qtbot, 0)
    assert editor.editor.textCursor().blockNumber() + 1 == 8
    assert editor.position.text() == "Line 8, column 1"


def test_the_editor_numbers_its_lines_in_a_gutter(editor: ConfigEditor, qtbot):
    text_edit = editor.editor
    gutter = text_edit.gutter
    assert gutter.isVisible()
    assert gutter.width() >= text_edit.fontMetrics().horizontalAdvance("999")
    assert text_edit.viewportMargins().left() == gutter.width()  # the text starts after it
    assert gutter.geometry().right() < text_edit.viewport().geometry().left()
    text_edit.setPlainText("\n".join(f"# {n}" for n in range(1, 1201)))
    assert text_edit.gutter_width() >= text_edit.fontMetrics().horizontalAdvance("9999")  # 4 digits fit
    picture = gutter.grab().toImage()
    background = picture.pixelColor(1, 1)
    assert any(
        picture.pixelColor(x, y) != background  # numbers are drawn
        for x in range(picture.width())
        for y in range(0, min(picture.height(), 40))
    )


def test_a_yaml_mistake_is_listed_on_its_own_line(editor: ConfigEditor, qtbot):
    editor.editor.setPlainText(GOOD.replace("    name: Kamera Panggung", "    name Kamera Panggung"))
    (problem,) = editor.check()
    assert problem.line == 3
    assert editor.problems.item(0).data(LineRole) == 3
    click_problem(editor, qtbot, 0)
    assert editor.position.text() == "Line 3, column 1"


def test_a_file_without_cameras_is_warned_about(editor: ConfigEditor):
    editor.editor.setPlainText("cameras: []\nevents: []\n")
    assert editor.check() == []
    assert editor.status.text() == "No problems found; 1 warning(s)."
    assert editor.problems.item(0).text() == (
        "Warning: config.yaml line 1: no cameras are configured: the console will have no cameras to control"
    )


def save_button(editor: ConfigEditor) -> QPushButton:
    return next(button for button in editor.findChildren(QPushButton) if button.text() == "Save")


def test_a_port_of_another_protocol_is_shown_before_saving_then_saved_on_a_second_save(tmp_path: Path, qtbot):
    store = ConfigStore(tmp_path / "config.yaml", camera_check=check_camera, url_warnings=port_warnings)
    store.path.write_text(GOOD, encoding="utf-8")
    editor = ConfigEditor(store)
    qtbot.addWidget(editor)
    editor.show()
    text = GOOD.replace("visca+udp://192.168.10.21", "visca+udp://192.168.10.21:1259")
    editor.editor.setPlainText(text)
    with qtbot.assertNotEmitted(editor.configSaved):
        qtbot.mouseClick(save_button(editor), Qt.MouseButton.LeftButton)
    assert store.path.read_text(encoding="utf-8") == GOOD  # not yet
    assert editor.problems.item(0).data(LineRole) == 4
    assert "port 1259 is the usual port of visca+udpraw://" in editor.problems.item(0).text()
    assert "Save again" in editor.status.text()
    with qtbot.waitSignal(editor.configSaved, timeout=1000):
        qtbot.mouseClick(save_button(editor), Qt.MouseButton.LeftButton)  # seen: saved anyway
    assert store.path.read_text(encoding="utf-8") == text


def test_the_demo_configuration_says_how_long_changes_last(tmp_path: Path, qtbot):
    store = ConfigStore(tmp_path / "demo-config.yaml", camera_check=check_camera, demo=True)
    store.path.write_text(GOOD, encoding="utf-8")
    editor = ConfigEditor(store)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.note.isVisible()
    assert "last until the demo is closed" in editor.note.text()


def test_a_good_text_checks_clean(editor: ConfigEditor):
    assert editor.check() == []
    assert editor.problems.count() == 0
    assert editor.status.text() == "No problems found."


def test_save_refuses_an_invalid_file_and_leaves_it_untouched(
    editor: ConfigEditor, store: ConfigStore, qtbot
):
    editor.editor.setPlainText(BAD)
    with qtbot.assertNotEmitted(editor.configSaved):
        assert not editor.save()
    assert editor.problems.item(0).data(LineRole) == 8
    assert "Not saved" in editor.status.text()
    assert store.path.read_text(encoding="utf-8") == GOOD


def test_save_writes_a_valid_file_and_emits_the_configuration(
    editor: ConfigEditor, store: ConfigStore, qtbot
):
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


def test_after_check_the_keys_go_on_into_the_text_and_ctrl_s_saves(
    editor: ConfigEditor, store: ConfigStore, qtbot
):
    editor.activateWindow()
    check = next(button for button in editor.findChildren(QPushButton) if button.text() == "Check")
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(editor.editor.hasFocus, timeout=1000)
    qtbot.keyClicks(editor.editor, "# checked")
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    assert editor.editor.toPlainText().startswith("# checked\n")
    with qtbot.waitSignal(editor.configSaved, timeout=1000):
        qtbot.keyClick(editor.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.path.read_text(encoding="utf-8").startswith("# checked\n")
