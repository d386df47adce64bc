"""The shift log in the console: faults and the one-key log entry.

Faults dock: the faults open now (they go into every handover until closed); open one with its
device, severity and owner; give a fault an owner; close it with how it was resolved.

Quick log entry (Ctrl+L by default, hotkey action ``log.quick``): a small box over the console,
type, Enter. The box closes at once; the entry is saved in the background and the log pane says
when it is in (or, with the text, why it is not).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.oplog.clock import utc_now
from models.oplog.jobs import logbook as jobs
from models.oplog.jobs.base import StaffJob
from models.oplog.snapshot import Snapshot, wib_time
from models.oplog.tables import FaultSeverity, Role
from ui.common.wording import said
from ui.oplog.state import OplogState
from ui.oplog.widgets import TextTable


class FaultsPanel(QWidget):
    def __init__(self, state: OplogState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.table = TextTable(
            [
                self.tr("No."),
                self.tr("Opened (WIB)"),
                self.tr("Device"),
                self.tr("Severity"),
                self.tr("Owner"),
                self.tr("Description"),
            ]
        )
        self.table.itemSelectionChanged.connect(self._enable)
        self.device = QComboBox()
        self.severity = QComboBox()
        for severity in FaultSeverity:
            self.severity.addItem(state.labels.severity(severity.value), severity.value)
        self.owner = QComboBox()
        self.description = QLineEdit()
        self.open_button = QPushButton(self.tr("Open fault"))
        self.open_button.clicked.connect(self.on_open)
        self.assign_button = QPushButton(self.tr("Give the selected fault to this owner"))
        self.assign_button.clicked.connect(self.on_assign)
        self.resolution = QLineEdit()
        self.resolution.setPlaceholderText(self.tr("How was it resolved?"))
        self.close_button = QPushButton(self.tr("Close selected fault"))
        self.close_button.clicked.connect(self.on_close)
        self.message = QLabel()
        self.message.setWordWrap(True)
        new = QGroupBox(self.tr("New fault"))
        form = QFormLayout(new)
        form.addRow(self.tr("Device"), self.device)
        form.addRow(self.tr("Severity"), self.severity)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Description"), self.description)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.assign_button)
        form.addRow(buttons)
        closing = QHBoxLayout()
        closing.addWidget(self.resolution, 1)
        closing.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(closing)
        layout.addWidget(new)
        layout.addWidget(self.message)
        state.snapshotChanged.connect(self.show_snapshot)
        state.staffChanged.connect(lambda _staff: self._enable())
        self._enable()

    @Slot(object)
    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.table.set_rows(
            (
                fault.id,
                [
                    str(fault.id),
                    wib_time(fault.opened_at, "%d-%m %H:%M"),
                    fault.device or "—",
                    self.state.labels.severity(fault.severity),
                    fault.owner or "",
                    fault.description,
                ],
            )
            for fault in snapshot.faults
        )
        device, owner = self.device.currentData(), self.owner.currentData()
        self.device.clear()
        self.device.addItem(self.tr("(no device: stream, network …)"), None)
        for item in snapshot.devices:
            self.device.addItem(f"{item.name} ({item.asset_number})", item.asset_number)
        self.device.setCurrentIndex(max(0, self.device.findData(device)))
        self.owner.clear()
        self.owner.addItem(self.tr("(nobody yet)"), None)
        for member in snapshot.staff:
            self.owner.addItem(member.name, member.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(owner)))
        self._enable()

    def _enable(self) -> None:
        operator = self.state.can(Role.OPERATOR)
        chosen = self.table.current_id() is not None
        self.open_button.setEnabled(operator)
        self.assign_button.setEnabled(operator and chosen)
        self.close_button.setEnabled(operator and chosen)

    def _act(self, work: StaffJob[None], done_text: str, typed: QLineEdit | None = None) -> None:
        """Run ``work`` as the logged-in staff member; ``typed`` is cleared once it worked."""

        def done(_result: object) -> None:
            self.message.setText(done_text)
            if typed is not None:
                typed.clear()

        self.message.clear()
        self.state.act(work, done, lambda error: self.message.setText(said(error)))

    @Slot()
    def on_open(self) -> None:
        device, owner = self.device.currentData(), self.owner.currentData()
        severity, description = FaultSeverity(self.severity.currentData()), self.description.text()

        self._act(
            jobs.open_fault(severity, description, device, owner), self.tr("Fault opened."), self.description
        )

    @Slot()
    def on_assign(self) -> None:
        fault_id, owner = self.table.current_id(), self.owner.currentData()
        if fault_id is not None:
            self._act(jobs.assign_fault(fault_id, owner), self.tr("Owner changed."))

    @Slot()
    def on_close(self) -> None:
        fault_id, resolution = self.table.current_id(), self.resolution.text()
        if fault_id is not None:
            self._act(jobs.close_fault(fault_id, resolution), self.tr("Fault closed."), self.resolution)


class QuickLogBox(QWidget):
    def __init__(
        self,
        state: OplogState,
        active_event: Callable[[], tuple[int, str] | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.setWindowTitle(self.tr("Quick log entry"))
        self.state = state
        self._active_event = active_event
        self._event_id: int | None = None
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("What happened? Enter saves, the console carries on."))
        self.text.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.text.returnPressed.connect(self.save)
        self.about_event = QCheckBox()
        save = QPushButton(self.tr("Save"))
        save.clicked.connect(self.save)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.hide)
        buttons = QHBoxLayout()
        buttons.addWidget(self.about_event, 1)
        buttons.addWidget(save)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Log entry (written under your name, now):")))
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()  # Esc closes the box (and, as it is taken here, stops no camera)
            event.accept()
        else:
            super().keyPressEvent(event)

    def open(self) -> None:
        """Show the box ready for typing."""
        if self.state.staff is None:
            self.state.notice.emit("warning", self.tr("Log in first (Operations → Log in / out)"))
            return
        event = self._active_event()
        self._event_id = event[0] if event else None
        self.about_event.setVisible(event is not None)
        self.about_event.setChecked(event is not None)
        self.about_event.setText(self.tr("About %1").replace("%1", event[1]) if event else "")
        self.show()
        self.raise_()
        self.activateWindow()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def save(self) -> None:
        text = self.text.text().strip()
        if not text:
            return
        event_id = self._event_id if self.about_event.isChecked() else None
        at = utc_now()  # when the operator wrote it, however long the database takes
        self.text.clear()
        self.hide()

        self.state.act(
            jobs.write_log_entry(text, at, event_id),
            lambda _none: self.state.notice.emit("info", self.tr("Log entry saved: %1").replace("%1", text)),
            lambda error: self.state.notice.emit(
                "error",
                self.tr("Log entry NOT saved (%1): %2").replace("%1", said(error)).replace("%2", text),
            ),
            refresh=False,
        )
