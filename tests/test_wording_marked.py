"""Operator-facing errors raised in devices/ and models/ carry a translatable sentence.

A literal, an f-string or a str() of something as the message of one of these exceptions would
reach the Indonesian screen in English; the message must come from QT_TRANSLATE_NOOP (possibly
formatted, or held in a variable or passed on from a caught error).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHOWN_TO_OPERATORS = {
    # exceptions whose message the console shows (notices, log pane, panels, problem lists)
    "AccountLocked",
    "CameraError",
    "ConfigError",
    "DatabaseProblem",
    "DeviceUrlError",
    "FaultError",
    "HandoverError",
    "HandoverLocked",
    "HotkeyError",
    "KeyConflict",
    "LoginError",
    "PermissionDenied",
    "PreviewSourceError",
    "ProfileError",
    "ScheduleError",
    "SeedError",
    "ShiftError",
    "SourceError",
    "StaffInactive",
    "UnknownStaff",
    "ViscaParameterError",
    "WallError",
    "WrongPin",
}
NOT_SHOWN = {"sim", "cli"}  # simulators and the command line speak English to the IT staff


def _plain_text(node: ast.expr) -> bool:
    """A message that cannot be a Phrase: a literal, an f-string, text glued with + or %, str(...)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _plain_text(node.left) or _plain_text(node.right)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str"


def _unmarked(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        name = node.func.id
        message = node.args[0] if node.args else None
        if name == "ConfigProblem":  # ConfigProblem(source, line, field, message)
            message = (
                node.args[3]
                if len(node.args) > 3
                else next((k.value for k in node.keywords if k.arg == "message"), None)
            )
        elif name not in SHOWN_TO_OPERATORS:
            continue
        if message is not None and _plain_text(message):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}({ast.unparse(message)[:60]})")
    return found


def test_operator_facing_errors_are_raised_with_translatable_sentences():
    files = [
        path
        for layer in ("devices", "models", "common")
        for path in sorted((ROOT / layer).rglob("*.py"))
        if not NOT_SHOWN.intersection(path.relative_to(ROOT).parts)
    ]
    assert len(files) > 50
    unmarked = [line for path in files for line in _unmarked(path)]
    assert not unmarked, "mark these with QT_TRANSLATE_NOOP (common/wording.py):\n" + "\n".join(unmarked)
