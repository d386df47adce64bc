"""The "Video wall" dock: a tab per configured wall, each a ``WallPage`` (wall_page.py) with its canvas,
sources, layouts and take-overs; the tab shown is the wall the hotkeys act on.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from models.desk.hotkeys import HotkeyMap
from ui.wall.wall_desk import WallDesk
from ui.wall.wall_page import Picture, WallPage


class WallView(QWidget):
    """All walls, one tab each (no tab bar for a single wall); the tab shown is the hotkeys' wall.
    ``rebuild`` makes the pages again for the desk's walls (a saved configuration changed them)."""

    def __init__(
        self,
        desk: WallDesk,
        cameras: dict[str, str],
        picture: Picture,
        hotkeys: HotkeyMap,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.picture = picture
        self.pages: dict[str, WallPage] = {}
        self.hint = QLabel(self.tr("No video wall is configured (the walls: section of the configuration)."))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setTabBarAutoHide(True)
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.tabs)
        self.rebuild(cameras, hotkeys)

    def rebuild(self, cameras: dict[str, str], hotkeys: HotkeyMap) -> None:
        """``cameras``: camera name -> id, for the pictures of the sources that are cameras."""
        shown = self.desk.current
        self.tabs.blockSignals(True)
        self.tabs.clear()  # the pages are all the tabs
        for old in self.pages.values():
            old.deleteLater()
        self.pages = {}
        for wall in self.desk.walls.values():
            page = WallPage(self.desk, wall, cameras, self.picture, hotkeys)
            self.pages[wall.id] = page
            self.tabs.addTab(page, wall.name)
        self.tabs.blockSignals(False)
        if shown in self.pages:
            self.tabs.setCurrentWidget(self.pages[shown])
        self.hint.setVisible(not self.pages)
        self.tabs.setVisible(bool(self.pages))
        self.refresh_owners()

    def _on_tab(self, index: int) -> None:
        page = self.tabs.widget(index)  # None: no tab left
        if isinstance(page, WallPage):
            self.desk.current = page.wall.id

    def refresh_owners(self) -> None:
        for page in self.pages.values():
            page.outputs.refresh_owners(self.desk.board)

    def set_hotkeys(self, hotkeys: HotkeyMap) -> None:
        for page in self.pages.values():
            page.set_hotkeys(hotkeys)

    def on_frame(self, camera_id: str) -> None:
        for page in self.pages.values():
            if page.canvas is not None:
                page.canvas.on_frame(camera_id)
