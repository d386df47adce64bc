"""Tally from OBS: a camera whose ``obs_source`` is in a program scene gets the red border, in a preview
scene the green one (``CameraListModel.set_tally``), as soon as the output's new state arrives.

A camera configured with ``tally_lamp: yes`` also gets its own lamp lit while on program, over VISCA
(``CameraController.tally``), when its model has the command; the lamp is sent only when it changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QObject

from devices.visca.controller import CameraController
from models.config.schema import CameraConfig
from ui.broadcast.desk import BroadcastDesk
from ui.common.wording import said
from ui.desk.camera_model import CameraListModel, Tally


class TallyLights(QObject):
    def __init__(
        self,
        desk: BroadcastDesk,
        cameras: CameraListModel,
        configured: Iterable[CameraConfig],
        controllers: Mapping[str, CameraController],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk, self.cameras, self.controllers = desk, cameras, controllers
        self.sources = {camera.id: camera.obs_source for camera in configured if camera.obs_source}
        self.lamps = {camera.id for camera in configured if camera.tally_lamp and camera.obs_source}
        self.lit: dict[str, bool] = {}  # what each lamp was last told (unlit until told otherwise)
        desk.outputChanged.connect(self.update)
        self.update()  # an output online before the console was built sends no new state

    def update(self, *_changed: object) -> None:
        program: set[str] = set()
        preview: set[str] = set()
        for state in self.desk.states():
            if state.online:
                program.update(state.program_sources)
                preview.update(state.preview_sources)
        for camera_id, source in self.sources.items():
            tally = Tally.PROGRAM if source in program else Tally.PREVIEW if source in preview else Tally.NONE
            self.cameras.set_tally(camera_id, tally)  # (the model tells the views only of a change)
            if camera_id in self.lamps:
                self._lamp(camera_id, tally is Tally.PROGRAM)

    def _lamp(self, camera_id: str, on: bool) -> None:
        if self.lit.get(camera_id, False) is on or camera_id not in self.controllers:
            return
        self.lit[camera_id] = on
        try:
            self.controllers[camera_id].tally(on)
        except ValueError as exc:  # the model has no such command: said once, never sent
            self.lamps.discard(camera_id)
            self.desk.notice.emit("warning", said(exc))
