"""Shots that switch scenes: one press of a shot key recalls the camera preset and, when the camera
reports it has arrived, cuts the event's OBS output to the shot's scene (``cut: at-once`` — or a shot
without a camera — cuts at once).

Arrival is the camera's own report (``CameraState.motion`` ARRIVED at the recalled preset) after the
recall was sent: seen moving, or the recall completed. A recall that fails, or a camera stopped on
the way (idle again), cuts nothing; a newer shot on the same camera replaces the one waiting.
"""

from __future__ import annotations

import concurrent.futures
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from devices.visca.state import CameraState, Motion
from models.config.schema import CUT_AT_ONCE, Shot
from ui.broadcast.desk import BroadcastDesk
from ui.desk.operator_desk import OperatorDesk


@dataclass
class _Waiting:
    output: str
    scene: str
    preset: int
    recall: concurrent.futures.Future
    under_way: bool = False  # seen moving, or the recall completed


class ShotCuts(QObject):
    _recalled = Signal(str, object)  # camera id, the recall's future (from the device thread)

    def __init__(self, desk: OperatorDesk, broadcast: BroadcastDesk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk, self.broadcast = desk, broadcast
        self.waiting: dict[str, _Waiting] = {}  # camera id -> the cut waiting for its arrival
        desk.shotFired.connect(self.on_shot)
        desk.cameraStateChanged.connect(self.on_camera)
        self._recalled.connect(self._on_recalled)

    def on_shot(self, event_id: str, shot: Shot, recall: concurrent.futures.Future | None) -> None:
        if shot.scene is None:
            return
        output = self.broadcast.output_of(event_id)
        if output is None:
            title = self.desk.board.events[event_id].title if event_id in self.desk.board.events else event_id
            self.broadcast.notice.emit(
                "warning", self.tr("%1 streams on no OBS output here: no cut").replace("%1", title)
            )
            return
        if shot.camera is None or recall is None or shot.preset is None or shot.cut == CUT_AT_ONCE:
            self.broadcast.cut(output, shot.scene)
            return
        self.waiting[shot.camera] = _Waiting(output, shot.scene, shot.preset, recall)
        camera = shot.camera
        recall.add_done_callback(lambda done: self._recalled.emit(camera, done))

    def on_camera(self, camera_id: str, state: CameraState) -> None:
        waiting = self.waiting.get(camera_id)
        if waiting is None:
            return
        if state.motion is Motion.MOVING:
            waiting.under_way = True
        elif state.motion is Motion.ARRIVED and state.target_preset == waiting.preset and waiting.under_way:
            del self.waiting[camera_id]
            self.broadcast.cut(waiting.output, waiting.scene)
        elif state.motion is Motion.IDLE and waiting.under_way and waiting.recall.done():
            del self.waiting[camera_id]  # stopped on the way: no cut

    def _on_recalled(self, camera_id: str, recall: concurrent.futures.Future) -> None:
        waiting = self.waiting.get(camera_id)
        if waiting is None or waiting.recall is not recall:
            return
        if recall.cancelled() or recall.exception() is not None:
            del self.waiting[camera_id]  # the desk has said why
            return
        waiting.under_way = True
        self.on_camera(camera_id, self.desk.bridges[camera_id].state)
