"""The simulated OBS's websocket server: obs-websocket 5's session (Hello with the authentication
challenge, Identify, Identified, Reidentify, Request, RequestBatch, Event with eventSubscriptions),
JSON or MessagePack as the client asks, over the ``websockets`` package.

    sim = await start_obs_simulator("ws://127.0.0.1:0", password="pw", record_folder=tmp)
    sim.url                      # obs://127.0.0.1:PORT — what a client uses
    sim.silent = True            # reads everything, answers nothing (a hung OBS)
    sim.studio.refuse["StartStream"] = Status.GENERIC_ERROR
    sim.drop_stream(seconds=2)   # the stream reconnects for 2 s
    await sim.kill(); await sim.restart()   # OBS killed (connections cut, no close) and started again
    await sim.close()

From another thread: ``runtime.submit(...)`` on the ``DeviceRuntime`` it runs on.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from devices.endpoints import Endpoint, parse_endpoint
from devices.obs.sim.messages import (
    JSON,
    MSGPACK,
    RPC_VERSION,
    WEBSOCKET_VERSION,
    Close,
    Intent,
    Op,
    auth_string,
    challenge,
    decode,
    encode,
)
from devices.obs.sim.studio import SimStudio
from devices.obs.urls import ObsUrlError
from devices.runtime import DeviceRuntime


@dataclass(eq=False)  # one per connection, kept in a set
class _Session:
    ws: ServerConnection
    subscriptions: int = Intent.ALL
    identified: bool = False
    outbox: asyncio.Queue = field(default_factory=asyncio.Queue)

    def send(self, op: int, data: dict[str, Any]) -> None:
        self.outbox.put_nowait(encode(self.ws.subprotocol, op, data))


class ObsSimulator:
    def __init__(self, host: str, port: int, password: str | None = None, **studio: Any) -> None:
        self.host, self.port = host, port
        self.password = password or None
        self._studio_settings = studio
        self.studio = SimStudio(self._event, **studio)
        self.silent = False
        self._server: Server | None = None
        self._sessions: set[_Session] = set()

    @property
    def url(self) -> str:
        return f"obs://{self.host}:{self.port}"

    async def start(self) -> ObsSimulator:
        self._server = await serve(
            self._serve,
            self.host,
            self.port,
            select_subprotocol=_encoding,
            ping_interval=None,
        )
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def close(self) -> None:
        await self.kill()

    async def kill(self) -> None:
        """As OBS killed: nothing listens, every connection is cut without a close, the outputs end."""
        if self._server is not None:
            self._server.close(close_connections=False)
            for session in list(self._sessions):
                session.ws.transport.abort()
            await self._server.wait_closed()
            self._server = None
        self.studio.stream.halt()
        self.studio.record.halt()

    async def restart(self) -> None:
        """OBS started again on the same port: a fresh studio, nothing on air."""
        self.studio = SimStudio(self._event, **self._studio_settings)
        await self.start()

    def drop_stream(self, seconds: float = 1.0) -> None:
        self.studio.stream.drop(seconds)

    # ---- one client --------------------------------------------------------------------------
    async def _serve(self, ws: ServerConnection) -> None:
        session = _Session(ws)
        self._sessions.add(session)
        writer = asyncio.create_task(self._write(session))
        try:
            await self._converse(session)
        except ConnectionClosed:
            pass
        finally:
            self._sessions.discard(session)
            writer.cancel()

    async def _write(self, session: _Session) -> None:
        while True:
            frame = await session.outbox.get()
            with contextlib.suppress(ConnectionClosed):
                await session.ws.send(frame)
            session.outbox.task_done()

    async def _converse(self, session: _Session) -> None:
        ws = session.ws
        if self.silent:
            await ws.wait_closed()
            return
        auth = challenge() if self.password else None
        hello: dict[str, Any] = {"obsWebSocketVersion": WEBSOCKET_VERSION, "rpcVersion": RPC_VERSION}
        if auth is not None:
            hello["authentication"] = auth
        session.send(Op.HELLO, hello)
        problem = self._identify(session, await ws.recv(), auth)
        if problem is not None:
            await session.outbox.join()  # what was said before the close goes out first
            await ws.close(*problem)
            return
        async for frame in ws:
            if self.silent:
                continue
            problem = self._on_message(session, frame)
            if problem is not None:
                await ws.close(*problem)
                return

    def _identify(
        self, session: _Session, frame: str | bytes, auth: dict[str, str] | None
    ) -> tuple[int, str] | None:
        try:
            message = decode(session.ws.subprotocol, frame)
        except ValueError:
            return Close.MESSAGE_DECODE_ERROR, "Unable to decode the message."
        data = message.get("d")
        if message.get("op") != Op.IDENTIFY or not isinstance(data, dict):
            return Close.NOT_IDENTIFIED, "You attempted to send a non-Identify message while not identified."
        if not isinstance(data.get("rpcVersion"), int):
            return Close.MISSING_DATA_FIELD, "Your payload's data is missing an `rpcVersion`."
        if data["rpcVersion"] != RPC_VERSION:
            return (
                Close.UNSUPPORTED_RPC_VERSION,
                f"Requested an unsupported RPC version: {data['rpcVersion']}",
            )
        if auth is not None and data.get("authentication") != auth_string(
            self.password or "", auth["salt"], auth["challenge"]
        ):
            return Close.AUTHENTICATION_FAILED, "Authentication failed."
        subscriptions = data.get("eventSubscriptions", Intent.ALL)
        if not isinstance(subscriptions, int):
            return Close.INVALID_DATA_FIELD_TYPE, "Your `eventSubscriptions` is not a number."
        session.subscriptions, session.identified = subscriptions, True
        session.send(Op.IDENTIFIED, {"negotiatedRpcVersion": RPC_VERSION})
        return None

    def _on_message(self, session: _Session, frame: str | bytes) -> tuple[int, str] | None:
        try:
            message = decode(session.ws.subprotocol, frame)
        except ValueError:
            return Close.MESSAGE_DECODE_ERROR, "Unable to decode the message."
        op, data = message.get("op"), message.get("d")
        if not isinstance(data, dict):
            return Close.MISSING_DATA_FIELD, "Your payload is missing data (`d`)."
        if op == Op.REQUEST:
            session.send(Op.REQUEST_RESPONSE, self._answer(data))
        elif op == Op.BATCH:
            requests = data.get("requests")
            listed = requests if isinstance(requests, list) else []
            results = [self._answer(r) for r in listed if isinstance(r, dict)]
            session.send(Op.BATCH_RESPONSE, {"requestId": data.get("requestId"), "results": results})
        elif op == Op.REIDENTIFY:
            subscriptions = data.get("eventSubscriptions", Intent.ALL)
            session.subscriptions = subscriptions if isinstance(subscriptions, int) else session.subscriptions
            session.send(Op.IDENTIFIED, {"negotiatedRpcVersion": RPC_VERSION})
        elif op == Op.IDENTIFY:
            return Close.ALREADY_IDENTIFIED, "You are already Identified with the obs-websocket server."
        else:
            return Close.UNKNOWN_OP_CODE, f"Unknown OpCode: {op}"
        return None

    def _answer(self, request: dict[str, Any]) -> dict[str, Any]:
        kind = request.get("requestType")
        code, comment, data = self.studio.handle(kind, request.get("requestData"))
        status: dict[str, Any] = {"result": code == 100, "code": code}
        if comment:
            status["comment"] = comment
        answer = {"requestType": kind, "requestId": request.get("requestId"), "requestStatus": status}
        if data is not None:
            answer["responseData"] = data
        return answer

    def _event(self, kind: str, intent: int, data: dict[str, Any]) -> None:
        if self.silent:
            return
        event = {"eventType": kind, "eventIntent": intent, "eventData": data}
        for session in self._sessions:
            if session.identified and session.subscriptions & intent:
                session.send(Op.EVENT, event)


def _encoding(_connection: ServerConnection, offered: Sequence[Subprotocol]) -> Subprotocol | None:
    """MessagePack or JSON as the client asks; a client that asks for neither gets JSON, as from OBS."""
    for name in offered:
        if name in (JSON, MSGPACK):
            return name
    return None


async def start_obs_simulator(listen: str, password: str | None = None, **studio: Any) -> ObsSimulator:
    """Listen on ``ws://HOST:PORT`` (port 0: any free one) as OBS Studio. Raises ``ObsUrlError`` for a
    bad address, ``OSError`` when it is taken. ``studio``: ``SimStudio``'s settings."""
    endpoint: Endpoint = parse_endpoint(listen, ("ws",), {}, kind="OBS simulator", listening=True)
    if endpoint.options:
        raise ObsUrlError(f"{listen}: the simulator's settings are options of the command, not of the URL")
    return await ObsSimulator(endpoint.host, endpoint.port, password, **studio).start()


def start_demo_obs(
    runtime: DeviceRuntime,
    record_folder: Path | None = None,
    timeout: float = 10.0,
    scenes: Mapping[str, tuple[str, ...]] | None = None,
) -> ObsSimulator:
    """A simulated OBS on ``runtime`` for demo mode (one per demo event); it closes when the runtime stops.
    ``scenes``: its scenes (top first), each with the sources it shows (default: the simulator's)."""
    started = start_obs_simulator("ws://127.0.0.1:0", record_folder=record_folder, scenes=scenes)
    server = runtime.submit(started).result(timeout)
    runtime.on_stop(server.close)
    return server
