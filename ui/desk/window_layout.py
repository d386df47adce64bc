"""Where the main window's docks go, so that the console fits the desk's screen.

The camera bank keeps the window's full height and every dock shares one column on its right:
on a 16:9 screen a 2×2 bank of 16:9 tiles is about as wide as the screen minus such a column,
so the tiles fill their room at 1280×720 as at 3840×2160. The column holds Controls on top; on
a large screen the presets below them and the other docks as tabs below those; on a small
screen (1280×720, 1366×768) the presets are the first of those tabs. After each change of the
window's size the column takes whatever width the tiles cannot use (``balance``).

A saved arrangement is used only if it fits the screen the console starts on (``fits``).
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar

from ui.desk.camera_grid import GAP, CameraGrid, grid_shape

FRAME = QSize(16, 40)  # what a window manager's title bar and borders take around the window
LARGE_SCREEN_HEIGHT = 900  # free height from which the presets get a place of their own
PRESETS_MIN_HEIGHT = 110  # one row of preset thumbnails
TABS = ("presets", "events", "broadcast", "wall", "log", "health", "operator", "shift", "schedule", "faults")
COLUMN_SHARE = 0.5  # the column never takes more of the window's width than this
Right = Qt.DockWidgetArea.RightDockWidgetArea


def room_on(screen: QScreen) -> QSize:
    """The largest window ``screen`` has room for, frame and taskbar deducted."""
    return screen.availableGeometry().size() - FRAME


def arrange(window: QMainWindow, docks: Mapping[str, QDockWidget], room: QSize) -> None:
    """Every dock docked and shown in the column right of the bank, in the order of ``TABS``."""
    large = room.height() >= LARGE_SCREEN_HEIGHT
    for dock in docks.values():
        window.removeDockWidget(dock)
        window.addDockWidget(Right, dock, Qt.Orientation.Vertical)
        dock.setFloating(False)
        dock.show()
    stacked = [docks["controls"], *([docks["presets"]] if large else [])]
    tabs = [docks[name] for name in TABS if name in docks and docks[name] not in stacked]
    tabs += [dock for dock in docks.values() if dock not in stacked and dock not in tabs]
    for upper, lower in zip(stacked, stacked[1:] + tabs[:1], strict=False):
        window.splitDockWidget(upper, lower, Qt.Orientation.Vertical)
    for first, other in pairwise(tabs):
        window.tabifyDockWidget(first, other)
    if tabs:
        tabs[0].raise_()
    readable_tabs(window)


def readable_tabs(window: QMainWindow) -> None:
    """Whole tab titles, scrolled with arrows when they do not fit, rather than "P…", "E…", "Vi…"."""
    for bar in window.findChildren(QTabBar):
        if bar.parent() is window:
            bar.setElideMode(Qt.TextElideMode.ElideNone)
            bar.setUsesScrollButtons(True)


def fits(window: QMainWindow, room: QSize, arranged: QSize) -> bool:
    """True if the window as it is now needs no more than ``room`` — or at least no more than ``arranged``
    (the docks arranged for the screen, when not even they fit). Floating docks need no check: restoring
    brings one left on a screen that is gone back onto a screen (QMainWindow.restoreState)."""
    need = window.minimumSizeHint()
    return need.width() <= max(room.width(), arranged.width()) and need.height() <= max(
        room.height(), arranged.height()
    )


def balance(window: QMainWindow, bank: CameraGrid, docks: Mapping[str, QDockWidget]) -> None:
    """Give the dock column the width the bank's tiles cannot use (or take back what they can)."""
    controls = docks["controls"]
    if controls.isFloating() or controls.isHidden() or window.dockWidgetArea(controls) != Right:
        return
    room = bank.viewport().size()
    narrowest = controls.minimumSizeHint().width()
    widest_bank = QSize(room.width() + controls.width() - narrowest, room.height())
    wanted = grid_shape(len(bank.shown_rows()), widest_bank).size().width() + 2 * GAP
    width = max(
        narrowest, min(controls.width() + room.width() - wanted, round(window.width() * COLUMN_SHARE))
    )
    if abs(width - controls.width()) > 2:
        window.resizeDocks([controls], [width], Qt.Orientation.Horizontal)
