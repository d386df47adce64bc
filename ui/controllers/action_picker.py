"""A combo box of the actions a stick button may have: the hotkeys' actions and labels, in the
hotkeys' groups (``stick_words.button_groups``), with "Nothing" first. The list is a Qt model of its
own; group titles are bold unselectable rows; typing a label's first letters picks it. It fills itself
again on a language change (the labels come from the hotkeys' phrases)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QWidget

from ui.controllers.stick_words import StickWords, button_groups

ACTION_ROLE = Qt.ItemDataRole.UserRole + 1


class ActionPicker(QComboBox):
    """Signals: picked(object): the operator chose an action (its name, or None for nothing)."""

    picked = Signal(object)

    def __init__(self, words: StickWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = words
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        self._fill()
        self.activated.connect(self._on_activated)

    def _fill(self) -> None:
        self._items.clear()
        self._items.appendRow(self._action_item(None))
        bold = QFont()
        bold.setBold(True)
        for group, actions in button_groups():
            title = QStandardItem(self._words.group(group))
            title.setFlags(Qt.ItemFlag.NoItemFlags)
            title.setFont(bold)
            self._items.appendRow(title)
            for action in actions:
                self._items.appendRow(self._action_item(action))

    def _action_item(self, action: str | None) -> QStandardItem:
        item = QStandardItem(self._words.action(action))
        item.setData(action or "", ACTION_ROLE)
        return item

    def action(self) -> str | None:
        return self.currentData(ACTION_ROLE) or None

    def set_action(self, action: str | None) -> None:
        """Show ``action``; one the list lacks (a file written by hand) is added at the end."""
        row = self.findData(action or "", ACTION_ROLE)
        if row < 0:
            self._items.appendRow(self._action_item(action))
            row = self._items.rowCount() - 1
        self.setCurrentIndex(row)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            action = self.action()
            self._fill()
            self.set_action(action)

    @Slot(int)
    def _on_activated(self, _row: int) -> None:
        self.picked.emit(self.action())
