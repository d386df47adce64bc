"""The thin Qt bridge: device-thread callbacks become queued Qt signals on the GUI thread.

State changes are coalesced: however fast a device reports, the GUI thread receives at most
one pending snapshot per device, so a chatty camera or wall can never flood the event loop.
Cameras, wall devices and OBS outputs share it: each reports immutable snapshots and ``ActionRecord``s to
listeners added with ``add_listener`` (see ``devices.records``).
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from devices.obs.controller import ObsController
from devices.obs.state import ObsState
from devices.records import ActionRecord, DeviceNotice
from devices.visca.controller import CameraController
from devices.visca.state import CameraState
from devices.wall.controller import WallController
from devices.wall.state import WallState


class DeviceBridge(QObject):
    """Signals:
    stateChanged(object): the newest snapshot, on the GUI thread.
    actionFinished(ActionRecord): an operator action ended (completed, refused, timed out).
    noticed(DeviceNotice): something the device says once (an inquiry it refuses …).
    """

    stateChanged = Signal(object)
    actionFinished = Signal(object)
    noticed = Signal(object)
    _poke = Signal()
    _action = Signal(object)
    _notice = Signal(object)

    def __init__(
        self, controller: CameraController | WallController | ObsController, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._lock = threading.Lock()
        self._latest: Any = None
        self.state = controller.snapshot()
        self._poke.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._action.connect(self.actionFinished, Qt.ConnectionType.QueuedConnection)
        self._notice.connect(self.noticed, Qt.ConnectionType.QueuedConnection)
        controller.add_listener(self._on_device_event)

    def _on_device_event(self, item: Any) -> None:  # device thread
        if isinstance(item, ActionRecord):
            self._action.emit(item)
            return
        if isinstance(item, DeviceNotice):
            self._notice.emit(item)
            return
        with self._lock:
            first = self._latest is None
            self._latest = item
        if first:
            self._poke.emit()

    @Slot()
    def _deliver(self) -> None:  # GUI thread
        with self._lock:
            state, self._latest = self._latest, None
        if state is not None:
            self.state = state
            self.stateChanged.emit(state)

    def detach(self) -> None:
        self.controller.remove_listener(self._on_device_event)


class CameraBridge(DeviceBridge):
    controller: CameraController
    state: CameraState

    def __init__(self, camera_id: str, controller: CameraController, parent: QObject | None = None) -> None:
        super().__init__(controller, parent)
        self.camera_id = camera_id


class WallBridge(DeviceBridge):
    controller: WallController
    state: WallState

    def __init__(self, wall_id: str, controller: WallController, parent: QObject | None = None) -> None:
        super().__init__(controller, parent)
        self.wall_id = wall_id


class ObsBridge(DeviceBridge):
    controller: ObsController
    state: ObsState

    def __init__(self, output_id: str, controller: ObsController, parent: QObject | None = None) -> None:
        super().__init__(controller, parent)
        self.output_id = output_id
