"""The configuration editor: a window of its own over the YAML file, with line numbers.

It checks the text when it opens and on "Check": every problem and warning is listed with its
line (click one to jump there; its line is marked in the text and in the gutter). "Save" (Ctrl+S) writes
the file only when it has no problems, so the console never reads a broken configuration from
it; warnings (no cameras, a port of another protocol, a serial port this computer lacks) are
shown first, and a second "Save" of the same text saves it anyway. In demo mode the file is the
demo's own, written afresh at every start (the simulators get new addresses each time).
With the operations log, a ``saver`` writes it instead, on the database thread, as the logged-in
admin and with a row in the audit trail (models/config/audit.py); a refusal is shown in the status line.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from models.config.store import Config, ConfigError, ConfigProblem, ConfigStore
from ui.common.wording import said
from ui.hotkeys.key_filter import OWNS_KEYS
from ui.shell.code_editor import NumberedTextEdit

PROBLEM_LINE_COLOUR = QColor("#fde0dc")
WARNING_LINE_COLOUR = QColor("#fff3cd")
WARNING_TEXT = QColor("#8a5a00")
LineRole = Qt.ItemDataRole.UserRole + 1
# saver(text, done(config), failed(error)): writes ``text`` elsewhere (the operations log's thread)
Saver = Callable[[str, Callable[[Config], None], Callable[[Exception], None]], None]


class ConfigEditor(QWidget):
    """Signals:
    configSaved(Config): the file was written; the console should use this configuration.
    """

    configSaved = Signal(object)

    def __init__(
        self, store: ConfigStore, parent: QWidget | None = None, *, saver: Saver | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._saver = saver
        self.setProperty(OWNS_KEYS, True)
        self.setWindowTitle(self.tr("Configuration — {path}").format(path=store.path))
        self._store = store
        self._warned_text: str | None = None  # the text whose warnings were shown by a first "Save"
        self._shown: tuple[list[ConfigProblem], tuple[ConfigProblem, ...]] = ([], ())
        self.note = QLabel(
            self.tr(
                "Demo configuration: your changes apply at once and last until the demo is "
                "closed; each start writes it afresh, as the simulators get new addresses."
            )
        )
        self.note.setWordWrap(True)
        self.note.setVisible(store.demo)
        self.editor = NumberedTextEdit()
        self.editor.setPlainText(store.read_text())
        self.editor.cursorPositionChanged.connect(self._show_position)
        self.position = QLabel()
        self.problems = QListWidget()
        self.problems.setMaximumHeight(self.fontMetrics().height() * 10)
        self.problems.setWordWrap(True)  # a long sentence wraps instead of running off
        self.problems.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.itemClicked.connect(self._go_to_problem)
        self.problems.itemActivated.connect(self._go_to_problem)
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.position)
        buttons.addStretch()
        for text, slot in ((self.tr("Check"), self.check), (self.tr("Save"), self.save)):
            button = QPushButton(text)
            button.clicked.connect(
                lambda _checked=False, slot=slot: (slot(), self.editor.setFocus())
            )  # type on
            buttons.addWidget(button)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.problems)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._show_position()
        self.check()

    @Slot()
    def check(self) -> list[ConfigProblem]:
        try:
            config = self._store.parse(self.editor.toPlainText())
        except ConfigError as exc:
            self._show_problems(exc.problems, exc.warnings)
            self.status.setText(self.tr("{count} problem(s) found.").format(count=len(exc.problems)))
            return exc.problems
        self._show_problems([], config.warnings)
        self.status.setText(
            self.tr("No problems found; {count} warning(s).").format(count=len(config.warnings))
            if config.warnings
            else self.tr("No problems found.")
        )
        return []

    @Slot()
    def save(self) -> bool:
        """True if the file was written, or handed to the ``saver`` (which says how it went later)."""
        text = self.editor.toPlainText()
        try:
            config = self._store.parse(text)
        except ConfigError as exc:
            self._show_problems(exc.problems, exc.warnings)
            self.status.setText(
                self.tr("Not saved: fix the problems listed above first. The file is unchanged.")
            )
            return False
        if config.warnings and text != self._warned_text:
            self._warned_text = text
            self._show_problems([], config.warnings)
            self.status.setText(
                self.tr("Not saved yet: check the warnings above, then press Save again to save anyway.")
            )
            return False
        if self._saver is not None:
            self.status.setText(self.tr("Saving…"))
            self._saver(text, self._saved, self._not_saved)
            return True
        problems = self._store.save(text)
        if problems:
            self._not_saved(ConfigError(problems, config.warnings))
            return False
        self._saved(config)
        return True

    def _saved(self, config: Config) -> None:
        self._show_problems([], config.warnings)
        self.editor.document().setModified(False)
        self.status.setText(self.tr("Saved to {path}.").format(path=self._store.path))
        self.configSaved.emit(config)

    def _not_saved(self, error: Exception) -> None:
        if isinstance(error, ConfigError):
            self._show_problems(error.problems, error.warnings)
            self.status.setText(
                self.tr("Not saved: fix the problems listed above first. The file is unchanged.")
            )
        else:
            self.status.setText(
                self.tr("Not saved: {reason} The file is unchanged.").format(reason=said(error))
            )

    def changeEvent(self, event: QEvent) -> None:
        """A new interface language: the problems and the cursor position are said again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._show_problems(*self._shown)
            self._show_position()

    def go_to_line(self, line: int) -> None:
        block = self.editor.document().findBlockByNumber(max(line - 1, 0))
        self.editor.setTextCursor(QTextCursor(block))
        self.editor.centerCursor()
        self.editor.setFocus()

    def _show_problems(self, problems: list[ConfigProblem], warnings: tuple[ConfigProblem, ...] = ()) -> None:
        self._shown = problems, warnings
        self.problems.clear()
        selections = []
        for problem, warning in [*((p, False) for p in problems), *((w, True) for w in warnings)]:
            text = said(problem.sentence)
            item = QListWidgetItem(self.tr("Warning: %1").replace("%1", text) if warning else text)
            item.setData(LineRole, problem.line)
            if warning:
                item.setForeground(WARNING_TEXT)
            self.problems.addItem(item)
            if problem.line is not None:
                selections.append(
                    self._line_highlight(
                        problem.line, WARNING_LINE_COLOUR if warning else PROBLEM_LINE_COLOUR
                    )
                )
        self.editor.setExtraSelections(selections)
        self.editor.mark_lines({p.line for p in [*problems, *warnings] if p.line is not None})

    def _line_highlight(self, line: int, colour: QColor) -> QTextEdit.ExtraSelection:
        highlight = QTextCharFormat()
        highlight.setBackground(colour)
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
        self.position.setText(
            self.tr("Line {line}, column {column}").format(
                line=cursor.blockNumber() + 1, column=cursor.positionInBlock() + 1
            )
        )
