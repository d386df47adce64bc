"""The hotkey editor's table: every action with its keys, the keys of two actions in red.

The model edits a copy of the workstation's map; the editor (editor.py) takes it back on Save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from models.desk.hotkey_actions import ACTIONS
from models.desk.hotkeys import HotkeyMap
from ui.hotkeys.key_filter import ActionLabels, display_key

CONFLICT_COLOUR = QColor("#c62828")
AnyIndex = QModelIndex | QPersistentModelIndex


class HotkeyTableModel(QAbstractTableModel):
    """One row per action: its label and its keys; rows whose key is also another action's are red."""

    ACTION_COLUMN, KEYS_COLUMN = 0, 1
    ActionRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, hotkeys: HotkeyMap, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._map = hotkeys.copy()
        self._labels = ActionLabels(self)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(ACTIONS)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Action"), self.tr("Keys"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        action = ACTIONS[index.row()]
        if role == self.ActionRole:
            return action
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.ACTION_COLUMN:
                return self._labels.label(action)
            return ", ".join(display_key(key) for key in self._map.keys(action))
        shared = self._shared_keys(action)
        if role == Qt.ItemDataRole.ForegroundRole and shared:
            return QBrush(CONFLICT_COLOUR)
        if role == Qt.ItemDataRole.ToolTipRole and shared:
            return "\n".join(
                self.tr("{key} is also the key for “{other}”").format(
                    key=display_key(key), other=self._labels.label(other)
                )
                for key, other in shared
            )
        return None

    def _shared_keys(self, action: str) -> list[tuple[str, str]]:
        conflicts = self._map.conflicts()
        return [
            (key, other)
            for key in self._map.keys(action)
            for other in conflicts.get(key, ())
            if other != action
        ]

    # ---- editing --------------------------------------------------------------------------
    def hotkey_map(self) -> HotkeyMap:
        return self._map.copy()

    def set_map(self, hotkeys: HotkeyMap) -> None:
        self.beginResetModel()
        self._map = hotkeys.copy()
        self.endResetModel()

    def action_at(self, row: int) -> str:
        return ACTIONS[row]

    def label(self, action: str) -> str:
        return self._labels.label(action)

    def bind(self, action: str, key: str, *, replace: bool = False) -> str:
        """Give ``key`` to ``action``; raises KeyConflict if another action has it and ``replace`` is
        false."""
        key = self._map.bind(action, key, replace=replace)
        self._all_changed()
        return key

    def clear_keys(self, action: str) -> None:
        for key in self._map.keys(action):
            self._map.unbind(key)
        self._all_changed()

    def reset_defaults(self) -> None:
        self.set_map(HotkeyMap.defaults())

    def _all_changed(self) -> None:
        # a key moving between actions can change the colour of any row
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
