"""Assembles the operator console from a configuration and running camera controllers.

``app.py`` decides *what* runs (devices, simulators, files); this module builds the Qt side:
bridges, the desk, the models, previews, hotkeys and the main window.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from PySide6.QtCore import QObject, QSettings, QSize
from PySide6.QtWidgets import QApplication

from devices.video.factory import open_source
from devices.video.spec import PreviewSourceError
from devices.visca.controller import CameraController
from devices.visca.profiles import CameraProfile
from models.config import Config
from models.hotkeys import HotkeyMap
from models.ownership import EventBoard
from models.preset_library import PresetLibrary
from ui.bridge import CameraBridge
from ui.camera_model import CameraListModel
from ui.cheat_sheet import CheatSheet
from ui.desk import OperatorDesk
from ui.hotkeys import HotkeyFilter
from ui.main_window import MainWindow
from ui.notices import LogModel
from ui.preview import PreviewHub

log = logging.getLogger(__name__)
TILE_PICTURE = QSize(320, 180)


@dataclass(frozen=True)
class SimulatedPicture:
    """How to draw the synthetic picture of a simulated camera (demo mode)."""
    state: Callable[[], Mapping[str, Any]]
    profile: CameraProfile


class Console(QObject):
    def __init__(self, config: Config, controllers: dict[str, CameraController], *, data_folder: Path,
                 settings: QSettings, hotkeys: HotkeyMap, config_errors: list[str] = (),
                 simulated: dict[str, SimulatedPicture] | None = None) -> None:
        super().__init__()
        self.config = config
        self.log = LogModel(self)
        self.board = EventBoard(config.events)
        self.desk = OperatorDesk(self.board, self)
        self.cameras = CameraListModel(self)
        self.previews = PreviewHub(self)
        names = {c.id: c.presets for c in config.cameras}
        self.library = PresetLibrary(data_folder / "presets", names)
        self.bridges: dict[str, CameraBridge] = {}
        for camera in config.cameras:
            bridge = CameraBridge(camera.id, controllers[camera.id], self)
            self.bridges[camera.id] = bridge
            self.cameras.add_camera(camera.id, camera.name, camera.location or "", bridge)
            self.desk.add_camera(camera.id, camera.name, bridge)
            self._add_preview(camera.id, camera.name, camera.preview, (simulated or {}).get(camera.id))
        self.window = MainWindow(self.desk, self.cameras, self.previews, self.library, self.log, settings)
        self.hotkeys = HotkeyFilter(hotkeys, self)
        self.hotkeys.actionPressed.connect(self.desk.press)
        self.hotkeys.actionReleased.connect(self.desk.release)
        self.hotkeys.focusLost.connect(self.desk.release_all)
        self.cheat_sheet = CheatSheet(hotkeys, self.window)
        self.desk.cheat_sheet = self.cheat_sheet.toggle
        QApplication.instance().installEventFilter(self.hotkeys)
        for error in config_errors:
            self.log.add("error", error)
            self.window.banner.show_notice("error", error)
        self.window.update_owners()

    def _add_preview(self, camera_id: str, name: str, spec: str | int | None,
                     simulated: SimulatedPicture | None) -> None:
        if spec is None:
            self.cameras.set_preview_status(camera_id, self.tr("no preview configured"))
            return
        try:
            source = open_source(spec, sim_state=simulated and simulated.state,
                                 profile=simulated and simulated.profile, name=name)
        except PreviewSourceError as exc:
            self.cameras.set_preview_status(camera_id, str(exc))
            self.log.add("error", f"{name}: {exc}")
            return
        self.previews.add(camera_id, source, TILE_PICTURE)

    def show(self) -> None:
        self.window.show()

    def shutdown(self) -> None:
        QApplication.instance().removeEventFilter(self.hotkeys)
        self.previews.stop()
        for bridge in self.bridges.values():
            bridge.detach()
