"""Each camera's preview as configured, opened into the preview hub; in demo mode the synthetic picture of
the camera's simulator (``SimulatedPicture``, paired with the configured cameras by
``simulated_pictures``)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QSettings, QSize

from devices.demo import DemoCamera
from devices.video.base import FrameSource
from devices.video.factory import open_source
from devices.video.spec import PreviewSourceError
from devices.visca.profiles import CameraProfile
from models.config.store import CameraConfig
from ui.common.notices import LogModel
from ui.common.wording import said
from ui.desk.camera_model import CameraListModel
from ui.preview.hub import PreviewHub, decode_from

TILE_PICTURE = QSize(320, 180)


@dataclass(frozen=True)
class SimulatedPicture:
    """How to draw the synthetic picture of a simulated camera (demo mode)."""

    state: Callable[[], Mapping[str, Any]]
    profile: CameraProfile


def simulated_pictures(
    cameras: Sequence[CameraConfig], demo: Sequence[DemoCamera]
) -> dict[str, SimulatedPicture]:
    """The demo's pictures by camera id: the configured cameras and the demo simulators, in the same order."""
    return {c.id: SimulatedPicture(d.state, d.profile) for c, d in zip(cameras, demo, strict=True)}


class PreviewSources(QObject):
    def __init__(
        self,
        previews: PreviewHub,
        cameras: CameraListModel,
        log: LogModel,
        settings: QSettings,
        simulated: dict[str, SimulatedPicture],
        parent: QObject,
    ) -> None:
        """``simulated``: the demo pictures by camera id; a camera whose simulator changes leaves it."""
        super().__init__(parent)
        self.previews = previews
        self.cameras = cameras
        self.log = log
        self.simulated = simulated
        self._decode = decode_from(settings)
        self._picture_size = TILE_PICTURE

    def add(self, camera: CameraConfig) -> None:
        """The camera's preview as configured: its substream on the tile, its main stream (when
        configured) in large views; demo mode: the synthetic picture of its simulator."""
        camera_id, name, simulated = camera.id, camera.name, self.simulated.get(camera.id)
        if camera.preview is None:
            self.cameras.set_preview_status(camera_id, self.tr("no preview configured"))
            return

        def opened(spec: str | int) -> FrameSource:
            return open_source(
                spec,
                sim_state=simulated.state if simulated else None,
                profile=simulated.profile if simulated else None,
                name=name,
                decode=self._decode,
            )

        try:
            source = opened(camera.preview)
            main_stream = opened(camera.preview_hd) if camera.preview_hd is not None else None
        except PreviewSourceError as exc:
            self.cameras.set_preview_status(camera_id, said(exc))
            self.log.add("error", f"{name}: {said(exc)}")
            return
        self.previews.add(camera_id, source, self._picture_size, main_stream=main_stream)

    def resize(self, size: QSize) -> None:
        self._picture_size = size  # a camera added later starts at the tiles' size
        for camera_id in self.previews.camera_ids():
            self.previews.set_size(camera_id, size)
