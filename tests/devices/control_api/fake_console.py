"""A console for the Control API's tests without Qt: real camera controllers (on simulated cameras), the
desk's rules reduced to a set of blocked cameras, and a list of what it audited."""

from __future__ import annotations

import asyncio
from typing import Any

from devices.control_api.actions import Answer, Client, Refused
from devices.control_api.camera_mover import CameraMover
from devices.visca.controller import CameraController


class FakeConsole:
    def __init__(self, cameras: dict[str, CameraController]) -> None:
        self.cameras = cameras
        self.blocked: dict[str, str] = {}  # camera -> the running event it belongs to
        self.audited: list[tuple[str, str]] = []  # (client name, action)
        self.pushed: list[dict[str, Any]] = []

    def _camera(self, camera: str, client: Client, action: str) -> CameraController:
        if camera not in self.cameras:
            raise Refused(404, f"no camera '{camera}'")
        if camera in self.blocked:
            raise Refused(409, f"{camera} belongs to {self.blocked[camera]} — take it over at the desk first")
        self.audited.append((client.name, f"{action} via API ({client.name})"))
        return self.cameras[camera]

    async def state(self) -> Answer:
        return {"cameras": [{"id": c} for c in self.cameras], "walls": [], "outputs": [], "events": []}

    async def select(self, client: Client, camera: str) -> Answer:
        self._camera(camera, client, "select")
        return {"ok": True}

    async def mover(self, client: Client, camera: str, what: str) -> CameraMover:
        await asyncio.sleep(0)  # the real one waits for the console's thread
        return CameraMover(self._camera(camera, client, what))

    async def stop(self, client: Client, camera: str) -> Answer:
        self._camera(camera, client, "stop").stop()
        return {"ok": True}

    async def all_stop(self, client: Client) -> Answer:
        for controller in self.cameras.values():
            controller.stop()
        self.audited.append((client.name, f"ALL STOP via API ({client.name})"))
        return {"ok": True}

    async def recall_preset(self, client: Client, camera: str, number: int) -> Answer:
        controller = self.cameras.get(camera)
        if controller is not None and not 0 <= number <= controller.profile.preset_max:
            raise Refused(422, f"preset {number} is out of range")
        self._camera(camera, client, f"preset recall {number}").recall_preset(number)
        return {"ok": True}

    async def save_preset(self, client: Client, camera: str, number: int) -> Answer:
        self._camera(camera, client, f"preset save {number}").save_preset(number)
        return {"ok": True}

    async def fire_shot(self, client: Client, key: str) -> Answer:
        raise Refused(404, f"no shot is bound to {key}")

    async def wall_route(self, client: Client, wall: str, output: int, input: int) -> Answer:
        raise Refused(404, f"no wall '{wall}'")

    async def wall_layout(self, client: Client, wall: str, number: int) -> Answer:
        raise Refused(404, f"no wall '{wall}'")

    async def obs_scene(self, client: Client, output: str, scene: str) -> Answer:
        raise Refused(404, f"no output '{output}'")

    async def obs_command(self, client: Client, output: str, command: str, confirmed: bool = False) -> Answer:
        raise Refused(404, f"no output '{output}'")
