"""Reports: the handover report and its CSV round trip, and monthly statistics with exact numbers."""

from __future__ import annotations

import csv
import dataclasses
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, insert, select

from models.oplog import handover_additions as additions
from models.oplog.clock import WIB
from models.oplog.handover_summary import DeviceErrorCount
from models.oplog.logbook import open_fault
from models.oplog.plain_data import field_types
from models.oplog.reports.csv_files import (
    CsvFormatError,
    read_handover_csv,
    write_handover_csv,
    write_monthly_csv,
)
from models.oplog.reports.handover import HandoverReport, handover_report
from models.oplog.reports.monthly import (
    DayModeCount,
    DeviceFaultCount,
    LocationCount,
    MonthlyStats,
    StaffHours,
    monthly_stats,
)
from models.oplog.schedule import Place, cancel_event, schedule_event, start_event
from models.oplog.seed.demo import seed_demo
from models.oplog.shifts import end_shift, plan_shift, start_shift
from models.oplog.tables import AuditEntry, Event, EventMode, EventStatus, FaultSeverity
from tests.support.oplog_scenes import ACCEPTED, HOUR, SIGNED, accepted, handover, signed


def wib(*args: int) -> datetime:
    return datetime(*args, tzinfo=WIB)


def test_the_handover_report_has_everything_in_wib(database, world, shift_id):
    accepted(database, world, shift_id)
    with database.transaction() as session:
        additions.reopen(
            session,
            handover(session, shift_id),
            world.staff(session, world.admin),
            "Kronologi dilengkapi",
            ACCEPTED + HOUR,
        )
        report = handover_report(session, shift_id)
    header = report.header
    assert (header.shift_name, header.day, header.planned_start, header.lead) == (
        "Pagi",
        date(2026, 11, 3),
        wib(2026, 11, 3, 7),
        "Budi Santoso",
    )
    assert header.team == ("Agus Setiawan", "Budi Santoso")
    assert (header.status, header.outgoing_lead, header.incoming_lead, header.verified) == (
        "reopened",
        "Budi Santoso",
        "Dwi Rahmawati",
        True,
    )
    assert [(s.step, s.name, s.at) for s in report.signatures] == [
        ("signed", "Budi Santoso", wib(2026, 11, 3, 14, 50)),
        ("accepted", "Dwi Rahmawati", wib(2026, 11, 3, 15, 5)),
    ]
    assert [(e.at, e.author, e.text) for e in report.entries] == [
        (wib(2026, 11, 3, 7 + n), "Budi Santoso", f"Catatan {n}") for n in range(3)
    ]
    assert [(f.description, f.closed_at) for f in report.faults] == [
        ("Panel 3 berkedip", wib(2026, 11, 3, 11)),
        ("Kamera Pendopo tidak merespons", None),
    ]
    assert [f.description for f in report.carried_over] == [
        "Baterai kit cepat habis",
        "Kamera Pendopo tidak merespons",
    ]
    assert report.events[0].start == wib(2026, 11, 3, 8)
    assert [(a.kind, a.author, a.text) for a in report.additions] == [
        ("reopened", "Agus Setiawan", "Kronologi dilengkapi")
    ]


def test_a_shift_without_a_signed_handover_gets_a_preview(database, world, shift_id):
    with database.transaction() as session:
        report = handover_report(session, shift_id, now=SIGNED)
    assert (report.header.status, report.header.verified, report.signatures) == ("no handover", None, ())
    assert [e.count for e in report.device_errors] == [3, 1]


def test_the_handover_csv_reads_back_the_same_report(database, world, shift_id, tmp_path):
    signed(database, world, shift_id)
    with database.transaction() as session:
        report = handover_report(session, shift_id)
    write_handover_csv(report, tmp_path / "serah-terima.csv")
    assert read_handover_csv(tmp_path / "serah-terima.csv") == report
    raw = (tmp_path / "serah-terima.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfheader\r\n")
    assert b"2026-11-03 07:00:00+07:00" in raw


def test_a_handover_csv_exported_before_a_column_was_added_still_reads_back(
    database, world, shift_id, tmp_path
):
    """The streams' contact_gaps column came later (it has a default); an older file lacks it."""
    signed(database, world, shift_id)
    with database.transaction() as session:
        report = handover_report(session, shift_id)
    path = tmp_path / "serah-terima.csv"
    write_handover_csv(report, path)
    with open(path, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    at = rows.index(["streams"]) + 1
    assert rows[at][-1] == "contact_gaps"
    end = rows.index([], at)
    older = [*rows[:at], *(row[:-1] for row in rows[at:end]), *rows[end:]]
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(older)
    assert read_handover_csv(path) == dataclasses.replace(
        report, streams=tuple(dataclasses.replace(s, contact_gaps=()) for s in report.streams)
    )
    del older[at][0]  # a column missing in the middle is not an older file: refused, naming the section
    with open(path, "w", encoding="utf-8-sig", newline="") as file:
        csv.writer(file).writerows(older)
    with pytest.raises(CsvFormatError, match="'streams'"):
        read_handover_csv(path)


FORMULAS = ('=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tA", "\rB", "'=already quoted")


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_written_as_text(
    database, world, shift_id, tmp_path
):
    signed(database, world, shift_id)
    with database.transaction() as session:
        report = handover_report(session, shift_id)
    entry = report.entries[0]
    report = dataclasses.replace(
        report,
        header=dataclasses.replace(report.header, notes=FORMULAS[0]),
        entries=tuple(dataclasses.replace(entry, text=text) for text in FORMULAS),
    )
    write_handover_csv(report, tmp_path / "serah-terima.csv")
    with open(tmp_path / "serah-terima.csv", encoding="utf-8-sig", newline="") as file:
        cells = [cell for row in csv.reader(file) for cell in row]
    assert [cell for cell in cells if cell.lstrip("'").startswith(("=", "+", "-", "@", "\t", "\r"))] == [
        "'" + FORMULAS[0],
        *("'" + text for text in FORMULAS[:6]),
        "''=already quoted",
    ]
    assert read_handover_csv(tmp_path / "serah-terima.csv") == report

    stats = MonthlyStats(
        2026,
        11,
        (),
        (LocationCount("=cmd|' /C calc'!A0", 1, 2),),
        (StaffHours("@Budi", "+PNS", 1, 8.0),),
        (),
        (),
    )
    write_monthly_csv(stats, tmp_path / "statistik.csv")
    with open(tmp_path / "statistik.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert ["location_events", "'=cmd|' /C calc'!A0", "", "1"] in rows
    assert ["staff_hours", "'@Budi", "'+PNS", "8.00"] in rows


def _strategy(tp: Any) -> st.SearchStrategy:
    text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)
    simple = {
        str: text,
        int: st.integers(-(10**9), 10**9),
        bool: st.booleans(),
        date: st.dates(),
        datetime: st.datetimes(min_value=datetime(2000, 1, 1), timezones=st.just(WIB)),
    }
    if tp in simple:
        return simple[tp]
    args = getattr(tp, "__args__", ())
    if type(None) in args:
        inner = next(arg for arg in args if arg is not type(None))
        return st.none() | (st.text(min_size=1, max_size=20) if inner is str else _strategy(inner))
    if args and args[-1] is Ellipsis:
        return st.lists(_strategy(args[0]), max_size=3).map(tuple)
    return st.builds(tp, **{name: _strategy(hint) for name, hint in field_types(tp)})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=_strategy(HandoverReport))
def test_any_handover_report_survives_the_csv_round_trip(report, tmp_path):
    write_handover_csv(report, tmp_path / "report.csv")
    assert read_handover_csv(tmp_path / "report.csv") == report


def test_monthly_statistics_count_in_wib_months(database, world, tmp_path):
    """Counted on 30 November at noon: the evening's event and the night's shift are planned."""
    now = wib(2026, 11, 30, 12)
    with database.transaction() as session:
        budi, dwi, admin = (world.staff(session, i) for i in (world.budi, world.dwi, world.admin))

        def event(mode, start, *places):
            found = schedule_event(
                session, budi, "Acara", "Diskominfo", mode, start, start + 2 * HOUR, places
            )
            if start < now:
                start_event(session, found, budi, start)
            return found

        event(EventMode.DARING, wib(2026, 11, 1, 0, 30), Place("Command Center", 20, 12))
        event(EventMode.LURING, wib(2026, 10, 31, 23, 30), Place("Ruang Rapat Utama", 40, 40))  # October
        event(
            EventMode.CAMPURAN,
            wib(2026, 11, 3, 9),
            Place("Pendopo Manggala Praja Nugraha", 300, 250),
            Place("Command Center", 20, 15),
        )
        event(EventMode.LURING, wib(2026, 11, 3, 13), Place("Ruang Rapat Utama", 40, 30))
        cancel_event(
            session,
            schedule_event(
                session,
                budi,
                "Batal",
                "Diskominfo",
                EventMode.DARING,
                wib(2026, 11, 3, 14),
                wib(2026, 11, 3, 15),
                [Place("Command Center")],
            ),
            budi,
        )
        event(
            EventMode.LURING, wib(2026, 11, 30, 23, 59), Place("Pendopo Manggala Praja Nugraha", 300)
        )  # planned
        event(EventMode.DARING, wib(2026, 12, 1, 0, 0), Place("Command Center", 20, 20))  # December

        pagi = plan_shift(session, "Pagi", wib(2026, 11, 3, 7), wib(2026, 11, 3, 15), budi, [admin])
        start_shift(session, pagi, budi, wib(2026, 11, 3, 6, 55))
        end_shift(session, pagi, budi, wib(2026, 11, 3, 15, 25))  # 8.5 hours
        plan_shift(session, "Siang", wib(2026, 11, 3, 15), wib(2026, 11, 3, 23), dwi)  # never started
        plan_shift(session, "Malam", wib(2026, 10, 31, 23), wib(2026, 11, 1, 7), budi)  # October
        plan_shift(session, "Malam", wib(2026, 11, 30, 23), wib(2026, 12, 1, 7), dwi)  # planned

        for when, device, severity in [
            (wib(2026, 11, 3, 9), "Kamera Pendopo", FaultSeverity.MAJOR),
            (wib(2026, 11, 3, 10), "Kamera Pendopo", FaultSeverity.MAJOR),
            (wib(2026, 11, 1, 0, 10), "Video Wall Command Center", FaultSeverity.MINOR),
            (wib(2026, 11, 30, 11), None, FaultSeverity.CRITICAL),
            (wib(2026, 10, 31, 23), "Kamera Pendopo", FaultSeverity.MINOR),
        ]:
            open_fault(session, budi, severity, "gangguan", when, device=device)
        session.execute(
            insert(AuditEntry),
            [
                {"at": at, "device": device, "action": "preset recall 1", "result": result}
                for at, device, result in [
                    (wib(2026, 11, 3, 9), "Kamera Panggung", "timeout"),
                    (wib(2026, 11, 3, 9, 1), "Kamera Panggung", "timeout"),
                    (wib(2026, 11, 3, 9, 2), "Kamera Panggung", "completed"),
                    (wib(2026, 11, 4, 9), "Kamera Pendopo", "offline"),
                    (wib(2026, 11, 4, 9, 1), "Kamera Pendopo", "superseded"),
                    (wib(2026, 12, 1, 9), "Kamera Pendopo", "offline"),
                ]
            ],
        )
    with database.transaction() as session:
        stats = monthly_stats(session, 2026, 11, now)
    assert stats.until == now
    assert stats.events_per_day == (
        DayModeCount(date(2026, 11, 1), "daring", 1),
        DayModeCount(date(2026, 11, 3), "campuran", 1),
        DayModeCount(date(2026, 11, 3), "luring", 1),
        DayModeCount(date(2026, 11, 30), "luring", 0, 1),
    )
    assert stats.events_by_mode() == {"daring": 1, "campuran": 1, "luring": 1}
    assert stats.planned_events() == 1
    assert stats.locations == (
        LocationCount("Command Center", 2, 27),
        LocationCount("Pendopo Manggala Praja Nugraha", 1, 250, 1),
        LocationCount("Ruang Rapat Utama", 1, 30),
    )
    assert stats.staff_hours == (
        StaffHours("Agus Setiawan", "PNS", 1, 8.5),
        StaffHours("Budi Santoso", "PNS", 1, 8.5),
        StaffHours("Dwi Rahmawati", "CPNS", 0, 0.0, 2, 16.0),
    )
    assert stats.device_faults == (
        DeviceFaultCount("Kamera Pendopo", "major", 2),
        DeviceFaultCount("Video Wall Command Center", "minor", 1),
        DeviceFaultCount("—", "critical", 1),
    )
    assert stats.device_errors == (
        DeviceErrorCount("Kamera Panggung", "timeout", 2),
        DeviceErrorCount("Kamera Pendopo", "offline", 1),
    )

    write_monthly_csv(stats, tmp_path / "statistik.csv")
    with open(tmp_path / "statistik.csv", encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["section", "item", "detail", "value"]
    assert ["events_per_day", "2026-11-03", "campuran", "1"] in rows
    assert ["counted_until", "2026-11", "", "2026-11-30T05:00:00+00:00"] in rows
    assert ["events_by_mode", "2026-11", "luring", "1"] in rows
    assert ["events_planned_per_day", "2026-11-30", "luring", "1"] in rows
    assert ["events_planned", "2026-11", "", "1"] in rows
    assert ["location_participants", "Command Center", "", "27"] in rows
    assert ["staff_hours", "Dwi Rahmawati", "CPNS", "0.00"] in rows
    assert ["staff_planned_hours", "Dwi Rahmawati", "CPNS", "16.00"] in rows
    assert ["device_faults", "—", "critical", "1"] in rows
    assert ["device_errors", "Kamera Panggung", "timeout", "2"] in rows


def test_an_empty_month_has_no_rows(database, world):
    with database.transaction() as session:
        stats = monthly_stats(session, 2030, 2)
    assert (stats.events_per_day, stats.locations, stats.staff_hours, stats.device_faults) == ((), (), (), ())


def test_on_5_december_the_month_counts_what_happened_and_the_rest_as_planned(database):
    """A demo December looked at on the 5th: held events and worked hours only up to now; the rest planned."""
    now = wib(2026, 12, 5, 12)
    seed_demo(database, "2026-12", now=now)
    december = wib(2026, 12, 1)
    with database.transaction() as session:
        stats = monthly_stats(session, 2026, 12, now)
        counted = (Event.planned_start >= december, Event.status != EventStatus.CANCELLED)
        started = session.scalar(select(func.count()).where(*counted, Event.actual_start.is_not(None)))
        waiting = session.scalar(select(func.count()).where(*counted, Event.actual_start.is_(None)))
    assert stats.until == now
    assert sum(stats.events_by_mode().values()) == started > 0
    assert stats.planned_events() == waiting > started
    assert not [row for row in stats.events_per_day if row.day > date(2026, 12, 5) and row.events]
    elapsed = (now - december).total_seconds() / 3600
    assert all(row.hours <= elapsed for row in stats.staff_hours)
    assert sum(row.planned_hours for row in stats.staff_hours) > sum(row.hours for row in stats.staff_hours)
