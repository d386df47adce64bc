"""The hotkey editor: a non-modal window listing every action with its keys.

A key already used by another action is refused until the operator confirms, in the window
itself, that it should move. Changes reach the console only with Save (``mapChanged``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from common.user_files import write_atomically
from common.wording import Phrase, sentence_of
from models.desk.hotkeys import ACTIONS, HotkeyError, HotkeyMap, KeyConflict, save_hotkeys
from ui.common.save_dialog import file_dialog
from ui.common.wording import said
from ui.hotkeys.key_filter import OWNS_KEYS, ActionLabels, display_key, key_text

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

    def export_json(self) -> str:
        return self._map.to_json()

    def import_json(self, text: str) -> list[Phrase]:
        """Replace the map with the one in ``text``; on problems keep the map and return them (Phrases)."""
        try:
            hotkeys = HotkeyMap.from_json(text)
        except HotkeyError as exc:
            return exc.problems
        self.set_map(hotkeys)
        return []

    def _all_changed(self) -> None:
        # a key moving between actions can change the colour of any row
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))


class HotkeyEditor(QWidget):
    """Signals:
    mapChanged(HotkeyMap): the operator saved a new map (already written to the workstation file).
    """

    mapChanged = Signal(object)

    def __init__(
        self,
        hotkeys: HotkeyMap,
        path: str | os.PathLike[str] | None = None,
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        """``settings``: where the folder of the last export or import is remembered."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setProperty(OWNS_KEYS, True)
        self.setWindowTitle(self.tr("Hotkeys"))
        self._path = path
        self._settings = settings
        self._pending: tuple[str, str] | None = None  # (action, key) waiting for "Replace"
        self.model = HotkeyTableModel(hotkeys, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.selectionModel().selectionChanged.connect(self.cancel_replace)
        self.capture = QKeySequenceEdit()
        self.capture.setMaximumSequenceLength(1)
        self.capture.editingFinished.connect(self._on_key_captured)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet(f"color: {CONFLICT_COLOUR.name()}")
        self.prompt_box = self._prompt_box()
        self.stop_note = QLabel(
            self.tr(
                "ALL STOP: its keys other than Esc stop every camera from anywhere, even while "
                "typing. Esc first closes an open menu, dialog or editor, or leaves a "
                "text field; it stops the cameras only when nothing is open."
            )
        )
        self.stop_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.stop_note)
        layout.addLayout(self._capture_row())
        layout.addWidget(self.prompt_box)
        layout.addWidget(self.message)
        layout.addLayout(self._button_row())
        self.table.selectRow(0)
        self.resize(720, 640)  # the table shows a screenful of actions, not six

    def _capture_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("New key for the selected action:")))
        row.addWidget(self.capture, 1)
        row.addWidget(self._button(self.tr("Remove its keys"), self._clear_selected))
        return row

    def _prompt_box(self) -> QFrame:
        box = QFrame()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.prompt, 1)
        row.addWidget(self._button(self.tr("Replace"), self.confirm_replace))
        row.addWidget(self._button(self.tr("Keep as it was"), self.cancel_replace))
        box.hide()
        return box

    def _button_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self._button(self.tr("Export…"), self._choose_export_file))
        row.addWidget(self._button(self.tr("Import…"), self._choose_import_file))
        row.addWidget(self._button(self.tr("Reset to defaults"), self.reset_defaults))
        row.addStretch()
        row.addWidget(self._button(self.tr("Save"), self.save))
        row.addWidget(self._button(self.tr("Close"), self.close))
        return row

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: slot())
        return button

    # ---- binding keys ---------------------------------------------------------------------
    def selected_action(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.action_at(rows[0].row()) if rows else None

    @Slot()
    def _on_key_captured(self) -> None:
        sequence = self.capture.keySequence()
        self.capture.clear()
        if sequence.isEmpty():
            return
        key = key_text(sequence[0])  # type: ignore[index]  # PySide6's stub lacks QKeySequence[i]
        action = self.selected_action()
        if key is None:
            self._say(self.tr("That key cannot be used as a hotkey."), error=True)
        elif action is None:
            self._say(self.tr("Choose an action in the table first."), error=True)
        else:
            self.try_bind(action, key)

    def try_bind(self, action: str, key: str) -> bool:
        """Give ``key`` to ``action``; if another action has it, ask in the window and return False."""
        try:
            key = self.model.bind(action, key)
        except KeyConflict as conflict:
            self._pending = (action, conflict.key)
            self.prompt.setText(
                self.tr("{key} is already the key for “{other}”. Give it to “{action}” instead?").format(
                    key=display_key(conflict.key),
                    other=self.model.label(conflict.other),
                    action=self.model.label(action),
                )
            )
            self.prompt_box.show()
            return False
        self.cancel_replace()
        self._say(
            self.tr("{key} now does “{action}”. Save to keep it.").format(
                key=display_key(key), action=self.model.label(action)
            )
        )
        return True

    @Slot()
    def confirm_replace(self) -> None:
        if self._pending is not None:
            action, key = self._pending
            self.model.bind(action, key, replace=True)
            self._say(
                self.tr("{key} now does “{action}”. Save to keep it.").format(
                    key=display_key(key), action=self.model.label(action)
                )
            )
        self.cancel_replace()

    @Slot()
    def cancel_replace(self) -> None:
        self._pending = None
        self.prompt_box.hide()

    def _clear_selected(self) -> None:
        action = self.selected_action()
        if action is not None:
            self.model.clear_keys(action)

    @Slot()
    def reset_defaults(self) -> None:
        self.cancel_replace()
        self.model.reset_defaults()
        self._say(self.tr("The default keys are back. Save to keep them."))

    @Slot()
    def save(self) -> bool:
        hotkeys = self.model.hotkey_map()
        if hotkeys.conflicts():
            self._say(
                self.tr("Some keys are given to two actions (shown in red); change them first."), error=True
            )
            return False
        try:
            save_hotkeys(hotkeys, self._path)
        except OSError as exc:
            self._say(self.tr("Could not save the hotkeys: {reason}").format(reason=said(exc)), error=True)
            return False
        if hotkeys.stop_keys():
            self._say(self.tr("Hotkeys saved."))
        else:
            self._say(
                self.tr(
                    "Hotkeys saved. ALL STOP has no key that works everywhere now: give it one "
                    "(e.g. Pause or Ctrl+Space)."
                ),
                error=True,
            )
        self.mapChanged.emit(hotkeys)
        return True

    # ---- files ----------------------------------------------------------------------------
    def _choose_export_file(self) -> None:
        self._open_file_dialog(self.tr("Export hotkeys"), QFileDialog.AcceptMode.AcceptSave, self.export_to)

    def _choose_import_file(self) -> None:
        self._open_file_dialog(self.tr("Import hotkeys"), QFileDialog.AcceptMode.AcceptOpen, self.import_from)

    def _open_file_dialog(
        self, title: str, mode: QFileDialog.AcceptMode, chosen: Callable[[str], object]
    ) -> None:
        file_dialog(
            self, title, [self.tr("Hotkey files (*.json)")], chosen, self._settings, mode=mode
        ).setDefaultSuffix("json")

    @Slot(str)
    def export_to(self, path: str) -> None:
        try:
            write_atomically(Path(path), self.model.export_json())
        except OSError as exc:
            self._say(self.tr("Could not export: {reason}").format(reason=said(exc)), error=True)
        else:
            self._say(self.tr("Exported to {path}.").format(path=path))

    @Slot(str)
    def import_from(self, path: str) -> None:
        try:
            problems: Sequence[str] = self.model.import_json(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            problems = [sentence_of(exc)]
        if problems:
            self._say(self.tr("Not imported:") + "\n" + "\n".join(map(said, problems)), error=True)
        else:
            self.cancel_replace()
            self._say(self.tr("Imported from {path}. Save to keep it.").format(path=path))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {CONFLICT_COLOUR.name()}" if error else "")
        self.message.setText(text)
