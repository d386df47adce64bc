"""The cameras as a Qt table model: one row per camera, columns for the health view,
roles for the camera-bank tiles."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QImage

from devices.records import Link
from devices.visca.answers import INQUIRY_WORDS
from devices.visca.state import CameraState, Motion
from ui.common.bridge import CameraBridge
from ui.common.wording import said

Index = QModelIndex | QPersistentModelIndex
TABLE_ROLES = frozenset(
    {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole}
)


class Role:
    CAMERA_ID = Qt.ItemDataRole.UserRole + 1
    STATE = Qt.ItemDataRole.UserRole + 2  # CameraState
    PREVIEW = Qt.ItemDataRole.UserRole + 3  # QImage or None
    PREVIEW_STATUS = Qt.ItemDataRole.UserRole + 4
    LOCATION = Qt.ItemDataRole.UserRole + 5
    OWNER = Qt.ItemDataRole.UserRole + 6  # title of the running event that owns the camera
    HOTKEY = Qt.ItemDataRole.UserRole + 7  # "1" … "9"
    TALLY = Qt.ItemDataRole.UserRole + 8  # Tally


class Tally(Enum):
    """What a camera's picture is doing in the programme; the tiles draw it as their border."""

    NONE = "none"
    PREVIEW = "preview"  # cued up next (green)
    PROGRAM = "program"  # on air (red)


@dataclass
class CameraRow:
    camera_id: str
    name: str
    location: str
    bridge: CameraBridge
    preview: QImage | None = None
    preview_status: str = ""
    decoding: str = ""  # how the preview is decoded (a Phrase, said when shown)
    owner: str = ""
    tally: Tally = Tally.NONE
    extra: dict = field(default_factory=dict)


class CameraListModel(QAbstractTableModel):
    COLUMNS = (
        "name",
        "link",
        "motion",
        "last_seen",
        "rtt",
        "errors",
        "timeouts",
        "power",
        "position",
        "zoom",
        "preset",
        "profile",
        "unsupported",
        "decoding",
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CameraRow] = []

    # ---- rows ------------------------------------------------------------------------------
    def add_camera(self, camera_id: str, name: str, location: str, bridge: CameraBridge) -> None:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(CameraRow(camera_id, name, location, bridge))
        self.endInsertRows()
        bridge.stateChanged.connect(lambda _state, cid=camera_id: self._changed(cid))

    def remove_camera(self, camera_id: str) -> None:
        row = self.row_of(camera_id)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def rename_camera(self, camera_id: str, name: str, location: str) -> None:
        row = self.row_of(camera_id)
        self._rows[row].name, self._rows[row].location = name, location
        self._changed(camera_id)

    def order(self, camera_ids: list[str]) -> None:
        """Put the rows in this order (the configuration's); tiles and hotkey numbers follow."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        cameras = [self._rows[index.row()].camera_id for index in persistent]
        self._rows.sort(key=lambda row: camera_ids.index(row.camera_id))
        self.changePersistentIndexList(
            persistent,
            [
                self.index(self.row_of(camera), index.column())
                for camera, index in zip(cameras, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def row_of(self, camera_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.camera_id == camera_id), -1)

    def camera(self, row: int) -> CameraRow:
        return self._rows[row]

    def cameras(self) -> list[CameraRow]:
        return list(self._rows)

    def set_preview(self, camera_id: str, image: QImage) -> None:
        row = self.row_of(camera_id)
        if row >= 0:
            self._rows[row].preview = image
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Role.PREVIEW])

    def set_preview_status(self, camera_id: str, message: str) -> None:
        self._update(camera_id, "preview_status", message, Role.PREVIEW_STATUS)

    def set_decoding(self, camera_id: str, how: str) -> None:
        self._update(camera_id, "decoding", how, Qt.ItemDataRole.DisplayRole)

    def set_owner(self, camera_id: str, owner: str) -> None:
        self._update(camera_id, "owner", owner, Role.OWNER)

    def set_tally(self, camera_id: str, tally: Tally) -> None:
        """Mark a camera on air (Tally.PROGRAM), cued (Tally.PREVIEW) or neither; every camera tile shows
        it."""
        if self.row_of(camera_id) < 0:
            raise KeyError(f"no camera {camera_id!r}")
        self._update(camera_id, "tally", Tally(tally), Role.TALLY)

    def name_of(self, camera_id: str) -> str:
        row = self.row_of(camera_id)
        return self._rows[row].name if row >= 0 else camera_id

    def _update(self, camera_id: str, attr: str, value: object, role: int) -> None:
        row = self.row_of(camera_id)
        if row >= 0 and getattr(self._rows[row], attr) != value:
            setattr(self._rows[row], attr, value)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1), [role])

    def _changed(self, camera_id: str) -> None:
        row = self.row_of(camera_id)
        if row >= 0:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    # ---- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[self.COLUMNS[section]]
        return None

    def _headers(self) -> dict[str, str]:
        """Asked each time: the interface language may change while the console runs."""
        return {
            "name": self.tr("Camera"),
            "link": self.tr("Link"),
            "motion": self.tr("Motion"),
            "last_seen": self.tr("Last seen"),
            "rtt": self.tr("Round trip"),
            "errors": self.tr("Errors"),
            "timeouts": self.tr("Timeouts"),
            "power": self.tr("Power"),
            "position": self.tr("Pan / tilt"),
            "zoom": self.tr("Zoom"),
            "preset": self.tr("Preset"),
            "profile": self.tr("Profile"),
            "unsupported": self.tr("Not answered"),
            "decoding": self.tr("Decoding"),
        }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role < Qt.ItemDataRole.UserRole and role not in TABLE_ROLES:
            return None  # a view measuring its cells asks for a dozen roles per cell: the rest say nothing
        row = self._rows[index.row()]
        state = row.bridge.state
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:  # the table's texts, asked most often: before the rest
            return self._text(row, state, column)
        roles = {
            Role.CAMERA_ID: row.camera_id,
            Role.STATE: state,
            Role.PREVIEW: row.preview,
            Role.PREVIEW_STATUS: row.preview_status,
            Role.LOCATION: row.location,
            Role.OWNER: row.owner,
            Role.TALLY: row.tally,
            Role.HOTKEY: str(index.row() + 1) if index.row() < 9 else "",
        }
        if role in roles:
            return roles[role]
        if role == Qt.ItemDataRole.ForegroundRole and column == "link" and state.link is not Link.ONLINE:
            return Qt.GlobalColor.red
        if role == Qt.ItemDataRole.ToolTipRole and column == "profile":
            return state.model or ""
        if role == Qt.ItemDataRole.ToolTipRole and column == "unsupported" and state.unsupported:
            return self.tr("The camera refused these inquiries; they are asked again when it reconnects")
        if role == Qt.ItemDataRole.ToolTipRole:
            return said(state.last_error or "")
        return None

    def _text(self, row: CameraRow, state: CameraState, column: str) -> str:
        health = state.health
        if column == "name":
            return row.name
        if column == "link":
            return self.link_text(state)
        if column == "motion":
            return self.motion_text(state)
        if column == "last_seen":
            if health.last_seen is None:
                return self.tr("never")
            return self.tr("%n s ago", "", int(time.time() - health.last_seen))
        if column == "rtt":
            return "" if health.rtt_ms is None else f"{health.rtt_ms:.0f} ms"
        if column == "errors":
            return str(health.errors)
        if column == "timeouts":
            return str(health.timeouts)
        if column == "power":
            return {True: self.tr("on"), False: self.tr("standby"), None: ""}[state.power]
        if column == "position":
            return "" if state.pan is None else f"{state.pan} / {state.tilt}"
        if column == "zoom":
            return "" if state.zoom is None else str(state.zoom)
        if column == "profile":
            return self.profile_text(state)
        if column == "decoding":
            return said(row.decoding)
        if column == "unsupported":
            return ", ".join(said(INQUIRY_WORDS.get(name, name)) for name in state.unsupported)
        return "" if state.last_preset is None else str(state.last_preset)

    def profile_text(self, state: CameraState) -> str:
        """``sony-brc-x400, ROM 0100`` and where it came from, when that is not the camera itself."""
        text = state.profile or ""
        if state.rom_revision is not None:
            text = self.tr("%1, ROM %2").replace("%1", text).replace("%2", f"{state.rom_revision:04X}")
        how = {
            "pending": self.tr("%1 (until the camera says)"),
            "fallback": self.tr("%1 (model not known)"),
            "configured": self.tr("%1 (configured)"),
        }.get(state.profile_source)
        return how.replace("%1", text) if how else text

    def link_text(self, state: CameraState) -> str:
        return {Link.OFFLINE: self.tr("offline"), Link.CONNECTING: self.tr("connecting")}.get(
            state.link, self.tr("online")
        )

    def motion_text(self, state: CameraState) -> str:
        """A preset recall or position move: under way, or arrived; "" otherwise."""
        if state.link is not Link.ONLINE:
            return ""
        return {Motion.MOVING: self.tr("moving"), Motion.ARRIVED: self.tr("arrived")}.get(state.motion, "")

    def state_text(self, state: CameraState) -> str:
        """One word for a tile: the link unless online, then the motion, else "online"."""
        return (state.link is Link.ONLINE and self.motion_text(state)) or self.link_text(state)
