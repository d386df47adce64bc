"""The handover window (non-modal): summary from the data, notes, the outgoing lead's signature,
the incoming lead's acceptance, and the locked record with its hash.

1. Summary: events run, faults opened and closed, device errors from the audit trail, faults
   carried over, as the data stand now; the shift lead (logged in) prepares the handover.
2. Notes, written by the lead while it is a draft.
3. Sign: the outgoing lead's PIN; the summary and the carried-over faults are frozen.
4. Accept: the incoming lead (the next shift's lead), or an admin in their place, chooses their
   name and types their PIN; the record is locked and the outgoing shift ends.
5. Record: the hash and the install key's signature, checked again on every load (a changed
   record is shown as tampered, naming what no longer fits), the
   admin's reopen with a reason, marked additions, and relock; PDF and CSV export.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.oplog.jobs import handover as jobs
from models.oplog.jobs.base import Job, StaffJob
from models.oplog.jobs.handover import HandoverState
from models.oplog.tables import Role
from ui.common.save_dialog import ask_file_name
from ui.common.wording import said
from ui.oplog.handover_pages import PinPage, RecordPage
from ui.oplog.state import OplogState
from ui.reports.handover_pdf import HandoverDocument, save_handover

SUMMARY, NOTES, SIGN, ACCEPT, RECORD = range(5)


class HandoverWindow(QWidget):
    accepted = Signal()  # the incoming lead accepted a handover here (a backup follows)

    def __init__(
        self, state: OplogState, parent: QWidget | None = None, settings: QSettings | None = None
    ) -> None:
        """``settings``: where the last folder saved into is remembered."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Shift handover"))
        self.settings = settings
        self.resize(900, 700)
        self.state = state
        self.loaded: HandoverState | None = None
        self._shift_id: int | None = None
        self.document = HandoverDocument(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.summary = QTextBrowser()
        self.prepare = QPushButton(self.tr("Prepare the handover (shift lead)"))
        self.prepare.clicked.connect(self.on_prepare)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        self.notes = QPlainTextEdit()
        self.save_notes = QPushButton(self.tr("Save notes"))
        self.save_notes.clicked.connect(self.on_save_notes)
        self.sign = PinPage(
            self.tr(
                "The outgoing lead signs with their PIN. The summary and the open faults are "
                "frozen; afterwards only the incoming lead's acceptance follows."
            ),
            self.tr("Sign as outgoing lead"),
        )
        self.accept = PinPage(
            self.tr(
                "The incoming lead reviews the summary and the carried-over faults, then "
                "accepts with their PIN. The record is then locked with a hash."
            ),
            self.tr("Accept and lock"),
        )
        self.record = RecordPage()
        self.sign.submitted.connect(self.on_sign)
        self.accept.submitted.connect(self.on_accept)
        self.record.verify.connect(self.reload)
        self.record.reopen.connect(
            lambda reason: self._on_shown(lambda shift: self._as_me(jobs.reopen(shift, reason)))
        )
        self.record.add.connect(
            lambda text: self._on_shown(lambda shift: self._as_me(jobs.add_addition(shift, text)))
        )
        self.record.relock.connect(lambda: self._on_shown(lambda shift: self._as_me(jobs.relock(shift))))
        self.record.export.connect(self.on_export)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._page(self.summary, self.prepare, refresh), self.tr("1 Summary"))
        self.tabs.addTab(self._page(self.notes, self.save_notes), self.tr("2 Notes"))
        self.tabs.addTab(self.sign, self.tr("3 Sign (outgoing lead)"))
        self.tabs.addTab(self.accept, self.tr("4 Accept (incoming lead)"))
        self.tabs.addTab(self.record, self.tr("5 Locked record"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        state.staffChanged.connect(lambda _staff: self._show(self.loaded))

    @staticmethod
    def _page(main: QWidget, *buttons: QPushButton) -> QWidget:
        page = QWidget()
        row = QHBoxLayout()
        row.addStretch()
        for button in buttons:
            row.addWidget(button)
        layout = QVBoxLayout(page)
        layout.addWidget(main, 1)
        layout.addLayout(row)
        return page

    def open_for(self, shift_id: int | None = None) -> None:
        """Show the handover of ``shift_id`` (default: the current shift, else the last one ended)."""
        self._shift_id = shift_id
        self.show()
        self.raise_()
        self.reload()

    @Slot()
    def reload(self) -> None:
        self.state.worker.call(jobs.load_handover(self._shift_id), self._show)

    def _show(self, loaded: HandoverState | None) -> None:
        self.loaded = loaded
        if loaded is None:
            self.title.setText(self.tr("There is no shift to hand over yet."))
            for tab in range(self.tabs.count()):
                self.tabs.setTabEnabled(tab, tab == SUMMARY)
            self.prepare.setEnabled(False)
            return
        self._shift_id = loaded.shift_id
        header = loaded.report.header
        self.title.setText(
            self.tr("Shift %1 of %2, lead %3 — %4")
            .replace("%1", header.shift_name)
            .replace("%2", f"{header.day:%d-%m-%Y}")
            .replace("%3", header.lead)
            .replace("%4", self.state.labels.status(header.status))
        )
        self.summary.setHtml(self.document.html(loaded.report, with_entries=False))
        if not self.notes.hasFocus():
            self.notes.setPlainText(header.notes)
        self.sign.set_people([(loaded.lead.id, loaded.lead.name)])
        self._show_who_accepts(loaded)
        self.record.show_report(loaded.report, self.state.can(Role.ADMIN), self.state.can(Role.OPERATOR))
        step = {"no handover": SUMMARY, "draft": NOTES, "signed": ACCEPT}.get(header.status, RECORD)
        for tab in range(self.tabs.count()):
            self.tabs.setTabEnabled(tab, tab in (SUMMARY, step) or (tab in (NOTES, SIGN) and step == NOTES))
        self.tabs.setCurrentIndex(step)
        self.prepare.setEnabled(step == SUMMARY and self.state.can(Role.OPERATOR))
        self.save_notes.setEnabled(step == NOTES)

    def _show_who_accepts(self, loaded: HandoverState) -> None:
        """The incoming lead first, then the admins, marked as accepting in their place."""
        people = [(loaded.incoming.id, loaded.incoming.name)] if loaded.incoming else []
        people += [
            (admin.id, self.tr("%1 (admin, in place of the incoming lead)").replace("%1", admin.name))
            for admin in loaded.admins
        ]
        self.accept.set_people(people)
        if loaded.incoming is not None:
            self.accept.who_may.setText(
                self.tr(
                    "Incoming lead: %1 (shift %2). An admin may accept in their place; "
                    "the record and the audit trail say so."
                )
                .replace("%1", loaded.incoming.name)
                .replace("%2", loaded.next_shift or "")
            )
        else:
            self.accept.who_may.setText(
                self.tr(
                    "No shift with another lead is planned after this one: plan it in "
                    "Operations → Shift, or an admin accepts."
                )
            )

    def _finished(self, text: str) -> None:
        self.message.setText(text)
        self.reload()
        self.state.refresh()

    def _on_shown(self, step: Callable[[int], None]) -> None:
        """``step(shift id)`` for the shift whose handover is shown (its steps are offered only then)."""
        if self._shift_id is not None:
            step(self._shift_id)

    @Slot()
    def on_prepare(self) -> None:
        self._on_shown(
            lambda shift: self.state.act(
                jobs.prepare(shift),
                lambda _none: self._finished(
                    self.tr("Handover prepared: check the summary, write the notes.")
                ),
                lambda error: self.message.setText(said(error)),
                refresh=False,
            )
        )

    @Slot()
    def on_save_notes(self) -> None:
        notes = self.notes.toPlainText()
        self._on_shown(lambda shift: self._as_me(jobs.set_notes(shift, notes), self.tr("Notes saved.")))

    def _as_me(self, step: StaffJob[None], done_text: str = "") -> None:
        """A step on the handover as the logged-in staff member (the services check who may)."""
        self.state.act(
            step,
            lambda _none: self._finished(done_text or self.tr("Done.")),
            lambda error: self.message.setText(said(error)),
            refresh=False,
        )

    @Slot(int, str)
    def on_sign(self, staff_id: int, pin: str) -> None:
        self._on_shown(lambda shift: self._with_pin(jobs.sign(shift, staff_id, pin), self.sign))

    @Slot(int, str)
    def on_accept(self, staff_id: int, pin: str) -> None:
        self._on_shown(
            lambda shift: self._with_pin(jobs.accept(shift, staff_id, pin), self.accept, accepted=True)
        )

    def _with_pin(self, step: Job[None], page: PinPage, accepted: bool = False) -> None:
        """Sign or accept as the staff member whose PIN this is (wrong PINs count towards the lockout)."""

        def done(_none: None) -> None:
            page.checking(False)
            page.message.clear()
            self._finished(self.tr("Done."))
            if accepted:
                self.accepted.emit()

        def failed(error: Exception) -> None:
            page.checking(False)
            page.message.setText(said(error))

        self.state.worker.call(step, done, failed)

    @Slot(str)
    def on_export(self, suffix: str) -> None:
        header = self.loaded.report.header if self.loaded else None
        if header is None:
            return
        name = f"serah-terima-{header.shift_name.lower()}-{header.day:%Y-%m-%d}{suffix}"
        filters = [self.tr("PDF (*.pdf)"), self.tr("CSV (*.csv)")]
        ask_file_name(
            self,
            self.tr("Save the handover report"),
            filters if suffix == ".pdf" else filters[::-1],
            name,
            self.save_report,
            self.settings,
        )

    def save_report(self, path: str) -> None:
        """Write the report file in the background (the data first, then the file)."""
        shift_id, worker = self._shift_id, self.state.worker
        if shift_id is None:
            return
        saved = self.tr("Saved: %1").replace("%1", path)
        worker.call(
            jobs.report_now(shift_id),
            lambda report: worker.run(
                lambda: save_handover(report, path),
                lambda _none: self._finished(saved),
                lambda error: self.message.setText(said(error)),
            ),
            lambda error: self.message.setText(said(error)),
        )
