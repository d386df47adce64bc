"""A saved configuration applies at once, without a restart.

Events go to the event board (with the operations log: its events, matched again with the file's
templates, and the file's dated events carried into the log, see ``ui/oplog/board.py``). Cameras and walls are
matched with the running ones by id: one that is gone is retired (stopped, its controller closed on the device
thread and its capture file after it); a new one, or one whose URL, profile, name or capture file changed,
gets a new controller from the ``ControllerFactory``; one whose place, preview or preset names changed keeps
its controller. The tiles, the health table, the preset grid, the previews and the wall pages follow, and the
hotkeys 1–9 number the cameras in the file's order. Nothing here waits for a device. Without a factory (a
console built without one, as tests do) device changes wait for a restart, and the console says so.
OBS outputs follow the same way (``ui/shell/live_broadcast.py``).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject

from devices.controller_factory import ControllerFactory
from models.config.schema import CameraConfig, Config, WallConfig
from models.desk.ownership import EventBoard
from models.desk.preset_library import PresetLibrary
from ui.broadcast.compose import Broadcast
from ui.common.bridge import CameraBridge, WallBridge
from ui.common.notices import LogModel
from ui.desk.camera_model import CameraListModel
from ui.desk.main_window import MainWindow
from ui.desk.operator_desk import OperatorDesk
from ui.hotkeys.key_filter import HotkeyFilter
from ui.oplog.docks import OplogDocks
from ui.preview.hub import PreviewHub
from ui.shell.live_broadcast import apply_outputs
from ui.shell.preview_sources import PreviewSources
from ui.wall.view import WallView
from ui.wall.wall_desk import WallDesk


class LiveParts(Protocol):
    """What a configuration change touches of the console (the console has all of it)."""

    config: Config
    oplog: OplogDocks | None
    board: EventBoard
    window: MainWindow
    wall_view: WallView
    log: LogModel
    desk: OperatorDesk
    hotkeys: HotkeyFilter
    bridges: dict[str, CameraBridge]
    wall_bridges: dict[str, WallBridge]
    cameras: CameraListModel
    library: PresetLibrary
    previews: PreviewHub
    walls: WallDesk
    preview_sources: PreviewSources
    broadcast: Broadcast


def _restart(old: CameraConfig | WallConfig, new: CameraConfig | WallConfig) -> bool:
    """Whether the device's controller must be made again (it is named and connected at its start)."""
    return (old.url, old.name, old.capture, getattr(old, "profile", None)) != (
        new.url,
        new.name,
        new.capture,
        getattr(new, "profile", None),
    )


class LiveConfig(QObject):
    def __init__(self, console: LiveParts, factory: ControllerFactory | None, parent: QObject) -> None:
        """``parent``: the console, which also owns the bridges this makes."""
        super().__init__(parent)
        self.console = console
        self.factory = factory

    def apply(self, config: Config) -> None:
        console = self.console
        old, console.config = console.config, config
        oplog = console.oplog
        if oplog is not None:
            # the log's events with the new templates; dated events carried into the log
            oplog.use_config()
        else:
            console.board.set_events(config.events)
        if (old.cameras, old.walls, old.broadcast) != (config.cameras, config.walls, config.broadcast):
            self._devices(old, config)
        elif self.factory is not None:
            apply_outputs(console, self.factory, old, config)  # a password in the secrets file may be new
        console.window.events.refresh()
        console.window.update_owners()
        console.wall_view.refresh_owners()
        console.log.add("info", self.tr("Configuration applied"))

    def _devices(self, old: Config, new: Config) -> None:
        console, factory = self.console, self.factory
        if factory is None:
            console.desk.notice.emit(
                "warning",
                self.tr("Camera, video wall and OBS output changes apply when the console is restarted"),
            )
            return
        problems = len(factory.problems)
        self._cameras(factory, old, new)
        self._walls(factory, old, new)
        apply_outputs(console, factory, old, new)
        for problem in factory.problems[problems:]:  # capture files that cannot be written
            console.desk.notice.emit("error", problem)
        console.wall_view.rebuild({c.name: c.id for c in new.cameras}, console.hotkeys.map)

    # ---- cameras --------------------------------------------------------------------------------
    def _cameras(self, factory: ControllerFactory, old: Config, new: Config) -> None:
        console, selected = self.console, self.console.desk.selected
        before = {camera.id: camera for camera in old.cameras}
        after = {camera.id: camera for camera in new.cameras}
        for camera_id, camera in before.items():
            if camera_id not in after or _restart(camera, after[camera_id]):
                self._retire_camera(factory, camera_id)
            if camera_id not in after or camera.url != after[camera_id].url:
                console.preview_sources.simulated.pop(
                    camera_id, None
                )  # demo: the picture of another simulator
        for camera in new.cameras:
            if camera.id not in console.bridges:
                self._start_camera(factory, camera)
            elif camera != before[camera.id]:
                console.cameras.rename_camera(camera.id, camera.name, camera.location or "")
                if (camera.preview, camera.preview_hd) != (
                    before[camera.id].preview,
                    before[camera.id].preview_hd,
                ):
                    self._remove_preview(camera.id)
                    console.preview_sources.add(camera)
        order = [camera.id for camera in new.cameras]
        console.cameras.order(order)
        console.desk.order_cameras(order)
        console.library.set_config_names({camera.id: camera.presets for camera in new.cameras})
        if selected in console.desk.bridges:
            console.desk.select(selected)

    def _start_camera(self, factory: ControllerFactory, camera: CameraConfig) -> None:
        console = self.console
        controller = factory.camera(camera)
        bridge = console.bridges[camera.id] = CameraBridge(camera.id, controller, self.parent())
        console.cameras.add_camera(camera.id, camera.name, camera.location or "", bridge)
        console.desk.add_camera(camera.id, camera.name, bridge)
        console.preview_sources.add(camera)
        if console.oplog is not None:
            console.oplog.feed.attach_camera(controller)

    def _retire_camera(self, factory: ControllerFactory, camera_id: str) -> None:
        console = self.console
        console.desk.remove_camera(camera_id)
        console.cameras.remove_camera(camera_id)
        self._remove_preview(camera_id)
        bridge = console.bridges.pop(camera_id)
        bridge.detach()
        bridge.deleteLater()
        factory.retire("camera", camera_id, bridge.controller)

    def _remove_preview(self, camera_id: str) -> None:
        if camera_id in self.console.previews.camera_ids():
            self.console.previews.remove(camera_id)

    # ---- walls ----------------------------------------------------------------------------------
    def _walls(self, factory: ControllerFactory, old: Config, new: Config) -> None:
        console = self.console
        before = {wall.id: wall for wall in old.walls}
        after = {wall.id: wall for wall in new.walls}
        for wall_id, wall in before.items():
            if wall_id in console.wall_bridges and (wall_id not in after or _restart(wall, after[wall_id])):
                console.walls.remove_wall(wall_id)
                bridge = console.wall_bridges.pop(wall_id)
                bridge.detach()
                bridge.deleteLater()
                factory.retire("wall", wall_id, bridge.controller)
        for wall in new.walls:
            if wall.id in console.wall_bridges:
                console.walls.walls[wall.id] = wall  # names, sources, layouts: the page is rebuilt
                continue
            controller = factory.wall(wall)
            bridge = console.wall_bridges[wall.id] = WallBridge(wall.id, controller, self.parent())
            console.walls.add_wall(wall, bridge)
            if console.oplog is not None:
                console.oplog.feed.attach_wall(controller)
        console.walls.walls = {wall.id: console.walls.walls[wall.id] for wall in new.walls}
