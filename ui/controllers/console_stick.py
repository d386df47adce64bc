"""The joystick at the console: it drives the desk's selected camera under the desk's rules.

Threads. The poller's listeners (the driver) run on the joystick thread. Moves go from there
straight to the camera controller, whose ``drive``/``zoom``/``stop`` are thread-safe and only hand
the call to the device loop: no hop through the GUI thread, so a busy GUI never delays a stop.
Whether the stick may move the selected camera is decided on the GUI thread, with the keyboard's
rule (``OperatorDesk.may_move``), whenever the selection or the ownership changes and every second
(events start and end by the clock); the driver gets a new ``SelectedCamera`` each time (the old
camera stops first). A refused camera ignores the stick, and its first deflection asks the desk,
through a queued signal, to say why. Buttons (presets, camera select, shots, ALL STOP) hop to the
GUI thread through queued signals too and go through the desk's ``press``, as a key does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from devices.joystick.driver import JoystickDriver
from devices.joystick.poller import JoystickPoller
from devices.visca.controller import CameraController
from devices.visca.profiles import CameraProfile
from models.desk.hotkey_actions import HELD_ACTIONS
from ui.common.wording import said
from ui.controllers.stick_file import STEPS, StickSettings
from ui.desk.operator_desk import OperatorDesk

log = logging.getLogger(__name__)
RECHECK_MS = 1000


class SelectedCamera:
    """The driver's ``CameraControl`` for the camera selected when it was made (joystick thread)."""

    def __init__(self, controller: CameraController, allowed: bool, stick: ConsoleStick) -> None:
        self._controller = controller
        self._allowed = allowed
        self._stick = stick
        self._told = False

    @property
    def profile(self) -> CameraProfile:
        return self._controller.profile

    def drive(self, pan: int, tilt: int) -> None:
        if self._allowed:
            self._controller.drive(pan, tilt)
        else:
            self._refuse(bool(pan or tilt))

    def zoom(self, direction: int, speed: int | None = None) -> None:
        if self._allowed:
            self._controller.zoom(direction, speed)
        else:
            self._refuse(bool(direction))

    def _refuse(self, moving: bool) -> None:
        """Say why once per push of the stick (released: the next push says it again)."""
        if moving and not self._told:
            self._stick.refused.emit()
        self._told = moving

    def stop(self) -> None:
        if self._allowed:
            self._controller.stop()

    def recall_preset(self, n: int) -> None:
        self._stick.pressed.emit(f"preset.recall.{n}")  # the desk's rules and notices


class ConsoleStick(QObject):
    """Signals (emitted on the joystick thread, delivered queued on the GUI thread):
    pressed(str): a button's action, handed to ``press`` (where the keys' actions go) on the GUI thread.
    refused(): the stick was moved while the selected camera may not be.
    ``settings``: the workstation's mapping (stick_file.py), followed as it is saved.
    ``capturing``: True while Tools → Controllers… waits for a button to be pressed: buttons do nothing
    else then."""

    pressed = Signal(str)
    refused = Signal()

    def __init__(
        self,
        desk: OperatorDesk,
        poller: JoystickPoller,
        settings: StickSettings,
        press: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.poller = poller
        self._press = press
        self.capturing = False
        for problem in settings.problems:
            desk.notice.emit("error", problem)
        self.pressed.connect(self._on_pressed, Qt.ConnectionType.QueuedConnection)
        self.refused.connect(self._on_refused, Qt.ConnectionType.QueuedConnection)
        self.driver = JoystickDriver(
            poller, None, settings.mapping, on_action=self.pressed.emit, hat_speed=lambda: desk.pan_speed
        )
        self._allowed: tuple[str | None, bool] = (None, False)
        self.recheck()
        self.driver.attach()
        settings.mappingChanged.connect(self.driver.set_mapping)
        desk.selectionChanged.connect(self.recheck)
        desk.ownershipChanged.connect(self.recheck)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.recheck)
        self._timer.start(RECHECK_MS)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)

    @Slot()
    def recheck(self) -> None:
        """The selected camera and whether the stick may move it (GUI thread), quietly."""
        selected = self.desk.selected
        allowed = selected is not None and not self.desk.board.blocking(selected)
        if (selected, allowed) == self._allowed:
            return
        self._allowed = (selected, allowed)
        bridge = self.desk.bridges.get(selected) if selected is not None else None
        self.driver.set_camera(None if bridge is None else SelectedCamera(bridge.controller, allowed, self))

    @Slot(Qt.ApplicationState)
    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.driver.halt()

    @Slot(str)
    def _on_pressed(self, action: str) -> None:
        if self.capturing:
            log.info("joystick: %s not done, a button is being chosen", action)
        elif action in HELD_ACTIONS:  # a key holds them until its release; a button has no release here
            log.info("joystick: %s cannot be a button", action)
        elif action in STEPS:
            self._step(-1 if action == STEPS[0] else 1)
        else:
            self._press(action)

    def _step(self, by: int) -> None:
        ids = self.desk.camera_ids()
        if ids:
            at = ids.index(self.desk.selected) if self.desk.selected in ids else 0
            self.desk.select(ids[(at + by) % len(ids)])

    @Slot()
    def _on_refused(self) -> None:
        self.recheck()
        if self.desk.selected is not None:
            self.desk.may_move(self.desk.selected)  # the keyboard's notice: whose camera, how to take it

    def close(self) -> None:
        self._timer.stop()
        self.driver.detach()
        self.poller.close()


def start_joystick() -> tuple[JoystickPoller | None, list[str]]:
    """A running poller, or None and why (no SDL2 library, SDL cannot read joysticks here)."""
    try:
        return JoystickPoller().start(), []
    except (ImportError, OSError, RuntimeError) as exc:  # RuntimeError: sdl.SdlError
        why = QCoreApplication.translate("ConsoleStick", "No joystick or gamepad can be used: %1")
        return None, [why.replace("%1", said(exc))]
