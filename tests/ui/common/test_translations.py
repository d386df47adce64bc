"""The Indonesian translation: complete, compiled from the committed .ts, covering every string
in ui/, and actually used by the console; the language follows the locale."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication

from devices.demo import start_demo_cameras
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.url_check import check_camera
from models.config.store import demo_config
from models.desk.hotkeys import HotkeyMap
from tests.support.waiting import wait_until
from ui.common.language import install_translator, saved_language, system_language
from ui.shell.console import Console
from ui.shell.preview_sources import simulated_pictures

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[3]
I18N = ROOT / "resources" / "i18n"
TS = I18N / "console_id.ts"
QM = I18N / "console_id.qm"
PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{\w*\}")  # %1 %2 %n, and {name} for str.format


def _load_updater():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


updater = _load_updater()


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source text, translation element) for every message of a .ts file."""
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def require_tool(name: str) -> str:
    tool = updater.find_tool(name)
    assert tool is not None, f"{name} not found (neither in the PySide6 package nor pyside6-{name} on PATH)"
    return tool


# ---- the files --------------------------------------------------------------------------------
def test_every_message_is_translated_and_keeps_its_placeholders():
    found = messages(TS)
    assert found, f"no messages in {TS}"
    problems = []
    for context, source, translation in found:
        where = f"{context}: {source!r}"
        if translation.get("type") in ("unfinished", "vanished", "obsolete"):
            problems.append(f"{where} is {translation.get('type')}")
            continue
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        for text in forms:
            if not text.strip():
                problems.append(f"{where} has an empty translation")
            elif placeholders(text) != placeholders(source):
                problems.append(
                    f"{where} -> {text!r}: placeholders {placeholders(text)} "
                    f"instead of {placeholders(source)}"
                )
        if "&" in source.replace("&&", "") and "&" not in "".join(forms).replace("&&", ""):
            problems.append(f"{where} lost its accelerator (&)")
    assert not problems, "\n".join(problems)


def test_committed_qm_is_compiled_from_the_committed_ts(tmp_path):
    require_tool("lrelease")
    fresh = tmp_path / "console_id.qm"
    updater.lrelease(TS, fresh)
    assert QM.exists(), f"{QM} is missing: run python tools/update_translations.py"
    same = fresh.read_bytes() == QM.read_bytes()
    assert same, f"{QM.name} does not match {TS.name}: run python tools/update_translations.py"


def test_every_string_in_the_ui_code_is_in_the_ts_file(tmp_path):
    require_tool("lupdate")
    fresh = tmp_path / "console_id.ts"
    updater.lupdate(fresh)
    in_code = {(context, source) for context, source, _ in messages(fresh)}
    assert len(in_code) > 50, "lupdate found suspiciously few strings in ui/"
    committed = {(context, source) for context, source, _ in messages(TS)}
    missing = sorted(in_code - committed)
    assert not missing, (
        "not in console_id.ts (run python tools/update_translations.py and translate):\n"
        + "\n".join(f"  {context}: {source!r}" for context, source in missing)
    )


# ---- the running console ------------------------------------------------------------------------
@pytest.fixture
def console_factory(tmp_path, qtbot):
    """Builds the console against the demo simulators, as app.py --demo does."""
    built = []
    with DeviceRuntime("i18n-sims") as sims, DeviceRuntime("i18n-devices") as devices:
        demo = start_demo_cameras(sims)

        def build() -> Console:
            config = demo_config([d.url + "&timeout=0.1&poll=0.5" for d in demo], check_camera)
            controllers = {c.id: CameraController(devices, c.url, c.name).start() for c in config.cameras}
            settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
            simulated = simulated_pictures(config.cameras, demo)
            console = Console(
                config,
                controllers,
                data_folder=tmp_path,
                settings=settings,
                hotkeys=HotkeyMap.defaults(),
                simulated=simulated,
            )
            qtbot.addWidget(console.window)
            built.append(console)
            return console

        yield build
        for console in built:
            console.shutdown()


def visible_texts(console: Console) -> dict[str, str]:
    window = console.window
    return {
        "all stop": window.all_stop.text(),
        "health dock": window.docks["health"].windowTitle(),
        "events dock": window.docks["events"].windowTitle(),
        "view menu": window.view_menu.title(),
        "health column": console.cameras.headerData(0, Qt.Orientation.Horizontal),
        "link": console.cameras.index(0, 1).data(),
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "id",
            {
                "all stop": "HENTIKAN SEMUA (Pause / Ctrl+Spasi / Esc)",
                "health dock": "Kesehatan Kamera",
                "events dock": "Acara",
                "view menu": "&Tampilan",
                "health column": "Kamera",
                "link": "terhubung",
            },
        ),
        (
            "en",
            {
                "all stop": "ALL STOP (Pause / Ctrl+Space / Esc)",
                "health dock": "Camera health",
                "events dock": "Events",
                "view menu": "&View",
                "health column": "Camera",
                "link": "online",
            },
        ),
    ],
)
def test_the_console_speaks_the_chosen_language(translator, console_factory, language, expected):
    assert translator(language) == language
    console = console_factory()
    wait_until(
        lambda: (QApplication.processEvents(), console.cameras.index(0, 1).data() == expected["link"])[1],
        what=f"camera 1 shown as {expected['link']!r}",
    )
    assert visible_texts(console) == expected


def test_indonesian_locale_chooses_indonesian(translator):
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
        assert system_language() == "id"
        assert translator(None) == "id"  # no setting: the locale decides
        assert QApplication.translate("MainWindow", "Camera health") == "Kesehatan Kamera"
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        assert system_language() == "en"
    finally:
        QLocale.setDefault(before)
    assert system_language(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)) == "id"
    assert system_language(QLocale(QLocale.Language.Javanese, QLocale.Country.Indonesia)) == "en"


def test_the_saved_language_starts_the_console_and_a_garbled_one_means_the_system_language(qapp, tmp_path):
    ini = tmp_path / "console.ini"
    try:
        for text, expected in (
            ("[ui]\nlanguage=id\n", "id"),
            ("[ui]\nlanguage=id, en\n", system_language()),  # hand-edited: Qt reads a list back
            ("", system_language()),
        ):
            ini.write_text(text, encoding="utf-8")
            settings = QSettings(str(ini), QSettings.Format.IniFormat)
            assert install_translator(qapp, saved_language(settings)) == expected  # as app.py starts
    finally:
        install_translator(qapp, "en")


def test_indonesian_is_installed_from_the_shipped_file_and_a_missing_file_means_english(
    qapp, monkeypatch, tmp_path
):
    from PySide6.QtCore import QCoreApplication

    from ui.common import language

    try:
        assert language.install_translator(qapp, "id") == "id"
        assert QCoreApplication.translate("Camera", "last preset") == "preset terakhir"
        monkeypatch.setattr(language, "TRANSLATIONS", tmp_path)
        assert language.install_translator(qapp, "id") == "en"
        assert QCoreApplication.translate("Camera", "last preset") == "last preset"
    finally:
        language.install_translator(qapp, "en")
