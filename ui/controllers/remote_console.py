"""The console's side of the tablet remote (``RemoteConsole``, devices/control_api/remote_routes.py): the
staff who may log in, the PIN checked by the operations log's worker, a camera's presets with their
thumbnails and the shots of the operator's event.

The PIN is checked as the console's login panel checks it: the job ``log_in`` on the operations log's
own thread (bcrypt is slow on purpose), so wrong PINs count towards the same lockout and neither the
GUI thread nor the device loop waits on it; the loop only awaits the job's answer. What the desk knows is
read on the GUI thread through the API's own hop (``ApiBridge.on_gui``); thumbnail files are read on a
thread of their own.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from devices.control_api.actions import Answer, Refused
from models.desk.preset_library import PresetLibrary
from models.oplog.database_problems import DatabaseProblem
from models.oplog.jobs.base import log_in
from models.oplog.snapshot import StaffView
from models.oplog.staff import AccountLocked, StaffInactive, UnknownStaff, WrongPin
from ui.common.oplog_worker import OplogWorker
from ui.controllers.api_bridge import ApiBridge
from ui.desk.operator_desk import OperatorDesk

LOGIN_SECONDS = 20.0  # bcrypt on a slow desk PC, behind other jobs of the operations log
SHOT_KEYS = tuple(f"F{n}" for n in range(1, 13))


class RemoteDesk:
    def __init__(
        self,
        bridge: ApiBridge,
        desk: OperatorDesk,
        library: PresetLibrary,
        worker: Callable[[], OplogWorker | None],
        staff: Callable[[], Sequence[StaffView] | None],
    ) -> None:
        """``worker``: the operations log's, None without one; ``staff``: its latest list, None until read."""
        self.bridge, self.desk, self.library = bridge, desk, library
        self._worker, self._staff = worker, staff

    async def staff(self) -> list[dict[str, Any]]:
        def read() -> list[dict[str, Any]]:
            return [{"id": member.id, "name": member.name} for member in self._staff() or ()]

        return await self.bridge.on_gui(read)

    async def log_in(self, staff_id: int, pin: str) -> tuple[int, str]:
        answer: concurrent.futures.Future[StaffView] = concurrent.futures.Future()
        worker = await self.bridge.on_gui(self._worker)
        if worker is None:
            raise Refused(503, "this console keeps no operations log: nobody can log in", {"code": "no_log"})
        worker.call(log_in(staff_id, pin), answer.set_result, answer.set_exception)
        try:
            staff = await asyncio.wait_for(asyncio.wrap_future(answer), LOGIN_SECONDS)
        except TimeoutError:
            raise Refused(503, "the operations log did not answer in time", {"code": "no_log"}) from None
        except Exception as error:  # noqa: BLE001 - each refusal in the page's terms
            raise _refusal(error) from None
        return staff.id, staff.name

    async def presets(self, camera: str) -> Answer:
        def read() -> list[tuple[int, str, Path]]:
            if camera not in self.desk.bridges:
                raise Refused(404, f"no camera '{camera}' (GET /api/cameras lists them)")
            library = self.library
            return [
                (n, library.name(camera, n), library.thumbnail_path(camera, n))
                for n in library.numbers(camera)
            ]

        known = await self.bridge.on_gui(read)
        pictures = await asyncio.to_thread(lambda: [_data_url(path) for _n, _name, path in known])
        return {
            "camera": camera,
            "presets": [
                {"number": n, "name": name, "thumbnail": picture}
                for (n, name, _path), picture in zip(known, pictures, strict=True)
            ],
        }

    async def shots(self) -> Answer:
        return await self.bridge.on_gui(self._shots)

    def _shots(self) -> Answer:
        desk, board = self.desk, self.desk.board
        shots = []
        for key in SHOT_KEYS:
            found = desk.shot_event_for(key)
            if found is None:
                continue
            event_id, shot = found
            camera = shot.camera
            shots.append(
                {
                    "key": key,
                    "event": board.events[event_id].title if event_id in board.events else event_id,
                    "camera": camera,
                    "camera_name": desk.names.get(camera, camera) if camera else None,
                    "preset": shot.preset,
                    "preset_name": self.library.name(camera, shot.preset) if camera and shot.preset else "",
                    "scene": shot.scene,
                }
            )
        active = board.events.get(board.active) if board.active else None
        return {"event": active.title if active else None, "shots": shots}


def _data_url(path: Path) -> str | None:
    try:
        return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
    except OSError:  # no thumbnail (yet)
        return None


def _refusal(error: Exception) -> Refused:
    reason = str(error)  # the operations log's own sentence, in English for the API
    if isinstance(error, WrongPin):
        return Refused(403, reason, {"code": "wrong_pin", "attempts_left": error.attempts_left})
    if isinstance(error, AccountLocked):
        return Refused(423, reason, {"code": "locked", "seconds": error.seconds_left, "wrong": error.wrong})
    if isinstance(error, StaffInactive):
        return Refused(403, reason, {"code": "inactive"})
    if isinstance(error, UnknownStaff):
        return Refused(404, reason, {"code": "unknown"})
    if isinstance(error, DatabaseProblem):
        return Refused(503, reason, {"code": "no_log"})
    return Refused(400, reason, {"code": "refused"})
