"""A simulated wall device listening on TCP or on a pseudo-terminal, with fault injection.

    tcp://HOST:PORT?options           several clients at once; port 0 picks a free port
    serial://pty?link=PATH&options    POSIX pseudo-terminal; ``link`` is a stable symlink to it

Besides the device's own options, ``latency=SECONDS`` delays every reply (a device at the far end
of a VPN or mobile link), in order.

``url`` is what a client uses (``kramer+tcp://127.0.0.1:40123``, ``kramer+serial:///tmp/wall0``).
The fault-injection methods and the readers may be called from any thread: off the simulator's
loop they run on it and return once done.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import suppress
from typing import Any, TypeVar

from devices.endpoints import Endpoint
from devices.sim_support import PseudoTerminal, run_on_loop
from devices.visca.sim.outbox import Outbox
from devices.wall.sim.device import Session, SimDevice

PTY_DEVICE = "pty"
READ_SIZE = 4096
SERVER_OPTIONS = frozenset({"latency"})  # options of the listener, for every device
MAX_LATENCY = 60.0
T = TypeVar("T")


class WallSimulator:
    def __init__(self, protocol: str, device: SimDevice, endpoint: Endpoint) -> None:
        self.protocol = protocol
        self.device = device
        self.endpoint = endpoint
        self.url = ""  # what a client should use, known after start()
        self.slave_path = ""  # serial: the pseudo-terminal behind ``link``
        self._loop = asyncio.get_running_loop()
        self._silent = False
        self._server: asyncio.Server | None = None
        self._clients: dict[asyncio.StreamWriter, asyncio.Task] = {}
        self.pty = PseudoTerminal(self._loop, endpoint.option("link"), self._from_pty)
        self._pty_session: Session | None = None
        self._outbox: Outbox[bytes, asyncio.StreamWriter | None] = Outbox(
            self._loop, self._write_now, endpoint.float_option("latency", 0.0, 0.0, MAX_LATENCY)
        )

    async def start(self) -> None:
        if self.endpoint.is_serial:
            self._plug()
            return
        self._server = await asyncio.start_server(self._serve_client, self.endpoint.host, self.endpoint.port)
        host, port = self._server.sockets[0].getsockname()[:2]
        address = f"[{host}]" if ":" in host else host
        self.url = f"{self.protocol}+tcp://{address}:{port}"

    async def close(self) -> None:
        self._outbox.clear()
        if self._server is not None:
            self._server.close()
            tasks = list(self._clients.values())
            for writer in list(self._clients):
                writer.transport.abort()  # each client task then ends by itself
            await asyncio.gather(*tasks, return_exceptions=True)
            await self._server.wait_closed()
        self._unplug()

    # --- TCP -------------------------------------------------------------------------------------
    async def _serve_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._clients[writer] = task
        session = Session(lambda data: self._write_tcp(writer, data), network=True)
        self.device.connect(session)
        try:
            while data := await reader.read(READ_SIZE):
                if not self._silent:
                    self.device.receive(session, data)
        except ConnectionError:
            pass
        finally:
            self.device.disconnect(session)
            self._clients.pop(writer, None)
            writer.close()
            with suppress(Exception):
                await writer.wait_closed()

    def _write_tcp(self, writer: asyncio.StreamWriter, data: bytes) -> None:
        if not self._silent:
            self._outbox.post(data, writer)

    def _write_now(self, data: bytes, writer: asyncio.StreamWriter | None) -> None:
        if writer is None:
            if self.pty.plugged:
                self.pty.write(data)
        elif not writer.is_closing():
            writer.write(data)

    # --- pseudo-terminal -------------------------------------------------------------------------
    def _plug(self) -> None:
        self.pty.plug()
        self.slave_path = self.pty.slave_path
        self._pty_session = Session(self._write_pty, network=False)
        self.device.connect(self._pty_session)
        self.url = f"{self.protocol}+serial://{self.pty.path}"

    def _unplug(self) -> None:
        if not self.pty.plugged:
            return
        self.pty.unplug()
        if self._pty_session is not None:
            self.device.disconnect(self._pty_session)

    def _from_pty(self, data: bytes) -> None:
        if not self._silent and self._pty_session is not None:
            self.device.receive(self._pty_session, data)

    def _write_pty(self, data: bytes) -> None:
        if not self._silent:
            self._outbox.post(data, None)

    # --- inspection and fault injection ----------------------------------------------------------
    def state(self) -> dict[str, Any]:
        return self._on_loop(self.device.state)

    def received(self) -> list[tuple[float, str]]:
        """Every command the device took, with the ``time.monotonic()`` it arrived."""
        return self._on_loop(lambda: list(self.device.received))

    def silence(self, on: bool = True) -> None:
        """Ignore everything and answer nothing; connections stay open, state is kept."""
        self._on_loop(setattr, self, "_silent", on)

    def drop_connections(self) -> None:
        """Cut every client off, as a network or cable fault would; the device keeps its state."""
        self._on_loop(self._drop)

    def restart(self, reset: bool = False) -> None:
        """Power cycle: connections dropped; routes and presets kept, or back to new with ``reset``."""
        self._on_loop(self._restart, reset)

    def _drop(self) -> None:
        self._outbox.clear()  # replies still on their way are lost with the connection
        for writer in list(self._clients):
            writer.transport.abort()
        if self.pty.plugged:
            self._unplug()
            self._plug()

    def _restart(self, reset: bool) -> None:
        self.device.restart(reset)
        self._drop()

    def _on_loop(self, fn: Callable[..., T], *args: Any) -> T:
        return run_on_loop(self._loop, fn, *args)
