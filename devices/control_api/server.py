"""The Control API's server: aiohttp on the device runtime's loop (its I/O never touches the GUI
thread). docs/control-api.md says why aiohttp and how to use the API.

Other surfaces build on it before it starts: ``add_routes`` (more endpoints in the same table, so the
OpenAPI description has them too), ``add_authenticator`` (another way in, such as a session of the
remote page, tried after the bearer token) and ``mount_static`` (a folder of plain files under a prefix).
"""

from __future__ import annotations

import concurrent.futures
import functools
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aiohttp import web

from devices.control_api.access import (
    RATE,
    Authenticator,
    RateLimit,
    bearer,
    client_of,
    is_loopback,
    this_computer,
)
from devices.control_api.actions import Answer, Client, ConsoleActions, Refused
from devices.control_api.camera_routes import CAMERA_ROUTES
from devices.control_api.desk_routes import DESK_ROUTES
from devices.control_api.holds import DEADMAN_SECONDS, Holds
from devices.control_api.hub import Hub
from devices.control_api.openapi import describe
from devices.control_api.table import MAX_BODY, Call, Route, check_unique, parse_body
from devices.control_api.tokens import TokenStore
from devices.runtime import DeviceRuntime

log = logging.getLogger(__name__)
DEFAULT_PORT = 8765


@dataclass(frozen=True)
class Listen:
    """Where the server listens. ``open_locally``: on a loopback address, this computer needs no token
    (any other address always needs one)."""

    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    open_locally: bool = True

    @property
    def needs_token(self) -> bool:
        return not (self.open_locally and is_loopback(self.host))


def parse_listen(text: str) -> tuple[str, int]:
    """``[HOST:]PORT`` (``[::1]:8765`` for IPv6) as host and port; raises ValueError saying what is wrong."""
    host, _, port = text.rpartition(":")
    host = host.strip("[]") or "127.0.0.1"
    if not port.isdigit() or not 1 <= int(port) <= 65535:
        raise ValueError(f"--api takes [HOST:]PORT with a port 1–65535, not {text!r}")
    return host, int(port)


_DUMPS = functools.partial(json.dumps, ensure_ascii=False)  # names and reasons as they are, in UTF-8


def _answer(data: Answer, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=_DUMPS)


def _error(status: int, reason: str, details: Answer | None = None) -> web.Response:
    return _answer({"error": reason, **(details or {})}, status)


def _page(path: Path) -> Any:
    async def serve(_request: web.Request) -> web.StreamResponse:
        return web.FileResponse(path)

    return serve


@web.middleware
async def _plain_errors(request: web.Request, handler: Any) -> web.StreamResponse:
    """aiohttp's own refusals (no such endpoint, wrong method, body too large) as one-line JSON too."""
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        reason = f"no endpoint {request.method} {request.path}" if exc.status in (404, 405) else exc.reason
        return _error(exc.status, reason)


class ControlApi:
    def __init__(
        self,
        runtime: DeviceRuntime,
        console: ConsoleActions,
        tokens: TokenStore,
        listen: Listen,
        *,
        rate: int = RATE,
        deadman: float = DEADMAN_SECONDS,
    ) -> None:
        self.runtime = runtime
        self.console = console
        self.listen = listen
        self.holds = Holds(deadman)
        self.hub = Hub(console, self.holds)
        self.limit = RateLimit(rate)
        self.routes: list[Route] = [
            *CAMERA_ROUTES,
            *DESK_ROUTES,
            Route("GET", "/api/openapi.json", "This description (OpenAPI 3.1)", self._openapi, tag="api"),
            Route(
                "GET",
                "/api/ws",
                "WebSocket: state pushed, holds with a dead-man",
                self._socket,
                tag="api",
                raw=True,
            ),
        ]
        self._authenticators: list[Authenticator] = [bearer(tokens)]
        self._static: list[tuple[str, Path]] = []
        self._runner: web.AppRunner | None = None
        self.address: tuple[str, int] | None = None

    # ---- extending (before start) -----------------------------------------------------------------
    def add_routes(self, routes: Iterable[Route]) -> None:
        self.routes.extend(routes)

    def add_authenticator(self, authenticate: Authenticator) -> None:
        self._authenticators.append(authenticate)

    def mount_static(self, prefix: str, folder: Path) -> None:
        """The files of ``folder`` under ``prefix``; the bare ``prefix`` (and ``prefix/``) serves its
        index.html."""
        self._static.append((prefix, folder))

    # ---- running ----------------------------------------------------------------------------------
    def start(self) -> concurrent.futures.Future[tuple[str, int]]:
        """Listen (on the device loop); the future gives the address, or fails with OSError (port taken)."""
        return self.runtime.submit(self._start())

    def stop(self) -> concurrent.futures.Future[None]:
        return self.runtime.submit(self._stop())

    def served_routes(self) -> list[tuple[str, str]]:
        """(method, path) of every endpoint the running server answers (static folders aside)."""
        if self._runner is None:
            return []
        return [
            (route.method, route.resource.canonical)
            for route in self._runner.app.router.routes()
            if route.resource is not None
            and route.method != "HEAD"
            and route.resource.canonical.startswith("/api")
        ]

    def publish(self, event: dict[str, Any]) -> None:
        """Push ``event`` to every WebSocket client; from any thread."""
        self.runtime.call(self.hub.publish, event)

    async def _start(self) -> tuple[str, int]:
        check_unique(self.routes)
        app = web.Application(middlewares=[_plain_errors], client_max_size=MAX_BODY)
        for route in self.routes:
            app.router.add_route(route.method, route.path, self._handler(route))
        for prefix, folder in self._static:
            for bare in (prefix, prefix + "/"):
                app.router.add_get(bare, _page(folder / "index.html"))
            app.router.add_static(prefix, folder)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        authenticators = [*self._authenticators, this_computer(lambda: not self.listen.needs_token)]
        self._authenticators = authenticators
        site = web.TCPSite(runner, self.listen.host, self.listen.port)
        try:
            await site.start()
        except OSError:
            await runner.cleanup()
            raise
        self._runner = runner
        self.runtime.on_stop(self._stop)
        host, port = runner.addresses[0][:2]
        self.address = (host, port)
        log.info("Control API on http://%s:%d", host, port)
        return host, port

    async def _stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            self.holds.forget()
            await runner.cleanup()

    def _handler(self, route: Route) -> Any:
        async def handle(request: web.Request) -> web.StreamResponse:
            try:
                client = (
                    Client("anonymous", f"anonymous:{request.remote}")
                    if route.public
                    else await client_of(request, self._authenticators)
                )
                self.limit.check(client)
                if route.raw:
                    return await route.handler(request, client)
                body = parse_body(route, await request.text()) if route.body else {}
                call = Call(client, self.console, self.holds, request.match_info, body)
                answer: Answer = await route.handler(call)
                return _answer(answer)
            except Refused as refused:
                return _error(refused.status, refused.reason, refused.details)

        return handle

    async def _openapi(self, _call: Call) -> Answer:
        return describe(self.routes)

    async def _socket(self, request: web.Request, client: Client) -> web.StreamResponse:
        return await self.hub.serve(request, client, self.limit.check)
