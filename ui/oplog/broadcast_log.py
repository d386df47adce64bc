"""The broadcast log of one OBS output: its bridge's snapshots become jobs on the operations-log worker.

The recording itself (what counts as a start, a drop, a cut) is ``models.oplog.broadcast_recorder``; this
glue only feeds it the bridge's ``stateChanged`` snapshots on the GUI thread (cheap: it hands jobs over and
never waits) and submits the jobs through ``OplogWorker.call``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Slot

from models.oplog.broadcast_recorder import BroadcastRecorder
from ui.common.bridge import ObsBridge
from ui.common.oplog_worker import OplogWorker


class BroadcastLog(QObject):
    """Logs what ``bridge`` (an OBS controller's) reports for the output ``output_id``.

    ``event_of()``: the operations-log id of the event the output streams for now, or None; ``staff()``:
    the logged-in staff member's id, or None. Both are read on the GUI thread when something starts or
    stops.
    """

    def __init__(
        self,
        output_id: str,
        bridge: ObsBridge,
        worker: OplogWorker,
        *,
        event_of: Callable[[], int | None],
        staff: Callable[[], int | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.output_id = output_id
        self._bridge = bridge
        self.recorder = BroadcastRecorder(output_id, worker.call, event_of=event_of, staff=staff)
        bridge.stateChanged.connect(self._observe)
        if bridge.state is not None:
            self.recorder.observe(bridge.state)  # a stream already on air when the console starts

    @Slot(object)
    def _observe(self, state: Any) -> None:
        self.recorder.observe(state)

    def detach(self) -> None:
        self._bridge.stateChanged.disconnect(self._observe)
