"""Configuration and hotkey problems reach the operator in the interface language, line numbers included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from devices.visca.url_check import check_camera
from models.config.store import ConfigStore
from models.desk.hotkey_actions import ACTIONS
from models.desk.hotkeys import HotkeyMap, load_hotkeys
from ui.hotkeys.editor import HotkeyEditor
from ui.shell.config_editor import ConfigEditor
from ui.shell.console import Console

pytestmark = pytest.mark.gui

BAD = """\
cameras:
  - id: cam1
    name: Kamera Panggung
    url: visca+udp://192.168.10.21
events:
  - id: rakor-bupati
    title: Rapat Koordinasi Bupati
    cameras: [cam9]
    shots: {F1: {camera: cam1, preset: [1]}}
"""
NO_CAM9 = "config.yaml baris 8, acara 1 (id rakor-bupati), cameras: tidak ada kamera dengan id 'cam9'"
PRESET_LIST = (
    "config.yaml baris 9, acara 1 (id rakor-bupati), shots.F1.preset: nomor preset harus berupa bilangan "
    "bulat, bukan daftar"
)
NOT_IN_EVENT = (
    "config.yaml baris 9, acara 1 (id rakor-bupati), shots.F1.camera: kamera 'cam1' bukan salah satu "
    "kamera acara ini (belum ada yang tercantum)"
)


@pytest.fixture
def store(tmp_path: Path) -> ConfigStore:
    store = ConfigStore(
        tmp_path / "config.yaml", tmp_path / "config.last-good.yaml", camera_check=check_camera
    )
    store.path.write_text(BAD, encoding="utf-8")
    return store


def test_the_config_editor_lists_problems_in_indonesian(indonesian, store: ConfigStore, qtbot):
    editor = ConfigEditor(store)
    qtbot.addWidget(editor)
    assert [problem.line for problem in editor.check()] == [8, 9, 9]
    assert [editor.problems.item(row).text() for row in range(editor.problems.count())] == [
        NO_CAM9,
        PRESET_LIST,
        NOT_IN_EVENT,
    ]


def test_the_console_shows_start_up_problems_in_indonesian(
    indonesian, store: ConfigStore, tmp_path: Path, qtbot
):
    hotkey_file = tmp_path / "hotkeys.json"
    hotkey_file.write_text(json.dumps({"bindings": {"shot.F1": ["F2"], "shot.F2": ["F2"]}}), encoding="utf-8")
    config, errors = store.load()
    hotkeys, hotkey_errors = load_hotkeys(hotkey_file)
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    console = Console(
        config,
        {},
        data_folder=tmp_path,
        settings=settings,
        hotkeys=hotkeys,
        config_errors=[*errors, *hotkey_errors],
    )  # as app.py passes them
    qtbot.addWidget(console.window)
    try:
        rows = [console.log.index(row).data().split("  ", 1)[1] for row in range(console.log.rowCount())]
        assert rows[:3] == [NO_CAM9, PRESET_LIST, NOT_IN_EVENT]
        assert "Konfigurasi baik sebelumnya juga tidak ada: konsol dimulai tanpa kamera." in rows
        assert (
            f"{hotkey_file}: tombol F2 diberikan kepada shot.F1 dan shot.F2; "
            "satu tombol hanya boleh menjalankan satu aksi"
        ) in rows
        assert rows[-1] == "Memakai tombol pintas bawaan."
        assert console.window.banner.text() == (  # the first problem, what the console does instead
            f"{NO_CAM9} — Konfigurasi baik sebelumnya juga tidak ada: konsol dimulai tanpa kamera. "
            "(4 lagi di tab Catatan)"
        )
    finally:
        console.shutdown()


def test_the_hotkey_editor_speaks_indonesian(indonesian, tmp_path: Path, qtbot):
    editor = HotkeyEditor(HotkeyMap.defaults(), tmp_path / "hotkeys.json")
    qtbot.addWidget(editor)
    assert editor.model.index(ACTIONS.index("preset.recall.3"), 0).data() == "Panggil preset 3"
    path = tmp_path / "import.json"
    path.write_text(json.dumps({"bindings": {"move.upp": ["Up"], "zoom.in": ["Ctrl+Foo"]}}), encoding="utf-8")
    editor.import_from(str(path))
    assert editor.message.text().splitlines() == [
        "Tidak diimpor:",
        "aksi 'move.upp' tidak dikenal (maksud Anda 'move.up'?)",
        "zoom.in: 'Ctrl+Foo': 'Foo' bukan nama tombol (misalnya F5, Ctrl+3, Num+3, Up, Esc atau ?)",
    ]
    assert not editor.try_bind("stop.all", "F5")
    assert editor.prompt.text() == (
        "F5 sudah menjadi tombol untuk “Bidikan F5”. Pindahkan ke “Hentikan semua kamera”?"
    )
