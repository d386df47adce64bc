"""The stick drives a camera: poller → mapping → a camera control (docs/joystick.md "Driving").

One stick drives at a time (the mapping's ``device``, or the first one connected). Its moves go
into the camera's latest-wins drive only when the speeds change, so a stick polled at 120 Hz sends
one call per new speed and the camera session coalesces what arrives while a message is on the wire.
Released (back in the dead zone): one stop. Unplugged, a camera change or ``halt()`` (the window
lost the focus): the moving axes stop at once, and the stick must come back to rest before it drives
again, so a stick still held does not restart the camera.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

from devices.joystick.mapping import STILL, Drive, StickMapping, at_rest, drive_for, pressed_actions
from devices.joystick.poller import JoystickPoller
from devices.joystick.states import StickAdded, StickRemoved, StickState

log = logging.getLogger(__name__)
PRESET_RECALL = "preset.recall."
STOP_ALL = "stop.all"


class SpeedRange(Protocol):
    @property
    def pan_speed_max(self) -> int: ...
    @property
    def tilt_speed_max(self) -> int: ...


class CameraControl(Protocol):
    """What the stick drives: a ``CameraController``, or the console's desk, which applies its
    ownership rules and sends to the camera it has selected. Calls come on the poller's thread."""

    @property
    def profile(self) -> SpeedRange: ...
    def drive(self, pan: int, tilt: int) -> None: ...
    def zoom(self, direction: int, speed: int | None = None) -> None: ...
    def stop(self) -> None: ...
    def recall_preset(self, n: int) -> Any: ...


class JoystickDriver:
    """``on_action(name)`` takes the button actions that are not the camera's own (camera select,
    previous and next, shots, ALL STOP: the desk's ``press``); without it ALL STOP stops ``camera``
    and the others are ignored. ``hat_speed()`` is the console's current speed for the hat."""

    def __init__(
        self,
        poller: JoystickPoller,
        camera: CameraControl | None,
        mapping: StickMapping | None = None,
        *,
        on_action: Callable[[str], None] | None = None,
        hat_speed: Callable[[], int] | None = None,
    ) -> None:
        self._poller = poller
        self._camera = camera
        self.mapping = mapping or StickMapping()
        self._on_action = on_action
        self._hat_speed = hat_speed
        self._lock = threading.RLock()
        self.stick: int | None = None  # the instance id of the stick that drives
        self._last: StickState | None = None
        self._sent = STILL
        self._resting = False  # after a stop not asked by the stick: wait for it to come back to rest
        self.calls = 0  # drive and zoom calls made: what the stick asked of the camera

    def attach(self) -> JoystickDriver:
        self._poller.add_listener(self._on_report)
        with self._lock:
            for state in self._poller.sticks():
                self._take(state)
        return self

    def detach(self) -> None:
        self._poller.remove_listener(self._on_report)
        self.halt()

    def set_camera(self, camera: CameraControl | None) -> None:
        """Another camera selected: the one being driven stops first."""
        with self._lock:
            if camera is not self._camera:
                self.halt()
                self._camera = camera

    def set_mapping(self, mapping: StickMapping) -> None:
        with self._lock:
            self.halt()
            self.mapping = mapping
            self.stick = None
            for state in self._poller.sticks():
                self._take(state)

    def halt(self) -> None:
        """Stop what the stick is driving (the window lost the focus, the operator changed camera)."""
        with self._lock:
            self._stop_moving()
            self._resting = self._last is not None and not at_rest(self._last, self.mapping)

    # ---- the poller's reports (its thread) ------------------------------------------------------
    def _on_report(self, item: object) -> None:
        with self._lock:
            if isinstance(item, StickRemoved):
                self._removed(item)
            elif isinstance(item, StickAdded):
                self._take(item.state)
            elif isinstance(item, StickState) and item.id == self.stick:
                self._follow(item)

    def _take(self, state: StickState) -> None:
        if self.stick is None and self.mapping.device.casefold() in state.name.casefold():
            self.stick, self._last = state.id, state
            self._resting = not at_rest(state, self.mapping)  # held when plugged in: not a command

    def _removed(self, gone: StickRemoved) -> None:
        if gone.id != self.stick:
            return
        self._stop_moving()
        self.stick, self._last, self._resting = None, None, False
        for state in self._poller.sticks():
            self._take(state)

    def _follow(self, state: StickState) -> None:
        before, self._last = self._last, state
        for action in pressed_actions(before, state, self.mapping):
            self._act(action)
        camera = self._camera
        if camera is None:
            return
        speeds = camera.profile
        hat = self._hat_speed() if self._hat_speed is not None else None
        wanted = drive_for(state, self.mapping, speeds.pan_speed_max, speeds.tilt_speed_max, hat)
        if self._resting:
            self._resting = not at_rest(state, self.mapping)
            return
        self._send(camera, wanted)

    def _act(self, action: str) -> None:
        camera = self._camera
        if action.startswith(PRESET_RECALL) and action[len(PRESET_RECALL) :].isdigit():
            if camera is not None:
                camera.recall_preset(int(action[len(PRESET_RECALL) :]))
        elif action == STOP_ALL:
            self._sent = STILL  # ALL STOP sends the stops; a stick still held waits for rest
            self._resting = not at_rest(self._last, self.mapping) if self._last is not None else False
            if self._on_action is not None:
                self._on_action(action)
            elif camera is not None:
                camera.stop()
        elif self._on_action is not None:
            self._on_action(action)
        else:
            log.info("joystick: %s has nobody to do it", action)

    def _send(self, camera: CameraControl, wanted: Drive) -> None:
        if (wanted.pan, wanted.tilt) != (self._sent.pan, self._sent.tilt):
            camera.drive(wanted.pan, wanted.tilt)
            self.calls += 1
        if (wanted.zoom, wanted.zoom_speed) != (self._sent.zoom, self._sent.zoom_speed):
            camera.zoom(wanted.zoom, wanted.zoom_speed if wanted.zoom else None)
            self.calls += 1
        self._sent = wanted

    def _stop_moving(self) -> None:
        if self._camera is not None and self._sent != STILL:
            self._send(self._camera, STILL)
        self._sent = STILL
