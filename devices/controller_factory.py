"""Starts and retires the controllers of the configured cameras, walls and OBS outputs, with their capture
files.

``app.py`` makes one for the console; the console asks it again when a saved configuration adds a
device or changes its URL, and retires the controllers it no longer needs. Nothing here waits:
opening and closing links happen on the device runtime's thread. A device's ``capture:`` file
(docs/captures.md) is opened relative to the configuration file's folder; one that cannot be
written is a sentence in ``problems`` and the device works without it.
"""

from __future__ import annotations

import concurrent.futures
from pathlib import Path
from typing import Protocol

from common.wording import QT_TRANSLATE_NOOP, Phrase
from devices.capture import Recorder, for_device
from devices.obs.controller import ObsController
from devices.runtime import DeviceRuntime
from devices.visca.controller import CameraController
from devices.visca.profiles import configured_profile
from devices.wall.controller import WallController


class DeviceSettings(Protocol):
    """What the factory reads of a device's configuration (models/config/schema.py's records)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def capture(self) -> str | None: ...


class CameraSettings(DeviceSettings, Protocol):
    @property
    def profile(self) -> str | None: ...


class ControllerFactory:
    def __init__(self, runtime: DeviceRuntime, capture_folder: Path) -> None:
        self.runtime = runtime
        self.capture_folder = capture_folder
        self.recorders: dict[tuple[str, str], Recorder] = {}  # ("camera" | "wall", id) -> its capture
        self.problems: list[Phrase] = []  # capture files that cannot be written

    def camera(self, camera: CameraSettings) -> CameraController:
        controller = CameraController(
            self.runtime, camera.url, camera.name, profile=configured_profile(camera.profile)
        )
        return controller.start(capture=self._capture("camera", camera))

    def wall(self, wall: DeviceSettings) -> WallController:
        return WallController(self.runtime, wall.url, wall.name).start(capture=self._capture("wall", wall))

    def obs(self, name: str, url: str, secret: str | None = None) -> ObsController | None:
        """An OBS output's controller, connecting in the background; None (the reason in ``problems``)
        when its URL names a password variable that is not set. ``secret``: its password from the
        configuration's secrets file (used when the URL names no variable)."""
        try:
            return ObsController(self.runtime, url, name, secret=secret).start()
        except ValueError as exc:
            self.problems.append(
                QT_TRANSLATE_NOOP("Obs", "{output}: {problem}").format(output=name, problem=exc.args[0])
            )
            return None

    def retire(
        self, kind: str, device_id: str, controller: CameraController | WallController
    ) -> concurrent.futures.Future:
        """Close the controller, then its capture file; returns at once."""
        closing = controller.close()
        recorder = self.recorders.pop((kind, device_id), None)
        if recorder is not None:
            closing.add_done_callback(lambda _closed: recorder.close())
        return closing

    def wait(self) -> None:
        """At exit, once the devices have closed: every capture file complete."""
        for recorder in self.recorders.values():
            recorder.wait()

    def _capture(self, kind: str, device: DeviceSettings) -> Recorder | None:
        if not device.capture:
            return None
        recorder, problem = for_device(
            self.capture_folder / Path(device.capture).expanduser(),
            name=device.name,
            url=device.url,
            kind=kind,
        )
        if recorder is not None:
            self.recorders[kind, device.id] = recorder
        elif problem is not None:  # (one or the other)
            self.problems.append(problem)
        return recorder
