"""Report files: the handover report as a PDF (Qt's own PDF writer, no extra library) or CSV,
chosen by the file's extension; what every PDF report shares (letterhead, headings, tables, the A4
page and writing the file). The console and ``python app.py
report`` write their files through here (the monthly statistics through ``ui.reports.monthly_pdf``).

A PDF is laid out as HTML tables in a ``QTextDocument`` printed to a ``QPdfWriter`` on A4 by
``ui.reports.pages``: columns as wide as their text needs, words never broken, a table row never
split across pages, a continued table's header repeated, pages numbered. Rows are ruled, not boxed:
``border-collapse`` makes Qt lay out a 2,000-row table three times slower. Labels follow the interface
language (the translator installed in the application); names, places and texts stay as written. Rendering
needs a ``QGuiApplication`` but no window; it may run on a worker thread. The file is written beside its final
name and renamed at the end, so a failed report never leaves half a PDF.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Iterable, Sequence
from datetime import datetime
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QObject
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import to_wib, utc_now
from models.oplog.handover_summary import FaultNote
from models.oplog.reports.csv_files import write_handover_csv
from models.oplog.reports.handover import HandoverReport, ReportHeader
from ui.common.device_words import result_text
from ui.common.labels import Labels
from ui.common.wording import said
from ui.reports.handover_streams import StreamsSection
from ui.reports.pages import print_pages

MARGIN_MM = 15
SHORT = "%d-%m %H:%M"
STYLE = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 8.5pt; }
h1 { font-size: 13pt; } h2 { font-size: 10pt; }
.kop { text-align: center; } .kop b { font-size: 11pt; }
table.grid th { background: #e0e0e0; text-align: left; }
table.grid td, table.grid th { border-bottom: 1px solid #9e9e9e; padding: 2px 4px; }
.hash { font-family: 'DejaVu Sans Mono', monospace; font-size: 8pt; }
p.bad { color: #b71c1c; font-weight: bold; } p.good { color: #1b5e20; font-weight: bold; }
.addition { background: #fff3e0; }
"""


def when(moment: datetime | None, pattern: str = "%d-%m-%Y %H:%M") -> str:
    return "" if moment is None else to_wib(moment).strftime(pattern)


def heading(text: str, level: str = "h2", new_page: bool = False) -> str:
    style = " style='page-break-before: always'" if new_page else ""
    return f"<{level}{style}>{escape(text)}</{level}>"


def paragraph(text: str, css_class: str = "") -> str:
    return f"<p class={css_class!r}>{escape(text)}</p>" if css_class else f"<p>{escape(text)}</p>"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], row_class: str = "") -> str:
    """An HTML table; cells are escaped here. An empty one says so. The columns take their widths from
    their text (Qt's table layout: no column narrower than its longest word)."""
    body = "".join(
        f"<tr{f' class={row_class!r}' if row_class else ''}>"
        + "".join(f"<td>{escape(str(cell))}</td>" for cell in row)
        + "</tr>"
        for row in rows
    )
    if not body:
        return "<p>—</p>"
    head = "".join(f"<th>{escape(header)}</th>" for header in headers)
    return f"<table class='grid' width='100%' cellspacing='0'><thead><tr>{head}</tr></thead>{body}</table>"


def fields(rows: Iterable[tuple[str, str]]) -> str:
    """A table of labels (left column) and their values."""
    cells = "".join(f"<tr><th>{escape(label)}</th><td>{escape(value)}</td></tr>" for label, value in rows)
    return f"<table class='grid' width='100%' cellspacing='0'>{cells}</table>"


def breakable(url: str) -> str:
    """``url`` with a place to wrap after each slash (a zero-width space), so that a long address
    fits its column instead of widening the table past the page."""
    return url.replace("/", "/\u200b")


def letterhead(title: str) -> str:
    """The office's letterhead, then the report's title."""
    return (
        "<div class='kop'><b>PEMERINTAH KABUPATEN TRENGGALEK</b><br>"
        "<b>DINAS KOMUNIKASI DAN INFORMATIKA</b><br>Smart Centre</div><hr>" + heading(title, "h1")
    )


def html_page(parts: Iterable[str]) -> str:
    """The parts of a report as one HTML page in the reports' style."""
    return f"<html><head><style>{STYLE}</style></head><body>{''.join(parts)}</body></html>"


def print_pdf(document: QTextDocument, path: str | os.PathLike[str], title: str) -> None:
    """Print ``document`` on numbered A4 pages into ``path``.

    The PDF goes to a temporary file beside ``path``, which replaces ``path`` only when complete:
    the file is then either the whole report or as it was. A folder that cannot be written raises
    OSError before any work is done (Qt's writer would fail silently).
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    with open(temporary, "xb"):
        pass
    try:
        writer = QPdfWriter(os.fspath(temporary))
        writer.setTitle(title)
        writer.setCreator("Smart Centre Console")
        writer.setResolution(300)
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                QPageLayout.Unit.Millimeter,
            )
        )
        print_pages(document, writer)  # the file is complete when it returns (its painter has ended)
        with open(temporary, "rb+") as written:
            written.seek(max(0, os.path.getsize(temporary) - 64))
            if b"%%EOF" not in written.read():  # Qt's writer reports no error, e.g. on a full disk
                raise OSError(
                    errno.EIO, QT_TRANSLATE_NOOP("ReportFiles", "the PDF writer could not finish the file")
                )
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


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


class UnsupportedFile(ValueError):
    """The file's extension names a format this report is not written in."""


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
