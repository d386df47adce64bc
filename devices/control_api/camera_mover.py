"""A camera's ``Mover``: its controller's latest-wins drive, called on the device loop."""

from __future__ import annotations

from devices.visca.controller import CameraController
from devices.visca.drives import drive_message
from devices.visca.jobs import Axis


class CameraMover:
    def __init__(self, controller: CameraController) -> None:
        self.controller = controller
        self._zooming = False

    def move(self, pan: int, tilt: int, zoom: int) -> None:
        profile = self.controller.profile
        zoom_value = ((zoom > 0) - (zoom < 0), abs(zoom) if zoom else None)
        drive_message(Axis.PAN_TILT, (pan, tilt), profile)  # both checked before either is sent
        drive_message(Axis.ZOOM, zoom_value, profile)
        self.controller.drive(pan, tilt)
        if zoom or self._zooming:
            self.controller.zoom(*zoom_value)
        self._zooming = bool(zoom)

    def halt(self) -> None:
        self.controller.drive(0, 0)
        if self._zooming:
            self.controller.zoom(0)
            self._zooming = False
