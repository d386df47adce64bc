"""What every PDF report shares: the office's letterhead, headings, paragraphs and tables as HTML in
the reports' style, dates in WIB, the A4 page and writing the file. The handover report
(handover_pdf.py) and the monthly statistics (monthly_pdf.py) are built of these.

A PDF is laid out as HTML tables in a ``QTextDocument`` printed to a ``QPdfWriter`` on A4 by
``ui.reports.pages``: columns as wide as their text needs, words never broken, a table row never
split across pages, a continued table's header repeated, pages numbered. Rows are ruled, not boxed:
``border-collapse`` makes Qt lay out a 2,000-row table three times slower. Rendering needs a
``QGuiApplication`` but no window; it may run on a worker thread. The file is written beside its final
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

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import to_wib
from ui.reports.pages import print_pages

MARGIN_MM = 15
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


class UnsupportedFile(ValueError):
    """The file's extension names a format this report is not written in."""
