"""The console fits the desk's screens (issue #10, points 5 and 6): everything an operator needs is on a
1280×720 or 1366×768 screen, the tiles fill a large screen at 16:9, a saved layout never brings
back an off-screen window, and a notice never moves a camera tile."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, QSize, Qt
from PySide6.QtWidgets import QAbstractButton

from tests.ui.desk.desk_support import (
    SCREEN_MARGINS,
    WAIT_MS,
    close,
    rect_in,
    resize,
    settle,
    shown_within,
)
from ui.desk.camera_grid import GAP

pytestmark = pytest.mark.gui
DESK_SCREENS = [QSize(1280, 720), QSize(1366, 768)]
LARGE_SCREENS = [QSize(1920, 1080), QSize(3840, 2160)]


def tiles(console) -> list[QRect]:
    """Every camera tile, in the window's coordinates."""
    bank, model = console.window.bank, console.cameras
    offset = bank.viewport().mapTo(console.window, QPoint(0, 0))
    return [bank.visualRect(model.index(row, 0)).translated(offset) for row in range(model.rowCount())]


def test_the_window_can_be_as_small_as_a_1280x720_screen(make_console):
    console = make_console()
    need = console.window.minimumSizeHint()
    room = QSize(1280, 720) - SCREEN_MARGINS
    assert need.width() <= room.width(), need
    assert need.height() <= room.height(), need


@pytest.mark.parametrize("language", ["en", "id"])
@pytest.mark.parametrize("screen", DESK_SCREENS, ids=lambda size: f"{size.width()}x{size.height()}")
def test_on_a_desk_screen_everything_an_operator_needs_is_on_it(
    make_console, translator, qtbot, screen, language
):
    translator(language)
    console = make_console()  # arranged for the 800×800 screen of the offscreen platform: a small screen
    window = console.window
    room = screen - SCREEN_MARGINS
    resize(window, room, qtbot)
    assert window.size() == room
    bank = rect_in(window.bank.viewport(), window)
    for tile in tiles(console):
        assert bank.contains(tile), (tile, bank)
        assert window.rect().contains(tile), (tile, bank)
        assert tile.width() >= 240
    needed = [
        window.all_stop,
        window.presets.view,
        window.presets.save_button,
        window.presets.rename_button,
        window.presets.clear_button,
        window.statusBar(),
        *window.controls.findChildren(QAbstractButton),
    ]
    hidden = [widget for widget in needed if not shown_within(widget, window)]
    assert not hidden, [
        (w.objectName() or type(w).__name__, getattr(w, "text", str)(), rect_in(w, window)) for w in hidden
    ]


@pytest.mark.parametrize("screen", LARGE_SCREENS, ids=lambda size: f"{size.width()}x{size.height()}")
def test_on_a_large_screen_the_tiles_fill_the_bank_at_16_9(make_console, qtbot, screen):
    console = make_console()
    window = console.window
    resize(window, screen - SCREEN_MARGINS, qtbot)
    settle(qtbot, 300)
    viewport = window.bank.viewport().rect().translated(window.bank.viewport().mapTo(window, QPoint(0, 0)))
    covered = QRect()
    for tile in tiles(console):
        covered = covered.united(tile)
    spare = QSize(viewport.width() - covered.width(), viewport.height() - covered.height())
    assert min(spare.width(), spare.height()) <= 2 * GAP + 2, spare  # filled one way, nearly the other:
    assert spare.width() <= viewport.width() * 0.15, spare
    assert spare.height() <= viewport.height() * 0.15, spare
    picture = window.bank.picture_size()
    assert picture.width() >= (screen.width() - 700) // 2
    assert abs(picture.width() * 9 - picture.height() * 16) < 16, picture

    def framed(camera_id: str) -> bool:  # the previews follow the tiles: 16:9 frames at the picture's size
        frame = console.previews.latest(camera_id)
        return (
            frame is not None
            and frame.height() == picture.height()
            and picture.width() - 1 <= frame.width() <= picture.width()
        )

    for camera_id in console.bridges:
        qtbot.waitUntil(lambda c=camera_id: framed(c), timeout=WAIT_MS)


def test_a_large_screen_gives_the_presets_a_place_of_their_own_and_a_small_one_a_tab(make_console, qtbot):
    window = make_console().window
    presets = window.docks["presets"]
    window.arrange_docks(QSize(1904, 1000))
    assert window.tabifiedDockWidgets(presets) == []
    window.arrange_docks(QSize(1350, 688))
    assert window.docks["wall"] in window.tabifiedDockWidgets(presets)
    settle(qtbot)
    assert presets.isVisible()
    assert not presets.visibleRegion().isEmpty()  # the tab in front


def test_a_saved_layout_that_would_not_fit_the_screen_is_not_brought_back(make_console, qtbot):
    console = make_console()
    console.window.arrange_docks(QSize(1904, 1000))  # left so on a large screen
    close(console)
    small = QSize(1264, 640)
    again = make_console().window
    again.restore_layout(small)  # as when it starts on a 1280×720 screen
    need = again.minimumSizeHint()
    assert need.width() <= small.width(), need
    assert need.height() <= small.height(), need
    assert again.docks["wall"] in again.tabifiedDockWidgets(again.docks["presets"])


def test_a_layout_that_fits_is_remembered_as_the_operator_left_it(make_console):
    console = make_console()
    window = console.window
    window.docks["health"].hide()
    window.docks["wall"].setFloating(True)
    window.docks["wall"].move(5000, 3000)  # on a second screen that is gone by the next start
    close(console)
    again = make_console().window
    assert again.docks["health"].isHidden()
    assert again.docks["wall"].isFloating()
    assert again.screen().availableGeometry().contains(again.docks["wall"].geometry().center())


def test_the_layout_of_an_older_console_is_not_restored(make_console, desk):
    console = make_console()
    console.window.docks["health"].hide()
    close(console)
    settings = QSettings(str(desk.folder / "console.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/version", 1)  # docks below the bank, which may not fit this screen
    settings.sync()
    again = make_console().window
    assert not again.docks["health"].isHidden()
    assert {again.dockWidgetArea(dock) for dock in again.docks.values()} == {
        Qt.DockWidgetArea.RightDockWidgetArea
    }


def test_a_notice_never_moves_a_camera_tile(make_console, qtbot):
    console = make_console()
    window = console.window
    resize(window, QSize(1366, 768) - SCREEN_MARGINS, qtbot)
    before = tiles(console)
    console.desk.notice.emit(
        "warning",
        "Kamera Studio belongs to Podcast Diskominfo, another running event: "
        "take it over first (Ctrl+T) — this notice is long enough to need two lines",
    )
    settle(qtbot)
    assert window.banner.isVisible()
    assert tiles(console) == before
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=WAIT_MS)
    settle(qtbot)
    assert tiles(console) == before
