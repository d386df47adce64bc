"""The login panel (a dock, never a modal dialog): choose your name, type your PIN.

The PIN is checked on the database thread (bcrypt takes a while on purpose: a quarter of a second
on a fast PC, a second or two on a desk PC); meanwhile the panel shows a moving bar. Five
wrong PINs lock the account for 60 seconds; the panel counts the seconds down. Logging out keeps
the console running: cameras never depend on who is logged in.
"""

from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.oplog.database import DatabaseProblem
from models.oplog.jobs.base import log_in
from models.oplog.snapshot import Snapshot, StaffView
from models.oplog.staff import AccountLocked, StaffInactive, WrongPin
from ui.common.wording import said
from ui.oplog.state import OplogState
from ui.oplog.widgets import BusyBar


class LoginPanel(QWidget):
    def __init__(self, state: OplogState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.staff = QComboBox()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.setPlaceholderText(self.tr("PIN (4–8 digits)"))
        self._pin_hint = self.pin.placeholderText()
        self.pin.returnPressed.connect(self.log_in)
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.clicked.connect(self.log_in)
        self.logout_button = QPushButton(self.tr("Log out"))
        self.logout_button.clicked.connect(self.log_out)
        self.who = QLabel()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.busy = BusyBar()
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name"), self.staff)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow("", self.busy)  # right under the PIN: seen even in a short dock
        form.addRow("", self.login_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.who, 1)
        bottom.addWidget(self.logout_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addStretch()
        self._unlock_at = 0.0
        self._locked_name = ""
        self._countdown = QTimer(self, interval=1000)
        self._countdown.timeout.connect(self._tick)
        state.snapshotChanged.connect(self._fill_staff)
        state.staffChanged.connect(self._show_staff)
        self._show_staff(None)

    @Slot(object)
    def _fill_staff(self, snapshot: Snapshot) -> None:
        chosen = self.staff.currentData()
        self.staff.clear()
        for member in snapshot.staff:
            self.staff.addItem(member.name, member.id)
        self.staff.setCurrentIndex(max(0, self.staff.findData(chosen)))

    @Slot(object)
    def _show_staff(self, staff: StaffView | None) -> None:
        self.form.setVisible(staff is None)
        self.logout_button.setVisible(staff is not None)
        self.who.setText(
            self.tr("Not logged in")
            if staff is None
            else self.tr("Logged in: %1 (%2)")
            .replace("%1", staff.name)
            .replace("%2", self.state.labels.role(staff.role))
        )

    @Slot()
    def log_in(self) -> None:
        staff_id, pin = self.staff.currentData(), self.pin.text()
        self.pin.clear()
        if staff_id is None or not pin:
            self.message.setText(self.tr("Choose your name and type your PIN."))
            return
        self._checking(True)
        name = self.staff.currentText()  # a refresh may refill the list (without this name) before the reply
        self.message.setText(self.tr("Checking the PIN of %1…").replace("%1", name))
        self.state.worker.call(log_in(staff_id, pin), self._logged_in, partial(self._refused, name))

    @Slot()
    def log_out(self) -> None:
        name = self.state.staff.name if self.state.staff else ""
        self.state.set_staff(None)
        self.message.setText(self.tr("%1 logged out.").replace("%1", name))

    def _checking(self, checking: bool) -> None:
        """While the PIN is checked: the moving bar, and nothing to press or type twice."""
        self.busy.setVisible(checking)
        self.pin.setPlaceholderText(self.tr("Checking the PIN…") if checking else self._pin_hint)
        for widget in (self.login_button, self.pin, self.staff):
            widget.setEnabled(not checking)

    def _logged_in(self, staff: StaffView) -> None:
        self._checking(False)
        self._countdown.stop()
        self.message.clear()
        self.state.set_staff(staff)
        self.state.refresh()

    def _refused(self, name: str, error: Exception) -> None:
        self._checking(False)
        if isinstance(error, AccountLocked):
            self._unlock_at, self._locked_name = time.monotonic() + error.seconds_left, name
            self._locked_wrong = error.wrong
            self._countdown.start()
            self._tick()
            return
        if isinstance(error, WrongPin):
            text = (
                self.tr("Wrong PIN for %1. %2 more wrong PIN(s) lock the account for 60 seconds.")
                .replace("%1", name)
                .replace("%2", str(error.attempts_left))
            )
        elif isinstance(error, StaffInactive):
            text = self.tr("The account of %1 is switched off; ask an admin.").replace("%1", name)
        elif isinstance(error, DatabaseProblem):
            text = said(error)
        else:
            text = self.tr("Login refused: %1").replace("%1", said(error))
        self.message.setText(text)

    def _tick(self) -> None:
        left = int(self._unlock_at - time.monotonic() + 0.999)
        if left <= 0:
            self._countdown.stop()
            self.message.setText(self.tr("%1 may try again now.").replace("%1", self._locked_name))
            return
        self.message.setText(
            self.tr("The account of %1 is locked after %2 wrong PINs; try again in %3 s.")
            .replace("%1", self._locked_name)
            .replace("%2", str(self._locked_wrong))
            .replace("%3", str(left))
        )

    def focus_pin(self) -> None:
        self.pin.setFocus(Qt.FocusReason.ShortcutFocusReason)
