"""Per-workstation preset names and thumbnail files (the camera itself stores the position)."""
from __future__ import annotations

import json
from pathlib import Path

from models.user_files import write_atomically


class PresetLibrary:
    """Names given in the console override those from the configuration file.

    Thumbnails are PNG files under ``folder/thumbnails/<camera>/<preset>.png``; the UI writes
    them, this class only names them.
    """

    def __init__(self, folder: Path, config_names: dict[str, dict[int, str]] | None = None) -> None:
        self.folder = Path(folder)
        self._file = self.folder / "presets.json"
        self._config_names = config_names or {}
        self._names: dict[str, dict[int, str]] = self._read()

    def set_config_names(self, config_names: dict[str, dict[int, str]]) -> None:
        """The names from a newly saved configuration (the console's own names still win)."""
        self._config_names = config_names

    def _read(self) -> dict[str, dict[int, str]]:
        try:
            raw = json.loads(self._file.read_text(encoding="utf-8"))
            return {cam: {int(n): str(name) for n, name in names.items()} for cam, names in raw.items()}
        except (OSError, ValueError, AttributeError):
            return {}

    def _write(self) -> None:
        data = {cam: {str(n): name for n, name in sorted(names.items())} for cam, names in self._names.items()}
        write_atomically(self._file, json.dumps(data, ensure_ascii=False, indent=2))

    def name(self, camera_id: str, number: int) -> str:
        return self._names.get(camera_id, {}).get(number) or self._config_names.get(camera_id, {}).get(number, "")

    def rename(self, camera_id: str, number: int, name: str) -> None:
        self._names.setdefault(camera_id, {})[number] = name.strip()
        self._write()

    def forget(self, camera_id: str, number: int) -> None:
        """A cleared preset loses its name and thumbnail."""
        self._names.get(camera_id, {}).pop(number, None)
        self._write()
        self.thumbnail_path(camera_id, number).unlink(missing_ok=True)

    def thumbnail_path(self, camera_id: str, number: int) -> Path:
        return self.folder / "thumbnails" / camera_id / f"{number}.png"

    def numbers(self, camera_id: str) -> list[int]:
        """Presets this console knows something about (a name or a thumbnail)."""
        known = set(self._names.get(camera_id, {})) | set(self._config_names.get(camera_id, {}))
        folder = self.folder / "thumbnails" / camera_id
        if folder.is_dir():
            known |= {int(p.stem) for p in folder.glob("*.png") if p.stem.isdigit()}
        return sorted(known)
