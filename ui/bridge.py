"""The thin Qt bridge: device-thread callbacks become queued Qt signals on the GUI thread.

State changes are coalesced: however fast a camera reports, the GUI thread receives at most
one pending snapshot per camera, so a chatty device can never flood the event loop.
"""
from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from devices.visca.controller import CameraController
from devices.records import ActionRecord
from devices.visca.state import CameraState


class CameraBridge(QObject):
    """Signals:
        stateChanged(CameraState): the newest snapshot, on the GUI thread.
        actionFinished(ActionRecord): an operator action ended (completed, refused, timed out).
    """

    stateChanged = Signal(object)
    actionFinished = Signal(object)
    _poke = Signal()
    _action = Signal(object)

    def __init__(self, camera_id: str, controller: CameraController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.camera_id = camera_id
        self.controller = controller
        self._lock = threading.Lock()
        self._latest: CameraState | None = None
        self.state: CameraState = controller.snapshot()
        self._poke.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._action.connect(self.actionFinished, Qt.ConnectionType.QueuedConnection)
        controller.add_listener(self._on_device_event)

    def _on_device_event(self, item: Any) -> None:  # device thread
        if isinstance(item, ActionRecord):
            self._action.emit(item)
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
