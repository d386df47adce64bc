"""CSV exports for the IT team's spreadsheets: the handover report (round trip) and monthly statistics.

A handover CSV holds one block per section: a row with the section's name, a row of column
names, its rows, and an empty row. Times are WIB with their offset (``2026-11-03 08:00:00+07:00``);
lists of names are JSON lists in one cell. Files are UTF-8 with a byte-order mark (so that
spreadsheet programs on Windows read the names right) and are written atomically.

A text cell a spreadsheet would take for a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) is written with a single quote in front, which spreadsheets show as text; a
cell that already starts with quotes before such a character gets one more, so reading a handover
CSV back removes exactly the one quote added.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import typing
from pathlib import Path
from typing import Any

from common.user_files import write_atomically
from models.oplog.plain_data import field_types, from_cell, to_cell
from models.oplog.reports.handover import HandoverReport
from models.oplog.reports.monthly import MonthlyStats

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class CsvFormatError(ValueError):
    """The file is not a handover CSV written by this console; the message says where it differs."""


def write_handover_csv(report: HandoverReport, path: str | os.PathLike[str]) -> None:
    out = io.StringIO(newline="")
    writer = _EscapingWriter(out)
    for section, tp in field_types(HandoverReport):
        row_type, many = _row_type(tp)
        names = [name for name, _ in field_types(row_type)]
        rows = getattr(report, section) if many else (getattr(report, section),)
        writer.writerow([section])
        writer.writerow(names)
        writer.writerows([to_cell(getattr(row, name)) for name in names] for row in rows)
        writer.writerow([])
    write_atomically(Path(path), BOM + out.getvalue())


def read_handover_csv(path: str | os.PathLike[str]) -> HandoverReport:
    """The report written by ``write_handover_csv``; raises ``CsvFormatError`` for anything else."""
    with open(path, encoding="utf-8-sig", newline="") as file:  # newline="": keep a \r inside a cell
        blocks = _blocks(list(csv.reader(file)), path)
    values: dict[str, Any] = {}
    for section, tp in field_types(HandoverReport):
        row_type, many = _row_type(tp)
        if section not in blocks:
            raise CsvFormatError(f"{path}: the section {section!r} is missing")
        header, rows = blocks[section]
        fields = dict(field_types(row_type))
        if header != list(fields) and not _older_columns(row_type, header):
            raise CsvFormatError(f"{path}: section {section!r} has columns {header}, expected {list(fields)}")
        try:
            parsed = tuple(
                row_type(
                    **{
                        name: from_cell(fields[name], unescape_cell(cell))
                        for name, cell in zip(header, row, strict=False)
                    }
                )
                for row in rows
            )
        except (ValueError, TypeError) as error:
            raise CsvFormatError(f"{path}: section {section!r}: {error}") from error
        if not many and len(parsed) != 1:
            raise CsvFormatError(f"{path}: section {section!r} must have exactly one row")
        values[section] = parsed if many else parsed[0]
    return HandoverReport(**values)


def escape_cell(cell: Any) -> Any:
    """``cell`` as a spreadsheet shows it as text, never as a formula (numbers are left as they are)."""
    if isinstance(cell, str) and cell.lstrip("'").startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def unescape_cell(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def _older_columns(row_type: type, header: list[str]) -> bool:
    """``header`` is an older console's: the columns of today but for trailing ones added since, which
    have defaults (a file exported before a column was added still reads back)."""
    columns = dataclasses.fields(row_type)
    later = columns[len(header) :]
    return (
        len(header) < len(columns)
        and header == [c.name for c in columns[: len(header)]]
        and all(
            c.default is not dataclasses.MISSING or c.default_factory is not dataclasses.MISSING
            for c in later
        )
    )


def _row_type(tp: Any) -> tuple[type, bool]:
    if typing.get_origin(tp) is tuple:
        return typing.get_args(tp)[0], True
    return tp, False


def _blocks(
    rows: list[list[str]], path: str | os.PathLike[str]
) -> dict[str, tuple[list[str], list[list[str]]]]:
    blocks: dict[str, tuple[list[str], list[list[str]]]] = {}
    index = 0
    while index < len(rows):
        if not rows[index]:
            index += 1
            continue
        if len(rows[index]) != 1 or index + 1 >= len(rows):
            raise CsvFormatError(f"{path}: row {index + 1} should name a section")
        section, header = rows[index][0], rows[index + 1]
        index += 2
        body = []
        while index < len(rows) and rows[index]:
            if len(rows[index]) != len(header):
                raise CsvFormatError(
                    f"{path}: row {index + 1} has {len(rows[index])} cells, expected {len(header)}"
                )
            body.append(rows[index])
            index += 1
        blocks[section] = (header, body)
    return blocks


def write_monthly_csv(stats: MonthlyStats, path: str | os.PathLike[str]) -> None:
    """One row per number: ``section, item, detail, value`` (easy to pivot in a spreadsheet). Held events
    and worked hours are in the plain sections, the rest of the schedule in the ``…planned…`` ones; a
    month not over yet starts with ``counted_until`` (its end is still planned)."""
    out = io.StringIO(newline="")
    writer = _EscapingWriter(out)
    writer.writerow(["section", "item", "detail", "value"])
    month = f"{stats.year:04d}-{stats.month:02d}"
    if stats.until is not None:
        writer.writerow(("counted_until", month, "", stats.until.isoformat(timespec="seconds")))
    for row in stats.events_per_day:
        writer.writerows(
            [
                ("events_per_day", row.day.isoformat(), row.mode, row.events),
                ("events_planned_per_day", row.day.isoformat(), row.mode, row.planned),
            ]
        )
    writer.writerows(
        ("events_by_mode", month, mode, total) for mode, total in sorted(stats.events_by_mode().items())
    )
    writer.writerow(("events_planned", month, "", stats.planned_events()))
    for place in stats.locations:
        writer.writerows(
            [
                ("location_events", place.location, "", place.events),
                ("location_participants", place.location, "", place.participants),
                ("location_events_planned", place.location, "", place.planned),
            ]
        )
    for person in stats.staff_hours:
        writer.writerows(
            [
                ("staff_hours", person.staff, person.category, f"{person.hours:.2f}"),
                ("staff_shifts", person.staff, person.category, person.shifts),
                ("staff_planned_hours", person.staff, person.category, f"{person.planned_hours:.2f}"),
                ("staff_planned_shifts", person.staff, person.category, person.planned_shifts),
            ]
        )
    writer.writerows(("device_faults", row.device, row.severity, row.faults) for row in stats.device_faults)
    writer.writerows(("device_errors", row.device, row.result, row.count) for row in stats.device_errors)
    for aired in stats.on_air:
        writer.writerows(
            [
                ("on_air_hours", aired.organiser, aired.mode, f"{aired.hours:.2f}"),
                ("on_air_streams", aired.organiser, aired.mode, aired.streams),
                ("stream_drops", aired.organiser, aired.mode, aired.drops),
            ]
        )
    write_atomically(Path(path), BOM + out.getvalue())


class _EscapingWriter:
    """A ``csv.writer`` whose text cells are escaped: notes, names and titles come from the operators."""

    def __init__(self, out: io.StringIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Any) -> None:
        self._writer.writerow([escape_cell(cell) for cell in row])

    def writerows(self, rows: Any) -> None:
        for row in rows:
            self.writerow(row)
