"""Events panel: which events run now, their cameras and shots, the event the operator works for,
and the explicit take-over of a camera that belongs to another running event."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from models.config.schema import Shot
from models.desk.ownership import EventBoard
from ui.desk.operator_desk import OperatorDesk

Index = QModelIndex | QPersistentModelIndex


class EventsModel(QAbstractTableModel):
    def __init__(self, board: EventBoard, names: dict[str, str], parent=None) -> None:
        super().__init__(parent)
        self.board = board
        self.names = names

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def event_at(self, row: int):
        return list(self.board.events.values())[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.board.events)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None

    def _headers(self) -> list[str]:
        """Asked each time: the interface language may change while the console runs."""
        return [self.tr("Event"), self.tr("Place"), self.tr("Status"), self.tr("Cameras"), self.tr("Shots")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        event = self.event_at(index.row())
        running = self.board.is_running(event.id)
        if role == Qt.ItemDataRole.BackgroundRole and event.id == self.board.active:
            return QColor("#1b5e20")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return event.title
        if column == 1:
            return event.location
        if column == 2:
            status = self.tr("running") if running else self.tr("not running")
            return status + (self.tr(" · active") if event.id == self.board.active else "")
        if column == 3:
            return ", ".join(self.names.get(c, c) for c in event.cameras)
        return ", ".join(f"{key}→{self._shot(shot)}" for key, shot in event.shots.items())

    def _shot(self, shot: Shot) -> str:
        camera = "" if shot.camera is None else f"{self.names.get(shot.camera, shot.camera)} #{shot.preset}"
        return " ▸ ".join(part for part in (camera, shot.scene or "") if part)


class EventsPanel(QWidget):
    """Signals: changed() after anything that may change which event owns a camera."""

    changed = Signal()

    def __init__(self, desk: OperatorDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.board = desk.board
        self.model = EventsModel(self.board, desk.names, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.active = QComboBox()
        self.active.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.active.currentIndexChanged.connect(self._on_active)
        start = QPushButton(self.tr("Start event"))
        end = QPushButton(self.tr("End event"))
        take = QPushButton(self.tr("Take over selected camera (Ctrl+T)"))
        for button in (start, end, take):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # what Start and End do with an event id; the operations log replaces them for its own events
        self.start_event: Callable[[str], None] = self.board.start
        self.end_event: Callable[[str], None] = self.board.end
        start.clicked.connect(lambda: self._on_row(self.start_event))
        end.clicked.connect(lambda: self._on_row(self.end_event))
        take.clicked.connect(lambda: self.desk.take_over())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("I am working for:")))
        top.addWidget(self.active, 1)
        buttons = QHBoxLayout()  # a row of their own: the panel fits the dock column beside the cameras
        for button in (start, end, take):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        desk.ownershipChanged.connect(self.refresh)
        self._running: list[bool] = []  # which events ran at the last refresh
        self._clock = QTimer(self, interval=30_000)  # events start and end by the clock
        self._clock.timeout.connect(self._on_clock)
        self._clock.start()
        self.refresh()

    def _on_clock(self) -> None:
        """Refresh when an event started or ended by the clock (a refresh rebuilds the panel)."""
        if self._running_now() != self._running:
            self.refresh()

    def _running_now(self) -> list[bool]:
        return [self.board.is_running(event_id) for event_id in self.board.events]

    def refresh(self) -> None:
        self._running = self._running_now()
        self.active.blockSignals(True)
        self.active.clear()
        self.active.addItem(self.tr("(no event)"), None)
        for event in self.board.events.values():
            self.active.addItem(event.title, event.id)
        self.active.setCurrentIndex(max(0, self.active.findData(self.board.active)))
        self.active.blockSignals(False)
        self.model.refresh()
        self.changed.emit()

    def _on_active(self, _index: int) -> None:
        self.board.active = self.active.currentData()
        self.desk.ownershipChanged.emit()

    def _on_row(self, action) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            action(self.model.event_at(index.row()).id)
            self.desk.ownershipChanged.emit()
