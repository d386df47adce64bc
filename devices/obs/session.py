"""One OBS Studio connection on the device loop: connect and identify with simpleobsws, load the state,
follow events, poll statistics, notice when OBS goes away and connect again with backoff.

simpleobsws speaks obs-websocket 5 (Hello, the SHA-256 authentication, Identify, requests, events);
this module only decides when to connect, what to ask and what the answers mean (docs/obs.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import simpleobsws
import websockets

from common.wording import QT_TRANSLATE_NOOP
from devices.obs.scenes import ITEM_EVENTS, SceneSources
from devices.obs.state import REASONS, Connection, ObsError, ObsState
from devices.obs.status import ObsStatus
from devices.obs.urls import ObsEndpoint
from devices.runtime import cancel_and_wait

log = logging.getLogger(__name__)
# General, Scenes, Outputs, SceneItems and Ui (studio mode): docs/protocols/obs-websocket.md
SUBSCRIPTIONS = (1 << 0) | (1 << 2) | (1 << 6) | (1 << 7) | (1 << 10)
AUTHENTICATION_FAILED, SESSION_INVALIDATED = 4009, 4011
POLLED = ("GetStreamStatus", "GetRecordStatus", "GetStats")
STATUS_READERS: dict[str, Callable[[ObsStatus, Mapping[str, Any]], None]] = {
    "GetStreamStatus": ObsStatus.on_stream_status,
    "GetRecordStatus": ObsStatus.on_record_status,
    "GetStats": ObsStatus.on_stats,
}


@dataclass(frozen=True)
class Timing:
    poll: float = 1.0  # seconds between statistics polls; a poll unanswered within poll_timeout is
    poll_timeout: float = 0.8  # OBS gone silent (offline within poll + poll_timeout)
    connect_timeout: float = 3.0  # to open the websocket and be identified
    first_retry: float = 0.5  # then doubling, up to
    last_retry: float = 5.0
    refused_retry: float = 30.0  # a wrong password is not tried more often than this


class Refused(Exception):
    def __init__(self, close_code: int | None) -> None:
        super().__init__(close_code)
        self.close_code = close_code


class ObsSession:
    def __init__(self, endpoint: ObsEndpoint, status: ObsStatus, timing: Timing = Timing()) -> None:
        self.endpoint = endpoint
        self.status = status
        self.timing = timing
        self.sources = SceneSources()
        self._client: simpleobsws.WebSocketClient | None = None
        self._task: asyncio.Task | None = None
        self._waiters: list[tuple[asyncio.Future[ObsState], bool]] = []

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=f"obs {self.endpoint.label}")

    async def close(self) -> None:
        if self._task is not None:
            await cancel_and_wait(self._task)
        self._give_up(ObsError("offline", REASONS["offline"]), everyone=True)

    def when_online(self, patient: bool) -> asyncio.Future[ObsState]:
        """Resolves with the state once online; fails at a refusal, and (unless ``patient``) at the
        first failed connection (``ObsError``)."""
        future: asyncio.Future[ObsState] = asyncio.get_running_loop().create_future()
        if self.status.snapshot().online:
            future.set_result(self.status.snapshot())
        else:
            self._waiters.append((future, patient))
        return future

    # ---- requests ----------------------------------------------------------------------------
    async def request(
        self, kind: str, data: dict[str, Any] | None = None, timeout: float | None = None
    ) -> Mapping[str, Any]:
        """OBS's answer to one request; ``ObsError`` if it refused, did not answer in time or is offline."""
        client, seconds = self._client, self.endpoint.timeout if timeout is None else timeout
        if client is None or not client.identified:
            raise ObsError("offline", self.status.snapshot().error or REASONS["offline"])
        try:
            response = await client.call(simpleobsws.Request(kind, data), timeout=seconds)
        except simpleobsws.MessageTimeout:
            message = QT_TRANSLATE_NOOP("Obs", "OBS did not answer {request} within {seconds} s")
            raise ObsError("timeout", message.format(request=kind, seconds=f"{seconds:g}")) from None
        except (websockets.ConnectionClosed, simpleobsws.NotIdentifiedError, AttributeError):
            raise ObsError("offline", REASONS["closed"]) from None  # AttributeError: closed meanwhile
        if not response.ok():
            raise refusal(kind, response.requestStatus.code, response.requestStatus.comment)
        return response.responseData or {}

    # ---- the connection's life ---------------------------------------------------------------
    async def _run(self) -> None:
        delay = self.timing.first_retry
        while True:
            self.status.connecting()
            try:
                client = await self._connect()
            except Refused as refused:
                kicked = refused.close_code == SESSION_INVALIDATED
                self._lost(Connection.REFUSED, REASONS["kicked" if kicked else "refused"])
                await asyncio.sleep(self.timing.refused_retry)
                continue
            except (OSError, TimeoutError, websockets.InvalidHandshake, websockets.ConnectionClosed):
                self._lost(Connection.OFFLINE, REASONS["offline"])
            else:
                delay = self.timing.first_retry
                reason = await self._serve(client)
                self._lost(Connection.OFFLINE, reason)
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.timing.last_retry)

    async def _connect(self) -> simpleobsws.WebSocketClient:
        parameters = simpleobsws.IdentificationParameters(eventSubscriptions=SUBSCRIPTIONS)
        client = simpleobsws.WebSocketClient(self.endpoint.websocket_url, self.endpoint.password, parameters)
        client.register_event_callback(self._on_event)
        try:
            async with asyncio.timeout(self.timing.connect_timeout):
                await client.connect()
                identified = asyncio.ensure_future(client.wait_until_identified(self.timing.connect_timeout))
                ending = {identified} if client.recv_task is None else {identified, client.recv_task}
                await asyncio.wait(ending, return_when=asyncio.FIRST_COMPLETED)
                identified.cancel()
        except BaseException:
            await _drop(client)
            raise
        if client.identified:
            return client
        code = client.ws.close_code if client.ws is not None else None
        await _drop(client)
        if code in (AUTHENTICATION_FAILED, SESSION_INVALIDATED):
            raise Refused(code)
        raise ConnectionError(f"closed before identified ({code})")

    async def _serve(self, client: simpleobsws.WebSocketClient) -> str:
        """Until the connection ends; returns why (a Phrase)."""
        self._client = client
        poll: asyncio.Task | None = None
        try:
            await self._load()
            self.status.update(connection=Connection.ONLINE, error=None)
            self._welcome()
            poll = asyncio.create_task(self._poll_forever())
            ending = {poll} if client.recv_task is None else {poll, client.recv_task}
            await asyncio.wait(ending, return_when=asyncio.FIRST_COMPLETED)
            if poll.done() and not poll.cancelled() and poll.exception() is not None:
                return REASONS["silent"]
        except ObsError as exc:
            return REASONS["silent"] if exc.result == "timeout" else REASONS["closed"]
        finally:
            self._client = None
            if poll is not None:
                await cancel_and_wait(poll)
            await _drop(client)
        code = client.ws.close_code if client.ws is not None else None
        return REASONS["kicked"] if code == SESSION_INVALIDATED else REASONS["closed"]

    async def _load(self) -> None:
        version = await self.request("GetVersion")
        studio = await self.request("GetStudioModeEnabled")
        self.status.update(
            obs_version=version.get("obsVersion"),
            websocket_version=version.get("obsWebSocketVersion"),
            studio_mode=bool(studio.get("studioModeEnabled")),
        )
        self.status.on_scene_list(await self.request("GetSceneList"))
        await self.poll()
        await self.sources.load_all(self.request, self.status.snapshot().scenes)
        self._tally()

    async def poll(self, timeout: float | None = None) -> None:
        for kind in POLLED:
            STATUS_READERS[kind](self.status, await self.request(kind, timeout=timeout))

    async def _poll_forever(self) -> None:
        while True:
            await asyncio.sleep(self.timing.poll)
            await self.poll(self.timing.poll_timeout)

    # ---- events ------------------------------------------------------------------------------
    async def _on_event(self, kind: str, _intent: int, data: Mapping[str, Any] | None) -> None:
        data = data or {}
        self.status.on_event(kind, data)
        if kind in ITEM_EVENTS or kind == "SceneListChanged":
            scene = data.get("sceneName")
            with contextlib.suppress(ObsError):  # gone meanwhile: loaded afresh on reconnect
                if kind == "SceneListChanged":
                    await self.sources.load_all(self.request, self.status.snapshot().scenes)
                elif isinstance(scene, str):
                    await self.sources.load(self.request, scene)
        self._tally()

    def _tally(self) -> None:
        state = self.status.snapshot()
        self.status.update(
            program_sources=self.sources.sources(state.program_scene),
            preview_sources=self.sources.sources(state.preview_scene) if state.studio_mode else (),
        )

    # ---- waiters -----------------------------------------------------------------------------
    def _lost(self, connection: Connection, reason: str) -> None:
        self.sources.clear()
        self.status.lost(connection, reason)
        result = "refused" if connection is Connection.REFUSED else "offline"
        self._give_up(ObsError(result, reason), everyone=connection is Connection.REFUSED)

    def _welcome(self) -> None:
        waiters, self._waiters = self._waiters, []
        for future, _patient in waiters:
            if not future.done():
                future.set_result(self.status.snapshot())

    def _give_up(self, error: ObsError, everyone: bool) -> None:
        kept: list[tuple[asyncio.Future[ObsState], bool]] = []
        for future, patient in self._waiters:
            if future.done():
                continue
            if everyone or not patient:
                future.set_exception(error)
            else:
                kept.append((future, patient))
        self._waiters = kept


def refusal(kind: str, code: int, comment: str | None) -> ObsError:
    message = QT_TRANSLATE_NOOP("Obs", "OBS refused {request}: {reason} (code {code})")
    return ObsError("refused", message.format(request=kind, reason=comment or "-", code=code), code)


async def _drop(client: simpleobsws.WebSocketClient) -> None:
    """Close the websocket without waiting on a peer that may never answer the close."""
    ws = client.ws
    if client.recv_task is not None:
        client.recv_task.cancel()
    if ws is not None:
        with contextlib.suppress(Exception):
            async with asyncio.timeout(0.5):
                await ws.close()
        ws.transport.abort()
    client.ws_open = client.identified = False
