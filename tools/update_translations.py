#!/usr/bin/env python3
"""Refresh the interface translations: lupdate, then lrelease.

    python tools/update_translations.py

lupdate collects every ``self.tr("…")`` string of ui/ and every ``QT_TRANSLATE_NOOP("…", "…")``
sentence of models/ and devices/ (see common/wording.py) into ``console_<lang>.ts`` (new strings
arrive marked unfinished, strings no longer in the code are dropped); lrelease compiles each .ts
into the ``console_<lang>.qm`` the console loads (ui/common/language.py). Translate the new strings in
Qt Linguist (``pyside6-linguist resources/i18n/console_id.ts``) or any text editor, remove
``type="unfinished"``, and run this again. Commit the .ts and the .qm together; English is the
source language and needs neither.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "resources" / "i18n"
SOURCE_DIRS = ("ui", "models", "devices", "common")  # tr() in ui/, QT_TRANSLATE_NOOP in the Qt-free layers
LANGUAGES = ("id",)  # one console_<code>.ts per language besides English


def ts_file(language: str) -> Path:
    return HERE / f"console_{language}.ts"


def qm_file(language: str) -> Path:
    return HERE / f"console_{language}.qm"


def ui_sources(root: Path = ROOT) -> list[Path]:
    """Every Python file that may hold translatable text, in a stable order."""
    return sorted(
        path
        for folder in SOURCE_DIRS
        for path in (root / folder).rglob("*.py")
        if "__pycache__" not in path.parts
    )


def find_tool(name: str) -> str | None:
    """The Qt Linguist tool ``name`` ("lupdate", "lrelease") that PySide6 ships, or None.

    The copy inside the installed PySide6 package comes first: it needs no Python wrapper and
    always matches the Qt the console runs on. Then the ``pyside6-<name>`` wrapper on PATH.
    """
    try:
        from PySide6 import QtCore
    except ImportError:
        package = None
    else:
        package = shutil.which(name, path=str(Path(QtCore.__file__).resolve().parent))
    return package or shutil.which(f"pyside6-{name}")


def _tool(name: str) -> str:
    tool = find_tool(name)
    if tool is None:
        raise SystemExit(f"{name} not found: install PySide6 (python -m pip install PySide6)")
    return tool


def lupdate(ts: Path, sources: list[Path] | None = None) -> None:
    """Merge the strings of ``sources`` (default: ui/, models/, devices/) into ``ts``, creating it if
    needed."""
    sources = ui_sources() if sources is None else sources
    subprocess.run(
        [
            _tool("lupdate"),
            *map(str, sources),
            "-ts",
            str(ts),
            "-no-obsolete",
            "-source-language",
            "en",
            "-silent",
        ],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("lrelease"), str(ts), "-qm", str(qm), "-silent"], check=True)


def main() -> int:
    for language in LANGUAGES:
        lupdate(ts_file(language))
        lrelease(ts_file(language), qm_file(language))
        unfinished = ts_file(language).read_text(encoding="utf-8").count('type="unfinished"')
        note = f", {unfinished} still to translate" if unfinished else ""
        print(f"{ts_file(language).relative_to(ROOT)} -> {qm_file(language).relative_to(ROOT)}{note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
