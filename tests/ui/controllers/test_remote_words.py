"""The tablet remote names the console's menu item in the console's own words: its hint says Tools → Remote
access… as resources/i18n/console_id.ts translates them (the remote's JSON cannot use Qt's translator)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def console_says(source: str) -> str:
    tree = ElementTree.parse(ROOT / "resources" / "i18n" / "console_id.ts")
    found = {m.findtext("translation") for m in tree.iter("message") if m.findtext("source") == source}
    assert len(found) == 1, (source, found)
    return found.pop().replace("&", "")


@pytest.mark.parametrize(
    ("language", "menu", "item"), [("en", "Tools", "Remote access…"), ("id", None, None)]
)
def test_the_token_hint_names_the_consoles_menu_item(language, menu, item):
    words = json.loads(
        (ROOT / "resources" / "remote" / "i18n" / f"{language}.json").read_text(encoding="utf-8")
    )
    menu = menu or console_says("&Tools")
    item = item or console_says("Remote access…")
    assert f"({menu} → {item})" in words["token_hint"]
