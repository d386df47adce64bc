"""The event schedule dock: today's events from the operations log (and any still running), with
their places, devices, stream and the OBS output they stream on (their own, else their configuration
template's); start and end them; and below, the form that schedules one (``ui.oplog.event_form``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from models.config.events import streams_on
from models.config.store import Config
from models.oplog.database import DatabaseProblem
from models.oplog.jobs.events import start_or_end_event
from models.oplog.snapshot import EventView, Snapshot, wib_time
from models.oplog.tables import Role
from ui.common.wording import said
from ui.oplog.event_form import EventForm
from ui.oplog.state import OplogState
from ui.oplog.widgets import TextTable


class EventsDock(QWidget):
    """``config`` gives the console's current configuration (its OBS outputs)."""

    def __init__(
        self, state: OplogState, config: Callable[[], Config], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state, self.config = state, config
        self.events: dict[int, EventView] = {}
        self.table = TextTable(
            [
                self.tr("Time (WIB)"),
                self.tr("Event"),
                self.tr("Mode"),
                self.tr("Places"),
                self.tr("Cameras and devices"),
                self.tr("Stream"),
                self.tr("OBS output"),
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
        self.form = EventForm(state, config)
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

    def use_config(self) -> None:
        """The console's configuration changed: its OBS outputs, in the form and by name in the table."""
        self.form.show_outputs()
        if self.state.snapshot is not None:
            self.show_snapshot(self.state.snapshot)

    def _select_when_shown(self, event_id: int) -> None:
        self._select = event_id

    def _cells(self, event: EventView) -> list[str]:
        stream = " ".join(part for part in (event.stream_platform, event.stream_url) if part)
        config = self.config()
        outputs = {output.id: output.name for output in config.broadcast}
        output = streams_on(event.broadcast_output, event.title, config) or ""
        times = f"{wib_time(event.planned_start)}–{wib_time(event.planned_end)}"
        return [
            times,
            f"{event.title} ({event.organiser})",
            self.state.labels.mode(event.mode),
            ", ".join(event.locations),
            ", ".join(event.devices),
            stream,
            outputs.get(output, output),  # an output no longer configured: its id
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
