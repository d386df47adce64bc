"""The monthly statistics window (non-modal): the five charts of ``ui.reports.charts`` (events per
day by mode, per location, staff hours, device faults by severity, hours on air per OPD); CSV and PDF
export.

The numbers are aggregated in SQL on the database thread (``monthly_stats``, a few milliseconds
even on five years of data); the window only draws them. For the PDF the GUI thread records the
charts (QtCharts lives on the GUI thread; about 10 ms); the database thread then lays out
and writes the file, so the console stays responsive.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QDate, QSettings, Qt, Slot
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QDateEdit, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.oplog.clock import WIB, utc_now
from models.oplog.reports.monthly import MonthlyStats, monthly_stats
from ui.common.oplog_worker import OplogWorker
from ui.common.save_dialog import ask_file_name
from ui.common.wording import said
from ui.reports.charts import CHART_COUNT, MonthlyCharts, record
from ui.reports.monthly_pdf import save_monthly
from ui.reports.pdf_parts import when


class MonthlyWindow(QWidget):
    def __init__(
        self, worker: OplogWorker, parent: QWidget | None = None, settings: QSettings | None = None
    ) -> None:
        """``settings``: where the last folder saved into is remembered."""
        super().__init__(parent, Qt.WindowType.Window)
        self.settings = settings
        self.setWindowTitle(self.tr("Monthly statistics"))
        self.resize(1200, 800)
        self.worker = worker
        self.charts = MonthlyCharts(self)
        self.stats: MonthlyStats | None = None
        today = utc_now().astimezone(WIB).date()
        self.month = QDateEdit(QDate(today.year, today.month, 1))
        self.month.setDisplayFormat("yyyy-MM")
        show = QPushButton(self.tr("Show"))
        show.clicked.connect(self.reload)
        self.export = QPushButton(self.tr("Export CSV…"))
        self.export.clicked.connect(self.on_export)
        self.export_pdf = QPushButton(self.tr("Export PDF…"))
        self.export_pdf.clicked.connect(self.on_export_pdf)
        self.summary = QLabel()
        self.views = [QChartView() for _ in range(CHART_COUNT)]
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month)
        top.addWidget(show)
        top.addWidget(self.summary, 1)
        for button in (self.export, self.export_pdf):
            button.setEnabled(False)
            top.addWidget(button)
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
        self.worker.call(
            lambda session: monthly_stats(session, year, month),
            self.show_stats,
            lambda error: self.summary.setText(said(error)),
        )

    def show_stats(self, stats: MonthlyStats) -> None:
        self.stats = stats
        self.export.setEnabled(True)
        self.export_pdf.setEnabled(True)
        held = sum(stats.events_by_mode().values())
        text = (
            self.tr("%1 events held, %2 planned; %3 staff on shifts; %4 faults")
            .replace("%1", str(held))
            .replace("%2", str(stats.planned_events()))
            .replace("%3", str(sum(1 for row in stats.staff_hours if row.shifts)))
            .replace("%4", str(sum(row.faults for row in stats.device_faults)))
        )
        if stats.until is not None:
            text = self.tr("Up to %1 WIB: %2").replace("%1", when(stats.until)).replace("%2", text)
        self.summary.setText(text)
        for number, chart in enumerate(self.charts.charts(stats)):
            self._set_chart(number, chart)

    def _set_chart(self, number: int, chart: QChart) -> None:
        old = self.views[number].chart()
        self.views[number].setChart(chart)
        if old is not None:
            old.deleteLater()  # a chart view does not delete the chart it showed before

    @Slot()
    def on_export(self) -> None:
        self._ask(self.tr("CSV (*.csv)"), ".csv", self.save_csv)

    @Slot()
    def on_export_pdf(self) -> None:
        self._ask(self.tr("PDF (*.pdf)"), ".pdf", self.save_pdf)

    def _ask(self, name_filter: str, suffix: str, chosen: Callable[[str], None]) -> None:
        stats = self.stats
        if stats is not None:
            ask_file_name(
                self,
                self.tr("Export monthly statistics"),
                [name_filter],
                f"statistik-{stats.year:04d}-{stats.month:02d}{suffix}",
                chosen,
                self.settings,
            )

    def save_csv(self, path: str) -> None:
        stats = self.stats
        if stats is not None:
            self._save(path, lambda: save_monthly(stats, path))

    def save_pdf(self, path: str) -> None:
        """Record the charts here (GUI thread), write the PDF on the database thread."""
        stats = self.stats
        if stats is not None:
            charts = [record(chart) for chart in self.charts.charts(stats)]
            self._save(path, lambda: save_monthly(stats, path, charts))

    def _save(self, path: str, write: Callable[[], None]) -> None:
        self.summary.setText(self.tr("Saving %1…").replace("%1", path))
        self.worker.run(
            write,
            lambda _none: self.summary.setText(self.tr("Saved: %1").replace("%1", path)),
            lambda error: self.summary.setText(self._not_saved(path, error)),
        )

    def _not_saved(self, path: str, error: Exception) -> str:
        if isinstance(error, OSError):
            return (
                self.tr("%1 cannot be written: %2")
                .replace("%1", path)
                .replace("%2", said(error.strerror or error))
            )
        return said(error)
