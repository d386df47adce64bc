"""What the Control API shows of the console, read on the GUI thread: the state lists of ``GET /api/state``
and the changes pushed to its WebSocket clients (so a Companion button lights up when its preset is
moving or has arrived, when a camera goes offline, takes the tally or an output goes on air).

The wall desk and the broadcast desk are siblings of this package (ui/wall, ui/broadcast): they are
read through the small Protocols below, which the console's parts fit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QModelIndex, QObject, QTimer, Slot

from devices.records import Link
from models.config.schema import Config, WallConfig
from ui.desk.camera_model import CameraListModel, Role
from ui.desk.operator_desk import OperatorDesk

Json = dict[str, Any]


class WallParts(Protocol):
    @property
    def walls(self) -> Mapping[str, WallConfig]: ...

    @property
    def bridges(self) -> Mapping[str, Any]: ...  # WallBridge: .state is a WallState

    @property
    def active_layouts(self) -> Mapping[str, int]: ...

    layoutChanged: Any  # Signal(str)

    def blocked(self, wall_id: str, outputs: Iterable[int]) -> tuple[str, str]: ...

    def route(self, wall_id: str, output: int, input: int) -> None: ...

    def recall_layout(self, wall_id: str, number: int) -> None: ...


class OutputParts(Protocol):
    @property
    def names(self) -> Mapping[str, str]: ...

    @property
    def bridges(self) -> Mapping[str, Any]: ...  # ObsBridge: .state is an ObsState

    outputChanged: Any  # Signal(str, ObsState)

    def blocking_titles(self, output_id: str) -> str: ...

    def cut(self, output_id: str, scene: str) -> Any: ...

    def command(self, output_id: str, name: str) -> Any: ...


class ConsoleView:
    """The console's parts the API reads and drives (GUI thread only)."""

    def __init__(
        self,
        desk: OperatorDesk,
        cameras: CameraListModel,
        walls: WallParts,
        outputs: OutputParts,
        config: Callable[[], Config],
    ) -> None:
        self.desk, self.cameras, self.walls, self.outputs, self.config = desk, cameras, walls, outputs, config

    def owner_titles(self, device: str) -> str:
        return ", ".join(e.title for e in self.desk.board.owners(device))

    def camera(self, camera_id: str) -> Json:
        desk = self.desk
        bridge = desk.bridges[camera_id]
        state, profile = bridge.state, bridge.controller.profile
        row = self.cameras.row_of(camera_id)
        named = next((c.presets for c in self.config().cameras if c.id == camera_id), {})
        return {
            "id": camera_id,
            "name": desk.names[camera_id],
            "number": desk.camera_ids().index(camera_id) + 1,
            "selected": desk.selected == camera_id,
            "online": state.link is Link.ONLINE,
            "motion": state.motion.value,
            "preset": state.last_preset,
            "target": state.target_preset,
            "tally": self.cameras.camera(row).tally.value if row >= 0 else "none",
            "owner": self.owner_titles(camera_id),
            "may_move": not desk.board.blocking(camera_id),
            "presets": {str(n): name for n, name in sorted(named.items())},
            "preset_range": [profile.preset_min, profile.preset_max],
        }

    def wall(self, wall_id: str) -> Json:
        wall, state = self.walls.walls[wall_id], self.walls.bridges[wall_id].state
        return {
            "id": wall_id,
            "name": wall.name,
            "online": state.link is Link.ONLINE,
            "layout": self.walls.active_layouts.get(wall_id),
            "layouts": {str(n): name for n, name in sorted(wall.layouts.items())},
            "outputs": {str(n): name for n, name in sorted(wall.outputs.items())},
            "sources": {str(n): name for n, name in sorted(wall.sources.items())},
        }

    def output(self, output_id: str) -> Json:
        state = self.outputs.bridges[output_id].state
        return {
            "id": output_id,
            "name": self.outputs.names[output_id],
            "online": state.online,
            "on_air": state.on_air.value,
            "streaming": state.streaming,
            "recording": state.is_recording,
            "scene": state.program_scene,
            "scenes": list(state.scenes),
            "owner": self.owner_titles(f"obs:{output_id}"),
        }

    def events(self) -> list[Json]:
        board = self.desk.board
        running = {e.id for e in board.running()}
        return [
            {"id": e.id, "title": e.title, "running": e.id in running, "active": e.id == board.active}
            for e in board.events.values()
        ]

    def state(self) -> Json:
        return {
            "cameras": [self.camera(c) for c in self.desk.camera_ids()],
            "walls": [self.wall(w) for w in self.walls.walls if w in self.walls.bridges],
            "outputs": [self.output(o) for o in self.outputs.bridges],
            "events": self.events(),
        }


CLOCK_MS = 1000
PUSHED_CAMERA = ("online", "motion", "preset", "target", "tally", "owner", "may_move", "selected")
PUSHED_OUTPUT = ("online", "on_air", "streaming", "recording", "scene", "owner")


class StatePusher(QObject):
    """Sends ``publish`` an event for every change a button may show; each item only when it changed."""

    def __init__(
        self, view: ConsoleView, publish: Callable[[Json], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self._publish = publish
        self._sent: dict[tuple[str, str], Json] = {}
        desk = view.desk
        for signal in (desk.cameraStateChanged, desk.ownershipChanged, desk.selectionChanged):
            signal.connect(self.refresh)
        view.cameras.dataChanged.connect(self._on_rows)
        view.outputs.outputChanged.connect(self.refresh)
        view.walls.layoutChanged.connect(self.refresh)
        self._clock = QTimer(self)  # events start and end by the clock, without a signal
        self._clock.timeout.connect(self.refresh)
        self._clock.start(CLOCK_MS)
        self.refresh()

    @Slot(QModelIndex, QModelIndex, list)
    def _on_rows(self, _first: QModelIndex, _last: QModelIndex, roles: list[int]) -> None:
        if Role.TALLY in roles or Role.OWNER in roles:  # not the previews' frames
            self.refresh()

    @Slot()
    def refresh(self, *_changed: object) -> None:
        view = self.view
        for camera_id in view.desk.camera_ids():
            whole = view.camera(camera_id)
            self._send("camera", camera_id, {k: whole[k] for k in PUSHED_CAMERA})
        for output_id in view.outputs.bridges:
            whole = view.output(output_id)
            self._send("output", output_id, {k: whole[k] for k in PUSHED_OUTPUT})
        for wall_id in view.walls.bridges:
            whole = view.wall(wall_id)
            self._send("wall", wall_id, {"online": whole["online"], "layout": whole["layout"]})
        self._send("events", "", {"events": view.events()})

    def _send(self, kind: str, item: str, fields: Json) -> None:
        if self._sent.get((kind, item)) != fields:
            self._sent[(kind, item)] = fields
            self._publish({"type": kind, **({kind: item} if item else {}), **fields})
