"""The shift dock: the current (else next) shift, its lead and team; start and end it; plan one.

Every step runs as the logged-in staff member, and the services check the role again.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.oplog.clock import utc_now
from models.oplog.jobs import shifts as jobs
from models.oplog.jobs.base import StaffJob
from models.oplog.shifts import SHIFT_NAMES, suggested_name
from models.oplog.snapshot import ShiftView, Snapshot, wib_time
from models.oplog.tables import Role
from ui.common.wording import said
from ui.oplog.state import OplogState
from ui.oplog.widgets import CheckList, WibDateTimeEdit

SHIFT_HOURS = 8


class ShiftPanel(QWidget):
    def __init__(self, state: OplogState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.shift: ShiftView | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.lead = QComboBox()
        self.team = CheckList()
        self.team.setMaximumHeight(self.fontMetrics().height() * 9)
        self.save_team = QPushButton(self.tr("Save team"))
        self.start = QPushButton(self.tr("Start shift"))
        self.end = QPushButton(self.tr("End shift"))
        self.save_team.clicked.connect(self.on_save_team)
        self.start.clicked.connect(self.on_start)
        self.end.clicked.connect(self.on_end)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(SHIFT_NAMES)
        now = utc_now().replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        self.planned_start = WibDateTimeEdit(now)
        self.planned_end = WibDateTimeEdit(now + timedelta(hours=SHIFT_HOURS))
        self._suggested = ""
        self.planned_start.dateTimeChanged.connect(lambda _moment: self._suggest_name())
        self._suggest_name()
        self.plan = QPushButton(self.tr("Plan shift"))
        self.plan.clicked.connect(self.on_plan)
        self.message = QLabel()
        self.message.setWordWrap(True)
        team_form = QFormLayout()
        team_form.addRow(self.tr("Lead"), self.lead)
        team_form.addRow(self.tr("Team on duty"), self.team)
        buttons = QHBoxLayout()
        for button in (self.save_team, self.start, self.end):
            buttons.addWidget(button)
        planning = QGroupBox(self.tr("Plan a shift (lead and team from above)"))
        plan_form = QFormLayout(planning)
        plan_form.addRow(self.tr("Name"), self.name)
        plan_form.addRow(self.tr("From (WIB)"), self.planned_start)
        plan_form.addRow(self.tr("To (WIB)"), self.planned_end)
        plan_form.addRow("", self.plan)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(team_form)
        layout.addLayout(buttons)
        layout.addWidget(planning)
        layout.addWidget(self.message)
        layout.addStretch()
        state.snapshotChanged.connect(self.show_snapshot)
        state.staffChanged.connect(lambda _staff: self._enable())
        self._enable()

    def _suggest_name(self) -> None:
        """The name follows the start time (Pagi, Siang, Malam) until the operator types one of their own."""
        if self.name.currentText() in ("", self._suggested) or not self._suggested:
            self._suggested = suggested_name(self.planned_start.moment())
            self.name.setCurrentText(self._suggested)

    @Slot(object)
    def show_snapshot(self, snapshot: Snapshot) -> None:
        self.shift = shift = snapshot.shift
        chosen_lead = shift.lead_id if shift else self.lead.currentData()
        self.lead.clear()
        for member in snapshot.staff:
            if member.can(Role.OPERATOR):
                self.lead.addItem(member.name, member.id)
        self.lead.setCurrentIndex(max(0, self.lead.findData(chosen_lead)))
        self.team.set_items(
            ((member.id, member.name) for member in snapshot.staff),
            shift.member_ids if shift else self.team.checked(),
        )
        self.title.setText(self._describe(shift))
        self._enable()

    def _describe(self, shift: ShiftView | None) -> str:
        if shift is None:
            return self.tr("No shift is running or planned; plan one below.")
        times = f"{wib_time(shift.planned_start, '%d-%m-%Y %H:%M')}–{wib_time(shift.planned_end)} WIB"
        if shift.actual_start is None:
            state = self.tr("planned, not started")
        else:
            state = self.tr("started at %1").replace("%1", wib_time(shift.actual_start))
        return (
            self.tr("Shift %1, %2 — %3. Lead: %4; team: %5.")
            .replace("%1", shift.name)
            .replace("%2", times)
            .replace("%3", state)
            .replace("%4", shift.lead)
            .replace("%5", ", ".join(shift.members))
        )

    def _enable(self) -> None:
        operator = self.state.can(Role.OPERATOR)
        shift = self.shift
        self.save_team.setEnabled(operator and shift is not None)
        self.start.setEnabled(operator and shift is not None and shift.actual_start is None)
        self.end.setEnabled(operator and shift is not None and shift.running)
        self.plan.setEnabled(operator)

    def _act(self, work: StaffJob[object], done_text: str) -> None:
        self.message.clear()
        self.state.act(
            work,
            lambda _result: self.message.setText(done_text),
            lambda error: self.message.setText(said(error)),
        )

    @Slot()
    def on_start(self) -> None:
        if self.shift is not None:
            self._act(jobs.start_shift(self.shift.id), self.tr("Shift started."))

    @Slot()
    def on_end(self) -> None:
        if self.shift is None:
            return
        self.message.clear()
        self.state.act(
            jobs.end_shift(self.shift.id),
            lambda status: self.message.setText(self._ended(status)),
            lambda error: self.message.setText(said(error)),
        )

    def _ended(self, handover: str) -> str:
        """What is left to do once the shift has ended, by the state of its handover."""
        if handover == "no handover":
            return self.tr("Shift ended. Hand it over: Operations → Handover.")
        if handover == "draft":
            return self.tr("Shift ended. Finish and sign the handover: Operations → Handover.")
        if handover == "signed":
            return self.tr("Shift ended. The handover waits for the incoming lead to accept it.")
        return self.tr("Shift ended.")

    @Slot()
    def on_save_team(self) -> None:
        if self.shift is not None:
            job = jobs.set_team(self.shift.id, self.lead.currentData(), self.team.checked())
            self._act(job, self.tr("Team saved."))

    @Slot()
    def on_plan(self) -> None:
        name, lead_id, member_ids = self.name.currentText(), self.lead.currentData(), self.team.checked()
        start, end = self.planned_start.moment(), self.planned_end.moment()
        if lead_id is None:
            self.message.setText(self.tr("Choose the lead of the shift."))
            return
        self._act(jobs.plan_shift(name, start, end, lead_id, member_ids), self.tr("Shift planned."))
