"""The hotkey editor: a non-modal window listing every action with its keys.

A key already used by another action is refused until the operator confirms, in the window
itself, that it should move. Changes reach the console only with Save (``mapChanged``).
The table and its model are in hotkey_table.py. Its export file also carries the settings kept
beside the hotkeys (``FileSection``: the joystick mapping), and its import takes them back, all or
nothing; they too are saved with Save.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QSettings, Qt, Signal, Slot
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
from common.wording import sentence_of
from models.desk.hotkeys import HotkeyError, HotkeyMap, KeyConflict, read_hotkey_file, save_hotkeys
from ui.common.save_dialog import file_dialog
from ui.common.wording import said
from ui.hotkeys.hotkey_table import CONFLICT_COLOUR, HotkeyTableModel
from ui.hotkeys.key_filter import OWNS_KEYS, display_key, key_text


class FileSection(Protocol):
    """Settings exported and imported with the hotkeys, in the same file, under ``name``."""

    @property
    def name(self) -> str: ...
    def exported(
        self, value: Any = None
    ) -> Any: ...  # JSON data of ``value`` (from ``parsed``), or of the saved
    def parsed(self, data: Any) -> Any: ...  # raises ValueError with a sentence naming what is wrong
    def save(self, value: Any) -> None: ...  # writes and applies what ``parsed`` gave; raises OSError


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
        sections: Sequence[FileSection] = (),
    ) -> None:
        """``settings``: where the folder of the last export or import is remembered; ``sections``:
        what the exported file carries besides the hotkeys."""
        super().__init__(parent, Qt.WindowType.Window)
        self.setProperty(OWNS_KEYS, True)
        self.setWindowTitle(self.tr("Hotkeys"))
        self._path = path
        self._settings = settings
        self._pending: tuple[str, str] | None = None  # (action, key) waiting for "Replace"
        self._sections = {section.name: section for section in sections}
        self._imported: dict[str, Any] = {}  # sections of an imported file, saved with Save
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
        self._imported.clear()
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
            with_sections = bool(self._imported)
            for name, value in list(self._imported.items()):
                self._sections[name].save(value)
                del self._imported[name]
        except OSError as exc:
            self._say(self.tr("Could not save the hotkeys: {reason}").format(reason=said(exc)), error=True)
            return False
        if hotkeys.stop_keys():
            self._say(
                self.tr("Hotkeys saved, and the imported file's joystick mapping is in use.")
                if with_sections
                else self.tr("Hotkeys saved.")
            )
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
            sections = {name: s.exported(self._imported.get(name)) for name, s in self._sections.items()}
            write_atomically(Path(path), self.model.hotkey_map().to_json(sections))
        except OSError as exc:
            self._say(self.tr("Could not export: {reason}").format(reason=said(exc)), error=True)
        else:
            self._say(self.tr("Exported to {path}.").format(path=path))

    @Slot(str)
    def import_from(self, path: str) -> None:
        readers = {name: section.parsed for name, section in self._sections.items()}
        try:
            hotkeys, self._imported = read_hotkey_file(Path(path).read_text(encoding="utf-8"), readers)
        except (OSError, UnicodeDecodeError) as exc:
            problems: Sequence[str] = [sentence_of(exc)]
        except HotkeyError as exc:
            problems = exc.problems
        else:
            problems = []
        if problems:
            self._say(self.tr("Not imported:") + "\n" + "\n".join(map(said, problems)), error=True)
        else:
            self.model.set_map(hotkeys)
            self.cancel_replace()
            self._say(self.tr("Imported from {path}. Save to keep it.").format(path=path))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {CONFLICT_COLOUR.name()}" if error else "")
        self.message.setText(text)
