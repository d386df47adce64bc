"""The camera health table: a row per camera, each column as wide as its widest text.

The widths are measured from the texts alone (font metrics of the display role and the header's own
size hint), when the table is shown and at most once every ``REFIT_MS`` while it is; a column is
resized only when its width changes. A header that resizes to its contents
(``QHeaderView.ResizeToContents``) measured every cell through the style, for a dozen roles each,
again on every camera state: 3 to 15 ms on the GUI thread, several times a second. The header's
hints (the style measuring each title) are kept until the titles or the font change.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

REFIT_MS = 1000
PADDING = 7  # px around a cell's text: the style's margins (as QStyledItemDelegate measures)


class HealthTable(QTableView):
    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.verticalHeader().hide()
        self._refit = QTimer(self, singleShot=True, interval=REFIT_MS)
        self._refit.timeout.connect(self.fit)
        self._header_hints: list[int] = []
        for signal in (model.dataChanged, model.rowsInserted, model.modelReset, model.layoutChanged):
            signal.connect(self._changed)
        model.headerDataChanged.connect(self._titles_changed)

    def fit(self) -> None:
        if not self.isVisible():
            return
        model, header, metrics = self.model(), self.horizontalHeader(), self.fontMetrics()
        if len(self._header_hints) != model.columnCount():
            self._header_hints = [header.sectionSizeHint(column) for column in range(model.columnCount())]
        for column, hint in enumerate(self._header_hints):
            texts = (model.index(row, column).data() for row in range(model.rowCount()))
            widest = max((metrics.horizontalAdvance(text) for text in texts if text), default=0)
            width = max(widest + PADDING, hint)
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._titles_changed()

    def _titles_changed(self, *_: object) -> None:
        self._header_hints = []
        self._changed()

    def _changed(self, *_: object) -> None:
        if not self._refit.isActive():
            self._refit.start()
