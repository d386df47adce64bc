"""Fixtures for the interface tests: the interface language."""
from __future__ import annotations

import pytest

from ui.language import install_translator


@pytest.fixture
def translator(qapp):
    """Install a language for one test (``translator("id")``); afterwards the application is English again."""
    yield lambda language: install_translator(qapp, language)
    install_translator(qapp, "en")


@pytest.fixture
def indonesian(translator):
    """The test runs with the shipped Indonesian translation installed."""
    assert translator("id") == "id"
