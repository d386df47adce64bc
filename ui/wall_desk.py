"""The video wall's rules and actions, beside the camera desk: the same event board decides who
may change an output, and taking an output of another running event is explicit and logged.

Signals:
    notice(str level, str text): a non-modal message for the operator ("info", "warning", "error").
    actionRecorded(ActionRecord): every route, layout, display command and take-over, for the log
        pane and the audit trail (``Console.record_action``).
    outputResult(str wall id, int output, str why): a command for the output ended; ``why`` is ""
        when it worked, else what went wrong in the interface language ("parameter out of range (ERR 003)").
"""
from __future__ import annotations

import concurrent.futures
import time
from typing import Callable, Iterable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from devices.records import ActionRecord
from devices.wall.capabilities import Capability
from devices.wall.controller import WallController
from devices.wall.state import WallError, WallState
from models.config_schema import WallConfig, wall_output_id
from models.wording import QT_TRANSLATE_NOOP
from ui.bridge import WallBridge
from ui.desk import OperatorDesk
from ui.device_words import result_text
from ui.wording import said

LAYOUT_ACTION = "wall.layout."


class WallDesk(QObject):
    notice = Signal(str, str)
    actionRecorded = Signal(object)
    outputResult = Signal(str, int, str)
    _finished = Signal(str, object, object)   # device thread -> GUI: wall id, outputs, the command's future

    def __init__(self, desk: OperatorDesk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.board = desk.board
        self.walls: dict[str, WallConfig] = {}
        self.bridges: dict[str, WallBridge] = {}
        self.current: str | None = None        # the wall on screen: the layout hotkeys recall on it
        self._online: dict[str, bool] = {}
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def add_wall(self, wall: WallConfig, bridge: WallBridge) -> None:
        self.walls[wall.id] = wall
        self.bridges[wall.id] = bridge
        bridge.actionFinished.connect(self.actionRecorded)
        bridge.stateChanged.connect(lambda state, wall_id=wall.id: self._on_state(wall_id, state))
        self._on_state(wall.id, bridge.state)
        if self.current is None:
            self.current = wall.id

    def can(self, wall_id: str, capability: Capability) -> bool:
        return self.bridges[wall_id].controller.can(capability)

    # ---- rules --------------------------------------------------------------------------------
    def _blocked(self, wall_id: str, outputs: Iterable[int]) -> tuple[str, str]:
        """Names of the outputs other running events own, and those events' titles ("" when none)."""
        wall = self.walls[wall_id]
        names: list[str] = []
        titles: dict[str, None] = {}
        for output in outputs:
            blocking = self.board.blocking(wall_output_id(wall_id, output))
            if blocking:
                names.append(wall.outputs.get(output, str(output)))
                titles.update(dict.fromkeys(event.title for event in blocking))
        return ", ".join(names), ", ".join(titles)

    def take_over(self, wall_id: str, output: int) -> None:
        device = wall_output_id(wall_id, output)
        blocking = self.board.blocking(device)
        if not blocking:
            return
        try:
            takeover = self.board.take_over(device)
        except ValueError as exc:      # no active event chosen
            self.notice.emit("warning", said(exc))
            return
        wall = self.walls[wall_id]
        action = QT_TRANSLATE_NOOP("WallDesk", "take over {output} ({device}) from {owners} for {event}").format(
            output=wall.outputs.get(output, str(output)), device=device,
            owners=", ".join(e.title for e in blocking), event=self.board.events[takeover.by_event].title)
        self.actionRecorded.emit(ActionRecord(wall.name, action, "completed", time.time(), 0.0))
        self.desk.ownershipChanged.emit()

    # ---- actions ------------------------------------------------------------------------------
    def route(self, wall_id: str, output: int, input: int) -> None:
        names, titles = self._blocked(wall_id, [output])
        if names:
            self.notice.emit("warning", self.tr("%1 belongs to %2 — take it over first")
                             .replace("%1", names).replace("%2", titles))
            return
        canvas = self.walls[wall_id].canvas or 1

        def send(controller: WallController) -> concurrent.futures.Future:
            if controller.can(Capability.WINDOWS):
                return controller.set_window_source(canvas, output, input)
            return controller.route(input, output)
        self._send(wall_id, send, [output])

    def recall_layout(self, wall_id: str, number: int) -> None:
        wall = self.walls[wall_id]
        names, titles = self._blocked(wall_id, wall.outputs)
        if names:
            self.notice.emit("warning", self.tr("Layout %1 would change %2, owned by %3 — take over first")
                             .replace("%1", wall.layouts.get(number, str(number))).replace("%2", names)
                             .replace("%3", titles))
            return

        def send(controller: WallController) -> concurrent.futures.Future:
            if controller.can(Capability.LAYOUTS):
                return controller.recall_layout(wall.canvas or 1, number)
            return controller.recall_preset(number)
        self._send(wall_id, send, list(wall.outputs))

    def power(self, wall_id: str, on: bool) -> None:
        self._send(wall_id, lambda controller: controller.power(on), [])

    def select_input(self, wall_id: str, code: str) -> None:
        self._send(wall_id, lambda controller: controller.select_input(code), [])

    def layout_name(self, number: int) -> str | None:
        """The name of layout ``number`` of the wall on screen (what Alt+number recalls), if it has one."""
        wall = self.walls.get(self.current) if self.current is not None else None
        return None if wall is None else wall.layouts.get(number)

    @Slot(str)
    def press(self, action: str) -> None:
        """Hotkeys: ``wall.layout.N`` recalls layout N on the wall on screen."""
        if not action.startswith(LAYOUT_ACTION) or self.current is None:
            return
        number = int(action[len(LAYOUT_ACTION):])
        wall = self.walls[self.current]
        if number not in wall.layouts:
            self.notice.emit("info", self.tr("%1 has no layout %2").replace("%1", wall.name)
                             .replace("%2", str(number)))
            return
        self.recall_layout(wall.id, number)

    # ---- plumbing ---------------------------------------------------------------------------------
    def _send(self, wall_id: str, command: Callable[[WallController], concurrent.futures.Future],
              outputs: list[int]) -> None:
        try:
            future = command(self.bridges[wall_id].controller)
        except ValueError as exc:   # a number the device does not have, or a thing it cannot do: nothing sent
            self.notice.emit("error", f"{self.walls[wall_id].name}: {said(exc)}")
            return
        if outputs:
            future.add_done_callback(lambda done: self._finished.emit(wall_id, outputs, done))

    @Slot(str, object, object)
    def _on_finished(self, wall_id: str, outputs: list[int], future: concurrent.futures.Future) -> None:
        error = future.exception()
        why = "" if error is None else result_text(error.result) if isinstance(error, WallError) else said(error)
        for output in outputs:
            self.outputResult.emit(wall_id, output, why)

    def _on_state(self, wall_id: str, state: WallState) -> None:
        """Each time the device comes online, read back what it shows (another panel may have changed it)."""
        if state.online and not self._online.get(wall_id) and self.can(wall_id, Capability.ROUTE_QUERY):
            self.bridges[wall_id].controller.query_routes()
        self._online[wall_id] = state.online
