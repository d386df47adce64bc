"""Fixtures for the interface tests: the interface language."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator

from ui.language import install_translator


@pytest.fixture
def translator(qapp):
    """Install a language for one test (``translator("id")``); afterwards the application is English again."""
    yield lambda language: install_translator(qapp, language)
    for installed in qapp.findChildren(QTranslator):
        qapp.removeTranslator(installed)
        installed.setParent(None)


@pytest.fixture
def indonesian(translator):
    """The test runs with the shipped Indonesian translation installed."""
    assert translator("id") == "id"
