"""The configuration editor: a non-modal window over the YAML file.

"Check" lists every problem (click one to jump to its line); "Save" writes the file only when it
is valid, so the console never reads a broken configuration from it.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton, QTextEdit, QVBoxLayout, QWidget)

from models.config import ConfigError, ConfigProblem, ConfigStore
from ui.hotkeys import OWNS_KEYS
from ui.wording import said

PROBLEM_LINE_COLOUR = QColor("#fde0dc")
LineRole = Qt.ItemDataRole.UserRole + 1


class ConfigEditor(QWidget):
    """Signals:
        configSaved(Config): the file was written; the console should use this configuration.
    """

    configSaved = Signal(object)

    def __init__(self, store: ConfigStore, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setProperty(OWNS_KEYS, True)
        self.setWindowTitle(self.tr("Configuration — {path}").format(path=store.path))
        self._store = store
        self.editor = QPlainTextEdit()
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setPlainText(store.read_text())
        self.editor.cursorPositionChanged.connect(self._show_position)
        self.position = QLabel()
        self.problems = QListWidget()
        self.problems.setMaximumHeight(self.fontMetrics().height() * 8)
        self.problems.itemClicked.connect(self._go_to_problem)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.position)
        buttons.addStretch()
        for text, slot in ((self.tr("Check"), self.check), (self.tr("Save"), self.save), (self.tr("Close"), self.close)):
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._show_position()

    @Slot()
    def check(self) -> list[ConfigProblem]:
        try:
            self._store.parse(self.editor.toPlainText())
        except ConfigError as exc:
            self._show_problems(exc.problems)
            self.status.setText(self.tr("{count} problem(s) found.").format(count=len(exc.problems)))
            return exc.problems
        self._show_problems([])
        self.status.setText(self.tr("No problems found."))
        return []

    @Slot()
    def save(self) -> bool:
        text = self.editor.toPlainText()
        problems = self._store.save(text)
        self._show_problems(problems)
        if problems:
            self.status.setText(self.tr("Not saved: fix the problems listed above first. The file is unchanged."))
            return False
        self.editor.document().setModified(False)
        self.status.setText(self.tr("Saved to {path}.").format(path=self._store.path))
        self.configSaved.emit(self._store.parse(text))
        return True

    def go_to_line(self, line: int) -> None:
        block = self.editor.document().findBlockByNumber(max(line - 1, 0))
        self.editor.setTextCursor(QTextCursor(block))
        self.editor.centerCursor()
        self.editor.setFocus()

    def _show_problems(self, problems: list[ConfigProblem]) -> None:
        self.problems.clear()
        selections = []
        for problem in problems:
            item = QListWidgetItem(said(problem.sentence))
            item.setData(LineRole, problem.line)
            self.problems.addItem(item)
            if problem.line is not None:
                selections.append(self._line_highlight(problem.line))
        self.editor.setExtraSelections(selections)

    def _line_highlight(self, line: int) -> QTextEdit.ExtraSelection:
        highlight = QTextCharFormat()
        highlight.setBackground(PROBLEM_LINE_COLOUR)
        highlight.setProperty(QTextFormat.Property.FullWidthSelection, True)
        selection = QTextEdit.ExtraSelection()
        selection.format = highlight
        selection.cursor = QTextCursor(self.editor.document().findBlockByNumber(line - 1))
        return selection

    @Slot(QListWidgetItem)
    def _go_to_problem(self, item: QListWidgetItem) -> None:
        line = item.data(LineRole)
        if line is not None:
            self.go_to_line(line)

    @Slot()
    def _show_position(self) -> None:
        cursor = self.editor.textCursor()
        self.position.setText(self.tr("Line {line}, column {column}").format(
            line=cursor.blockNumber() + 1, column=cursor.positionInBlock() + 1))
