"""The text of a PDF the console wrote, for tests that read reports back."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PageObject, PdfReader


def page_text(page: PageObject) -> str:
    """The text of a page, ligatures (ﬁ) undone, runs of white space as one space."""
    return " ".join(unicodedata.normalize("NFKC", page.extract_text()).split())


def pdf_text(path: Path) -> str:
    return " ".join(page_text(page) for page in PdfReader(path).pages)
