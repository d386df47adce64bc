"""Per-workstation preset names, thumbnail files and positions (the camera itself stores the preset).

Why the console keeps positions: a VISCA camera cannot say where a stored preset points, and
overwriting or clearing a preset loses the old one on the camera. With the pan, tilt and zoom
read back when a preset is saved here, an overwrite or a clear can be undone: the camera is
sent to the old position and the preset saved there again (``ui/desk/preset_keeper.py``). A preset
saved elsewhere (another console, the camera's remote) has no known position; undoing its
overwrite is not offered.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from common.user_files import write_atomically


@dataclass(frozen=True)
class PresetPosition:
    pan: int
    tilt: int
    zoom: int | None = None


@dataclass(frozen=True)
class PresetRecord:
    """Everything the console knew about one preset, to put back (undo)."""

    name: str | None  # given in the console; None: the configuration's name stands
    thumbnail: bytes | None
    position: PresetPosition | None


class PresetLibrary:
    """Names given in the console override those from the configuration file; a cleared preset's
    configured name is overridden by an empty one.

    Thumbnails are PNG files under ``folder/thumbnails/<camera>/<preset>.png``; the UI writes
    them, this class only names them.
    """

    def __init__(self, folder: Path, config_names: dict[str, dict[int, str]] | None = None) -> None:
        self.folder = Path(folder)
        self._file = self.folder / "presets.json"
        self._positions_file = self.folder / "positions.json"
        self._config_names = config_names or {}
        self._names: dict[str, dict[int, str]] = self._read(self._file, str)
        self._positions: dict[str, dict[int, PresetPosition]] = self._read(
            self._positions_file, lambda raw: PresetPosition(**raw)
        )

    def set_config_names(self, config_names: dict[str, dict[int, str]]) -> None:
        """The names from a newly saved configuration (the console's own names still win)."""
        self._config_names = config_names

    @staticmethod
    def _read(path: Path, make) -> dict:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return {cam: {int(n): make(value) for n, value in items.items()} for cam, items in raw.items()}
        except (OSError, ValueError, AttributeError, TypeError):
            return {}

    def _write(self) -> None:
        data = {
            cam: {str(n): name for n, name in sorted(names.items())} for cam, names in self._names.items()
        }
        write_atomically(self._file, json.dumps(data, ensure_ascii=False, indent=2))

    def _write_positions(self) -> None:
        data = {
            cam: {str(n): vars(position) for n, position in sorted(items.items())}
            for cam, items in self._positions.items()
        }
        write_atomically(self._positions_file, json.dumps(data, indent=2))

    def name(self, camera_id: str, number: int) -> str:
        names = self._names.get(camera_id, {})
        if number in names:
            return names[number]
        return self._config_names.get(camera_id, {}).get(number, "")

    def rename(self, camera_id: str, number: int, name: str) -> None:
        self._names.setdefault(camera_id, {})[number] = name.strip()
        self._write()

    def forget(self, camera_id: str, number: int) -> None:
        """A cleared preset loses its name (the configured one too), thumbnail and position."""
        self._names.setdefault(camera_id, {})[number] = ""
        self._write()
        if self._positions.get(camera_id, {}).pop(number, None) is not None:
            self._write_positions()
        self.thumbnail_path(camera_id, number).unlink(missing_ok=True)

    def thumbnail_path(self, camera_id: str, number: int) -> Path:
        return self.folder / "thumbnails" / camera_id / f"{number}.png"

    def numbers(self, camera_id: str) -> list[int]:
        """Presets this console knows something about (a name, a thumbnail or a position)."""
        known = {
            n
            for n in set(self._names.get(camera_id, {})) | set(self._config_names.get(camera_id, {}))
            if self.name(camera_id, n)
        } | set(self._positions.get(camera_id, {}))
        folder = self.folder / "thumbnails" / camera_id
        if folder.is_dir():
            known |= {int(p.stem) for p in folder.glob("*.png") if p.stem.isdigit()}
        return sorted(known)

    def occupied(self, camera_id: str, number: int) -> bool:
        return number in self.numbers(camera_id)

    # ---- positions and undo ------------------------------------------------------------------
    def position(self, camera_id: str, number: int) -> PresetPosition | None:
        return self._positions.get(camera_id, {}).get(number)

    def remember(self, camera_id: str, number: int, position: PresetPosition) -> None:
        """Where the camera was when preset ``number`` was saved."""
        self._positions.setdefault(camera_id, {})[number] = position
        self._write_positions()

    def record(self, camera_id: str, number: int) -> PresetRecord:
        path = self.thumbnail_path(camera_id, number)
        return PresetRecord(
            self._names.get(camera_id, {}).get(number),
            path.read_bytes() if path.exists() else None,
            self.position(camera_id, number),
        )

    def restore(self, camera_id: str, number: int, record: PresetRecord) -> None:
        """Put back what ``record`` says about the preset (name, thumbnail, position)."""
        _set_or_drop(self._names.setdefault(camera_id, {}), number, record.name)
        self._write()
        _set_or_drop(self._positions.setdefault(camera_id, {}), number, record.position)
        self._write_positions()
        path = self.thumbnail_path(camera_id, number)
        if record.thumbnail is None:
            path.unlink(missing_ok=True)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(record.thumbnail)


def _set_or_drop(values: dict, number: int, value: object) -> None:
    """``values[number] = value``, or no entry for ``number`` when ``value`` is None."""
    if value is None:
        values.pop(number, None)
    else:
        values[number] = value
