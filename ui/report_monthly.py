"""The monthly statistics window (non-modal): events per day by mode (stacked bars), events per
location, staff hours and device faults by severity, drawn with QtCharts; CSV export.

The numbers are aggregated in SQL on the database thread (``monthly_stats``, a few milliseconds
even on five years of data); the window only draws them.
"""
from __future__ import annotations

import calendar
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QHorizontalStackedBarSeries, QStackedBarSeries,
    QValueAxis)
from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDateEdit, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.oplog_time import WIB, utc_now
from models.reports_monthly import MonthlyStats, monthly_stats
from models.schema import EventMode, FaultSeverity
from ui.oplog_state import Labels
from ui.oplog_worker import DbWorker
from ui.report_pdf import ask_file_name, save_monthly
from ui.wording import said

MODE_COLOURS = {"daring": "#42a5f5", "luring": "#66bb6a", "campuran": "#ffa726"}
SEVERITY_COLOURS = {"minor": "#fdd835", "major": "#fb8c00", "critical": "#e53935"}


class MonthlyWindow(QWidget):
    def __init__(self, worker: DbWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Monthly statistics"))
        self.resize(1200, 800)
        self.worker = worker
        self.labels = Labels(self)
        self.stats: MonthlyStats | None = None
        today = utc_now().astimezone(WIB).date()
        self.month = QDateEdit(QDate(today.year, today.month, 1))
        self.month.setDisplayFormat("yyyy-MM")
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.reload)
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.clicked.connect(self.on_export)
        self.export.setEnabled(False)
        self.summary = QLabel()
        self.views = [QChartView() for _ in range(4)]
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month)
        top.addWidget(show)
        top.addWidget(self.summary, 1)
        top.addWidget(self.export)
        grid = QGridLayout()
        for number, view in enumerate(self.views):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            grid.addWidget(view, number // 2, number % 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)

    def open(self) -> None:
        self.show()
        self.raise_()
        self.reload()

    @Slot()
    def reload(self) -> None:
        year, month = self.month.date().year(), self.month.date().month()
        self.summary.setText(self.tr("Loading…"))
        self.worker.call(lambda session: monthly_stats(session, year, month), self.show_stats,
                         lambda error: self.summary.setText(said(error)))

    def show_stats(self, stats: MonthlyStats) -> None:
        self.stats = stats
        self.export.setEnabled(True)
        total = sum(stats.events_by_mode().values())
        self.summary.setText(self.tr("%1 events, %2 staff on shifts, %3 faults").replace("%1", str(total))
                             .replace("%2", str(len(stats.staff_hours)))
                             .replace("%3", str(sum(row.faults for row in stats.device_faults))))
        self._set_chart(0, self._events_per_day(stats))
        self._set_chart(1, self._bars(self.tr("Events per location"), QHorizontalBarSeries(),
                                          [row.location for row in stats.locations],
                                          {self.tr("Events"): [row.events for row in stats.locations]}))
        self._set_chart(2, self._bars(self.tr("Staff hours"), QHorizontalBarSeries(),
                                          [row.staff for row in stats.staff_hours],
                                          {self.tr("Hours"): [row.hours for row in stats.staff_hours]}))
        devices = sorted({row.device for row in stats.device_faults})
        by_severity = {severity.value: [0] * len(devices) for severity in FaultSeverity}
        for row in stats.device_faults:
            by_severity[row.severity][devices.index(row.device)] += row.faults
        self._set_chart(3, self._bars(self.tr("Device faults by severity"), QHorizontalStackedBarSeries(), devices,
                                          {self.labels.severity(key): values for key, values in by_severity.items()},
                                          list(SEVERITY_COLOURS.values())))

    def _set_chart(self, number: int, chart: QChart) -> None:
        old = self.views[number].chart()
        self.views[number].setChart(chart)
        if old is not None:
            old.deleteLater()         # a chart view does not delete the chart it showed before

    def _events_per_day(self, stats: MonthlyStats) -> QChart:
        days = calendar.monthrange(stats.year, stats.month)[1]
        counts = {mode.value: [0] * days for mode in EventMode}
        for row in stats.events_per_day:
            counts[row.mode][row.day.day - 1] += row.events
        return self._bars(self.tr("Events per day by mode"), QStackedBarSeries(),
                          [str(day) for day in range(1, days + 1)],
                          {self.labels.mode(mode): values for mode, values in counts.items()},
                          list(MODE_COLOURS.values()), vertical=True)

    @staticmethod
    def _bars(title: str, series, categories: Sequence[str], sets: dict[str, Sequence[float]],
              colours: Sequence[str] = (), vertical: bool = False) -> QChart:
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
        if vertical:                       # the days of the month: upright, small, so that all 31 fit
            category_axis.setLabelsAngle(-90)
            font = category_axis.labelsFont()
            font.setPointSizeF(font.pointSizeF() * 0.8)
            category_axis.setLabelsFont(font)
        value_axis.setLabelFormat("%g")
        category_side, value_side = ((Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft) if vertical
                                     else (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom))
        for axis, side in ((category_axis, category_side), (value_axis, value_side)):
            chart.addAxis(axis, side)
            series.attachAxis(axis)
        value_axis.applyNiceNumbers()
        chart.legend().setVisible(len(sets) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    @Slot()
    def on_export(self) -> None:
        stats = self.stats
        if stats is not None:
            ask_file_name(self, self.tr("Export monthly statistics"), [self.tr("CSV (*.csv)")],
                          f"statistik-{stats.year:04d}-{stats.month:02d}.csv", self.save_csv)

    def save_csv(self, path: str) -> None:
        stats = self.stats
        self.worker.run(lambda: save_monthly(stats, path),
                        lambda _none: self.summary.setText(self.tr("Saved: %1").replace("%1", path)),
                        lambda error: self.summary.setText(said(error)))
