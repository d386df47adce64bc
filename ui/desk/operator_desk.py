"""The operator's desk: which camera is selected, what the hands are holding, and the rules
every control surface (hotkeys, the pad, preset buttons) goes through.

Signals:
    selectionChanged(str): the selected camera id.
    cameraStateChanged(str, CameraState): a camera's newest state (any camera, also one added later).
    notice(str level, str text): a non-modal message for the operator ("info", "warning", "error").
    ownershipChanged(): running events, the active event or a take-over changed.
    shotFired(str event id, Shot, Future | None): a shot's preset recall was sent (its future), or a
        shot without a camera was pressed (None); ui/broadcast cuts its scene.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from devices.records import ActionRecord
from models.config.schema import Shot
from models.desk.hotkey_actions import PRESET_RECALLS
from models.desk.ownership import EventBoard, TakeOver
from models.oplog.tables import NOT_ERRORS
from ui.common.bridge import CameraBridge
from ui.common.device_words import record_text
from ui.common.wording import said

HELD_MOVES = {"move.up": (0, 1), "move.down": (0, -1), "move.left": (-1, 0), "move.right": (1, 0)}
HELD_ZOOM = {"zoom.in": 1, "zoom.out": -1}
ShareTakeOvers = Callable[..., None]
"""``(takeovers, names, then, audited=False)``: put ``takeovers`` (all or none) in force, then call
``then(takeovers)``; ``names`` maps each device to what the operator calls it; ``audited``: the caller
writes the audit trail itself. Without the operations log: at once, on this desk."""


class OperatorDesk(QObject):
    selectionChanged = Signal(str)
    notice = Signal(str, str)
    ownershipChanged = Signal()
    presetSaved = Signal(str, int)  # camera id, preset number: time to grab a thumbnail
    cameraStateChanged = Signal(str, object)
    shotFired = Signal(str, object, object)

    def __init__(self, board: EventBoard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.board = board
        self.bridges: dict[str, CameraBridge] = {}
        self.names: dict[str, str] = {}
        self.selected: str | None = None
        self.pan_speed = 8
        self.zoom_speed: int | None = 4
        self._held_moves: set[str] = set()
        self._held_zoom: set[str] = set()
        self._driving: str | None = None  # camera the held keys are driving
        self.cheat_sheet: Callable[[], None] = lambda: None
        # the operations log decides take-overs shared with other desks (see ``ShareTakeOvers``)
        self.share_take_overs: ShareTakeOvers = lambda takeovers, _names, then, audited=False: then(takeovers)

    # ---- cameras -----------------------------------------------------------------------------
    def add_camera(self, camera_id: str, name: str, bridge: CameraBridge) -> None:
        self.bridges[camera_id] = bridge
        self.names[camera_id] = name
        bridge.actionFinished.connect(self._on_action_finished)
        bridge.noticed.connect(lambda notice: self.notice.emit(notice.level, said(notice.text)))
        bridge.stateChanged.connect(lambda state: self.cameraStateChanged.emit(camera_id, state))
        if self.selected is None:
            self.select(camera_id)

    def remove_camera(self, camera_id: str) -> CameraBridge:
        """A camera gone from the configuration (or about to be restarted): stopped and forgotten;
        if it was selected, the first camera is. Returns its bridge."""
        if camera_id in (self.selected, self._driving):
            self.release_all()
        bridge = self.bridges.pop(camera_id)
        del self.names[camera_id]
        bridge.controller.stop()
        if self.selected == camera_id:
            self.selected = None
            if self.bridges:
                self.select(next(iter(self.bridges)))
        return bridge

    def order_cameras(self, camera_ids: list[str]) -> None:
        """Number the cameras (1–9 select them) in this order, the configuration's."""
        bridges = {c: self.bridges[c] for c in camera_ids if c in self.bridges}
        names = {c: self.names[c] for c in bridges}
        self.bridges.clear()  # in place: others hold them
        self.bridges.update(bridges)
        self.names.clear()
        self.names.update(names)

    def camera_ids(self) -> list[str]:
        return list(self.bridges)

    @Slot(str)
    def select(self, camera_id: str) -> None:
        if camera_id not in self.bridges or camera_id == self.selected:
            return
        self.release_all()  # a move never follows the operator to another camera
        self.selected = camera_id
        self.selectionChanged.emit(camera_id)

    def select_number(self, number: int) -> None:
        ids = self.camera_ids()
        if 1 <= number <= len(ids):
            self.select(ids[number - 1])

    def set_speed(self, speed: int) -> None:
        self.pan_speed = max(1, min(0x18, speed))

    # ---- rules --------------------------------------------------------------------------------
    def may_move(self, camera_id: str) -> bool:
        blocking = self.board.blocking(camera_id)
        if blocking:
            titles = ", ".join(e.title for e in blocking)
            self.notice.emit(
                "warning",
                self.tr("%1 belongs to %2 — take it over first (Ctrl+T)")
                .replace("%1", self.names[camera_id])
                .replace("%2", titles),
            )
            return False
        return True

    def take_over(self, camera_id: str | None = None) -> None:
        camera_id = camera_id or self.selected
        if camera_id is None:
            return
        try:
            takeover = self.board.propose(camera_id)
        except ValueError as exc:
            self.notice.emit("warning", said(exc))
            return
        self.share_take_overs(
            [takeover], {camera_id: self.names[camera_id]}, lambda taken: self._taken_over(*taken)
        )

    def _taken_over(self, takeover: TakeOver) -> None:
        self.board.record(takeover)
        active = self.board.events[takeover.by_event].title
        self.notice.emit(
            "info",
            self.tr("%1 taken over for %2").replace("%1", self.names[takeover.device]).replace("%2", active),
        )
        self.ownershipChanged.emit()

    # ---- held moves ------------------------------------------------------------------------------
    @Slot(str)
    def press(self, action: str) -> None:
        if action in HELD_MOVES or action in HELD_ZOOM:
            self._hold(action)
        elif action.startswith("camera.select."):
            self.select_number(int(action.rsplit(".", 1)[1]))
        elif action in PRESET_RECALLS:
            self.recall_preset(int(action.rsplit(".", 1)[1]))
        elif action.startswith("shot."):
            self.fire_shot(action.split(".", 1)[1])
        elif action == "stop.all":
            self.all_stop()
        elif action == "help.cheatsheet":
            self.cheat_sheet()

    @Slot(str)
    def release(self, action: str) -> None:
        held = self._held_moves if action in HELD_MOVES else self._held_zoom if action in HELD_ZOOM else None
        if held is None or action not in held:
            return
        held.discard(action)
        self._apply_held()

    @Slot()
    def release_all(self) -> None:
        """Focus lost or camera changed: whatever was held stops now."""
        if self._held_moves or self._held_zoom:
            self._held_moves.clear()
            self._held_zoom.clear()
            self._apply_held()

    def _hold(self, action: str) -> None:
        if self.selected is None or not self.may_move(self.selected):
            return
        (self._held_moves if action in HELD_MOVES else self._held_zoom).add(action)
        self._apply_held()

    def _apply_held(self) -> None:
        camera_id = self._driving if self._driving is not None else self.selected
        if camera_id is None:
            return
        controller = self.bridges[camera_id].controller
        pan = sum(HELD_MOVES[a][0] for a in self._held_moves)
        tilt = sum(HELD_MOVES[a][1] for a in self._held_moves)
        tilt_max = controller.profile.tilt_speed_max
        controller.drive(pan * self.pan_speed, tilt * min(self.pan_speed, tilt_max))
        zoom = sum(HELD_ZOOM[a] for a in self._held_zoom)
        controller.zoom(zoom, self.zoom_speed if zoom else None)
        self._driving = camera_id if (self._held_moves or self._held_zoom) else None

    # ---- discrete actions -------------------------------------------------------------------------
    def drive(self, pan: int, tilt: int) -> None:
        """The on-screen pad: signed unit directions, scaled by the speed control."""
        if self.selected is None or (pan or tilt) and not self.may_move(self.selected):
            return
        controller = self.bridges[self.selected].controller
        controller.drive(pan * self.pan_speed, tilt * min(self.pan_speed, controller.profile.tilt_speed_max))

    def recall_preset(self, number: int, camera_id: str | None = None) -> concurrent.futures.Future | None:
        """The recall's future; None if nothing was sent."""
        camera_id = camera_id or self.selected
        if camera_id is None or not self.may_move(camera_id):
            return None
        return self._guard(camera_id, lambda c: c.recall_preset(number))

    def save_preset(self, number: int, camera_id: str | None = None) -> concurrent.futures.Future | None:
        """Store where the camera is as preset ``number``; None if nothing was sent."""
        camera_id = camera_id or self.selected
        if camera_id is None:
            return None
        future = self._guard(camera_id, lambda c: c.save_preset(number))
        if future is not None:
            self.presetSaved.emit(camera_id, number)
        return future

    def clear_preset(self, number: int, camera_id: str | None = None) -> concurrent.futures.Future | None:
        camera_id = camera_id or self.selected
        return None if camera_id is None else self._guard(camera_id, lambda c: c.clear_preset(number))

    def fire_shot(self, key: str) -> None:
        found = self.shot_event_for(key)
        if found is None:
            self.notice.emit("info", self.tr("No shot is bound to %1").replace("%1", key))
            return
        event_id, shot = found
        recall = None
        if shot.camera is not None and shot.preset is not None:
            self.select(shot.camera)
            recall = self.recall_preset(shot.preset, shot.camera)
            if recall is None:
                return  # refused (another event's camera, a bad preset): no cut either
        self.shotFired.emit(event_id, shot, recall)

    def shot_for(self, key: str) -> Shot | None:
        """The shot ``key`` ("F1") fires now: the active event's, else another running event's."""
        found = self.shot_event_for(key)
        return None if found is None else found[1]

    def shot_event_for(self, key: str) -> tuple[str, Shot] | None:
        """The shot ``key`` fires now and the id of the event it belongs to."""
        return next(((e.id, e.shots[key]) for e in self._shot_events() if key in e.shots), None)

    def _shot_events(self) -> list:
        running = self.board.running()
        active = [e for e in running if e.id == self.board.active]
        return active + [e for e in running if e.id != self.board.active]

    def command(self, camera_id: str, action: Callable) -> None:
        """Any other single command (power, home, focus) on a camera, errors shown as notices."""
        self._guard(camera_id, action)

    def _guard(self, camera_id: str, action: Callable) -> concurrent.futures.Future | None:
        try:
            return action(self.bridges[camera_id].controller)
        except ValueError as exc:  # a bad preset number or speed: nothing was sent
            self.notice.emit("error", f"{self.names[camera_id]}: {said(exc)}")
            return None

    @Slot()
    def all_stop(self) -> None:
        self._held_moves.clear()
        self._held_zoom.clear()
        self._driving = None
        for bridge in self.bridges.values():
            bridge.controller.stop()
        self.notice.emit("warning", self.tr("ALL STOP sent to every camera"))

    @Slot(object)
    def _on_action_finished(self, record: ActionRecord) -> None:
        level = "log" if record.ok or record.result in NOT_ERRORS else "error"
        self.notice.emit(level, record_text(record))
