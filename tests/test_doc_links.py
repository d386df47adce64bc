"""Pointers to the project's notes stay true: a ``docs/…`` path named in the code exists (and so does
the section heading quoted after it), no code points outside the repository, and every Markdown
link between the notes reaches its file and heading."""

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CODE_FOLDERS = ("app.py", "common", "devices", "models", "ui", "tools", "benchmarks", "tests")

# docs/x.md, then optionally "Heading", "Heading" … (a comment may wrap between them)
DOC_POINTER = re.compile(r'\bdocs/[\w./-]+\w((?:,?\s*(?:#\s*)?"[^"\n]+")*)')
QUOTED = re.compile(r'"([^"\n]+)"')
OUTSIDE = re.compile(r"\.\./shared\b|(?<![\w.])/work/|\bshared/reference\b")
MD_LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.M | re.S)


def tracked(*patterns: str) -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--", *patterns], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return [ROOT / line for line in listed.splitlines() if (ROOT / line).exists()]


def code_files() -> list[Path]:
    return [p for p in tracked(*CODE_FOLDERS) if p.suffix == ".py"]


def headings(doc: Path) -> list[str]:
    text = FENCE.sub("", doc.read_text(encoding="utf-8"))
    return [m.group(1).strip() for m in re.finditer(r"^#{1,6}\s+(.+?)\s*#*$", text, re.M)]


def heading_named(doc: Path, name: str) -> bool:
    """A heading is cited by its text, or by the part before a colon or a bracket: ``"Discovery"``
    for "Discovery: `model=auto`", ``"Local ports"`` for "Local ports (VISCA over IP)"."""
    wanted = name.strip().lower()
    for heading in headings(doc):
        text = heading.lower()
        if text == wanted or text.startswith((wanted + ":", wanted + " (")):
            return True
    return False


def anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[^\w\- ]", "", heading.lower().replace("`", ""))
    return text.replace(" ", "-")


def anchors(doc: Path) -> set[str]:
    seen: dict[str, int] = {}
    found = set()
    for heading in headings(doc):
        base = anchor(heading)
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def broken_pointers(path: Path, text: str) -> list[str]:
    problems = []
    for match in DOC_POINTER.finditer(text):
        target = match.group(0).split('"')[0].rstrip(", #\n\t")
        where = f"{path.relative_to(ROOT)}: {target}"
        doc = ROOT / target
        if not doc.exists():
            problems.append(f"{where} does not exist")
            continue
        if doc.suffix == ".md":
            problems += [
                f'{where} has no heading "{name}"'
                for name in QUOTED.findall(match.group(1))
                if not heading_named(doc, name)
            ]
    return problems


def test_code_points_only_to_notes_that_exist():
    problems = []
    for path in code_files():
        if path == Path(__file__).resolve():
            continue
        problems += broken_pointers(path, path.read_text(encoding="utf-8"))
    assert not problems, "\n".join(problems)


def test_no_code_points_outside_the_repository():
    problems = []
    for path in code_files():
        if path == Path(__file__).resolve():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if OUTSIDE.search(line):
                problems.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not problems, "points outside the repository:\n" + "\n".join(problems)


def test_links_between_the_notes_reach_their_file_and_heading():
    problems = []
    for doc in tracked("*.md"):
        text = FENCE.sub("", doc.read_text(encoding="utf-8"))
        for target in MD_LINK.findall(text):
            if re.match(r"[a-z]+:", target):
                continue  # https:, mailto:
            file_part, _, fragment = target.partition("#")
            linked = (doc.parent / file_part).resolve() if file_part else doc
            where = f"{doc.relative_to(ROOT)}: ({target})"
            if not linked.is_relative_to(ROOT):
                problems.append(f"{where} leaves the repository")
            elif not linked.exists():
                problems.append(f"{where} does not exist")
            elif fragment and linked.suffix == ".md" and fragment not in anchors(linked):
                problems.append(f"{where} has no such heading")
    assert not problems, "\n".join(problems)


def test_the_checks_catch_what_they_are_for(tmp_path):
    """Each check fails on the mistake it exists for (a moved note, a renamed heading, a path out)."""
    here = ROOT / "tests" / "example.py"
    assert broken_pointers(here, "# see docs/no-such-note.md") == [
        "tests/example.py: docs/no-such-note.md does not exist"
    ]
    assert broken_pointers(here, '# docs/protocols/visca.md "Sockets", "No such heading"') == [
        'tests/example.py: docs/protocols/visca.md has no heading "No such heading"'
    ]
    assert broken_pointers(here, '"""(docs/protocols/extron-sis.md\n    "Line and framing")."""') == []
    assert broken_pointers(here, '# (docs/cameras.md "Discovery"; docs/transports.md "Local ports")') == []
    assert OUTSIDE.search("# from ../shared" + "/reference/visca.md")
    assert OUTSIDE.search("see /work" + "/shared/reference")
    assert not OUTSIDE.search("docs/work/notes.md, shared_line.py")
    note = tmp_path / "note.md"
    note.write_text("# Title\n\n## Error responses\n\n## Error responses\n", encoding="utf-8")
    assert anchors(note) == {"title", "error-responses", "error-responses-1"}
    assert anchor("Address Set, IF_Clear, Network Change") == "address-set-if_clear-network-change"
    assert anchor("Discovery: `model=auto`") == "discovery-modelauto"
