"""The public face of one wall device (matrix, wall processor, display): thread-safe, non-blocking.

Every method checks on the caller's thread that the device can do it and that the numbers fit
the device (``ValueError`` before anything is queued), hands the work to the device loop and
returns a ``concurrent.futures.Future`` at once. Commands resolve to an ``ActionRecord`` or raise
``WallError``; queries resolve to what they read.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Callable
from typing import Any

from common.wording import QT_TRANSLATE_NOOP
from devices.capture import Recorder
from devices.runtime import DeviceRuntime
from devices.secrets import mask_url
from devices.wall import drivers
from devices.wall.capabilities import Capability, names, require
from devices.wall.exchange import Job
from devices.wall.link import WallLink
from devices.wall.protocol import Command
from devices.wall.queue import CommandQueue
from devices.wall.state import Listener, WallState, WallStatus

UNKNOWN_LIMIT = drivers.MAX_COUNT  # where the device's size is not known, only this is checked
NOUNS = {
    "input": QT_TRANSLATE_NOOP("Wall", "input"),
    "output": QT_TRANSLATE_NOOP("Wall", "output"),
    "preset": QT_TRANSLATE_NOOP("Wall", "preset"),
    "canvas": QT_TRANSLATE_NOOP("Wall", "canvas"),
    "window": QT_TRANSLATE_NOOP("Wall", "window"),
    "layout": QT_TRANSLATE_NOOP("Wall", "layout"),
    "rows": QT_TRANSLATE_NOOP("Wall", "rows"),
    "columns": QT_TRANSLATE_NOOP("Wall", "columns"),
}
PLURALS = {
    "input": QT_TRANSLATE_NOOP("Wall", "inputs"),
    "output": QT_TRANSLATE_NOOP("Wall", "outputs"),
    "preset": QT_TRANSLATE_NOOP("Wall", "presets"),
}


class WallController:
    def __init__(self, runtime: DeviceRuntime, url: str, name: str | None = None) -> None:
        endpoint = drivers.parse(url)
        self.protocol = drivers.make_protocol(endpoint)
        self.runtime = runtime
        self.url = url
        self.name = name or endpoint.option("name") or endpoint.host or endpoint.device
        self.capabilities = self.protocol.capabilities
        self.timing = drivers.timing(endpoint, self.protocol)
        initial = WallState(
            self.name, mask_url(url), self.protocol.label, names(self.capabilities), self.protocol.layers
        )
        self._status = WallStatus(initial, drivers.configured_size(endpoint), self.protocol.size_defaults)
        self._endpoint = endpoint
        self._queue: CommandQueue | None = None
        self._early: list[Callable[[CommandQueue], None]] = []

    # ---- lifecycle ---------------------------------------------------------------------------
    def start(self, capture: Recorder | None = None) -> WallController:
        """Connect in the background; commands given before the device is online wait for it.
        ``capture`` records every frame (its creator closes it)."""
        self.runtime.submit(self._open(capture))
        return self

    async def _open(self, capture: Recorder | None) -> None:
        transport = drivers.open_transport(self._endpoint, self.protocol, self.runtime.shared)
        if capture is not None:
            transport = capture.tap(transport, ends=self.protocol.framer().terminators)
        link = WallLink(transport, self.protocol, self.timing, self._endpoint.option("password"))
        queue = CommandQueue(self.name, link, self.protocol, self._status, self.timing)
        self.runtime.on_stop(queue.close)
        queue.start()
        self._queue = queue
        for early in self._early:
            early(queue)
        self._early.clear()
        await link.open()

    def close(self) -> concurrent.futures.Future:
        async def close() -> None:
            if self._queue is not None:
                await self._queue.close()

        return self.runtime.submit(close())

    def ready(self) -> concurrent.futures.Future:
        """Resolves with the state once the device is online (connected, greeted, sized)."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._on_loop(lambda queue: queue.when_online(future))
        return future

    # ---- state -------------------------------------------------------------------------------
    def snapshot(self) -> WallState:
        return self._status.snapshot()

    def can(self, capability: Capability) -> bool:
        return capability in self.capabilities

    def require(self, capability: Capability) -> None:
        """Raise ``ValueError`` naming what this device cannot do."""
        require(self.capabilities, capability, f"{self.name} ({self.protocol.label})")

    def add_listener(self, listener: Listener) -> None:
        """``listener(WallState | ActionRecord)`` — called on the device thread."""
        self.runtime.call(self._status.add_listener, listener)

    def remove_listener(self, listener: Listener) -> None:
        self.runtime.call(self._status.remove_listener, listener)

    # ---- matrix ------------------------------------------------------------------------------
    def route(self, input: int, output: int, layer: str = "av") -> concurrent.futures.Future:
        """Input 0 disconnects the output."""
        self.require(Capability.ROUTE)
        if layer not in self.protocol.layers:
            raise ValueError(
                QT_TRANSLATE_NOOP("Wall", "{device} cannot route {layer}; it routes {layers}").format(
                    device=self.name, layer=repr(layer), layers=", ".join(self.protocol.layers)
                )
            )
        size = self._status.size
        self._check("input", input, size.inputs, lowest=0)
        self._check("output", output, size.outputs)
        return self._command(self.protocol.route(input, output, layer))

    def recall_preset(self, n: int) -> concurrent.futures.Future:
        self.require(Capability.PRESETS)
        self._check("preset", n, self._status.size.presets)
        return self._command(self.protocol.recall_preset(n))

    def save_preset(self, n: int) -> concurrent.futures.Future:
        self.require(Capability.PRESETS)
        self._check("preset", n, self._status.size.presets)
        return self._command(self.protocol.save_preset(n))

    def query_routes(self) -> concurrent.futures.Future:
        """Resolves to ``{output: input}`` (video) as the device reports it."""
        self.require(Capability.ROUTE_QUERY)
        queries = self.protocol.route_queries(self._status.size.outputs)
        return self._after_all(queries, lambda: dict(self._status.snapshot().routes))

    def query_status(self) -> concurrent.futures.Future:
        """Resolves to a fresh ``WallState``."""
        self.require(Capability.STATUS_QUERY)
        queries = self.protocol.status_queries(self._status.size.outputs)
        return self._after_all(queries, self._status.snapshot)

    # ---- wall processor ----------------------------------------------------------------------
    def set_window_source(self, canvas: int, window: int, input: int) -> concurrent.futures.Future:
        self.require(Capability.WINDOWS)
        canvases, windows, sources = self.protocol.window_limits
        self._check("canvas", canvas, canvases)
        self._check("window", window, windows)
        self._check("input", input, sources, lowest=0)
        return self._command(self.protocol.window(canvas, window, input))

    def recall_layout(self, canvas: int, preset: int) -> concurrent.futures.Future:
        self.require(Capability.LAYOUTS)
        self._check("canvas", canvas, self.protocol.window_limits[0], lowest=0)
        self._check("layout", preset, self.protocol.layout_limit)
        return self._command(self.protocol.layout(canvas, preset))

    # ---- display -----------------------------------------------------------------------------
    def power(self, on: bool) -> concurrent.futures.Future:
        self.require(Capability.DISPLAY_POWER)
        return self._command(self.protocol.power(bool(on)))

    def select_input(self, code: str) -> concurrent.futures.Future:
        self.require(Capability.DISPLAY_INPUT)
        return self._command(self.protocol.select_input(code))

    def tile_mode(self, rows: int, cols: int) -> concurrent.futures.Future:
        self.require(Capability.TILE_MODE)
        self._check("rows", rows, None)
        self._check("columns", cols, None)
        return self._command(self.protocol.tile_mode(rows, cols))

    # ---- plumbing ----------------------------------------------------------------------------
    def _check(self, what: str, value: Any, highest: int | None, lowest: int = 1) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(
                QT_TRANSLATE_NOOP("Wall", "{what} must be a whole number, not {value}").format(
                    what=NOUNS[what], value=repr(value)
                )
            )
        limit = UNKNOWN_LIMIT if highest is None else highest
        if lowest <= value <= limit:
            return
        values = {"what": NOUNS[what], "value": value, "lowest": lowest, "highest": limit}
        if highest is None or what not in PLURALS:
            raise ValueError(
                QT_TRANSLATE_NOOP("Wall", "{what} {value} is out of range {lowest}–{highest}").format(
                    **values
                )
            )
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "Wall", "{what} {value} is out of range {lowest}–{highest}; {device} has {count} {things}"
            ).format(device=self.name, count=highest, things=PLURALS[what], **values)
        )

    def _command(self, command: Command) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._submit(Job(command, future, audited=True))
        return future

    def _submit(self, job: Job) -> None:
        self._on_loop(lambda queue: queue.submit(job))

    def _after_all(self, commands: list[Command], produce: Callable[[], Any]) -> concurrent.futures.Future:
        futures: list[concurrent.futures.Future] = []
        for command in commands:
            future: concurrent.futures.Future = concurrent.futures.Future()
            self._submit(Job(command, future))
            futures.append(future)

        async def gather() -> Any:
            for future in futures:
                await asyncio.wrap_future(future)
            return produce()

        return self.runtime.submit(gather())

    def _on_loop(self, fn: Callable[[CommandQueue], None]) -> None:
        def run() -> None:
            if self._queue is not None:
                fn(self._queue)
            else:  # before start() or while it opens: kept, in order, for when the queue exists
                self._early.append(fn)

        self.runtime.call(run)
