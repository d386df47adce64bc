"""The printed handover report read back with pypdf: headers are whole words, a log entry is never split
across two pages, a table continued on a new page repeats its header, and the pages stay numbered."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QTextDocument

from models.oplog.database import open_database
from models.oplog.logbook import add_log_entry
from models.oplog.reports.handover import handover_report
from tests.support.oplog_scenes import accepted, busy_morning
from tests.support.oplog_world import T0, build_world
from tests.support.pdf_text import page_text
from ui.reports.handover_pdf import save_handover
from ui.reports.pages import Break, breaks, page_slices, share_width

pytestmark = pytest.mark.gui
SENTENCE = "Kamera Pendopo dicek ulang bersama teknisi, siaran YouTube stabil."


def entry(number: int) -> str:
    """Log entries of one to five lines, each told apart by its number."""
    return f"Entri {number:03d}: " + " ".join([SENTENCE] * (1 + number % 5))


@pytest.fixture
def long_shift(tmp_path, qapp):
    """The busy morning with 80 more log entries, handed over: its report."""
    database = open_database(f"sqlite:///{tmp_path / 'oplog.sqlite'}")
    world = build_world(database)
    shift_id = busy_morning(database, world)
    with database.transaction() as session:
        budi = world.staff(session, world.budi)
        for number in range(80):
            add_log_entry(session, budi, entry(number), T0 + number * timedelta(minutes=5))
    accepted(database, world, shift_id)
    with database.transaction() as session:
        report = handover_report(session, shift_id)
    database.close()
    return report


def test_headers_are_whole_words_and_an_entry_stays_on_its_page_under_the_header(long_shift, tmp_path):
    path = tmp_path / "serah-terima.pdf"
    save_handover(long_shift, path)
    pages = [page_text(page) for page in PdfReader(path).pages]
    text = " ".join(pages)
    for header in (
        "No. Opened Device Severity Description Owner Closed Resolution",
        "Start End Event Organiser Mode Places Participants Stream",
        "Time Author Event Entry",
    ):
        assert header in text, header
    split = [number for number in range(80) if sum(entry(number) in page for page in pages) != 1]
    assert not split, f"entries not whole on one page: {split}"
    continued = [page for page in pages[1:] if "Entri" in page.split("Signatures")[0]]
    assert len(continued) >= 3
    for page in continued:
        assert page.startswith("Time Author Event Entry"), page[:80]
    assert [page.split()[-1] for page in pages] == [str(number) for number in range(1, len(pages) + 1)]
    assert "sqlite" not in text, "no file paths in a printed report"
    assert str(tmp_path) not in text, "no file paths in a printed report"


def test_a_page_ends_at_the_last_break_that_fits_and_a_forced_break_ends_it_early():
    candidates = [Break(100), Break(180), Break(260), Break(300, forced=True), Break(420)]
    assert [(page.top, page.bottom) for page in page_slices(candidates, 500, 200)] == [
        (0, 180),
        (180, 300),
        (300, 500),
    ]


def test_a_part_taller_than_a_page_is_cut_where_the_page_is_full():
    assert [(page.top, page.bottom) for page in page_slices([Break(50)], 500, 200)] == [
        (0, 50),
        (50, 250),
        (250, 450),
        (450, 500),
    ]


def test_no_page_begins_between_a_heading_and_its_table(qapp):
    document = QTextDocument()
    document.setHtml(
        "<p>Sebelumnya</p><h2>Judul tabel</h2><table><thead><tr><th>Kolom</th></tr></thead>"
        + "".join(f"<tr><td>{number}</td></tr>" for number in range(3))
        + "</table>"
    )
    document.setTextWidth(600)
    table = document.rootFrame().childFrames()[0]
    heading = document.findBlockByNumber(1)
    assert heading.text() == "Judul tabel"
    layout = document.documentLayout()
    places = [place.y for place in breaks(document)]
    assert layout.blockBoundingRect(heading).top() in places
    assert layout.frameBoundingRect(table).top() not in places
    rows = [place for place in breaks(document) if place.header is not None]
    assert len(rows) == 2, "before the second and third body rows, each repeating the header"


def test_short_texts_keep_their_whole_width_and_long_ones_share_the_rest():
    # time, author, entry: the entry needs far more than there is; the others fit on one line
    widths = share_width([20, 40, 60], [20, 90, 900], 400)
    assert widths[:2] == [20, 90]
    assert widths[2] == pytest.approx(290)
    assert share_width([10, 10], [30, 10], 100) == pytest.approx([75, 25])  # all fit: the rest in proportion
    assert share_width([300, 200], [400, 300], 400) == [300, 200]  # longest words over the width
