"""Reports: the handover PDF read back, the CSV round trip through ``python app.py report``, the
command line end to end, and the monthly statistics window's charts (its PDF: test_monthly_pdf.py)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

import app
from models.oplog import handover as ho
from models.oplog.database import open_database
from models.oplog.reports.csv_files import read_handover_csv
from models.oplog.reports.handover import handover_report
from models.oplog.reports.monthly import monthly_stats
from models.oplog.seed.demo import seed_demo
from tests.support.commands import run_app
from tests.support.oplog_scenes import ACCEPTED, accepted, busy_morning, handover, signed
from tests.support.oplog_world import build_world
from tests.support.pdf_text import pdf_text
from ui.common.oplog_worker import OplogWorker
from ui.reports.handover_pdf import save_handover
from ui.reports.monthly import MonthlyWindow

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def handed_over(tmp_path):
    """A SQLite file with the busy morning shift, signed by Budi and accepted by Dwi: (url, shift id)."""
    url = f"sqlite:///{tmp_path / 'oplog.sqlite'}"
    database = open_database(url)
    world = build_world(database)
    shift_id = busy_morning(database, world)
    accepted(database, world, shift_id)
    database.close()
    return url, shift_id


def report_of(url: str, shift_id: int):
    database = open_database(url)
    try:
        with database.transaction() as session:
            return handover_report(session, shift_id)
    finally:
        database.close()


@pytest.mark.gui
def test_the_handover_pdf_reads_back(handed_over, tmp_path, qapp):
    url, shift_id = handed_over
    path = tmp_path / "serah-terima.pdf"
    assert (
        app.main(
            ["report", "handover", "--shift", str(shift_id), "-o", str(path), "--db", url, "--lang", "en"]
        )
        == 0
    )
    text = pdf_text(path)
    report = report_of(url, shift_id)
    for expected in (
        "PEMERINTAH KABUPATEN TRENGGALEK",
        "Smart Centre",
        "Shift handover report",
        f"Pagi (no. {shift_id}), 03-11-2026",
        "Budi Santoso",
        "Dwi Rahmawati",
        "Agus Setiawan",
        "Musrenbang Kecamatan Panggul",
        "Kamera Pendopo perlu dicek teknisi",
        "Catatan 2",
        "Panel 3 berkedip",
        report.header.content_hash,
        "verified: the record is as it was accepted and signed",
    ):
        assert expected in text, expected


def test_the_handover_csv_round_trips_through_the_report_command(handed_over, tmp_path, capsys):
    url, shift_id = handed_over
    path = tmp_path / "serah-terima.csv"
    assert app.main(["--db", url, "report", "handover", "--shift", str(shift_id), "-o", str(path)]) == 0
    assert f"shift {shift_id} written to {path}" in capsys.readouterr().out
    assert read_handover_csv(path) == report_of(url, shift_id)


def test_the_report_command_end_to_end(handed_over, tmp_path):
    url, shift_id = handed_over
    pdf = tmp_path / "laporan.pdf"
    done = run_app(
        "report", "handover", "--shift", str(shift_id), "-o", str(pdf), "--db", url, "--lang", "id"
    )
    assert done.returncode == 0, done.stderr
    text = pdf_text(pdf)
    assert "Laporan serah terima shift" in text
    assert "Budi Santoso" in text
    assert report_of(url, shift_id).header.content_hash in text
    monthly = tmp_path / "statistik.csv"
    done = run_app("report", "monthly", "--month", "2026-11", "-o", str(monthly), "--db", url)
    assert done.returncode == 0, done.stderr
    assert "events_per_day,2026-11-03,luring,1" in monthly.read_text(encoding="utf-8-sig")
    refused = run_app(
        "report", "monthly", "--month", "2026-11", "-o", str(tmp_path / "statistik.xlsx"), "--db", url
    )
    assert refused.returncode == 2
    assert "written as .pdf or .csv" in refused.stderr
    assert not (tmp_path / "statistik.xlsx").exists()
    unknown = run_app("report", "handover", "--shift", "999", "-o", str(tmp_path / "x.csv"), "--db", url)
    assert unknown.returncode == 2
    assert "no shift number 999" in unknown.stderr
    bad_month = run_app("report", "monthly", "--month", "2026-13", "-o", str(monthly), "--db", url)
    assert bad_month.returncode == 2
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"not a database" * 200)
    broken = run_app(
        "report",
        "monthly",
        "--month",
        "2026-11",
        "-o",
        str(tmp_path / "lagi.csv"),
        "--db",
        f"sqlite:///{damaged}",
    )
    assert broken.returncode == 1
    assert len(broken.stderr.strip().splitlines()) == 1
    assert "damaged" in broken.stderr


def exit_code(capsys, *argv: str) -> tuple[int, str]:
    """``app.main(argv)``'s exit code (argparse's own exit included) and what it wrote to stderr."""
    try:
        code = app.main(list(argv))
    except SystemExit as end:
        code = end.code
    return code, capsys.readouterr().err


def test_every_bad_report_argument_is_one_sentence_and_exit_2(handed_over, tmp_path, capsys):
    url, shift_id = handed_over
    out = str(tmp_path / "laporan.csv")
    for argv, words in [
        (("--db", "notaurl", "report", "monthly", "--month", "2026-11", "-o", out), "not a database URL"),
        (("report", "monthly", "--month", "2026-11", "-o", out, "--db", "nosuch://x"), "not a database URL"),
        (("report", "monthly", "--month", "0001-01", "-o", out, "--db", url), "not a month"),
        (
            ("report", "handover", "--shift", "99999999999999999999999", "-o", out, "--db", url),
            "not a shift number",
        ),
        (("report", "handover", "--shift", "-3", "-o", out, "--db", url), "not a shift number"),
    ]:
        code, error = exit_code(capsys, *argv)
        assert code == 2, (argv, error)
        assert words in error, (argv, error)
        assert "Traceback" not in error, (argv, error)
        assert len([line for line in error.splitlines() if "error: " in line]) == 1, error
    assert not Path(out).exists()


def test_a_report_replaces_a_file_only_with_force_and_never_the_database(tmp_path, capsys, monkeypatch):
    database = tmp_path / "oplog.csv"  # a database whose name a report could take
    open_database(f"sqlite:///{database}").close()
    url, before = f"sqlite:///{database}", database.read_bytes()
    mine = tmp_path / "mine.csv"
    mine.write_text("keep me")
    code, error = exit_code(capsys, "report", "monthly", "--month", "2026-11", "-o", str(mine), "--db", url)
    assert code == 2
    assert "exists" in error
    assert "--force" in error
    assert mine.read_text() == "keep me"
    assert (
        exit_code(capsys, "report", "monthly", "--month", "2026-11", "-o", str(mine), "--db", url, "--force")[
            0
        ]
        == 0
    )
    assert mine.read_text(encoding="utf-8-sig").startswith("section,item")
    (tmp_path / "link.csv").symlink_to(database)
    monkeypatch.chdir(tmp_path)
    for target in (str(database), "link.csv", "./oplog.csv", str(tmp_path / "sub" / ".." / "oplog.csv")):
        code, error = exit_code(
            capsys, "report", "monthly", "--month", "2026-11", "-o", target, "--db", url, "--force"
        )
        assert code == 2, (target, error)
        assert "is the operations log database" in error, (target, error)
    assert database.read_bytes() == before


def test_a_locked_database_is_told_in_command_line_words(handed_over, tmp_path, capsys):
    url, _shift_id = handed_over
    holder = sqlite3.connect(tmp_path / "oplog.sqlite", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        code, error = exit_code(
            capsys, "report", "monthly", "--month", "2026-11", "-o", str(tmp_path / "s.csv"), "--db", url
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 1, error
    assert "is locked" in error, error
    assert "run the command again" in error, error
    assert "console will try again" not in error
    assert error.count("\n") == 1


def values(bar_set) -> list[float]:
    return [bar_set.at(index) for index in range(bar_set.count())]


@pytest.mark.gui
def test_the_monthly_charts_match_the_statistics(tmp_path, qtbot):
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    database = open_database(url)
    seed_demo(database, "2026-10", now=datetime(2026, 11, 2, tzinfo=UTC))
    with database.transaction() as session:
        stats = monthly_stats(session, 2026, 10)
    database.close()
    worker = OplogWorker(lambda: open_database(url))
    window = MonthlyWindow(worker)
    qtbot.addWidget(window)
    window.month.setDate(window.month.date().fromString("2026-10-01", "yyyy-MM-dd"))
    window.open()
    qtbot.waitUntil(lambda: window.stats is not None, timeout=10_000)
    worker.stop()
    assert window.stats == stats
    charts = [view.chart() for view in window.views]
    per_day = charts[0].series()[0]
    assert per_day.count() == 4
    assert (
        sum(bar_set.sum() for bar_set in per_day.barSets()[:3]) == sum(stats.events_by_mode().values()) > 50
    )
    assert per_day.barSets()[3].sum() == stats.planned_events()
    assert [
        per_day.barSets()[0].at(row.day.day - 1) for row in stats.events_per_day if row.mode == "daring"
    ] == [row.events for row in stats.events_per_day if row.mode == "daring"]
    # horizontal bars: QtCharts draws the first category at the bottom, so the rows go in reversed to read
    # top-down
    assert values(charts[1].series()[0].barSets()[0]) == [row.events for row in reversed(stats.locations)]
    assert values(charts[2].series()[0].barSets()[0]) == [row.hours for row in reversed(stats.staff_hours)]
    assert sum(bar_set.sum() for bar_set in charts[3].series()[0].barSets()) == sum(
        row.faults for row in stats.device_faults
    )
    on_air = charts[4].series()[0].barSets()
    assert sum(bar_set.sum() for bar_set in on_air) == pytest.approx(sum(row.hours for row in stats.on_air))
    assert sum(row.hours for row in stats.on_air) > 10


@pytest.mark.gui
def test_an_admins_acceptance_in_place_of_the_incoming_lead_is_printed_as_such(tmp_path, qapp):
    url = f"sqlite:///{tmp_path / 'oplog.sqlite'}"
    database = open_database(url)
    world = build_world(database)
    shift_id = busy_morning(database, world)
    signed(database, world, shift_id)
    with database.transaction() as session:
        ho.accept(session, handover(session, shift_id), world.staff(session, world.admin), ACCEPTED)
    database.close()
    report = report_of(url, shift_id)
    assert (report.header.planned_incoming_lead, report.header.accepted_as_admin) == ("Dwi Rahmawati", True)
    path = tmp_path / "serah-terima.pdf"
    save_handover(report, path)
    text = pdf_text(path)
    assert "Incoming lead Agus Setiawan (admin, in place of the planned incoming lead Dwi Rahmawati)" in text
    assert "Accepted by an admin in place of the incoming lead Agus Setiawan" in text
    assert read_handover_csv_of(report, tmp_path) == report


def read_handover_csv_of(report, folder: Path):
    path = folder / "serah-terima.csv"
    save_handover(report, path)
    return read_handover_csv(path)
