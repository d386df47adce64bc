"""docs/compatibility.md stays honest: every cell of its tables is a kind of evidence it defines,
every "yes" names its source, and every capture, test, manual and other project's file it names
is there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "compatibility.md").read_text(encoding="utf-8")
FIXTURES = ROOT / "tests" / "fixtures" / "devices"

FAMILIES = (
    "Sony SRG / BRC / FR7 class",
    "PTZOptics and OEM VISCA",
    "Serial daisy chains",
    "Kramer Protocol 3000",
    "Extron SIS / Quantum",
    "LG displays",
)
ALONE = re.compile(r"(simulator only|untested)( \([^()]+\))?")
CAPTURE = re.compile(r"capture ([\w.-]+\.jsonl)( \([^()]+\))?")
PEER = re.compile(r"peer \S+ \d[\w.]* \((tests/[\w/]+\.py::\w+)(, [^()]+)?\)")
LOCATOR = re.compile(r"(p\. \d+|pp\. \d+[–-]\d+|§ [^()]+?)( \([^()]+\))?")
TEST_REF = re.compile(r"tests/[\w/]+\.py(?:::\w+)?")
CAPTURE_REF = re.compile(r"(?<![-\w])capture ([\w.-]+\.jsonl)")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", DOC, re.M | re.S)
    assert match, f"no section '{title}'"
    return match.group(1)


def defined(title: str) -> dict[str, str]:
    """The keys a list section defines (``- **KEY** — …``), each with its whole entry."""
    entries = re.split(r"^- ", section(title), flags=re.M)[1:]
    return {re.match(r"\*\*(.+?)\*\*", entry).group(1): entry for entry in entries}


MANUALS = defined("Manuals cited")
PROJECTS = defined("Other projects' files cited")


def tables() -> list[list[list[str]]]:
    """Every Markdown table whose first column is "Device": its rows (header first) as cells."""
    found, rows = [], []
    for line in DOC.splitlines() + [""]:
        if line.startswith("|"):
            rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
        elif rows:
            if rows[0][0] == "Device":
                found.append([row for row in rows if not set("".join(row)) <= set("-: ")])
            rows = []
    return found


def items(cell: str) -> list[str]:
    """The sources of one cell, split on '; ' outside parentheses."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(cell):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and cell.startswith("; ", i):
            parts.append(cell[start:i])
            start = i + 2
    return parts + [cell[start:]]


def keyed(item: str, keys: dict[str, str]) -> str | None:
    """What follows the longest key the item starts with; None when it names no known key."""
    for key in sorted(keys, key=len, reverse=True):
        if item == key or item.startswith(key + " "):
            return item[len(key) :].strip()
    return None


def problem(item: str) -> str | None:
    if CAPTURE.fullmatch(item) or PEER.fullmatch(item):
        return None
    if item.startswith("manual "):
        rest = keyed(item[len("manual ") :], MANUALS)
        if rest is None:
            return "names a manual not listed under 'Manuals cited'"
        return None if LOCATOR.fullmatch(rest) else "gives no page (p. N) or section (§ …) of the manual"
    if item.startswith("project "):
        rest = keyed(item[len("project ") :], PROJECTS)
        if rest is None:
            return "names a file not listed under 'Other projects' files cited'"
        return None if rest == "" or re.fullmatch(r"\([^()]+\)", rest) else "has more than a key and a note"
    return "is none of: manual, capture, peer, project, simulator only, untested"


def cell_problems(cell: str) -> list[str]:
    if ALONE.fullmatch(cell):
        return []
    return [f"'{item}' {why}" for item in items(cell) if (why := problem(item))]


def test_each_device_family_has_its_table_and_conflicts_are_marked():
    headings = re.findall(r"^###? (.+)$", DOC, re.M)
    for family in FAMILIES:
        assert any(heading.startswith(family) for heading in headings), family
    assert len(tables()) == len(FAMILIES)
    assert section("Where sources disagree").count("\n- ") >= 3
    assert "## Adding a new device" in DOC


def test_every_cell_is_a_kind_of_evidence_and_every_yes_names_its_source():
    wrong = []
    for table in tables():
        header = table[0]
        for row in table[1:]:
            assert len(row) == len(header), row[0]
            for column, cell in zip(header[1:], row[1:], strict=True):
                wrong += [f"{row[0]} / {column}: {why}" for why in cell_problems(cell)]
    assert not wrong, "\n".join(wrong)


def test_the_checker_refuses_a_bare_yes_and_unlisted_sources():
    assert cell_problems("yes")
    assert cell_problems("simulator only; untested")
    assert cell_problems("manual Unknown Guide p. 3")
    assert cell_problems("manual DXP guide")  # no page
    assert cell_problems("peer pyvisca 0.1.9")  # no test
    assert cell_problems("capture sony.jsonl; yes, works")
    assert not cell_problems("manual DXP guide p. 59 (E31); capture x.jsonl")
    assert not cell_problems("untested (no profile)")


def test_every_manual_and_project_file_is_listed_with_where_to_find_it_and_is_used():
    for key, entry in MANUALS.items():
        assert "http" in entry, f"manual '{key}' has no link"
        assert re.search(r"(p\. \d+|§ )", entry), f"manual '{key}' says no page"
    for key, entry in PROJECTS.items():
        assert re.search(r"[\w-]+/[\w.-]+ `[^`]+`", entry), f"'{key}' names no repository and file"
    body = DOC.split("## Manuals cited")[0]
    for key in [*MANUALS, *PROJECTS]:
        assert key in body, f"'{key}' is listed but cited nowhere"


@pytest.mark.parametrize(
    "path", [f"tests/fixtures/devices/{name}" for name in sorted(set(CAPTURE_REF.findall(DOC)))]
)
def test_a_capture_named_here_is_in_the_fixtures(path):
    assert (ROOT / path).is_file()


@pytest.mark.parametrize("reference", sorted(set(TEST_REF.findall(DOC))))
def test_a_test_named_here_exists(reference):
    path, _, name = reference.partition("::")
    assert (ROOT / path).is_file(), path
    if name:
        assert re.search(rf"^def {name}\(", (ROOT / path).read_text(encoding="utf-8"), re.M), reference
