"""Small building blocks the operations docks share: WIB date-time fields, checkable name lists,
a table filled from rows of text, and a busy bar."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateTimeEdit,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from models.oplog.clock import WIB

IdRole = Qt.ItemDataRole.UserRole + 1


class WibDateTimeEdit(QDateTimeEdit):
    """A date and time in Western Indonesia Time, whatever the desk's own time zone."""

    def __init__(self, moment: datetime) -> None:
        super().__init__()
        self.setDisplayFormat("dd-MM-yyyy HH:mm")
        self.setCalendarPopup(True)
        self.set_moment(moment)

    def set_moment(self, moment: datetime) -> None:
        wib = moment.astimezone(WIB)
        self.setDateTime(QDateTime(QDate(wib.year, wib.month, wib.day), QTime(wib.hour, wib.minute)))

    def moment(self) -> datetime:
        day, time = self.dateTime().date(), self.dateTime().time()
        return datetime(
            day.year(), day.month(), day.day(), time.hour(), time.minute(), time.second(), tzinfo=WIB
        )


class CheckList(QListWidget):
    """Names with a check box each; ``checked()`` gives the ids (or names) ticked."""

    def set_items(self, items: Iterable[tuple[object, str]], checked: Iterable[object] = ()) -> None:
        ticked = set(checked)
        self.clear()
        for key, text in items:
            item = QListWidgetItem(text)
            item.setData(IdRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in ticked else Qt.CheckState.Unchecked)
            self.addItem(item)

    def checked(self) -> list[Any]:
        return [
            self.item(row).data(IdRole)
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        ]


class TextTable(QTableWidget):
    """A read-only table of text rows; each row keeps an id for ``current_id()``."""

    def __init__(self, headers: Sequence[str]) -> None:
        super().__init__(0, len(headers))
        self.setHorizontalHeaderLabels(list(headers))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)

    def set_rows(self, rows: Iterable[tuple[int, Sequence[str]]]) -> None:
        chosen = self.current_id()
        listed = list(rows)
        self.setRowCount(len(listed))
        for number, (key, cells) in enumerate(listed):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(IdRole, key)
                self.setItem(number, column, item)
            if key == chosen:
                self.selectRow(number)

    def current_id(self) -> int | None:
        item = self.item(self.currentRow(), 0) if self.currentRow() >= 0 else None
        return None if item is None else item.data(IdRole)

    def select_id(self, key: int) -> None:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.data(IdRole) == key:
                self.selectRow(row)
                return


class BusyBar(QProgressBar):
    """A moving bar, shown while a step that takes a while runs on the database thread (a PIN is checked
    with bcrypt there, which takes a second or two on a desk PC, on purpose)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setMaximumHeight(self.fontMetrics().height() // 2)
        self.hide()
