"""Sentences composed without Qt (common/wording.py) are said in the interface language
(ui/common/wording.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from common.wording import QT_TRANSLATE_NOOP, Phrase
from ui.common.wording import said

ROOT = Path(__file__).resolve().parents[3]
TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>WordingTest</name>
    <message>
        <source>line {line}: {problem}</source><translation>baris {line}: {problem}</translation>
    </message>
    <message><source>too hot</source><translation>terlalu panas</translation></message>
    <message><source>broken {value}</source><translation>rusak {other}</translation></message>
</context>
</TS>
"""


def _updater():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def indonesian(qapp, tmp_path):
    updater = _updater()
    if updater.find_tool("lrelease") is None:
        pytest.fail("lrelease not found (it ships with PySide6)")
    (tmp_path / "t.ts").write_text(TS, encoding="utf-8")
    updater.lrelease(tmp_path / "t.ts", tmp_path / "t.qm")
    translator = QTranslator()
    assert translator.load(str(tmp_path / "t.qm"))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def test_a_phrase_is_plain_english_text_that_remembers_its_source():
    problem = QT_TRANSLATE_NOOP("WordingTest", "too hot")
    line = QT_TRANSLATE_NOOP("WordingTest", "line {line}: {problem}").format(line=3, problem=problem)
    assert line == "line 3: too hot"
    assert isinstance(line, str)
    assert (line.context, line.source, line.values) == (
        "WordingTest",
        "line {line}: {problem}",
        {"line": 3, "problem": problem},
    )
    with pytest.raises(TypeError):
        line.format(3)


def test_said_translates_the_sentence_and_the_sentences_inside_it(indonesian):
    problem = QT_TRANSLATE_NOOP("WordingTest", "too hot")
    line = QT_TRANSLATE_NOOP("WordingTest", "line {line}: {problem}").format(line=3, problem=problem)
    assert said(line) == "baris 3: terlalu panas"
    assert said(ValueError(line)) == "baris 3: terlalu panas"
    assert said(ValueError("not a phrase")) == "not a phrase"
    assert said("plain text") == "plain text"
    assert said(42) == "42"


def test_untranslated_or_mismatched_sentences_stay_english(indonesian):
    assert said(Phrase("WordingTest", "never translated {n}", {"n": 1})) == "never translated 1"
    assert said(QT_TRANSLATE_NOOP("WordingTest", "broken {value}").format(value="x")) == "broken x"


def test_an_exception_that_rewrites_its_text_is_said_as_written(indonesian):
    class Wrapped(Exception):
        def __str__(self) -> str:
            return f"wrapped: {self.args[0]}"

    assert said(Wrapped(QT_TRANSLATE_NOOP("WordingTest", "too hot"))) == "wrapped: too hot"
