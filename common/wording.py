"""Sentences for people, written in English here and said in the operator's language by ui/.

devices/ and models/ cannot use Qt's tr(), yet their messages (a configuration problem, a refused
shift, a wall's error code) end up on the Indonesian screen. They mark each sentence with
``QT_TRANSLATE_NOOP(context, source)`` - the name Qt's lupdate looks for, so the sentence lands
in resources/i18n/*.ts - and fill its ``{placeholders}`` with ``.format(name=value)``:

    raise ShiftError(QT_TRANSLATE_NOOP("Shifts", "shift {id} has already ended").format(id=7))

The result is a Phrase: a plain ``str`` with the English text (for logs, the audit trail, the
command line and tests) that also remembers its context, source and values, so that
ui/common/wording.py can look the source up in the translation and fill in the (translated) values.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Phrase(str):
    """English text that remembers how it was composed."""

    context: str
    source: str
    values: Mapping[str, Any]

    def __new__(cls, context: str, source: str, values: Mapping[str, Any] | None = None) -> Phrase:
        values = dict(values or {})
        phrase = super().__new__(cls, source.format(**values) if values else source)
        phrase.context, phrase.source, phrase.values = context, source, values
        return phrase

    def format(self, *args: Any, **values: Any) -> Phrase:
        """The same sentence with its placeholders filled (by name only)."""
        if args:
            raise TypeError("Phrase.format takes named values only, e.g. .format(line=3)")
        return Phrase(self.context, self.source, {**self.values, **values})

    def __reduce__(self) -> tuple[Any, ...]:
        return Phrase, (self.context, self.source, self.values)


def QT_TRANSLATE_NOOP(context: str, source: str) -> Phrase:  # noqa: N802 - the name lupdate finds
    """Mark ``source`` for translation under ``context``; it is translated when shown."""
    return Phrase(context, source)


def sentence_of(error: BaseException) -> str:
    """What ``error`` says: the Phrase it was raised with (kept translatable), else its text.

    Use it, not ``str(error)``, when a caught error's message becomes part of a new sentence.
    """
    phrase = getattr(error, "phrase", None)
    if isinstance(phrase, Phrase):
        return phrase
    if len(error.args) == 1 and isinstance(error.args[0], Phrase) and str(error) == error.args[0]:
        return error.args[0]
    return str(error)
