"""The monthly statistics as a PDF: from the window (charts recorded on the GUI thread, the file written
on the database thread) and from ``python app.py report monthly``. Read back with pypdf: the month, no
file path, and every number of a seeded demo month (computed from the statistics, in English and
in Indonesian); drawn with QtPdf: each statistic's chart is on its page. Failures leave no file."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCharts import QValueAxis
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtPdf import QPdfDocument

import app
import ui.reports.monthly
import ui.reports.monthly_pdf
from models.oplog.clock import WIB
from models.oplog.database import open_database
from models.oplog.reports.monthly import (
    DayModeCount,
    DeviceFaultCount,
    LocationCount,
    MonthlyStats,
    StaffHours,
    monthly_stats,
)
from models.oplog.seed.demo import seed_demo
from tests.support.commands import run_app
from tests.support.oplog_databases import Backend
from tests.support.pdf_text import page_text, pdf_text
from ui.common.oplog_worker import OplogWorker
from ui.reports.charts import MonthlyCharts
from ui.reports.monthly import MonthlyWindow
from ui.reports.monthly_pdf import save_monthly

pytestmark = pytest.mark.gui

MODES = ("daring", "luring", "campuran")
SEVERITIES = ("minor", "major", "critical")
WORDS = {
    "en": {
        "title": "Monthly statistics",
        "modes": ("online", "on site", "hybrid"),
        "total": "Total",
        "severities": ("minor", "major", "critical"),
        "date": "Date",
        "held": "Held",
        "planned": "Planned",
        "device": "Device",
        "results": {
            "not executable": "not possible in the camera's current mode",
            "timeout": "no answer in time",
            "offline": "offline",
            "command buffer full": "camera busy",
        },
    },
    "id": {
        "title": "Statistik bulanan",
        "modes": ("daring", "luring", "campuran"),
        "total": "Jumlah",
        "severities": ("ringan", "berat", "kritis"),
        "date": "Tanggal",
        "held": "Terlaksana",
        "planned": "Rencana",
        "device": "Perangkat",
        "results": {
            "not executable": "tidak bisa dalam mode kamera saat ini",
            "timeout": "tidak ada jawaban tepat waktu",
            "offline": "terputus",
            "command buffer full": "kamera sibuk",
        },
    },
}


class Month:
    def __init__(self, url: str, name: str, stats: MonthlyStats) -> None:
        self.url, self.name, self.stats = url, name, stats


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def october(request, tmp_path_factory):
    """The demo month October 2026 in a database of each kind."""
    backend = Backend(request.param, tmp_path_factory.mktemp("october"))
    url = backend.url()
    database = backend.open(url)
    seed_demo(database, "2026-10", now=datetime(2026, 11, 2, tzinfo=UTC))
    with database.transaction() as session:
        stats = monthly_stats(session, 2026, 10)
    yield Month(url, database.name, stats)
    backend.close()


def h_mm(hours: float) -> str:
    minutes = round(hours * 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def expected_lines(stats: MonthlyStats, language: str) -> list[str]:
    """Every number of the month as the PDF's tables say it, one table row per line."""
    words = WORDS[language]
    per_day: dict = {}
    planned = Counter()
    for row in stats.events_per_day:
        per_day.setdefault(row.day, Counter())[row.mode] += row.events
        planned[row.day] += row.planned
    modes = Counter()
    for counts in per_day.values():
        modes.update(counts)
    faults: dict = {}
    for row in stats.device_faults:
        faults.setdefault(row.device, Counter())[row.severity] += row.faults
    severities = Counter()
    for counts in faults.values():
        severities.update(counts)
    return [
        f"{words['date']} {' '.join(words['modes'])} {words['held']} {words['planned']}",
        *(
            f"{day:%d-%m-%Y} {' '.join(str(counts[m]) for m in MODES)} {sum(counts.values())} {planned[day]}"
            for day, counts in per_day.items()
        ),
        f"{words['total']} {' '.join(str(modes[m]) for m in MODES)} "
        f"{sum(modes.values())} {sum(planned.values())}",
        *(f"{row.location} {row.events} {row.participants} {row.planned}" for row in stats.locations),
        *(
            f"{row.staff} {row.category} {row.shifts} {h_mm(row.hours)} "
            f"{row.planned_shifts} {h_mm(row.planned_hours)}"
            for row in stats.staff_hours
        ),
        f"{words['device']} {' '.join(words['severities'])} {words['total']}",
        *(
            f"{device} {' '.join(str(counts[s]) for s in SEVERITIES)} {sum(counts.values())}"
            for device, counts in faults.items()
        ),
        f"{words['total']} {' '.join(str(severities[s]) for s in SEVERITIES)} {sum(severities.values())}",
        *(f"{row.device} {words['results'][row.result]} {row.count}" for row in stats.device_errors),
        *(
            f"{row.organiser} {dict(zip(MODES, words['modes'], strict=True))[row.mode]} {row.streams} "
            f"{h_mm(row.hours)} {row.drops}"
            for row in stats.on_air
        ),
    ]


def page_texts(path: Path) -> list[str]:
    return [page_text(page) for page in PdfReader(path).pages]


def assert_the_pdf_has_the_month(path: Path, month: Month, language: str) -> None:
    text = pdf_text(path)
    words = WORDS[language]
    stats = month.stats
    assert stats.events_per_day
    assert stats.locations
    assert stats.staff_hours
    assert stats.device_faults
    assert sum(row.drops for row in stats.on_air) > 0, "the demo month has streams that dropped"
    assert f"{words['title']} 10-2026" in text
    assert month.name not in text, "no file paths in printed reports"
    assert "sqlite" not in text, "no file paths in printed reports"
    missing = [line for line in expected_lines(stats, language) if line not in text]
    assert not missing, missing
    pages = page_texts(path)
    assert [page.split()[-1] for page in pages] == [str(number) for number in range(1, len(pages) + 1)]
    assert not any(page.images for page in PdfReader(path).pages), "charts are vector drawings"


def assert_the_charts_are_drawn(path: Path, stats: MonthlyStats) -> None:
    """Each section's page shows its chart: the title, then pixels of every bar colour it uses (and the
    day axis of the first chart as text)."""
    document = QPdfDocument()
    document.load(str(path))
    pages = page_texts(path)
    charts = MonthlyCharts().charts(stats)
    assert " ".join(str(day) for day in range(1, 32)) in pages[0]
    for number, chart in enumerate(charts):
        heading = f"{number + 1}. {chart.title()}"
        page = next(index for index, text in enumerate(pages) if heading in text)
        image = document.render(page, QSize(850, 1202)).convertToFormat(QImage.Format.Format_RGB32)
        pixels = bytes(image.constBits())
        for bar_set in chart.series()[0].barSets():
            if bar_set.sum() > 0:
                colour = bar_set.color()
                pattern = bytes([colour.blue(), colour.green(), colour.red(), 255])
                assert pixels.count(pattern) > 50, f"{heading}: no {bar_set.label()} bars on page {page + 1}"


def window_for(month: Month, qtbot) -> MonthlyWindow:
    worker = OplogWorker(lambda: open_database(month.url))
    window = MonthlyWindow(worker)
    qtbot.addWidget(window)
    window.month.setDate(window.month.date().fromString("2026-10-01", "yyyy-MM-dd"))
    window.open()
    qtbot.waitUntil(lambda: window.stats is not None, timeout=10_000)
    return window


def test_the_window_exports_the_monthly_pdf_off_the_gui_thread(october, tmp_path, qtbot, monkeypatch):
    threads = {}

    def noting_the_thread(name, real):
        def call(*args):
            threads[name] = threading.current_thread()
            return real(*args)

        return call

    for module, name in ((ui.reports.monthly, "record"), (ui.reports.monthly_pdf, "print_pdf")):
        monkeypatch.setattr(module, name, noting_the_thread(name, getattr(module, name)))
    window = window_for(october, qtbot)
    assert window.stats == october.stats
    assert window.export_pdf.isEnabled()
    path = tmp_path / "statistik-2026-10.pdf"
    window.save_pdf(str(path))
    qtbot.waitUntil(lambda: window.summary.text() == f"Saved: {path}", timeout=20_000)
    window.worker.stop()
    assert threads["record"] is threading.main_thread()  # QtCharts: GUI thread
    assert threads["print_pdf"] is not threading.main_thread()  # layout and file: the database thread
    assert_the_pdf_has_the_month(path, october, "en")
    assert_the_charts_are_drawn(path, october.stats)
    assert sorted(tmp_path.iterdir()) == [path]


def test_the_pdf_is_in_indonesian_with_the_translation(october, tmp_path, qtbot, indonesian):
    window = window_for(october, qtbot)
    path = tmp_path / "statistik.pdf"
    window.save_pdf(str(path))
    qtbot.waitUntil(lambda: window.summary.text() == f"Disimpan: {path}", timeout=20_000)
    window.worker.stop()
    assert window.export_pdf.text() == "Ekspor PDF…"
    assert_the_pdf_has_the_month(path, october, "id")
    text = pdf_text(path)
    for heading in (
        "1. Acara per hari menurut mode",
        "2. Acara per lokasi",
        "3. Jam kerja petugas",
        "4. Gangguan perangkat menurut tingkat",
        "Kesalahan perangkat (jejak audit)",
        "PEMERINTAH KABUPATEN TRENGGALEK",
    ):
        assert heading in text, heading


def test_the_window_says_why_a_pdf_cannot_be_written(october, tmp_path, qtbot, indonesian):
    window = window_for(october, qtbot)
    missing = tmp_path / "tidak-ada" / "statistik.pdf"
    window.save_pdf(str(missing))
    qtbot.waitUntil(lambda: "tidak dapat ditulis" in window.summary.text(), timeout=20_000)
    assert window.summary.text().startswith(f"{missing} tidak dapat ditulis: ")
    taken = tmp_path / "folder.pdf"  # a folder by that name: written in full, then cannot be renamed
    taken.mkdir()
    window.save_pdf(str(taken))
    qtbot.waitUntil(
        lambda: window.summary.text().startswith(f"{taken} tidak dapat ditulis: "), timeout=20_000
    )
    window.worker.stop()
    assert sorted(tmp_path.iterdir()) == [taken]
    assert not any(taken.iterdir())


def test_the_report_command_writes_the_monthly_pdf(october, tmp_path, qapp, capsys):
    path = tmp_path / "statistik.pdf"
    path.write_bytes(b"last month's report")
    assert (
        app.main(
            ["report", "monthly", "--month", "2026-10", "-o", str(path), "--db", october.url, "--lang", "en"]
        )
        == 2
    )
    assert "the file exists" in capsys.readouterr().err
    assert path.read_bytes() == b"last month's report"
    assert (
        app.main(
            [
                "report",
                "monthly",
                "--month",
                "2026-10",
                "-o",
                str(path),
                "--db",
                october.url,
                "--lang",
                "en",
                "--force",
            ]
        )
        == 0
    )
    assert f"Statistics of 2026-10 written to {path}." in capsys.readouterr().out
    assert_the_pdf_has_the_month(path, october, "en")
    assert_the_charts_are_drawn(path, october.stats)
    assert sorted(tmp_path.iterdir()) == [path]


def test_the_report_command_writes_an_indonesian_pdf(october, tmp_path):
    path = tmp_path / "statistik.pdf"
    done = run_app(
        "report", "monthly", "--month", "2026-10", "-o", str(path), "--db", october.url, "--lang", "id"
    )
    assert done.returncode == 0, done.stderr
    assert_the_pdf_has_the_month(path, october, "id")


def test_the_report_command_refuses_a_bad_month_or_path_and_writes_nothing(october, tmp_path, qapp, capsys):
    with pytest.raises(SystemExit) as bad_month:
        app.main(
            ["report", "monthly", "--month", "2026-13", "-o", str(tmp_path / "x.pdf"), "--db", october.url]
        )
    assert bad_month.value.code == 2
    assert "'2026-13' is not a month like 2026-11" in capsys.readouterr().err
    missing = tmp_path / "tidak-ada" / "x.pdf"
    assert (
        app.main(
            [
                "report",
                "monthly",
                "--month",
                "2026-10",
                "-o",
                str(missing),
                "--db",
                october.url,
                "--lang",
                "en",
            ]
        )
        == 1
    )
    assert capsys.readouterr().err == f"error: {missing} cannot be written: No such file or directory\n"
    taken = tmp_path / "folder.pdf"
    taken.mkdir()
    assert (
        app.main(
            ["report", "monthly", "--month", "2026-10", "-o", str(taken), "--db", october.url, "--lang", "en"]
        )
        == 1
    )
    assert capsys.readouterr().err.startswith(f"error: {taken} cannot be written: ")
    assert sorted(tmp_path.iterdir()) == [taken]
    assert not any(taken.iterdir())


def test_an_empty_month_still_has_its_four_sections(tmp_path, qapp, qtlog):
    path = tmp_path / "statistik-2030-02.pdf"
    save_monthly(MonthlyStats(2030, 2, (), (), (), (), ()), path)
    text = pdf_text(path)
    for expected in (
        "Monthly statistics 02-2030",
        "Events held 0 (online 0, on site 0, hybrid 0)",
        "Events planned 0",
        "1. Events per day by mode",
        "2. Events per location",
        "3. Staff hours",
        "4. Device faults by severity",
    ):
        assert expected in text, expected
    assert " ".join(str(day) for day in range(1, 29)) in text
    assert not [record.message for record in qtlog.records], "QtCharts warned about the empty charts"


@pytest.fixture(scope="module")
def this_month(tmp_path_factory):
    """The demo month around now, half past and half planned: (url, stats counted now)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('now') / 'demo.sqlite'}"
    database = open_database(url)
    seed_demo(database)
    database.close()
    return url


def test_a_month_under_way_is_counted_up_to_now_and_the_rest_labelled_planned(this_month, tmp_path, qtbot):
    worker = OplogWorker(lambda: open_database(this_month))
    window = MonthlyWindow(worker)
    qtbot.addWidget(window)
    window.open()
    qtbot.waitUntil(lambda: window.stats is not None, timeout=10_000)
    stats = window.stats
    held, planned = sum(stats.events_by_mode().values()), stats.planned_events()
    assert stats.until is not None
    assert planned > 0
    assert window.summary.text().startswith(
        f"Up to {stats.until.astimezone(WIB):%d-%m-%Y %H:%M} WIB: {held} events held, {planned} planned; "
    )
    per_day = window.views[0].chart().series()[0].barSets()
    assert [bar_set.label() for bar_set in per_day] == ["online", "on site", "hybrid", "planned"]
    assert per_day[-1].sum() == planned
    hours = window.views[2].chart().series()[0].barSets()
    assert [bar_set.label() for bar_set in hours] == ["worked", "planned"]
    assert hours[1].sum() == pytest.approx(sum(row.planned_hours for row in stats.staff_hours))
    pdf, csv_file = tmp_path / "statistik.pdf", tmp_path / "statistik.csv"
    window.save_pdf(str(pdf))
    qtbot.waitUntil(lambda: window.summary.text() == f"Saved: {pdf}", timeout=20_000)
    window.save_csv(str(csv_file))
    qtbot.waitUntil(lambda: window.summary.text() == f"Saved: {csv_file}", timeout=20_000)
    worker.stop()
    text = pdf_text(pdf)
    assert f"Counted up to {stats.until.astimezone(WIB):%d-%m-%Y %H:%M} WIB" in text
    assert f"Events planned {planned}" in text
    assert "Held Planned" in text
    assert "demo.sqlite" not in text
    assert str(tmp_path.parent) not in text
    rows = csv_file.read_text(encoding="utf-8-sig").splitlines()
    assert f"events_planned,{stats.year:04d}-{stats.month:02d},,{planned}" in rows


def tick_values(axis) -> list[float]:
    """The values an axis labels: every tick interval from the anchor, or its evenly spaced fixed ticks."""
    if axis.tickType() == QValueAxis.TickType.TicksDynamic:
        count = round((axis.max() - axis.tickAnchor()) / axis.tickInterval())
        return [axis.tickAnchor() + step * axis.tickInterval() for step in range(count + 1)]
    return [
        axis.min() + step * (axis.max() - axis.min()) / (axis.tickCount() - 1)
        for step in range(axis.tickCount())
    ]


def test_every_chart_that_counts_has_whole_numbers_on_its_axis(tmp_path, qtbot):
    stats = MonthlyStats(
        2026,
        12,
        (DayModeCount(date(2026, 12, 1), "luring", 1),),
        (LocationCount("Pendopo Manggala Praja Nugraha", 1, 40),),
        (StaffHours("Budi Santoso", "PNS", 1, 7.5),),
        (DeviceFaultCount("Kamera Pendopo", "major", 1), DeviceFaultCount("Kamera Studio", "minor", 1)),
        (),
    )
    charts = MonthlyCharts().charts(stats)
    for number in (0, 1, 3):
        axis = charts[number].axes(Qt.Orientation.Vertical if number == 0 else Qt.Orientation.Horizontal)[0]
        ticks = tick_values(axis)
        assert ticks[0] == 0, (number, ticks)
        assert ticks[-1] >= 1, (number, ticks)
        assert all(tick == int(tick) for tick in ticks), (number, ticks)
        assert axis.labelFormat() == "%d"
    path = tmp_path / "statistik.pdf"
    save_monthly(stats, path)
    faults_page = next(text for text in page_texts(path) if "4. Device faults by severity" in text)
    assert "0.2" not in faults_page
    assert "0.5" not in faults_page
