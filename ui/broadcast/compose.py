"""The console's broadcast side, composed like its cameras and walls: a bridge per running OBS output,
the broadcast desk, the Broadcast dock, tally on the camera tiles and lamps, and shots that cut."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject

from devices.obs.controller import ObsController
from devices.visca.controller import CameraController
from models.config.schema import BroadcastConfig, Config
from ui.broadcast.desk import BroadcastDesk
from ui.broadcast.dock import BroadcastDock
from ui.broadcast.shot_cuts import ShotCuts
from ui.broadcast.tally import TallyLights
from ui.common.bridge import ObsBridge
from ui.desk.camera_model import CameraListModel
from ui.desk.main_window import MainWindow
from ui.desk.operator_desk import OperatorDesk


class Broadcast(QObject):
    def __init__(
        self,
        config: Config,
        outputs: Mapping[str, ObsController],
        desk: OperatorDesk,
        cameras: CameraListModel,
        camera_controllers: Mapping[str, CameraController],
        window: MainWindow,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = BroadcastDesk(desk, self)
        for output in config.broadcast:
            if output.id in outputs:
                self.desk.add_output(output, ObsBridge(output.id, outputs[output.id], self))
        self.dock = BroadcastDock(self.desk)
        window.add_dock("broadcast", self.tr("Broadcast"), self.dock)
        self.tally = TallyLights(self.desk, cameras, config.cameras, camera_controllers, self)
        self.shot_cuts = ShotCuts(desk, self.desk, self)
        self.desk.notice.connect(desk.notice)  # the log pane and the banner, as the cameras' notices

    def add_output(self, output: BroadcastConfig, controller: ObsController) -> ObsBridge:
        """An output the configuration gained while the console runs: its tab, its tally."""
        bridge = ObsBridge(output.id, controller, self)
        self.desk.add_output(output, bridge)
        self.dock.add_panel(output.id)
        self.tally.update()
        return bridge

    def remove_output(self, output_id: str) -> ObsController:
        """An output gone from the configuration: its tab and its tally go; returns its controller
        (still open: the caller closes it)."""
        self.dock.remove_panel(output_id)
        controller = self.desk.remove_output(output_id).controller
        self.tally.update()
        return controller

    def shutdown(self) -> None:
        self.dock.clock.stop()
        self.desk.detach()
