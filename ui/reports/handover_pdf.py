"""Report files: the handover report as a PDF or CSV, chosen by the file's extension. The console and
``python app.py report`` write handover reports through here (the monthly statistics through
``ui.reports.monthly_pdf``); the PDF is built of the parts every PDF report shares (pdf_parts.py).

Labels follow the interface language (the translator installed in the application); names, places
and texts stay as written.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextDocument

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import utc_now
from models.oplog.handover_summary import FaultNote
from models.oplog.reports.csv_files import write_handover_csv
from models.oplog.reports.handover import HandoverReport, ReportHeader
from ui.common.device_words import result_text
from ui.common.labels import Labels
from ui.common.wording import said
from ui.reports.handover_streams import StreamsSection
from ui.reports.pdf_parts import (
    UnsupportedFile,
    breakable,
    fields,
    heading,
    html_page,
    letterhead,
    paragraph,
    print_pdf,
    table,
    when,
)

SHORT = "%d-%m %H:%M"


class HandoverDocument(QObject):
    """Builds the report's HTML (also shown in the handover window) and writes the PDF."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels = Labels(self)
        self.streams = StreamsSection(self)

    def html(self, report: HandoverReport, with_entries: bool = True) -> str:
        parts = [letterhead(self.tr("Shift handover report")), self._header(report)]
        parts += [heading(self.tr("Events")), self._events(report)]
        parts += [
            heading(self.tr("Streams")),
            table(self.streams.headers(), self.streams.rows(report.streams)),
        ]
        parts += [heading(self.tr("Faults opened or closed in the shift")), self._faults(report.faults)]
        parts += [
            heading(self.tr("Carried over to the next shift (still open)")),
            self._faults(report.carried_over),
        ]
        parts += [
            heading(self.tr("Device errors (audit trail)")),
            table(
                [self.tr("Device"), self.tr("Result"), self.tr("Count")],
                ((e.device, result_text(e.result), e.count) for e in report.device_errors),
            ),
        ]
        parts.append(heading(self.tr("Log entries (%1)").replace("%1", str(len(report.entries)))))
        if with_entries:
            parts.append(
                table(
                    [self.tr("Time"), self.tr("Author"), self.tr("Event"), self.tr("Entry")],
                    ((when(e.at, "%H:%M"), e.author, e.event or "", e.text) for e in report.entries),
                )
            )
        if report.additions:
            parts += [
                heading(self.tr("Additions after the lock (marked)")),
                table(
                    [self.tr("Time"), self.tr("Author"), self.tr("Kind"), self.tr("Text")],
                    (
                        (when(a.at), a.author, self.labels.addition(a.kind).upper(), a.text or "")
                        for a in report.additions
                    ),
                    "addition",
                ),
            ]
        parts.append(self._signatures(report))
        return html_page(parts)

    def _header(self, report: HandoverReport) -> str:
        h = report.header
        actual = (
            f"{when(h.actual_start)} – {when(h.actual_end)}" if h.actual_start else self.tr("not started")
        )
        number = self.tr("no. %1").replace("%1", str(h.shift_id))
        rows = [
            (self.tr("Shift"), f"{h.shift_name} ({number}), {h.day:%d-%m-%Y}"),
            (self.tr("Planned (WIB)"), f"{when(h.planned_start)} – {when(h.planned_end)}"),
            (self.tr("Actual (WIB)"), actual),
            (self.tr("Lead"), h.lead),
            (self.tr("Team"), ", ".join(h.team)),
            (self.tr("Status"), self.labels.status(h.status)),
            (self.tr("Outgoing lead"), h.outgoing_lead or ""),
            (self.tr("Incoming lead"), self._incoming(h)),
            (self.tr("Notes"), h.notes),
        ]
        return fields(rows)

    def _incoming(self, header: ReportHeader) -> str:
        """Who accepted; an admin's acceptance in place of the planned incoming lead says so."""
        if not header.accepted_as_admin:
            return header.incoming_lead or ""
        if header.planned_incoming_lead is None:
            return self.tr("%1 (admin; no next shift was planned)").replace("%1", header.incoming_lead or "")
        return (
            self.tr("%1 (admin, in place of the planned incoming lead %2)")
            .replace("%1", header.incoming_lead or "")
            .replace("%2", header.planned_incoming_lead)
        )

    def _events(self, report: HandoverReport) -> str:
        return table(
            [
                self.tr("Start"),
                self.tr("End"),
                self.tr("Event"),
                self.tr("Organiser"),
                self.tr("Mode"),
                self.tr("Places"),
                self.tr("Participants"),
                self.tr("Stream"),
            ],
            (
                (
                    when(e.start, "%H:%M"),
                    when(e.end, "%H:%M"),
                    e.title,
                    e.organiser,
                    self.labels.mode(e.mode),
                    ", ".join(e.locations),
                    "" if e.participants is None else e.participants,
                    " ".join(p for p in (e.stream_platform, breakable(e.stream_url or "")) if p),
                )
                for e in report.events
            ),
        )

    def _faults(self, faults: Sequence[FaultNote]) -> str:
        return table(
            [
                self.tr("No."),
                self.tr("Opened"),
                self.tr("Device"),
                self.tr("Severity"),
                self.tr("Description"),
                self.tr("Owner"),
                self.tr("Closed"),
                self.tr("Resolution"),
            ],
            (
                (
                    f.id,
                    when(f.opened_at, SHORT),
                    f.device or "—",
                    self.labels.severity(f.severity),
                    f.description,
                    f.owner or "",
                    when(f.closed_at, SHORT),
                    f.resolution or "",
                )
                for f in faults
            ),
        )

    def _signatures(self, report: HandoverReport) -> str:
        steps = {
            "signed": self.tr("Signed by the outgoing lead"),
            "accepted": self.tr("Accepted by the incoming lead"),
            "accepted as admin": self.tr("Accepted by an admin in place of the incoming lead"),
        }
        signed = table(
            [self.tr("Step"), self.tr("Name"), self.tr("Time (WIB)")],
            ((steps.get(s.step, s.step), s.name, when(s.at)) for s in report.signatures),
        )
        h = report.header
        if h.content_hash is None:
            check = paragraph(
                self.tr("Not locked yet: the record gets its hash when the incoming lead accepts.")
            )
        else:
            verdict = (
                paragraph(self.tr("verified: the record is as it was accepted and signed"), "good")
                if h.verified
                else paragraph(
                    self.tr("NOT VERIFIED: the record was changed after the lock (%1)").replace(
                        "%1", "; ".join(said(part) for part in h.misfits)
                    ),
                    "bad",
                )
            )
            check = f"<p>SHA-256: <span class='hash'>{h.content_hash}</span></p>{verdict}"
        printed = self.tr("Printed %1 WIB").replace("%1", when(utc_now(), "%d-%m-%Y %H:%M"))
        return (
            heading(self.tr("Signatures"))
            + signed
            + heading(self.tr("Integrity"))
            + check
            + paragraph(printed)
        )

    def write_pdf(self, report: HandoverReport, path: str | os.PathLike[str]) -> None:
        """Write the PDF; a folder that cannot be written raises OSError (before any work is done)."""
        document = QTextDocument()
        document.setHtml(self.html(report))
        print_pdf(
            document,
            path,
            self.tr("Shift handover report") + f" — {report.header.shift_name} {report.header.day}",
        )


def save_handover(report: HandoverReport, path: str | os.PathLike[str]) -> None:
    """PDF (Qt's PDF writer; needs a QGuiApplication) or CSV, by the extension of ``path``."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        HandoverDocument().write_pdf(report, path)
    elif suffix == ".csv":
        write_handover_csv(report, path)
    else:
        raise UnsupportedFile(
            QT_TRANSLATE_NOOP("ReportFiles", "{path}: a handover report is written as .pdf or .csv").format(
                path=os.fspath(path)
            )
        )
