"""The monthly statistics as a PDF for the head of the agency, or as CSV, chosen by the extension.

The PDF has the office's letterhead, the month (up to when it is counted, while it runs) and a
summary (held and planned apart; no file names: a printed report names no path), then one section
per statistic (events per day by mode, per location, staff hours, device faults),
each on a new page: its chart, then its numbers as a table. Pages are numbered. It is printed like
the handover report (``ui.reports.pdf_parts``): HTML in a ``QTextDocument``; each chart sits in the text as
an object that plays the chart's recorded picture (``ui.reports.charts``) at print time, so the
charts stay vector drawings. Dates are written as in the handover report (``dd-mm-yyyy``), hours
as ``h:mm``; labels follow the interface language.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRect, QRectF, QSizeF
from PySide6.QtGui import QPainter, QPyTextObject, QTextCharFormat, QTextDocument, QTextFormat

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.clock import utc_now
from models.oplog.reports.csv_files import write_monthly_csv
from models.oplog.reports.monthly import MonthlyStats
from models.oplog.tables import EventMode, FaultSeverity
from ui.common.device_words import result_text
from ui.common.labels import Labels
from ui.reports.charts import MonthlyCharts, RecordedChart, record
from ui.reports.pdf_parts import (
    UnsupportedFile,
    fields,
    heading,
    html_page,
    letterhead,
    print_pdf,
    table,
    when,
)

CHART_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 1
CHART_NUMBER = int(QTextFormat.Property.UserProperty) + 1
CHART_MARK = "\ue000chart {}\ue000"  # where a chart goes; replaced by the chart object
CHART_WIDTH_MM = 170.0  # A4 210 mm less the writer's 2 × 15 mm and report_pages' 2 × 5 mm


def hours_minutes(hours: float) -> str:
    """``186.5`` → ``186:30`` (no decimal point, which English and Indonesian write differently)."""
    minutes = round(hours * 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def month_label(stats: MonthlyStats) -> str:
    return f"{stats.month:02d}-{stats.year:04d}"


class ChartObjects(QPyTextObject):
    """Draws the recorded charts where the document holds chart objects (laid out on the PDF writer)."""

    def __init__(self, charts: Sequence[RecordedChart], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.charts = charts

    def intrinsicSize(self, document: QTextDocument, _position: int, text_format: QTextFormat) -> QSizeF:
        size = self.charts[text_format.property(CHART_NUMBER)].size
        device = document.documentLayout().paintDevice()
        width = CHART_WIDTH_MM / 25.4 * (device.logicalDpiX() if device is not None else 96)
        return QSizeF(width, width * size.height() / size.width())

    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF | QRect,
        _document: QTextDocument,
        _position: int,
        text_format: QTextFormat,
    ) -> None:
        chart = self.charts[text_format.property(CHART_NUMBER)]
        # a picture plays at the device's resolution: undo that, then fit the chart into ``rect``
        scale = (
            rect.width() / chart.size.width() * chart.picture.logicalDpiX() / painter.device().logicalDpiX()
        )
        painter.save()
        painter.translate(rect.topLeft())
        painter.scale(scale, scale)
        painter.drawPicture(0, 0, chart.picture)
        painter.restore()


class MonthlyDocument(QObject):
    """Builds the HTML of the monthly report and writes the PDF (any thread; the charts come recorded)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels = Labels(self)

    def html(self, stats: MonthlyStats, charts: Sequence[RecordedChart]) -> str:
        parts = [
            letterhead(self.tr("Monthly statistics %1").replace("%1", month_label(stats))),
            self._summary(stats),
        ]
        tables = [
            self._per_day(stats),
            self._locations(stats),
            self._staff(stats),
            self._faults(stats),
            self._on_air(stats),
        ]
        for number, (chart, numbers) in enumerate(zip(charts, tables, strict=True)):
            parts += [
                heading(f"{number + 1}. {chart.title}", new_page=number > 0),
                f"<p align='center'>{CHART_MARK.format(number)}</p>",
                numbers,
            ]
        return html_page(parts)

    def write_pdf(
        self, stats: MonthlyStats, charts: Sequence[RecordedChart], path: str | os.PathLike[str]
    ) -> None:
        """Write the PDF; a folder that cannot be written raises OSError (before any work is done)."""
        document = QTextDocument()
        document.setHtml(self.html(stats, charts))
        for number in range(len(charts)):
            chart = QTextCharFormat()
            chart.setObjectType(CHART_OBJECT)
            chart.setProperty(CHART_NUMBER, number)
            document.find(CHART_MARK.format(number)).insertText("\ufffc", chart)
        document.documentLayout().registerHandler(CHART_OBJECT, ChartObjects(charts, document))
        print_pdf(document, path, self.tr("Monthly statistics %1").replace("%1", month_label(stats)))

    def _summary(self, stats: MonthlyStats) -> str:
        """The month's numbers; while the month runs, counted up to a moment and the rest planned."""
        by_mode = stats.events_by_mode()
        modes = ", ".join(
            f"{self.labels.mode(mode.value)} {by_mode.get(mode.value, 0)}" for mode in EventMode
        )
        rows = [(self.tr("Month"), month_label(stats))]
        if stats.until is not None:
            rows.append((self.tr("Counted up to"), when(stats.until) + " WIB"))
        rows += [
            (self.tr("Events held"), f"{sum(by_mode.values())} ({modes})"),
            (self.tr("Events planned"), str(stats.planned_events())),
            (self.tr("Staff on shifts"), str(sum(1 for row in stats.staff_hours if row.shifts))),
            (
                self.tr("Staff hours worked (h:mm)"),
                hours_minutes(sum(row.hours for row in stats.staff_hours)),
            ),
            (
                self.tr("Staff hours planned (h:mm)"),
                hours_minutes(sum(row.planned_hours for row in stats.staff_hours)),
            ),
            (self.tr("Faults opened"), str(sum(row.faults for row in stats.device_faults))),
            (self.tr("Hours on air (h:mm)"), hours_minutes(sum(row.hours for row in stats.on_air))),
            (self.tr("Stream drops"), str(sum(row.drops for row in stats.on_air))),
            (self.tr("Printed"), when(utc_now()) + " WIB"),
        ]
        return fields(rows)

    def _per_day(self, stats: MonthlyStats) -> str:
        modes = [mode.value for mode in EventMode]
        planned = stats.planned_by_day()
        rows = [
            (f"{day:%d-%m-%Y}", *(counts.get(mode, 0) for mode in modes), sum(counts.values()), planned[day])
            for day, counts in stats.events_by_day().items()
        ]
        by_mode = stats.events_by_mode()
        total = (
            self.tr("Total"),
            *(by_mode.get(mode, 0) for mode in modes),
            sum(by_mode.values()),
            stats.planned_events(),
        )
        return table(
            [
                self.tr("Date"),
                *(self.labels.mode(mode) for mode in modes),
                self.tr("Held"),
                self.tr("Planned"),
            ],
            [*rows, total] if rows else [],
        )

    def _locations(self, stats: MonthlyStats) -> str:
        return table(
            [self.tr("Location"), self.tr("Events held"), self.tr("Participants"), self.tr("Planned")],
            ((row.location, row.events, row.participants, row.planned) for row in stats.locations),
        )

    def _staff(self, stats: MonthlyStats) -> str:
        return table(
            [
                self.tr("Staff"),
                self.tr("Category"),
                self.tr("Shifts worked"),
                self.tr("Hours (h:mm)"),
                self.tr("Shifts planned"),
                self.tr("Planned (h:mm)"),
            ],
            (
                (
                    row.staff,
                    row.category,
                    row.shifts,
                    hours_minutes(row.hours),
                    row.planned_shifts,
                    hours_minutes(row.planned_hours),
                )
                for row in stats.staff_hours
            ),
        )

    def _faults(self, stats: MonthlyStats) -> str:
        severities = [severity.value for severity in FaultSeverity]
        faults = stats.faults_by_device()
        rows = [
            (device, *(counts.get(s, 0) for s in severities), sum(counts.values()))
            for device, counts in faults.items()
        ]
        totals = (
            self.tr("Total"),
            *(sum(counts.get(s, 0) for counts in faults.values()) for s in severities),
            sum(row.faults for row in stats.device_faults),
        )
        errors = table(
            [self.tr("Device"), self.tr("Result"), self.tr("Count")],
            ((row.device, result_text(row.result), row.count) for row in stats.device_errors),
        )
        return (
            table(
                [self.tr("Device"), *(self.labels.severity(s) for s in severities), self.tr("Total")],
                [*rows, totals] if rows else [],
            )
            + heading(self.tr("Device errors (audit trail)"), "h3")
            + errors
        )

    def _on_air(self, stats: MonthlyStats) -> str:
        return table(
            [
                self.tr("OPD"),
                self.tr("Event type"),
                self.tr("Streams"),
                self.tr("On air (h:mm)"),
                self.tr("Drops"),
            ],
            (
                (row.organiser, self.labels.mode(row.mode), row.streams, hours_minutes(row.hours), row.drops)
                for row in stats.on_air
            ),
        )


def save_monthly(
    stats: MonthlyStats, path: str | os.PathLike[str], charts: Iterable[RecordedChart] | None = None
) -> None:
    """PDF or CSV by the extension of ``path``. The PDF's charts come recorded (``ui.reports.charts.record``,
    GUI thread); without them they are recorded here, which then has to be the GUI thread."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        if charts is None:
            charts = [record(chart) for chart in MonthlyCharts().charts(stats)]
        MonthlyDocument().write_pdf(stats, list(charts), path)
    elif suffix == ".csv":
        write_monthly_csv(stats, path)
    else:
        raise UnsupportedFile(
            QT_TRANSLATE_NOOP("ReportFiles", "{path}: monthly statistics are written as .pdf or .csv").format(
                path=os.fspath(path)
            )
        )
