"""The interface language: Bahasa Indonesia or English, from the setting or the system locale."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

log = logging.getLogger(__name__)
TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "i18n"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
LANGUAGE_PROPERTY = "interfaceLanguage"
LANGUAGE_SETTING = "ui/language"


def system_language(locale: QLocale | None = None) -> str:
    """The language for ``locale``: "id" if it is Indonesian, else "en".

    The default, ``QLocale()``, is the system's locale unless ``QLocale.setDefault`` replaced it
    (``QLocale.system()`` would ignore that, and tests could not choose it).
    """
    locale = QLocale() if locale is None else locale
    return "id" if locale.language() == QLocale.Language.Indonesian else "en"


def saved_language(settings: QSettings) -> str | None:
    """The language the operator chose (the Language menu saves it); None where unset or garbled
    (a hand-edited "id, en" reads back as a list)."""
    value = settings.value(LANGUAGE_SETTING)
    return value if isinstance(value, str) else None


def current_language(app: QCoreApplication) -> str:
    """The code of the language the interface speaks now."""
    return app.property(LANGUAGE_PROPERTY) or "en"


def install_translator(app: QCoreApplication, language: str | None = None) -> str:
    """Install the translations for ``language`` (None: the system's) in place of any installed
    before; returns the code used. Qt then sends every widget ``QEvent.LanguageChange``.

    English is the source language, so it needs no translator.
    """
    code = language if language in LANGUAGES else system_language()
    for installed in app.findChildren(QTranslator):
        app.removeTranslator(installed)
        installed.setParent(None)
    app.setProperty(LANGUAGE_PROPERTY, code)
    if code == "en":
        return code
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS / f"console_{code}.qm")):
        log.warning(
            "no translation file %s; the console stays in English", TRANSLATIONS / f"console_{code}.qm"
        )
        app.setProperty(LANGUAGE_PROPERTY, "en")
        return "en"
    app.installTranslator(ours)
    qt = QTranslator(app)  # Qt's own strings (standard buttons, dialogs) where PySide6 ships them
    if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
    return code
