"""The camera health table keeps each column as wide as its widest text, without resizing to contents
on every change (that measured every cell through the style each time: a GUI stall of its own)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView

from ui.desk.health_table import PADDING, HealthTable

LONG = "software (the hardware decoder refused this stream)"


def test_a_column_widens_to_a_longer_text_and_the_header_no_longer_resizes_on_every_change(qtbot):
    model = QStandardItemModel(2, 2)
    for row in range(2):
        model.setItem(row, 0, QStandardItem(f"Kamera {row + 1}"))
        model.setItem(row, 1, QStandardItem("hardware"))
    table = HealthTable(model)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    header = table.horizontalHeader()
    assert header.sectionResizeMode(1) is QHeaderView.ResizeMode.Interactive
    short = header.sectionSize(1)
    assert short >= table.fontMetrics().horizontalAdvance("hardware") + PADDING

    model.item(1, 1).setText(LONG)
    wide = table.fontMetrics().horizontalAdvance(LONG) + PADDING
    qtbot.waitUntil(lambda: header.sectionSize(1) == wide, timeout=5000)
    assert header.sectionSize(0) >= table.fontMetrics().horizontalAdvance("Kamera 2") + PADDING


class CountingModel(QStandardItemModel):
    header_asked = 0

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        self.header_asked += 1
        return super().headerData(section, orientation, role)


def test_the_titles_are_measured_once_and_again_when_they_change(qtbot):
    model = CountingModel(1, 2)
    model.setHorizontalHeaderLabels(["Camera", "Decoding"])
    model.setItem(0, 0, QStandardItem("Kamera 1"))
    model.setItem(0, 1, QStandardItem("hardware"))
    table = HealthTable(model)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    header = table.horizontalHeader()
    table.fit()
    model.header_asked = 0
    model.item(0, 1).setText("software")
    table.fit()
    assert model.header_asked == 0  # a cell's change measures the cells, not the titles again

    title = "Decoding (hardware or software, and why)"
    model.setHorizontalHeaderLabels(["Camera", title])
    table.fit()
    assert header.sectionSize(1) >= table.fontMetrics().horizontalAdvance(title)
