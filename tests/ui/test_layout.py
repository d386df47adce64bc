"""A notice never moves a camera tile (issue #10, point 6)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QAbstractButton

from tests.ui.desk_support import SCREEN_MARGINS, close, desk, make_console, rect_in, resize, settle, shown_within  # noqa: F401
from ui.camera_grid import GAP

pytestmark = pytest.mark.gui
DESK_SCREENS = [QSize(1280, 720), QSize(1366, 768)]
LARGE_SCREENS = [QSize(1920, 1080), QSize(3840, 2160)]


def tiles(console) -> list[QRect]:
    """Every camera tile, in the window's coordinates."""
    bank, model = console.window.bank, console.cameras
    offset = bank.viewport().mapTo(console.window, QPoint(0, 0))
    return [bank.visualRect(model.index(row, 0)).translated(offset) for row in range(model.rowCount())]


def test_a_notice_never_moves_a_camera_tile(make_console, qtbot):
    console = make_console()
    window = console.window
    resize(window, QSize(1366, 768) - SCREEN_MARGINS, qtbot)
    before = tiles(console)
    console.desk.notice.emit("warning", "Kamera Studio belongs to Podcast Diskominfo, another running event: "
                             "take it over first (Ctrl+T) — this notice is long enough to need two lines")
    settle(qtbot)
    assert window.banner.isVisible()
    assert tiles(console) == before
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=6000)
    settle(qtbot)
    assert tiles(console) == before
