"""The house's shape: one direction of imports (setup.cfg's import-linter contracts), feature
folders in ui/ and models/, modules of at most 300 lines, docs/architecture.md drawing every
folder as it is, and tests/ made of packages whose test modules import no other test module
(shared pieces live in support modules)."""

import ast
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


MAX_LINES = 300  # the house's "small modules, 100–300 lines"
SOURCE_FOLDERS = ("common", "devices", "models", "ui", "tools")


def python_modules() -> dict[str, int]:
    """Every module of app.py and the source folders, with its number of lines."""
    return {
        path.as_posix(): len((ROOT / path).read_text(encoding="utf-8").splitlines())
        for path in tracked_files()
        if path.suffix == ".py" and (path == Path("app.py") or path.parts[0] in SOURCE_FOLDERS)
    }


def test_modules_are_small():
    too_long = sorted(f"{path} ({lines})" for path, lines in python_modules().items() if lines > MAX_LINES)
    assert not too_long, f"longer than {MAX_LINES} lines; split along a seam that makes sense: {too_long}"


def python_files_of_tests() -> list[Path]:
    return sorted(path for path in (ROOT / "tests").rglob("*.py") if "__pycache__" not in path.parts)


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports, ``from a.b import c`` counted as both ``a.b`` and ``a.b.c`` (c may be
    a module), relative imports made absolute."""
    package = ".".join(path.relative_to(ROOT).parent.parts)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # from . import x, from ..support import y
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                module = ".".join(filter(None, [base, node.module]))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def test_no_test_module_imports_another():
    tests = {".".join(path.relative_to(ROOT).with_suffix("").parts) for path in python_files_of_tests()}
    tests = {name for name in tests if name.rsplit(".", 1)[-1].startswith("test_")}
    importing = {
        str(path.relative_to(ROOT)): sorted(imported_modules(path) & tests)
        for path in python_files_of_tests()
        if imported_modules(path) & tests
    }
    assert not importing, (
        f"move what they share into a support module (tests/support/ or beside): {importing}"
    )


def test_every_folder_of_tests_is_a_package():
    folders = {path.parent for path in python_files_of_tests()}
    missing = sorted(
        str(folder.relative_to(ROOT)) for folder in folders if not (folder / "__init__.py").exists()
    )
    assert not missing, f"add an __init__.py to: {missing}"
