"""The house's shape: one direction of imports (setup.cfg's import-linter contracts), feature
folders in ui/ and models/, and docs/architecture.md drawing every folder as it is."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("ui", "devices", "models", "common")


LINT_IMPORTS = (
    "import sys; from importlinter.cli import lint_imports; "
    "sys.exit(lint_imports(config_filename='setup.cfg', no_cache=True))"
)


def test_import_contracts_are_kept():
    # In a process of its own: import-linter's command reconfigures logging and switches off every
    # logger that exists, which silenced the warnings later tests look for.
    result = subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


def tracked_files() -> list[Path]:
    listing = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return [Path(line) for line in listing.splitlines()]


def test_ui_and_models_are_made_of_feature_folders():
    loose = [
        str(path)
        for path in tracked_files()
        if len(path.parts) == 2 and path.parts[0] in ("ui", "models") and path.name != "__init__.py"
    ]
    assert not loose, f"put these in a feature folder: {loose}"


def drawn_folders() -> set[str]:
    """The folders of the tree at the top of docs/architecture.md (two spaces of indent per level)."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = text.split("```")[1]
    folders, path = set(), []
    for line in block.splitlines():
        entry = re.match(r"( *)(\S+)", line)
        if entry is None or not entry.group(2).endswith("/"):
            continue
        depth = len(entry.group(1)) // 2
        path[depth:] = [entry.group(2).rstrip("/")]
        folders.add("/".join(path))
    return folders


def test_the_architecture_document_draws_every_package_folder():
    packages = {
        str(path.parent)
        for path in tracked_files()
        if path.parts[0] in PACKAGES and path.name == "__init__.py"
    }
    top = {
        path.parts[0] for path in tracked_files() if len(path.parts) > 1 and not path.parts[0].startswith(".")
    }
    drawn = drawn_folders()
    assert packages | top <= drawn, f"not in docs/architecture.md: {sorted((packages | top) - drawn)}"
    assert drawn <= packages | top | {"models/oplog/migrations"}, (
        f"no longer there: {sorted(drawn - packages - top)}"
    )
