"""The video wall as Qt models: its outputs (or a wall processor's windows) with the source each
shows and the event that owns it, and its sources, which the operator drags onto an output.

A dragged source travels as ``SOURCE_MIME`` data naming the wall and the input number, so a
drop can never route a source of one wall onto another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QMimeData, QModelIndex, QObject, QPersistentModelIndex, Qt

from devices.records import Link
from devices.wall.capabilities import Capability
from models.config.schema import WallConfig, wall_output_id
from models.desk.ownership import EventBoard
from ui.common.bridge import WallBridge
from ui.common.wording import said

Index = QModelIndex | QPersistentModelIndex
SOURCE_MIME = "application/x-smartcentre-wall-source"


def source_mime(wall_id: str, input: int) -> QMimeData:
    mime = QMimeData()
    mime.setData(SOURCE_MIME, f"{wall_id}\n{input}".encode())
    return mime


def routed_input(bridge: WallBridge, output: int, canvas: int) -> int | None:
    """The input the output (a window of ``canvas`` on a wall processor) shows as far as known; 0 none, None
    unknown."""
    state = bridge.state
    if bridge.controller.can(Capability.WINDOWS):
        return state.windows.get((canvas, output))
    return state.routes.get(output)


def read_source_mime(mime: QMimeData, wall_id: str) -> int | None:
    """The input number a drag carries for ``wall_id``; None for anything else."""
    if not mime.hasFormat(SOURCE_MIME):
        return None
    wall, _newline, number = bytes(mime.data(SOURCE_MIME).data()).decode().partition("\n")
    return int(number) if wall == wall_id and number.isdigit() else None


class WallRole:
    NUMBER = Qt.ItemDataRole.UserRole + 1  # output (window) number; on the source list: the input number
    INPUT = Qt.ItemDataRole.UserRole + 2  # the input routed to it: 0 none, None not known yet
    SOURCE = Qt.ItemDataRole.UserRole + 3  # that input's name
    CAMERA = Qt.ItemDataRole.UserRole + 4  # the camera id whose picture that input is, or ""
    OWNER = Qt.ItemDataRole.UserRole + 5  # titles of the running events that own the output
    BLOCKED = Qt.ItemDataRole.UserRole + 6  # True: it belongs to another running event, not the active one
    PROBLEM = (
        Qt.ItemDataRole.UserRole + 7
    )  # why it needs attention (device offline, last command failed) or ""


@dataclass
class OutputRow:
    number: int
    name: str
    device: str  # "wall-id:3", the id the event board knows the output by
    owner: str = ""
    blocked: bool = False
    failure: str = ""  # why the last command for this output failed; "" when it did not


class WallOutputsModel(QAbstractListModel):
    def __init__(
        self,
        wall: WallConfig,
        bridge: WallBridge,
        source_cameras: dict[int, str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.wall = wall
        self.bridge = bridge
        self.source_cameras = source_cameras
        self._rows = [
            OutputRow(number, name, wall_output_id(wall.id, number)) for number, name in wall.outputs.items()
        ]
        bridge.stateChanged.connect(self._changed)

    def row_of(self, number: int) -> int:
        return next((i for i, row in enumerate(self._rows) if row.number == number), -1)

    def output(self, row: int) -> OutputRow:
        return self._rows[row]

    def refresh_owners(self, board: EventBoard) -> None:
        for row in self._rows:
            owner = ", ".join(event.title for event in board.owners(row.device))
            blocked = bool(board.blocking(row.device))
            if (owner, blocked) != (row.owner, row.blocked):
                row.owner, row.blocked = owner, blocked
                self._changed()

    def set_failure(self, number: int, failure: str) -> None:
        row = self.row_of(number)
        if row >= 0 and self._rows[row].failure != failure:
            self._rows[row].failure = failure
            self.dataChanged.emit(self.index(row), self.index(row))

    def routed_input(self, number: int) -> int | None:
        return routed_input(self.bridge, number, self.wall.canvas or 1)

    def source_name(self, input: int | None) -> str:
        if input is None:
            return self.tr("unknown")
        if input == 0:
            return self.tr("(nothing)")
        return self.wall.sources.get(input) or self.tr("Input %1").replace("%1", str(input))

    def problem(self, row: OutputRow) -> str:
        state = self.bridge.state
        if state.link is Link.OFFLINE:
            return self.tr("offline: %1").replace(
                "%1", said(state.last_error) if state.last_error else self.tr("no connection")
            )
        return row.failure

    def _changed(self, *_state: object) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    # ---- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.name
        if role == WallRole.NUMBER:
            return row.number
        if role == WallRole.OWNER:
            return row.owner
        if role == WallRole.BLOCKED:
            return row.blocked
        if role == WallRole.PROBLEM:
            return self.problem(row)
        input = self.routed_input(row.number)
        if role == WallRole.INPUT:
            return input
        if role == WallRole.SOURCE:
            return self.source_name(input)
        if role == WallRole.CAMERA:
            return "" if input is None else self.source_cameras.get(input, "")
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [row.name, self.source_name(input), row.owner or self.tr("no event"), self.problem(row)]
            return " — ".join(part for part in parts if part)
        return None


class WallSourcesModel(QAbstractListModel):
    """The wall's named inputs, dragged from a list onto the canvas."""

    def __init__(self, wall: WallConfig, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.wall = wall
        self._sources = list(wall.sources.items())

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._sources)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._sources):
            return None
        number, name = self._sources[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{number}  {name}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Input %1 — drag it onto a screen of the wall").replace("%1", str(number))
        if role == WallRole.NUMBER:
            return number
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [SOURCE_MIME]

    # Qt's mimeData may return nullptr (no drag); PySide6's stub forgets the None
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        valid = [index for index in indexes if index.isValid()]
        if not valid:
            return None
        return source_mime(self.wall.id, self._sources[valid[0].row()][0])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction
