"""An operator's hands in the console tests: keys go where the keyboard's next key would go (an open
popup, the focused widget, the active window), mouse clicks on preset slots, buttons and menus."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QMenu, QTabBar, QWidget

Key, Mod = Qt.Key, Qt.KeyboardModifier


def keyboard(console) -> QWidget:
    """Where the keyboard's next key goes: an open popup, else the focused widget, else the window."""
    popup = QApplication.activePopupWidget()
    focus = QApplication.focusWidget()
    if popup is not None:
        return focus if focus is not None and popup.isAncestorOf(focus) else popup
    return focus or QApplication.activeWindow() or console.window


def press(console, key: Key, modifiers: Mod = Mod.NoModifier) -> None:
    QTest.keyClick(keyboard(console), key, modifiers)


def type_slowly(console, qtbot, text: str, per_second: float = 4) -> None:
    for character in text:
        QTest.keyClick(keyboard(console), character)
        qtbot.wait(int(1000 / per_second))


def slot_point(grid, number: int) -> QPoint:
    index = grid.model.ensure(number)
    return grid.view.visualRect(index).center()


def click_slot(grid, number: int, double: bool = False) -> None:
    at = slot_point(grid, number)
    QTest.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    if double:
        QTest.mouseDClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_menu(window: QMainWindow, title: str, qtbot) -> QMenu:
    """Click the menu bar's ``title`` (as shown, without its & mark); the menu is open."""
    bar = window.menuBar()
    action = next(a for a in bar.actions() if a.text().replace("&", "") == title)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(action).center())
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is action.menu(), timeout=5000)
    return action.menu()


def choose(window: QMainWindow, title: str, item: str, qtbot) -> None:
    """Open the menu ``title`` and click its entry that starts with ``item``."""
    menu = open_menu(window, title, qtbot)
    action = next(a for a in menu.actions() if a.text().replace("&", "").startswith(item))
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible(), timeout=5000)


def show_dock(window: QMainWindow, dock: QDockWidget, qtbot) -> None:
    """Click the tab of ``dock`` (docks share the column as tabs on a small screen) until it is shown."""
    if not dock.visibleRegion().isEmpty():
        return
    for bar in window.findChildren(QTabBar):
        tab = next((i for i in range(bar.count()) if bar.tabText(i) == dock.windowTitle()), None)
        if tab is not None and bar.isVisible():
            QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
            break
    qtbot.waitUntil(lambda: not dock.visibleRegion().isEmpty(), timeout=5000)
