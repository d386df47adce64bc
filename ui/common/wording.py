"""Say a sentence from devices/ or models/ in the interface language (see common/wording.py)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from common.wording import Phrase, sentence_of

log = logging.getLogger(__name__)


def said(text: object) -> str:
    """``text`` (a Phrase, an exception raised with one, or anything else) as the operator reads it.

    A Phrase is looked up in the installed translation and its values are said the same way, so
    a problem inside a problem is translated too. A translation whose placeholders do not match
    the English falls back to the English rather than showing a broken sentence.
    """
    if isinstance(text, BaseException):
        text = sentence_of(text)
    if not isinstance(text, Phrase):
        return str(text)
    translated = QCoreApplication.translate(text.context, text.source)
    if not text.values:
        return translated
    values = {name: said(value) for name, value in text.values.items()}
    try:
        return translated.format(**values)
    except (KeyError, IndexError, ValueError):
        log.warning("translation of %r does not fit its values; showing the English", text.source)
        return text.source.format(**values)
