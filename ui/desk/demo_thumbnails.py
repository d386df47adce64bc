"""Demo mode: preset thumbnails drawn from the synthetic panorama, as each simulated camera frames its
presets.

A real console grabs a thumbnail from the live preview when a preset is saved; the demo's presets
were stored by the demo itself, so at start every preset a simulated camera stores without a
thumbnail gets one drawn with the synthetic picture's own geometry (without the overlay), and a
thumbnail of a preset the camera does not store is removed: the grid shows only what a recall shows.
The demo stored the positions too, so the console knows them (an overwrite of a demo preset can be undone).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from devices.video.base import SourceError
from devices.video.synthetic import crop, load_panorama, view_of
from devices.visca.profiles import CameraProfile
from models.desk.preset_library import PresetLibrary, PresetPosition
from ui.desk.preset_model import THUMB
from ui.preview.worker import to_qimage

log = logging.getLogger(__name__)


class SimulatedCamera(Protocol):  # read-only: the console's SimulatedPicture is frozen
    @property
    def state(self) -> Callable[[], Mapping[str, Any]]: ...

    @property
    def profile(self) -> CameraProfile: ...


def draw_demo_thumbnails(library: PresetLibrary, cameras: Mapping[str, SimulatedCamera]) -> None:
    stored = {camera_id: camera.state().get("presets", {}) for camera_id, camera in cameras.items()}
    for camera_id, presets in stored.items():
        for number in library.numbers(camera_id):
            if number not in presets:
                library.thumbnail_path(camera_id, number).unlink(missing_ok=True)
        for number, preset in presets.items():
            if library.position(camera_id, number) is None:
                library.remember(
                    camera_id, number, PresetPosition(preset["pan"], preset["tilt"], preset["zoom"])
                )
    missing = [
        (camera_id, number)
        for camera_id, presets in stored.items()
        for number in presets
        if not library.thumbnail_path(camera_id, number).exists()
    ]
    if not missing:
        return
    try:
        panorama = load_panorama()
    except SourceError as exc:  # the previews say so on their tiles
        log.warning("no demo thumbnails: %s", exc)
        return
    size = (THUMB.width(), THUMB.height())
    for camera_id, number in missing:
        view = view_of(
            stored[camera_id][number], cameras[camera_id].profile, (panorama.shape[1], panorama.shape[0])
        )
        path = library.thumbnail_path(camera_id, number)
        path.parent.mkdir(parents=True, exist_ok=True)
        if not to_qimage(crop(panorama, view, size), size).save(str(path), "PNG"):  # type: ignore[call-overload]  # the stub wants bytes; PySide6 takes only str
            log.warning("demo thumbnail not written: %s", path)
