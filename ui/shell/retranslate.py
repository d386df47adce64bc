"""Switching the interface language while the console runs (View → Language).

Qt's usual way is a ``retranslateUi()`` per window, run on ``QEvent.LanguageChange``. The console's
windows set their texts once with ``tr()``, in many modules, so the switch reads them back instead:
each text a widget, action, tab or table header shows that is the old language's translation of a
source string becomes that source's translation in the new language. A text filled into a
translated pattern ("Take over %1", "Line {line}, column {column}") is recognised by the pattern and
refilled with the same values. Item models are asked again, so what they translate in ``data()``
switches too, and so do the log pane's lines. A widget that composes a text from several translated
pieces handles ``LanguageChange`` itself (``changeEvent``), as Qt's own widgets do; the translations come
from the shipped ``resources/i18n/console_*.ts``. Names and other data are left as they are (a name that
is also a translated word is the rare exception).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from ui.common.language import TRANSLATIONS
from ui.common.notices import LogModel

PLACEHOLDER = re.compile(r"%\d|\{[a-z_]+\}")
MIN_PATTERN_LETTERS = 4  # a pattern with less fixed text ("%1 (%2)") would match anything
MEMORY = "retranslate:"  # dynamic property: the (context, source) a text of the object was found to be


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
    sources: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # shown text -> (context, source)
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
    for piece, holder in zip(pieces, [*PLACEHOLDER.findall(text), None], strict=True):
        regex += re.escape(piece)
        if holder is not None:
            group = "p" + re.sub(r"\W", "", holder)
            regex += f"(?P={group})" if group in seen else f"(?P<{group}>.+?)"
            seen.add(group)
    return re.compile(regex, re.DOTALL)


class Retranslator:
    """Turns texts shown in ``old`` into ``new`` (language codes, "en" being the source language).

    Where two sources read alike in the old language ("Petugas": Operator, Staff), the one chosen is
    the source this same text of this object had at the last switch, else one of the tr() context of a
    class around it, else one its object name names ("dock-operator"), else the first.
    """

    def __init__(self, old: str, new: str) -> None:
        self.old, self.new = catalog(old), catalog(new)

    def text(self, text: str, contexts: tuple[str, ...] = ()) -> str:
        """``text`` in the new language; unchanged when it is no translation of a known source."""
        return self.resolve(text, contexts)[0]

    def resolve(
        self, text: str, contexts: tuple[str, ...] = (), names: tuple[str, ...] = ()
    ) -> tuple[str, tuple[str, str] | None]:
        """The new text, and the (context, source) it is a translation of when it is one as a whole."""
        candidates = self.old.sources.get(text) if text else None
        if candidates:
            chosen = _choose(candidates, contexts, names)
            return self.new.shown(*chosen), chosen
        for pattern in self.old.patterns if text else ():
            match = pattern.regex.fullmatch(text)
            if match is not None:
                return self._filled(pattern, match), None
        return text, None

    def _filled(self, pattern: _Pattern, match: re.Match[str]) -> str:
        """The new text of ``pattern`` with the values ``match`` found in the old one; a value may be a
        translated word itself ("the focus mode inquiry")."""
        values = {
            name: self.resolve(value, (pattern.context,))[0] if value in self.old.sources else value
            for name, value in match.groupdict().items()
        }
        return PLACEHOLDER.sub(
            lambda m: values.get("p" + re.sub(r"\W", "", m.group()), m.group()),
            self.new.shown(pattern.context, pattern.source),
        )

    def application(self, logs: tuple[LogModel, ...] = ()) -> None:
        """Every window of the application, its actions and its item views; and the lines of ``logs``."""
        for log in logs:
            log.retranslate(self.text)
        actions: set[QAction] = set()
        for widget in QApplication.allWidgets():
            self.widget(widget)
            actions.update(widget.actions())
        for action in actions:
            around = [
                w
                for shown_in in action.associatedObjects()
                if isinstance(shown_in, QWidget)
                for w in _lineage(shown_in)
            ]
            contexts, names = tuple(type(w).__name__ for w in around), (action.objectName().lower(),)
            explicit_tip = action.toolTip() != re.sub(r"&(?!&)|(\.\.\.|…)$", "", action.text())
            for name, getter, setter in (
                ("text", action.text, action.setText),
                ("toolTip", action.toolTip, action.setToolTip),
                ("statusTip", action.statusTip, action.setStatusTip),
            ):
                if name != "toolTip" or explicit_tip:  # else Qt derives it from the text
                    self._swap(action, name, getter, setter, contexts, names)

    def widget(self, widget: QWidget) -> None:
        lineage = list(_lineage(widget))
        contexts = tuple(type(w).__name__ for w in lineage)
        names = tuple(w.objectName().lower() for w in lineage if w.objectName())

        def swap(name, getter, setter) -> None:
            self._swap(widget, name, getter, setter, contexts, names)

        swap("windowTitle", widget.windowTitle, widget.setWindowTitle)
        swap("toolTip", widget.toolTip, widget.setToolTip)
        swap("statusTip", widget.statusTip, widget.setStatusTip)
        if isinstance(widget, (QLabel, QAbstractButton)):
            swap("text", widget.text, widget.setText)
        elif isinstance(widget, QGroupBox):
            swap("title", widget.title, widget.setTitle)
        elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            swap("placeholderText", widget.placeholderText, widget.setPlaceholderText)
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            for i in range(widget.count()):
                swap(f"item{i}", lambda i=i: widget.itemText(i), lambda t, i=i: widget.setItemText(i, t))
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                swap(f"tab{i}", lambda i=i: widget.tabText(i), lambda t, i=i: widget.setTabText(i, t))
                swap(
                    f"tabTip{i}", lambda i=i: widget.tabToolTip(i), lambda t, i=i: widget.setTabToolTip(i, t)
                )
        if isinstance(widget, QTableWidget):
            for i in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(i)
                if item is not None:
                    swap(f"header{i}", item.text, item.setText)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            _ask_again(widget.model())
            widget.viewport().update()

    def _swap(
        self,
        owner: QObject,
        name: str,
        getter: Callable[[], str],
        setter: Callable[[str], None],
        contexts: tuple[str, ...],
        names: tuple[str, ...],
    ) -> None:
        text = getter()
        key = MEMORY + name
        context, _mark, source = str(owner.property(key) or "").partition("\x1f")
        chosen: tuple[str, str] | None
        if source and self.old.shown(context, source) == text:  # the code has not changed it since
            new, chosen = self.new.shown(context, source), (context, source)
        else:
            new, chosen = self.resolve(text, contexts, names)
        if chosen is not None:
            owner.setProperty(key, "\x1f".join(chosen))
        if new != text:
            setter(new)


def _choose(
    candidates: list[tuple[str, str]], contexts: tuple[str, ...], names: tuple[str, ...]
) -> tuple[str, str]:
    in_context = [c for c in candidates if c[0] in contexts]
    if in_context:
        return in_context[0]
    named = [c for c in candidates if (word := c[1].lower().strip("&.… ")) and any(word in n for n in names)]
    if named:
        return max(named, key=lambda c: len(c[1]))  # "dock-events" names Events rather than Event
    return candidates[0]


def _lineage(widget: QWidget | None):
    while widget is not None:
        yield widget
        widget = widget.parentWidget()


def _ask_again(model: QAbstractItemModel) -> None:
    """Views ask the model for every text again (headers and cells of the top level)."""
    rows = model.rowCount(QModelIndex())
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    if columns:
        model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
    if rows:
        model.headerDataChanged.emit(Qt.Orientation.Vertical, 0, rows - 1)
        if columns:
            model.dataChanged.emit(
                model.index(0, 0, QModelIndex()), model.index(rows - 1, columns - 1, QModelIndex())
            )
