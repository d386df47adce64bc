"""Switching the interface language while the console runs (View → Language).

Qt's usual way is a ``retranslateUi()`` per window, run on ``QEvent.LanguageChange``. The console's
windows set their texts once with ``tr()``, in many modules, so the switch reads them back instead:
each text a widget, action, tab or table header shows that is the old language's translation of a
source string becomes that source's translation in the new language. A text filled into a
translated pattern ("Take over %1", "Line {line}, column {column}") is recognised by the pattern and
refilled with the same values. Item models are asked again, so what they translate in ``data()``
switches too, and so do the log pane's lines. A widget that composes a text from several translated pieces handles
``LanguageChange`` itself (``changeEvent``), as Qt's own widgets do; the translations come from the
shipped ``resources/i18n/console_*.ts``. Names and other data are left as they are (a name that is also a translated word is the rare exception).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton, QAbstractItemView, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit, QPlainTextEdit,
    QTableWidget, QTabWidget, QTextEdit, QWidget)

from ui.language import TRANSLATIONS
from ui.notices import LogModel

PLACEHOLDER = re.compile(r"%\d|\{[a-z_]+\}")
MIN_PATTERN_LETTERS = 4        # a pattern with less fixed text ("%1 (%2)") would match anything


@dataclass
class _Pattern:
    regex: re.Pattern[str]
    context: str
    source: str


@dataclass
class Catalog:
    """One language's texts: (context, source) -> what is shown; English shows the source."""
    language: str
    texts: dict[tuple[str, str], str] = field(default_factory=dict)
    sources: dict[str, list[tuple[str, str]]] = field(default_factory=dict)   # shown text -> (context, source)
    patterns: list[_Pattern] = field(default_factory=list)

    def shown(self, context: str, source: str) -> str:
        return self.texts.get((context, source)) or source


@lru_cache(maxsize=4)
def catalog(language: str) -> Catalog:
    """The texts of ``language`` from the shipped .ts file (the source file of the .qm in use)."""
    found = Catalog(language)
    tree = ElementTree.parse(TRANSLATIONS / "console_id.ts")
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if message.get("numerus") == "yes" or translation is None:
                continue
            text = (translation.text or source) if language != "en" else source
            found.texts[name, source] = text
            found.sources.setdefault(text, []).append((name, source))
            pattern = _pattern(text)
            if pattern is not None:
                found.patterns.append(_Pattern(pattern, name, source))
    return found


def _pattern(text: str) -> re.Pattern[str] | None:
    pieces = PLACEHOLDER.split(text)
    if len(pieces) == 1 or sum(ch.isalpha() for ch in "".join(pieces)) < MIN_PATTERN_LETTERS:
        return None
    regex, seen = "", set()
    for piece, holder in zip(pieces, [*PLACEHOLDER.findall(text), None]):
        regex += re.escape(piece)
        if holder is not None:
            group = "p" + re.sub(r"\W", "", holder)
            regex += f"(?P={group})" if group in seen else f"(?P<{group}>.+?)"
            seen.add(group)
    return re.compile(regex, re.DOTALL)


class Retranslator:
    """Turns texts shown in ``old`` into ``new`` (language codes, "en" being the source language)."""

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = catalog(old), catalog(new)

    def text(self, text: str, contexts: tuple[str, ...] = ()) -> str:
        """``text`` in the new language; unchanged when it is no translation of a known source.
        ``contexts`` (class names around the widget) decide between sources that read alike."""
        if not text:
            return text
        exact = self._exact(text, contexts)
        if exact is not None:
            return exact
        for pattern in self.old.patterns:
            match = pattern.regex.fullmatch(text)
            if match is not None:       # a value may be a translated word itself ("the focus mode inquiry")
                values = {name: self._exact(value, (pattern.context,)) or value
                          for name, value in match.groupdict().items()}
                return PLACEHOLDER.sub(lambda m: values.get("p" + re.sub(r"\W", "", m.group()), m.group()),
                                       self.new.shown(pattern.context, pattern.source))
        return text

    def _exact(self, text: str, contexts: tuple[str, ...]) -> str | None:
        candidates = self.old.sources.get(text)
        if not candidates:
            return None
        context, source = next((c for c in candidates if c[0] in contexts), candidates[0])
        return self.new.shown(context, source)

    def application(self, logs: tuple[LogModel, ...] = ()) -> None:
        """Every window of the application, its actions and its item views; and the lines of ``logs``."""
        for log in logs:
            log.retranslate(self.text)
        actions: set[QAction] = set()
        for widget in QApplication.allWidgets():
            self.widget(widget)
            actions.update(widget.actions())
        for action in actions:
            for getter, setter in ((action.text, action.setText), (action.toolTip, action.setToolTip),
                                   (action.statusTip, action.setStatusTip)):
                _swap(getter, setter, self.text, ())

    def widget(self, widget: QWidget) -> None:
        contexts = tuple(type(w).__name__ for w in _lineage(widget))
        say = self.text
        _swap(widget.windowTitle, widget.setWindowTitle, say, contexts)
        _swap(widget.toolTip, widget.setToolTip, say, contexts)
        _swap(widget.statusTip, widget.setStatusTip, say, contexts)
        if isinstance(widget, QLabel):
            _swap(widget.text, widget.setText, say, contexts)
        elif isinstance(widget, QAbstractButton):
            _swap(widget.text, widget.setText, say, contexts)
        elif isinstance(widget, QGroupBox):
            _swap(widget.title, widget.setTitle, say, contexts)
        elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            _swap(widget.placeholderText, widget.setPlaceholderText, say, contexts)
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(widget.count()):
                _swap(lambda i=i: widget.itemText(i), lambda t, i=i: widget.setItemText(i, t), say, contexts)
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                _swap(lambda i=i: widget.tabText(i), lambda t, i=i: widget.setTabText(i, t), say, contexts)
                _swap(lambda i=i: widget.tabToolTip(i), lambda t, i=i: widget.setTabToolTip(i, t), say, contexts)
        if isinstance(widget, QTableWidget):
            for i in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(i)
                if item is not None:
                    _swap(item.text, item.setText, say, contexts)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            _ask_again(widget.model())
            widget.viewport().update()


def _lineage(widget: QWidget | None):
    while widget is not None:
        yield widget
        widget = widget.parentWidget()


def _swap(getter, setter, say, contexts: tuple[str, ...]) -> None:
    text = getter()
    new = say(text, contexts)
    if new != text:
        setter(new)


def _ask_again(model: QAbstractItemModel) -> None:
    """Views ask the model for every text again (headers and cells of the top level)."""
    rows = model.rowCount(QModelIndex())
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if rows:
        model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
        if columns:
            model.dataChanged.emit(model.index(0, 0, QModelIndex()), model.index(rows - 1, columns - 1, QModelIndex()))
