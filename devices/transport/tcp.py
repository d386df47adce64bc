"""TCP client that reconnects with backoff and reports when the link is up or down."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket

from common.wording import QT_TRANSLATE_NOOP
from devices.transport.base import Backoff, ByteTransport
from devices.transport.noise import NoiseWatch

log = logging.getLogger(__name__)


class TcpClient(ByteTransport, asyncio.Protocol):
    reliable = True

    def __init__(
        self, host: str, port: int, *, connect_timeout: float = 2.0, backoff: Backoff | None = None
    ) -> None:
        super().__init__(f"tcp://{host}:{port}")
        self._host = host
        self._port = port
        self._connect_timeout = connect_timeout
        self._backoff = backoff or Backoff(0.25, 5.0)
        self._transport: asyncio.Transport | None = None
        self._task: asyncio.Task | None = None
        self._lost: asyncio.Event | None = None
        self._closing = False
        self.connects = 0
        self.last_error = ""  # why the latest connection attempt failed; "" once connected
        self.noise = NoiseWatch()
        self._resting: tuple[float, str] | None = None  # (until, why): dropped for babbling

    async def open(self) -> None:
        self._lost = asyncio.Event()
        self._task = asyncio.get_running_loop().create_task(self._keep_connected(), name=self.name)

    async def _keep_connected(self) -> None:
        loop = asyncio.get_running_loop()
        assert self._lost is not None
        while not self._closing:
            try:
                await asyncio.wait_for(
                    loop.create_connection(lambda: self, self._host, self._port), self._connect_timeout
                )
            except (TimeoutError, OSError) as exc:
                why = str(exc) or QT_TRANSLATE_NOOP("Transport", "timed out")
                self.last_error = QT_TRANSLATE_NOOP("Transport", "cannot connect: {reason}").format(
                    reason=why
                )
                self._set_up(False, self.last_error)
                await asyncio.sleep(self._backoff.next())
                continue
            self._backoff.reset()
            await self._lost.wait()
            self._lost.clear()
            if not self._closing:
                delay = self._backoff.next()
                if self._resting is not None:
                    delay = max(delay, self._resting[0] - loop.time())
                    self._resting = None
                await asyncio.sleep(delay)

    # asyncio.Protocol
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        if self._closing:  # connected just as close() cancelled the attempt (wait_for may swallow that)
            transport.close()
            return
        self._transport = transport  # type: ignore[assignment]  # a stream connection gives a Transport
        sock = transport.get_extra_info("socket")
        if sock is not None:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.connects += 1
        self.last_error = ""
        self._set_up(True)

    def data_received(self, data: bytes) -> None:
        self._take_in(data)

    def _pause(self, seconds: float) -> None:
        transport = self._transport
        if transport is not None and not transport.is_closing():
            transport.pause_reading()
            asyncio.get_running_loop().call_later(seconds, self._resume, transport)

    def _resume(self, transport: asyncio.Transport) -> None:
        if transport is self._transport and not transport.is_closing():
            transport.resume_reading()

    def _rest(self, seconds: float, why: str) -> None:
        self._resting = (asyncio.get_running_loop().time() + seconds, why)
        self.last_error = why
        self.drop()

    def connection_lost(self, exc: Exception | None) -> None:
        self._transport = None
        why = str(exc) if exc else QT_TRANSLATE_NOOP("Transport", "closed by the device")
        self._set_up(False, self._resting[1] if self._resting is not None else why)
        if self._lost is not None:
            self._lost.set()

    def send(self, data: bytes) -> bool:
        if self._transport is None or self._transport.is_closing():
            return False
        self._transport.write(data)
        self.bytes_sent += len(data)
        return True

    def drop(self) -> None:
        """Abort the current connection (the reconnect loop opens a new one)."""
        if self._transport is not None:
            self._transport.abort()

    async def close(self) -> None:
        self._closing = True
        if self._transport is not None:
            self._transport.close()
        if self._task is not None:
            if self._lost is not None:
                self._lost.set()
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        self._set_up(False, "closed")
