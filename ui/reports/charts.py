"""The five charts of the monthly statistics, drawn with QtCharts for the Monthly statistics window
and, recorded as vector pictures, for the monthly PDF: events per day by mode (stacked bars),
events per location, staff hours, device faults by severity and hours on air per OPD by event type.
What is only planned (events not held, shifts not started) is stacked on in grey; axes that count have
whole-number ticks.

Charts are graphics widgets, so they are built and drawn on the GUI thread only. ``record`` draws
one into a ``QPicture``, a list of painting commands that another thread may then play on a PDF
writer: Qt allows QPainter on QImage, QPrinter and QPicture outside the GUI thread (one thread per
device at a time), and QPdfWriter is QPrinter's PDF engine, with which the handover PDF is already
written on the database thread. The charts draw only vectors and text, no pixmaps (the PDF tests
check that it holds no images).
"""

from __future__ import annotations

import calendar
import itertools
import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QObject, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPainter, QPicture
from PySide6.QtWidgets import QGraphicsScene

from models.oplog.handover_summary import NO_DEVICE
from models.oplog.reports.monthly import MonthlyStats
from models.oplog.tables import EventMode, FaultSeverity
from ui.common.labels import Labels

MODE_COLOURS = {"daring": "#42a5f5", "luring": "#66bb6a", "campuran": "#ffa726"}
SEVERITY_COLOURS = {"minor": "#fdd835", "major": "#fb8c00", "critical": "#e53935"}
DONE_COLOUR, PLANNED_COLOUR = "#42a5f5", "#bdbdbd"
CHART_COUNT = 5
PRINT_SIZE = QSize(560, 360)
"""A chart's size in the PDF, in pixels at 96 dpi: about the width of the text on an A4 page."""


class MonthlyCharts(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels = Labels(self)

    def charts(self, stats: MonthlyStats) -> list[QChart]:
        """Events per day by mode, events per location, staff hours, device faults by severity, hours on
        air."""
        faults = stats.faults_by_device()
        by_severity = {
            severity.value: [counts.get(severity.value, 0) for counts in faults.values()]
            for severity in FaultSeverity
        }
        planned = self.tr("planned")
        return [
            self._events_per_day(stats),
            self._bars(
                self.tr("Events per location"),
                QHorizontalStackedBarSeries(),
                [row.location for row in stats.locations],
                {
                    self.tr("held"): [row.events for row in stats.locations],
                    planned: [row.planned for row in stats.locations],
                },
                [DONE_COLOUR, PLANNED_COLOUR],
            ),
            self._bars(
                self.tr("Staff hours"),
                QHorizontalStackedBarSeries(),
                [row.staff for row in stats.staff_hours],
                {
                    self.tr("worked"): [row.hours for row in stats.staff_hours],
                    planned: [row.planned_hours for row in stats.staff_hours],
                },
                [DONE_COLOUR, PLANNED_COLOUR],
                counts=False,
            ),
            self._bars(
                self.tr("Device faults by severity"),
                QHorizontalStackedBarSeries(),
                list(faults),
                {self.labels.severity(key): values for key, values in by_severity.items()},
                list(SEVERITY_COLOURS.values()),
            ),
            self._on_air(stats),
        ]

    def _on_air(self, stats: MonthlyStats) -> QChart:
        organisers = stats.on_air_by_organiser()
        modes = [mode.value for mode in EventMode]
        if any(row.mode not in modes for row in stats.on_air):
            modes.append(NO_DEVICE)  # streams of no event
        return self._bars(
            self.tr("Hours on air per OPD, by event type"),
            QHorizontalStackedBarSeries(),
            list(organisers),
            {
                self.labels.mode(mode): [hours.get(mode, 0.0) for hours in organisers.values()]
                for mode in modes
            },
            [*MODE_COLOURS.values(), PLANNED_COLOUR],
            counts=False,
        )

    def _events_per_day(self, stats: MonthlyStats) -> QChart:
        days = calendar.monthrange(stats.year, stats.month)[1]
        per_day, planned = stats.events_by_day(), stats.planned_by_day()
        dates = [date(stats.year, stats.month, day) for day in range(1, days + 1)]
        counts = {
            self.labels.mode(mode.value): [per_day.get(day, {}).get(mode.value, 0) for day in dates]
            for mode in EventMode
        }
        counts[self.tr("planned")] = [planned.get(day, 0) for day in dates]
        return self._bars(
            self.tr("Events per day by mode"),
            QStackedBarSeries(),
            [str(day) for day in range(1, days + 1)],
            counts,
            [*MODE_COLOURS.values(), PLANNED_COLOUR],
            vertical=True,
        )

    @staticmethod
    def _bars(
        title: str,
        series,
        categories: Sequence[str],
        sets: Mapping[str, Sequence[float]],
        colours: Sequence[str] = (),
        vertical: bool = False,
        counts: bool = True,
    ) -> QChart:
        """Bars of ``sets`` (stacked, when there are several) per category; ``counts``: whole numbers."""
        if not vertical:  # QtCharts puts the first category at the bottom: read top-down, like the tables
            categories, sets = categories[::-1], {name: values[::-1] for name, values in sets.items()}
        for number, (name, values) in enumerate(sets.items()):
            bar_set = QBarSet(name)
            bar_set.append([float(value) for value in values])
            if number < len(colours):
                bar_set.setColor(colours[number])
            series.append(bar_set)
        chart = QChart()
        chart.setTitle(title)
        chart.addSeries(series)
        category_axis, value_axis = QBarCategoryAxis(), QValueAxis()
        category_axis.append(list(categories))
        if vertical:  # the days of the month: upright, small, so that all 31 fit
            category_axis.setLabelsAngle(-90)
            category_axis.setTruncateLabels(False)  # else QtCharts shows "…" for every day
            font = category_axis.labelsFont()
            font.setPointSizeF(font.pointSizeF() * 0.8)
            category_axis.setLabelsFont(font)
        value_axis.setLabelFormat("%g")
        category_side, value_side = (
            (Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft)
            if vertical
            else (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom)
        )
        for axis, side in ((category_axis, category_side), (value_axis, value_side)):
            chart.addAxis(axis, side)
            series.attachAxis(axis)
        largest = max((sum(bar) for bar in zip(*sets.values(), strict=True)), default=0)
        if counts:
            whole_numbers(value_axis, largest)
        elif largest:
            value_axis.applyNiceNumbers()
        else:
            value_axis.setRange(0, 1)  # an empty month: Qt finds no "nice numbers" for 0–0 and warns
        chart.legend().setVisible(len(sets) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart


def whole_numbers(axis: QValueAxis, largest: float) -> None:
    """A counting axis: from 0 to a round number at or above ``largest``, a tick on every 1, 2, 5, 10, 20, …
    (at most ten steps), labelled without decimals."""
    step = next(step for step in _round_steps() if largest <= 10 * step)
    axis.setRange(0, max(1, math.ceil(largest / step)) * step)
    axis.setTickType(QValueAxis.TickType.TicksDynamic)
    axis.setTickAnchor(0)
    axis.setTickInterval(step)
    axis.setMinorTickCount(0)
    axis.setLabelFormat("%d")


def _round_steps() -> Iterator[int]:
    for power in itertools.count():
        for digit in (1, 2, 5):
            yield digit * 10**power


@dataclass(frozen=True)
class RecordedChart:
    title: str
    picture: QPicture
    size: QSize


def record(chart: QChart, size: QSize = PRINT_SIZE) -> RecordedChart:
    """``chart`` drawn into a picture, without its title (the report's heading names it). GUI thread only;
    the chart is used up (it belongs to a scene that is gone afterwards)."""
    title = chart.title()
    chart.setTitle("")
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.resize(QSizeF(size))
    picture = QPicture()
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(QPointF(0, 0), QSizeF(size)), chart.sceneBoundingRect())
    painter.end()
    return RecordedChart(title, picture, size)
