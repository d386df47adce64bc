"""The broadcast desk's rules and actions: the OBS outputs, who may use them, and what a command did.

An output listed by a running event belongs to it (``models.desk.ownership``, device ``"obs:ID"``);
a command on an output of another running event than the one the operator works for is not sent —
``blocked`` asks for a take-over instead, made the way a camera's is (``OperatorDesk.share_take_overs``:
shared with the other desks and audited by the operations log). Commands run on the device thread;
a failure comes back as a notice in the operator's language.

Signals:
    notice(str level, str text): for the log pane and the banner.
    outputChanged(str output id, ObsState): an output's newest state.
    blocked(str output id, str sentence): the command was not sent; the output needs a take-over.
    takenOver(str output id): the take-over is in force.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from devices.obs.state import ObsState
from devices.records import ActionRecord
from models.config.schema import BroadcastConfig
from models.desk.ownership import TakeOver, broadcast_device
from ui.common.bridge import ObsBridge
from ui.common.device_words import record_text
from ui.common.wording import said
from ui.desk.operator_desk import OperatorDesk

COMMANDS = ("start_stream", "stop_stream", "start_record", "stop_record")


class BroadcastDesk(QObject):
    notice = Signal(str, str)
    outputChanged = Signal(str, object)
    blocked = Signal(str, str)
    takenOver = Signal(str)
    _failed = Signal(str, object)  # output id, the exception (from the device thread)

    def __init__(self, desk: OperatorDesk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.board = desk.board
        self.bridges: dict[str, ObsBridge] = {}
        self.names: dict[str, str] = {}
        self._failed.connect(self._on_failed)

    def add_output(self, output: BroadcastConfig, bridge: ObsBridge) -> None:
        self.bridges[output.id] = bridge
        self.names[output.id] = output.name
        bridge.stateChanged.connect(lambda state: self.outputChanged.emit(output.id, state))
        bridge.actionFinished.connect(self._on_action)
        bridge.noticed.connect(lambda notice: self.notice.emit(notice.level, said(notice.text)))

    def remove_output(self, output_id: str) -> ObsBridge:
        """Forget the output (its controller stays the caller's to close)."""
        bridge = self.bridges.pop(output_id)
        del self.names[output_id]
        bridge.detach()
        bridge.deleteLater()
        return bridge

    def state(self, output_id: str) -> ObsState:
        return self.bridges[output_id].state

    def states(self) -> list[ObsState]:
        return [bridge.state for bridge in self.bridges.values()]

    def output_of(self, event_id: str) -> str | None:
        """The output the event streams on, if it names one that runs here."""
        event = self.board.events.get(event_id)
        output = getattr(event, "broadcast", None)
        return output if output in self.bridges else None

    # ---- commands ------------------------------------------------------------------------------
    def cut(self, output_id: str, scene: str) -> concurrent.futures.Future | None:
        return self._send(output_id, lambda obs: obs.cut(scene))

    def command(self, output_id: str, name: str) -> concurrent.futures.Future | None:
        """``name``: one of ``COMMANDS``. None when nothing was sent."""
        if name not in COMMANDS:
            raise ValueError(name)
        return self._send(output_id, lambda obs: getattr(obs, name)())

    def owner_titles(self, output_id: str) -> str:
        """The running events the output belongs to now (a take-over included); "" when none."""
        return ", ".join(e.title for e in self.board.owners(broadcast_device(output_id)))

    def blocking_titles(self, output_id: str) -> str:
        """The running events the output belongs to, when it does not belong to the operator's; else ""."""
        return ", ".join(e.title for e in self.board.blocking(broadcast_device(output_id)))

    def _send(self, output_id: str, act: Callable) -> concurrent.futures.Future | None:
        titles = self.blocking_titles(output_id)
        if titles:
            self.blocked.emit(
                output_id,
                self.tr("%1 belongs to %2 — take it over first")
                .replace("%1", self.names[output_id])
                .replace("%2", titles),
            )
            return None
        try:
            future = act(self.bridges[output_id].controller)
        except ValueError as exc:  # nothing was sent
            self.notice.emit("error", f"{self.names[output_id]}: {said(exc)}")
            return None
        future.add_done_callback(lambda done: self._done(output_id, done))
        return future

    def _done(self, output_id: str, future: concurrent.futures.Future) -> None:  # device thread
        if not future.cancelled() and future.exception() is not None:
            self._failed.emit(output_id, future.exception())

    def _on_failed(self, output_id: str, error: BaseException) -> None:
        self.notice.emit("error", f"{self.names[output_id]}: {said(error)}")

    def _on_action(self, record: ActionRecord) -> None:
        if record.ok:  # a failure is said by ``_on_failed``, in the operator's language
            self.notice.emit("log", record_text(record))

    # ---- take-over -----------------------------------------------------------------------------
    def take_over(self, output_id: str) -> None:
        device = broadcast_device(output_id)
        try:
            takeover = self.board.propose(device)
        except ValueError as exc:  # no event chosen
            self.notice.emit("warning", said(exc))
            return

        def taken(takeovers: list[TakeOver]) -> None:
            for each in takeovers:
                self.board.record(each)
            if takeovers:
                active = self.board.events[takeover.by_event].title
                self.notice.emit(
                    "info",
                    self.tr("%1 taken over for %2")
                    .replace("%1", self.names[output_id])
                    .replace("%2", active),
                )
                self.takenOver.emit(output_id)
                self.desk.ownershipChanged.emit()

        self.desk.share_take_overs([takeover], {device: self.names[output_id]}, taken)

    def detach(self) -> None:
        for bridge in self.bridges.values():
            bridge.detach()
