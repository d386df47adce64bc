"""Where a tool window opens: as large as asked (within the screen), never over a control that must
stay reachable (the ALL STOP button)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

TITLE_BAR = 40  # room for the window manager's frame, which is not known before the window is shown
MARGIN = 8


def place_clear_of(window: QWidget, keep_clear: QWidget, size: QSize) -> None:
    """Size ``window`` to ``size`` (at most the screen) and put it in a corner of the screen where it
    does not cover ``keep_clear``; with no such corner, below it."""
    screen = keep_clear.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    clear = QRect(keep_clear.mapToGlobal(QPoint(0, 0)), keep_clear.size()).adjusted(
        -MARGIN, -MARGIN, MARGIN, MARGIN
    )
    width, height = min(size.width(), area.width()), min(size.height(), area.height() - TITLE_BAR)
    corners = (
        QPoint(area.right() + 1 - width, area.top()),
        QPoint(area.left(), area.top()),
        QPoint(area.right() + 1 - width, area.bottom() + 1 - height - TITLE_BAR),
        QPoint(area.left(), area.bottom() + 1 - height - TITLE_BAR),
    )
    for corner in corners:
        if not QRect(corner, QSize(width, height + TITLE_BAR)).intersects(clear):
            window.resize(width, height)
            window.move(corner)
            return
    top = min(clear.bottom() + 1, area.bottom() - TITLE_BAR - 200)
    window.resize(width, min(height, area.bottom() + 1 - top - TITLE_BAR))
    window.move(area.right() + 1 - width, top)
