"""The records of a capture file (docs/captures.md): all of them, or the frames sent one way."""

from __future__ import annotations

import json
from pathlib import Path


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def frames(path: Path, direction: str) -> list[bytes]:
    return [bytes.fromhex(r["hex"]) for r in records(path) if r.get("dir") == direction]
