"""The video wall's rules and actions, beside the camera desk: the same event board decides who
may change an output, and taking an output of another running event is explicit and logged.

Signals:
    notice(str level, str text): a non-modal message for the operator ("info", "warning", "error").
    actionRecorded(ActionRecord): every route, layout, display command and take-over, for the log
        pane and the audit trail (``Console.record_action``).
    outputResult(str wall id, int output, str why): a command for the output ended; ``why`` is ""
        when it worked, else what went wrong in the interface language ("parameter out of range (ERR 003)").
    layoutChanged(str wall id): the wall's active layout (``active_layouts``) or the offer to take over
        and recall a layout (``offer``) changed.

A layout changes every screen of the wall. When some belong to another running event, recalling it
offers "take over and recall" (``offer``); the button, or the same layout's key or button again
within ``OFFER_SECONDS``, takes over each of those screens (logged one by one) and recalls it.
The layout recalled last is the wall's active one until a screen is routed by hand to another source.
"""

from __future__ import annotations

import concurrent.futures
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QMetaObject, QObject, Qt, QTimer, Signal, Slot

from common.wording import QT_TRANSLATE_NOOP
from devices.records import ActionRecord
from devices.wall.capabilities import Capability
from devices.wall.controller import WallController
from devices.wall.state import WallError, WallState
from models.config.schema import WallConfig, wall_output_id
from models.desk.ownership import EventLike, TakeOver
from ui.common.bridge import WallBridge
from ui.common.device_words import result_text
from ui.common.wording import said
from ui.desk.operator_desk import OperatorDesk
from ui.wall.outputs_model import routed_input

LAYOUT_ACTION = "wall.layout."
OFFER_SECONDS = 10


class WallDesk(QObject):
    notice = Signal(str, str)
    actionRecorded = Signal(object)
    outputResult = Signal(str, int, str)
    layoutChanged = Signal(str)
    _finished = Signal(str, object, object, object)  # device thread -> GUI: wall id, outputs, layout, future

    def __init__(self, desk: OperatorDesk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.board = desk.board
        self.walls: dict[str, WallConfig] = {}
        self.bridges: dict[str, WallBridge] = {}
        self.current: str | None = None  # the wall on screen: the layout hotkeys recall on it
        self.active_layouts: dict[str, int] = {}  # wall id -> the layout its screens show
        self.offer: tuple[str, int] | None = None  # (wall id, layout) waiting for "take over and recall"
        self._offer_timer = QTimer(self, singleShot=True, interval=OFFER_SECONDS * 1000)
        self._offer_timer.timeout.connect(self.cancel_offer)
        self._online: dict[str, bool] = {}
        self._links: dict[str, list[QMetaObject.Connection]] = {}  # wall id -> its bridge's connections here
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def add_wall(self, wall: WallConfig, bridge: WallBridge) -> None:
        self.walls[wall.id] = wall
        self.bridges[wall.id] = bridge
        self._links[wall.id] = [
            bridge.actionFinished.connect(self.actionRecorded),
            bridge.stateChanged.connect(lambda state, wall_id=wall.id: self._on_state(wall_id, state)),
        ]
        self._on_state(wall.id, bridge.state)
        if self.current is None:
            self.current = wall.id

    def remove_wall(self, wall_id: str) -> WallBridge:
        """Forget a wall (gone from the configuration, or about to be restarted); returns its bridge."""
        if self.offer is not None and self.offer[0] == wall_id:
            self.cancel_offer()
        del self.walls[wall_id]
        for link in self._links.pop(wall_id):
            QObject.disconnect(link)
        self.active_layouts.pop(wall_id, None)
        self._online.pop(wall_id, None)
        if self.current == wall_id:
            self.current = next(iter(self.walls), None)
        return self.bridges.pop(wall_id)

    def can(self, wall_id: str, capability: Capability) -> bool:
        return self.bridges[wall_id].controller.can(capability)

    # ---- rules --------------------------------------------------------------------------------
    def blocked(self, wall_id: str, outputs: Iterable[int]) -> tuple[str, str]:
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
        if self.board.blocking(device):
            self._take_over(wall_id, [device])

    def take_over_and_recall(self, wall_id: str, number: int) -> None:
        """Take over every screen of the wall another running event holds (each logged), then recall the
        layout."""
        self.cancel_offer()
        self._take_over(
            wall_id,
            [wall_output_id(wall_id, output) for output in self.walls[wall_id].outputs],
            lambda: self._recall(wall_id, number),
        )

    def _take_over(self, wall_id: str, devices: list[str], then: Callable[[], None] = lambda: None) -> None:
        """Take over those of ``devices`` other running events hold, all or none (the operations log may
        refuse, naming who has one), then ``then()``; nothing happens when no event is chosen."""
        wall = self.walls[wall_id]
        outputs = {wall_output_id(wall_id, output): output for output in wall.outputs}
        blocking = {device: self.board.blocking(device) for device in devices}
        try:
            takeovers = self.board.propose_all(devices)
        except ValueError as exc:  # no active event chosen: nothing taken, nothing sent
            self.notice.emit("warning", said(exc))
            return

        def taken(takeovers: list[TakeOver]) -> None:
            for takeover in takeovers:
                self.board.record(takeover)
                self._record_take_over(wall, outputs[takeover.device], takeover, blocking[takeover.device])
            if takeovers:
                self.desk.ownershipChanged.emit()
            then()

        names = {
            device: f"{wall.name}: {wall.outputs.get(output, str(output))}"
            for device, output in outputs.items()
        }
        self.desk.share_take_overs(takeovers, names, taken, audited=True)

    def _record_take_over(
        self, wall: WallConfig, output: int, takeover: TakeOver, owners: list[EventLike]
    ) -> None:
        action = QT_TRANSLATE_NOOP(
            "WallDesk", "take over {output} ({device}) from {owners} for {event}"
        ).format(
            output=wall.outputs.get(output, str(output)),
            device=takeover.device,
            owners=", ".join(e.title for e in owners),
            event=self.board.events[takeover.by_event].title,
        )
        self.actionRecorded.emit(ActionRecord(wall.name, action, "completed", time.time(), 0.0))

    # ---- actions ------------------------------------------------------------------------------
    def route(self, wall_id: str, output: int, input: int) -> None:
        names, titles = self.blocked(wall_id, [output])
        if names:
            self.notice.emit(
                "warning",
                self.tr("%1 belongs to %2 — take it over first").replace("%1", names).replace("%2", titles),
            )
            return
        canvas = self.walls[wall_id].canvas or 1

        def send(controller: WallController) -> concurrent.futures.Future:
            if controller.can(Capability.WINDOWS):
                return controller.set_window_source(canvas, output, input)
            return controller.route(input, output)

        if (
            self._send(wall_id, send, [output])
            and routed_input(self.bridges[wall_id], output, canvas) != input
        ):
            self._set_active_layout(wall_id, None)  # the screen leaves the layout

    def recall_layout(self, wall_id: str, number: int) -> None:
        """Recall at once when every screen is free or ours; else offer to take over and recall (asked again:
        do it)."""
        wall = self.walls[wall_id]
        names, titles = self.blocked(wall_id, wall.outputs)
        if not names:
            self.cancel_offer()
            self._recall(wall_id, number)
        elif self.offer == (wall_id, number):
            self.take_over_and_recall(wall_id, number)
        else:
            self.offer = (wall_id, number)
            self._offer_timer.start()
            self.layoutChanged.emit(wall_id)
            self.notice.emit(
                "warning",
                self.tr(
                    "Layout %1 would change %2, owned by %3: press its key or button "
                    "again, or click “Take over and recall”"
                )
                .replace("%1", self.layout_name(wall_id, number))
                .replace("%2", names)
                .replace("%3", titles),
            )

    @Slot()
    def cancel_offer(self) -> None:
        if self.offer is not None:
            wall_id, self.offer = self.offer[0], None
            self._offer_timer.stop()
            self.layoutChanged.emit(wall_id)

    def layout_name(self, wall_id: str, number: int) -> str:
        return self.walls[wall_id].layouts.get(number, str(number))

    def _recall(self, wall_id: str, number: int) -> None:
        wall = self.walls[wall_id]

        def send(controller: WallController) -> concurrent.futures.Future:
            if controller.can(Capability.LAYOUTS):
                return controller.recall_layout(wall.canvas or 1, number)
            return controller.recall_preset(number)

        self._send(wall_id, send, list(wall.outputs), layout=number)

    def _set_active_layout(self, wall_id: str, number: int | None) -> None:
        if self.active_layouts.get(wall_id) != number:
            if number is None:
                del self.active_layouts[wall_id]
            else:
                self.active_layouts[wall_id] = number
            self.layoutChanged.emit(wall_id)

    def power(self, wall_id: str, on: bool) -> None:
        self._send(wall_id, lambda controller: controller.power(on), [])

    def select_input(self, wall_id: str, code: str) -> None:
        self._send(wall_id, lambda controller: controller.select_input(code), [])

    @Slot(str)
    def press(self, action: str) -> None:
        """Hotkeys: ``wall.layout.N`` recalls layout N on the wall on screen."""
        if not action.startswith(LAYOUT_ACTION) or self.current is None:
            return
        number = int(action[len(LAYOUT_ACTION) :])
        wall = self.walls[self.current]
        if number not in wall.layouts:
            self.notice.emit(
                "info", self.tr("%1 has no layout %2").replace("%1", wall.name).replace("%2", str(number))
            )
            return
        self.recall_layout(wall.id, number)

    # ---- plumbing ---------------------------------------------------------------------------------
    def _send(
        self,
        wall_id: str,
        command: Callable[[WallController], concurrent.futures.Future],
        outputs: list[int],
        layout: int | None = None,
    ) -> bool:
        """Send ``command``; False when it was refused before sending. ``layout``: the layout it recalls."""
        try:
            future = command(self.bridges[wall_id].controller)
        except ValueError as exc:  # a number the device does not have, or a thing it cannot do: nothing sent
            self.notice.emit("error", f"{self.walls[wall_id].name}: {said(exc)}")
            return False
        if outputs:
            future.add_done_callback(lambda done: self._finished.emit(wall_id, outputs, layout, done))
        return True

    @Slot(str, object, object, object)
    def _on_finished(
        self, wall_id: str, outputs: list[int], layout: int | None, future: concurrent.futures.Future
    ) -> None:
        if wall_id not in self.walls:  # removed from the configuration meanwhile
            return
        error = future.exception()
        why = (
            ""
            if error is None
            else result_text(error.result)
            if isinstance(error, WallError)
            else said(error)
        )
        for output in outputs:
            self.outputResult.emit(wall_id, output, why)
        if layout is not None:
            self._set_active_layout(wall_id, layout if error is None else None)

    def _on_state(self, wall_id: str, state: WallState) -> None:
        """Each time the device comes online, read back what it shows (another panel may have changed it)."""
        if state.online and not self._online.get(wall_id) and self.can(wall_id, Capability.ROUTE_QUERY):
            self.bridges[wall_id].controller.query_routes()
        self._online[wall_id] = state.online
