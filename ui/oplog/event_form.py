"""The form that schedules an event: title, organiser (OPD), mode, times, places with their participant
limits, cameras and other devices, the stream (platform and URL) and the OBS output it streams on (one of
the console's configuration, shown by name, stored by id)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.config.store import Config
from models.oplog.clock import utc_now
from models.oplog.jobs.events import schedule_event
from models.oplog.schedule import Place, Stream
from models.oplog.snapshot import Snapshot
from models.oplog.tables import EventMode
from ui.common.wording import said
from ui.oplog.state import OplogState
from ui.oplog.widgets import CheckList, WibDateTimeEdit

PLATFORMS = ("", "YouTube", "Zoom", "Facebook", "Instagram")


class EventForm(QWidget):
    """Signals:
    scheduled(int): the new event's id.
    """

    scheduled = Signal(int)

    def __init__(
        self, state: OplogState, config: Callable[[], Config], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state, self.config = state, config
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
        self.output = QComboBox()
        self.show_outputs()
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
        form.addRow(self.tr("Streams on (OBS)"), self.output)
        form.addRow(self.tr("Notes"), self.notes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.submit)
        layout.addWidget(self.message)
        state.snapshotChanged.connect(self.show_snapshot)

    def show_outputs(self) -> None:
        """The OBS outputs of the console's configuration as it is now, "none" first; the choice stays when
        its output does."""
        offered = [(output.name, output.id) for output in self.config().broadcast]
        shown = [(self.output.itemText(i), self.output.itemData(i)) for i in range(1, self.output.count())]
        if self.output.count() and shown == offered:
            return  # not rebuilt at each snapshot: an open list would close
        chosen = self.output.currentData()
        self.output.clear()
        self.output.addItem(self.tr("none"), None)
        for name, output_id in offered:
            self.output.addItem(name, output_id)
        self.output.setCurrentIndex(max(self.output.findData(chosen), 0))

    @Slot(object)
    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.show_outputs()
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
            title,
            organiser,
            mode,
            start,
            end,
            places,
            devices=devices,
            stream=stream,
            broadcast_output=self.output.currentData(),
            notes=notes,
        )
        self.message.setText(self.tr("Scheduling…"))
        self.state.act(job, self._done, lambda error: self.message.setText(said(error)))

    def _done(self, event_id: int) -> None:
        self.message.setText(self.tr("Event scheduled: %1").replace("%1", self.title.text()))
        self.title.clear()
        self.url.clear()
        self.notes.clear()
        self.scheduled.emit(event_id)
