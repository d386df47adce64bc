"""The WebSocket at /api/ws: state changes pushed to every client (so Companion's buttons light up), and
holds — moves that last while the client keeps sending heartbeats (the dead-man, holds.py).

Messages in (JSON objects): ``{"type": "hold", "camera": ID, "pan": …, "tilt": …, "zoom": …}`` starts or
changes a hold; ``{"type": "heartbeat"}`` keeps this client's holds going; ``{"type": "release"}`` (with a
``camera``, or all) stops them. A closed socket stops them at once; a silent one after the dead-man period.
Messages out: ``{"type": "state", …}`` first, then the console's events (``camera``, ``tally``,
``output``…) and the answers to holds (``holding``, ``released``, ``error`` with ``status`` and ``reason``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Callable
from typing import Any

from aiohttp import WSMsgType, web

from devices.control_api.actions import Client, ConsoleActions, Refused
from devices.control_api.camera_routes import MOVE_FIELDS, start_move
from devices.control_api.holds import Holds
from devices.control_api.table import Call, Field

log = logging.getLogger(__name__)
QUEUED = 256  # events waiting for a slow client; older ones are dropped past that
HOLD_FIELDS = (Field("camera", "the camera's id"), *MOVE_FIELDS)


class Hub:
    def __init__(self, console: ConsoleActions, holds: Holds) -> None:
        self.console = console
        self.holds = holds
        self._queues: dict[web.WebSocketResponse, asyncio.Queue[dict[str, Any]]] = {}

    @property
    def clients(self) -> int:
        return len(self._queues)

    def publish(self, event: dict[str, Any]) -> None:
        """Send ``event`` to every client (on the loop; ``ControlApi.publish`` from other threads)."""
        for queue in self._queues.values():
            if queue.full():
                queue.get_nowait()
            queue.put_nowait(event)

    async def serve(
        self, request: web.Request, client: Client, limit: Callable[[Client], None]
    ) -> web.StreamResponse:
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUED)
        queue.put_nowait({"type": "state", **await self.console.state()})
        self._queues[socket] = queue
        writer = asyncio.create_task(self._write(socket, queue))
        try:
            async for message in socket:
                if message.type is not WSMsgType.TEXT:
                    break
                answer = await self._on_message(socket, client, limit, message.data)
                if answer is not None:
                    self._answer(socket, answer)
        finally:
            self.holds.release(socket)  # closed or broken: whatever it held stops now
            del self._queues[socket]
            writer.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await writer
        return socket

    async def _on_message(
        self, socket: web.WebSocketResponse, client: Client, limit: Callable[[Client], None], text: str
    ) -> dict[str, Any] | None:
        self.holds.refresh(socket)  # any message says the client is there
        try:
            data = json.loads(text)
            kind = data.get("type") if isinstance(data, dict) else None
            if kind == "heartbeat":
                return None
            limit(client)
            if kind == "release":
                camera = data.get("camera")
                self.holds.release(socket, camera if isinstance(camera, str) else None)
                return {"type": "released", "camera": camera}
            if kind == "hold":
                body = {f.name: f.take(data) for f in HOLD_FIELDS}
                call = Call(client, self.console, self.holds, {"camera": body["camera"]}, body)
                return {"type": "holding", **await start_move(call, owner=socket)}
            raise Refused(400, "a message's type must be hold, heartbeat or release")
        except ValueError:
            return {"type": "error", "status": 400, "reason": "a message must be a JSON object"}
        except Refused as refused:
            return {"type": "error", "status": refused.status, "reason": refused.reason}

    def _answer(self, socket: web.WebSocketResponse, answer: dict[str, Any]) -> None:
        queue = self._queues.get(socket)
        if queue is not None and not queue.full():
            queue.put_nowait(answer)

    @staticmethod
    async def _write(socket: web.WebSocketResponse, queue: asyncio.Queue[dict[str, Any]]) -> None:
        while True:
            event = await queue.get()
            try:
                await socket.send_json(event)
            except (ConnectionError, RuntimeError):  # closing: the reader ends the connection
                return
