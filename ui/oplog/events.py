"""The event schedule dock: today's events from the operations log (and any still running), with
their places, devices and stream; start and end them; and below, the form that schedules one:
title, organiser (OPD), mode, times, places with their participant limits, cameras and other
devices, and the stream (platform and URL)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.oplog.clock import utc_now
from models.oplog.database import DatabaseProblem
from models.oplog.jobs.events import schedule_event, start_or_end_event
from models.oplog.schedule import Place, Stream
from models.oplog.snapshot import EventView, Snapshot, wib_time
from models.oplog.tables import EventMode, Role
from ui.common.wording import said
from ui.oplog.state import OplogState
from ui.oplog.widgets import CheckList, TextTable, WibDateTimeEdit

PLATFORMS = ("", "YouTube", "Zoom", "Facebook", "Instagram")


class EventForm(QWidget):
    """Signals:
    scheduled(int): the new event's id.
    """

    scheduled = Signal(int)

    def __init__(self, state: OplogState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.title = QLineEdit()
        self.organiser = QLineEdit()
        self.organiser.setPlaceholderText(self.tr("the OPD, e.g. Bappeda"))
        self.mode = QComboBox()
        for mode in EventMode:
            self.mode.addItem(state.labels.mode(mode.value), mode.value)
        start = utc_now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        self.start = WibDateTimeEdit(start)
        self.end = WibDateTimeEdit(start + timedelta(hours=2))
        self.places = QTableWidget(0, 2)
        self.places.setHorizontalHeaderLabels([self.tr("Place"), self.tr("Participants (limit)")])
        self.places.verticalHeader().hide()
        self.places.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.places.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.devices = CheckList()
        self.platform = QComboBox()
        self.platform.setEditable(True)
        self.platform.addItems(PLATFORMS)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://www.youtube.com/live/…")
        self.notes = QLineEdit()
        self.submit = QPushButton(self.tr("Schedule event"))
        self.submit.clicked.connect(self.on_schedule)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Organiser"), self.organiser)
        form.addRow(self.tr("Mode"), self.mode)
        form.addRow(self.tr("From (WIB)"), self.start)
        form.addRow(self.tr("To (WIB)"), self.end)
        form.addRow(self.tr("Places"), self.places)
        form.addRow(self.tr("Cameras and devices"), self.devices)
        form.addRow(self.tr("Stream platform"), self.platform)
        form.addRow(self.tr("Stream URL"), self.url)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.submit)
        layout.addWidget(self.message)
        state.snapshotChanged.connect(self.show_snapshot)

    @Slot(object)
    def show_snapshot(self, snapshot: Snapshot) -> None:
        self._show_places(snapshot.locations)
        ticked = self.devices.checked()
        self.devices.set_items(
            (
                (device.name, f"{device.name} ({device.asset_number})")
                for device in snapshot.devices
                if device.in_service
            ),
            ticked,
        )

    def _show_places(self, names: tuple[str, ...]) -> None:
        """The places of the log (a new one appears at once); ticks and limits already typed stay with their
        place."""
        rows = self._places_typed()
        if [place for place, _checked, _limit in rows] == list(names):
            return
        typed = {place: (checked, limit) for place, checked, limit in rows}
        self.places.setRowCount(len(names))
        for row, name in enumerate(names):
            checked, limit = typed.get(name, (Qt.CheckState.Unchecked, ""))
            place = QTableWidgetItem(name)
            place.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            place.setCheckState(checked)
            self.places.setItem(row, 0, place)
            self.places.setItem(row, 1, QTableWidgetItem(limit))

    def _places_typed(self) -> list[tuple[str, Qt.CheckState, str]]:
        """Each place of the table: its name, its tick and the limit typed for it."""
        cells = (
            (self.places.item(row, 0), self.places.item(row, 1)) for row in range(self.places.rowCount())
        )
        return [
            (place.text(), place.checkState(), limit.text())
            for place, limit in cells
            if place is not None and limit is not None
        ]

    def chosen_places(self) -> list[Place]:
        """The ticked places; a limit that is not a whole number is refused with ValueError."""
        places = []
        for name, checked, typed in self._places_typed():
            if checked != Qt.CheckState.Checked:
                continue
            limit = typed.strip()
            if limit and not limit.isdigit():
                raise ValueError(self.tr("The participant limit must be a whole number."))
            places.append(Place(name, int(limit) if limit else None))
        return places

    @Slot()
    def on_schedule(self) -> None:
        try:
            places = self.chosen_places()
        except ValueError as error:
            self.message.setText(said(error))
            return
        title, organiser, mode = self.title.text(), self.organiser.text(), EventMode(self.mode.currentData())
        start, end, devices, notes = (
            self.start.moment(),
            self.end.moment(),
            self.devices.checked(),
            self.notes.text(),
        )
        platform, url = self.platform.currentText().strip(), self.url.text().strip()
        stream = Stream(platform, url or None) if platform else None

        job = schedule_event(
            title, organiser, mode, start, end, places, devices=devices, stream=stream, notes=notes
        )
        self.message.setText(self.tr("Scheduling…"))
        self.state.act(job, self._done, lambda error: self.message.setText(said(error)))

    def _done(self, event_id: int) -> None:
        self.message.setText(self.tr("Event scheduled: %1").replace("%1", self.title.text()))
        self.title.clear()
        self.url.clear()
        self.notes.clear()
        self.scheduled.emit(event_id)


class EventsDock(QWidget):
    def __init__(self, state: OplogState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.events: dict[int, EventView] = {}
        self.table = TextTable(
            [
                self.tr("Time (WIB)"),
                self.tr("Event"),
                self.tr("Mode"),
                self.tr("Places"),
                self.tr("Cameras and devices"),
                self.tr("Stream"),
                self.tr("Status"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._enable)
        self.start = QPushButton(self.tr("Start event"))
        self.end = QPushButton(self.tr("End event"))
        self.start.clicked.connect(lambda: self.run_selected(start=True))
        self.end.clicked.connect(lambda: self.run_selected(start=False))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.form = EventForm(state)
        self._select: int | None = None  # a new event, selected once the table shows it
        self.form.scheduled.connect(self._select_when_shown)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start)
        buttons.addWidget(self.end)
        buttons.addWidget(self.message, 1)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        state.snapshotChanged.connect(self.show_snapshot)
        state.staffChanged.connect(lambda _staff: self._enable())
        self._enable()

    @Slot(object)
    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.events = {event.id: event for event in snapshot.events}
        self.table.set_rows((event.id, self._cells(event)) for event in snapshot.events)
        if self._select in self.events:
            self.table.select_id(self._select)
            self._select = None
        self._enable()

    def _select_when_shown(self, event_id: int) -> None:
        self._select = event_id

    def _cells(self, event: EventView) -> list[str]:
        stream = " ".join(part for part in (event.stream_platform, event.stream_url) if part)
        times = f"{wib_time(event.planned_start)}–{wib_time(event.planned_end)}"
        return [
            times,
            f"{event.title} ({event.organiser})",
            self.state.labels.mode(event.mode),
            ", ".join(event.locations),
            ", ".join(event.devices),
            stream,
            self.state.labels.status(event.status),
        ]

    def _enable(self) -> None:
        chosen = self.table.current_id()
        event = self.events.get(chosen) if chosen is not None else None
        operator = self.state.can(Role.OPERATOR)
        self.start.setEnabled(operator and event is not None and event.status == "scheduled")
        self.end.setEnabled(operator and event is not None and event.status == "running")
        self.form.submit.setEnabled(operator)

    def run_selected(self, start: bool) -> None:
        event_id = self.table.current_id()
        if event_id is not None:
            self.start_or_end(event_id, start)

    def start_or_end(self, event_id: int, start: bool) -> None:
        """Start (or end) the event now, as the logged-in staff member."""
        self.message.clear()
        self.state.act(start_or_end_event(event_id, start), failed=self._refused)

    def _refused(self, error: Exception) -> None:
        self.message.setText(said(error))
        if not isinstance(error, DatabaseProblem):  # that one is announced already
            self.state.notice.emit("warning", said(error))  # seen also when started from the events panel
