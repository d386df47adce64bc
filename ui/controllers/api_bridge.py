"""The console's side of the Control API: ``ConsoleActions`` (devices/control_api/actions.py) carried out
with the desk's rules, the keyboard's own.

Threads. The server calls these methods on the device loop. Each hops to the GUI thread through a queued
signal, where the desk decides and acts as for a key (``OperatorDesk.recall_preset``, ``fire_shot``, the
wall desk's ``route`` …), and the loop awaits the answer for ``TIMEOUT`` seconds (a console that does
not answer by then has done nothing: the queued call is cancelled). Moves, once the desk has allowed
them, go straight from the loop to the camera controller (``CameraMover``), and so do stops and ALL
STOP, so a busy GUI never delays a stop; the desk then hears of them too. Every action carried out is
handed to ``audit`` as an ``ActionRecord`` "… via API (client)".
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from common.wording import QT_TRANSLATE_NOOP
from devices.control_api.actions import Answer, Client, Refused
from devices.control_api.camera_mover import CameraMover
from devices.records import ActionRecord
from devices.visca import codec
from devices.visca.controller import CameraController
from ui.controllers.api_state import ConsoleView

TIMEOUT = 2.0


class ApiBridge(QObject):
    _call = Signal(object)  # (function, concurrent future), run on the GUI thread

    def __init__(
        self, view: ConsoleView, audit: Callable[[ActionRecord], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.view = view
        self._audit = audit
        self._call.connect(self._run, Qt.ConnectionType.QueuedConnection)
        self._movers: dict[str, CameraMover] = {}
        self._moves: dict[str, tuple[Client, str]] = {}  # the last move audited, per camera
        self._controllers: dict[str, CameraController] = {}  # the loop's copy, replaced whole
        self._note_cameras()

    # ---- the hop ------------------------------------------------------------------------------
    async def _on_gui(self, fn: Callable[[], Any]) -> Any:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._call.emit((fn, future))
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), TIMEOUT)
        except TimeoutError:
            raise Refused(503, "the console did not answer in time; nothing was done") from None

    on_gui = _on_gui  # for the remote's routes too (ui/controllers/remote_console.py)

    @Slot(object)
    def _run(self, job: tuple[Callable[[], Any], concurrent.futures.Future]) -> None:
        fn, future = job
        if not future.set_running_or_notify_cancel():
            return  # the loop stopped waiting: too late to act
        try:
            self._note_cameras()
            future.set_result(fn())
        except BaseException as exc:  # Refused, or a fault handed back to the loop
            future.set_exception(exc)

    def _note_cameras(self) -> None:
        self._controllers = {c: b.controller for c, b in self.view.desk.bridges.items()}

    def _record(self, client: Client, device: str, action: str) -> None:
        text = QT_TRANSLATE_NOOP("ControlApi", "{action} via API ({client})").format(
            action=action, client=client.name
        )
        self._audit(ActionRecord(device, text, "completed", time.time(), 0.0))

    # ---- rules (GUI thread) -------------------------------------------------------------------
    def _camera(self, camera: str, moving: bool) -> str:
        desk = self.view.desk
        if camera not in desk.bridges:
            raise Refused(404, f"no camera '{camera}' (GET /api/cameras lists them)")
        blocking = desk.board.blocking(camera) if moving else []
        if blocking:
            titles = ", ".join(e.title for e in blocking)
            raise Refused(409, f"{desk.names[camera]} belongs to {titles} — take it over at the desk first")
        return desk.names[camera]

    def _preset(self, camera: str, number: int) -> None:
        try:
            codec.validate_preset(number, self.view.desk.bridges[camera].controller.profile)
        except ValueError as exc:
            raise Refused(422, f"{self.view.desk.names[camera]}: {exc}") from None

    # ---- ConsoleActions -------------------------------------------------------------------------
    async def state(self) -> Answer:
        return await self._on_gui(self.view.state)

    async def select(self, client: Client, camera: str) -> Answer:
        def act() -> Answer:
            name = self._camera(camera, moving=False)
            self.view.desk.select(camera)
            self._record(client, name, "select")
            return {"ok": True, "camera": camera}

        return await self._on_gui(act)

    async def mover(self, client: Client, camera: str, what: str) -> CameraMover:
        def allow() -> CameraMover:
            name = self._camera(camera, moving=True)
            controller = self.view.desk.bridges[camera].controller
            mover = self._movers.get(camera)
            if mover is None or mover.controller is not controller:
                mover = self._movers[camera] = CameraMover(controller)
            if self._moves.get(camera) != (client, what):  # a hold's repeats are one action
                self._moves[camera] = (client, what)
                self._record(client, name, what)
            return mover

        return await self._on_gui(allow)

    async def stop(self, client: Client, camera: str) -> Answer:
        controller = self._controllers.get(camera)
        if controller is not None:
            controller.stop()  # now, from the loop
        return await self._on_gui(lambda: self._stopped(client, camera))

    def _stopped(self, client: Client, camera: str) -> Answer:
        name = self._camera(camera, moving=False)
        self.view.desk.bridges[camera].controller.stop()  # (a camera added since the loop's copy)
        self._moves.pop(camera, None)
        self._record(client, name, "stop")
        return {"ok": True, "camera": camera}

    async def all_stop(self, client: Client) -> Answer:
        for controller in self._controllers.values():
            controller.stop()

        def act() -> Answer:
            self.view.desk.all_stop()  # held keys let go, and the operator told
            self._moves.clear()
            self._record(client, "*", "ALL STOP")
            return {"ok": True}

        return await self._on_gui(act)

    async def recall_preset(self, client: Client, camera: str, number: int) -> Answer:
        def act() -> Answer:
            name = self._camera(camera, moving=True)
            self._preset(camera, number)
            if self.view.desk.recall_preset(number, camera) is None:
                raise Refused(409, f"{name}: the desk did not recall preset {number}")
            self._record(client, name, f"preset recall {number}")
            return {"ok": True, "camera": camera, "preset": number}

        return await self._on_gui(act)

    async def save_preset(self, client: Client, camera: str, number: int) -> Answer:
        def act() -> Answer:
            name = self._camera(camera, moving=False)
            self._preset(camera, number)
            self.view.desk.save_preset(number, camera)
            self._record(client, name, f"preset save {number}")
            return {"ok": True, "camera": camera, "preset": number}

        return await self._on_gui(act)

    async def fire_shot(self, client: Client, key: str) -> Answer:
        def act() -> Answer:
            found = self.view.desk.shot_event_for(key)
            if found is None:
                raise Refused(404, f"no shot is bound to {key} in the running events")
            _event, shot = found
            if shot.camera is not None and shot.preset is not None:
                self._camera(shot.camera, moving=True)
                self._preset(shot.camera, shot.preset)
            self.view.desk.fire_shot(key)
            self._record(client, shot.camera or "-", f"shot {key}")
            return {
                "ok": True,
                "shot": key,
                "camera": shot.camera,
                "preset": shot.preset,
                "scene": shot.scene,
            }

        return await self._on_gui(act)

    async def wall_route(self, client: Client, wall: str, output: int, input: int) -> Answer:
        return await self._on_gui(lambda: self._wall_route(client, wall, output, input))

    async def wall_layout(self, client: Client, wall: str, number: int) -> Answer:
        return await self._on_gui(lambda: self._wall_layout(client, wall, number))

    async def obs_scene(self, client: Client, output: str, scene: str) -> Answer:
        return await self._on_gui(lambda: self._obs(client, output, f"cut to {scene}", scene=scene))

    async def obs_command(self, client: Client, output: str, command: str, confirmed: bool = False) -> Answer:
        return await self._on_gui(
            lambda: self._obs(client, output, command.replace("_", " "), command=command, confirmed=confirmed)
        )

    # ---- the wall and the outputs (GUI thread) --------------------------------------------------
    def _wall(self, wall: str, outputs: list[int] | None = None) -> tuple[Any, str]:
        walls = self.view.walls
        if wall not in walls.walls or wall not in walls.bridges:
            raise Refused(404, f"no wall '{wall}' (GET /api/walls lists them)")
        config = walls.walls[wall]
        names, titles = walls.blocked(wall, config.outputs if outputs is None else outputs)
        if names:
            raise Refused(409, f"{names} belongs to {titles} — take it over at the desk first")
        return config, config.name

    def _wall_route(self, client: Client, wall: str, output: int, input: int) -> Answer:
        config = self.view.walls.walls.get(wall)
        if config is not None and config.outputs and output not in config.outputs:
            raise Refused(404, f"{config.name} has no output {output}")
        if config is not None and config.sources and input not in config.sources:
            raise Refused(404, f"{config.name} has no input {input}")
        _config, name = self._wall(wall, [output])
        self.view.walls.route(wall, output, input)
        self._record(client, name, f"route {input}→{output}")
        return {"ok": True, "wall": wall, "output": output, "input": input}

    def _wall_layout(self, client: Client, wall: str, number: int) -> Answer:
        config, name = self._wall(wall)
        if number not in config.layouts:
            raise Refused(404, f"{name} has no layout {number}")
        self.view.walls.recall_layout(wall, number)
        self._record(client, name, f"layout {number}")
        return {"ok": True, "wall": wall, "layout": number}

    def _obs(
        self,
        client: Client,
        output: str,
        what: str,
        scene: str = "",
        command: str = "",
        confirmed: bool = False,
    ) -> Answer:
        outputs = self.view.outputs
        if output not in outputs.bridges:
            raise Refused(404, f"no output '{output}' (GET /api/outputs lists them)")
        name = outputs.names[output]
        titles = outputs.blocking_titles(output)
        if titles:
            raise Refused(409, f"{name} belongs to {titles} — take it over at the desk first")
        state = outputs.bridges[output].state
        if command == "stop_stream" and state.streaming and not confirmed:
            raise Refused(409, f'{name} is on air: stopping it takes {{"confirm": true}} in the body')
        if scene and state.scenes and scene not in state.scenes:
            raise Refused(404, f"{name} has no scene '{scene}'")
        sent = outputs.cut(output, scene) if scene else outputs.command(output, command)
        if sent is None:
            raise Refused(409, f"{name}: the desk did not send it")
        self._record(client, name, what)
        return {"ok": True, "output": output, **({"scene": scene} if scene else {"command": command})}
