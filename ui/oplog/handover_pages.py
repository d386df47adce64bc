"""Pages of the handover window: a PIN signature (outgoing lead signs, incoming lead accepts) and
the locked record with its hash, the additions after a reopen, and the admin's reopen and relock."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.oplog.reports.handover import HandoverReport
from ui.common.labels import Labels
from ui.common.wording import said
from ui.oplog.widgets import BusyBar
from ui.reports.pdf_parts import paragraph, table, when


class PinPage(QWidget):
    """Who signs (a fixed name or a choice) and their PIN.

    Signals:
        submitted(int staff id, str pin)
    """

    submitted = Signal(int, str)

    def __init__(self, explanation: str, button: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.who = QComboBox()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        self.pin.returnPressed.connect(self._submit)
        self.button = QPushButton(button)
        self.button.clicked.connect(self._submit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.busy = BusyBar()
        self.explanation = QLabel(explanation)
        self.explanation.setWordWrap(True)
        self.who_may = QLabel()  # who may take this step, when it is not plain
        self.who_may.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.who)
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow("", self.button)
        form.addRow("", self.busy)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.who_may)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch()

    def set_people(self, people: Sequence[tuple[int, str]]) -> None:
        """Who may sign here: (staff id, what the list says)."""
        chosen = self.who.currentData()
        self.who.clear()
        for staff_id, label in people:
            self.who.addItem(label, staff_id)
        self.who.setCurrentIndex(max(0, self.who.findData(chosen)))

    @Slot()
    def _submit(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        if self.who.currentData() is not None and pin:
            self.message.setText(self.tr("Checking the PIN…"))
            self.checking(True)
            self.submitted.emit(self.who.currentData(), pin)

    def checking(self, checking: bool) -> None:
        """While the PIN is checked on the database thread: the moving bar, and the button off."""
        self.busy.setVisible(checking)
        self.button.setEnabled(not checking)


class RecordPage(QWidget):
    """The locked record.

    Signals:
        verify(): check the hash again.
        reopen(str reason), add(str text), relock(): the admin's steps after the lock.
        export(str suffix): save the report as ".pdf" or ".csv".
    """

    verify = Signal()
    reopen = Signal(str)
    add = Signal(str)
    relock = Signal()
    export = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels = Labels(self)
        self.hash = QLabel()
        self.hash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hash.setWordWrap(True)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.additions = QTextBrowser()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why is the record reopened?"))
        self.addition = QLineEdit()
        self.addition.setPlaceholderText(self.tr("Text of the addition (marked as such in the report)"))
        self.reopen_button = QPushButton(self.tr("Reopen (admin)"))
        self.add_button = QPushButton(self.tr("Add"))
        self.relock_button = QPushButton(self.tr("Lock again (admin)"))
        buttons = {
            self.tr("Check the hash again"): self.verify.emit,
            self.tr("Save PDF…"): lambda: self.export.emit(".pdf"),
            self.tr("Save CSV…"): lambda: self.export.emit(".csv"),
        }
        self.reopen_button.clicked.connect(lambda: self.reopen.emit(self.reason.text()))
        self.add_button.clicked.connect(lambda: self.add.emit(self.addition.text()))
        self.relock_button.clicked.connect(self.relock.emit)
        admin = QGroupBox(self.tr("Changes after the lock"))
        form = QFormLayout(admin)
        form.addRow(self.reason, self.reopen_button)
        form.addRow(self.addition, self.add_button)
        form.addRow("", self.relock_button)
        row = QHBoxLayout()
        for text, slot in buttons.items():
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hash)
        layout.addWidget(self.verdict)
        layout.addLayout(row)
        layout.addWidget(QLabel(self.tr("Additions after the lock:")))
        layout.addWidget(self.additions, 1)
        layout.addWidget(admin)

    def show_report(self, report: HandoverReport, admin: bool, operator: bool) -> None:
        header = report.header
        self.hash.setText(
            self.tr("SHA-256 of the locked record: %1").replace("%1", header.content_hash or "—")
        )
        if header.verified:
            self.verdict.setText(self.tr("Verified: the record is exactly as it was accepted and signed."))
            self.verdict.setStyleSheet("color: #2e7d32; font-weight: bold;")
        elif header.verified is False:
            self.verdict.setText(
                self.tr(
                    "TAMPERED: the stored record no longer matches its signature. What does not "
                    "fit: %1. Tell an admin."
                ).replace("%1", "; ".join(said(part) for part in header.misfits))
            )
            self.verdict.setStyleSheet("background: #c62828; color: white; font-weight: bold; padding: 4px;")
        else:
            self.verdict.setText(self.tr("Not locked yet."))
            self.verdict.setStyleSheet("")
        self.additions.setHtml(
            table(
                [self.tr("Time"), self.tr("Author"), self.tr("Kind"), self.tr("Text")],
                (
                    (when(a.at), a.author, self.labels.addition(a.kind).upper(), a.text or "")
                    for a in report.additions
                ),
            )
            if report.additions
            else paragraph(self.tr("None."))
        )
        reopened = header.status == "reopened"
        locked = header.content_hash is not None
        self.reopen_button.setEnabled(admin and locked and not reopened)
        self.relock_button.setEnabled(admin and reopened)
        self.add_button.setEnabled(operator and reopened)
