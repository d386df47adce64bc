"""Fixtures for the interface tests: the interface language; garbage collected on the GUI thread."""

from __future__ import annotations

import pytest

from ui.common.language import install_translator
from ui.shell.garbage_collector import collect_garbage_on_gui_thread


@pytest.fixture(scope="module", autouse=True)
def garbage_on_the_gui_thread(qapp):
    """As in the console (app.py): a closed window's Qt objects are never destroyed by another thread."""
    collector = collect_garbage_on_gui_thread(qapp)
    yield
    collector.stop()


@pytest.fixture
def translator(qapp):
    """Install a language for one test (``translator("id")``); afterwards the application is English again."""
    yield lambda language: install_translator(qapp, language)
    install_translator(qapp, "en")


@pytest.fixture
def indonesian(translator):
    """The test runs with the shipped Indonesian translation installed."""
    assert translator("id") == "id"
