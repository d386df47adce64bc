"""UDP: one socket per local port shared by every device that uses it.

Local-port policy (docs/transports.md): by default every camera sends from one shared
ephemeral port, so the console coexists with vMix, Companion, OBS or a hardware joystick
that hold UDP 52381 on the same PC. Because Sony cameras send their replies to port 52381 on
the controller whatever the source port, the VISCA-over-IP link also listens on 52381 when
that port is free (``listen_port``); replies from either socket reach the same channel,
routed by the camera's address.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable

from common.wording import QT_TRANSLATE_NOOP
from devices.transport.base import Backoff, ByteTransport
from devices.transport.noise import NoiseWatch

log = logging.getLogger(__name__)

Address = tuple[str, int]


class UdpHub(asyncio.DatagramProtocol):
    """A bound UDP socket that routes datagrams to channels by the sender's address."""

    def __init__(self, local_port: int) -> None:
        self.requested_port = local_port
        self.transport: asyncio.DatagramTransport | None = None
        self._routes: dict[Address, Callable[[bytes], None]] = {}
        self.unrouted = 0

    @property
    def local_port(self) -> int:
        assert self.transport is not None
        return self.transport.get_extra_info("sockname")[1]

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]  # a datagram endpoint gives a DatagramTransport

    def datagram_received(self, data: bytes, addr: tuple) -> None:
        route = self._routes.get((addr[0], addr[1]))
        if route is None:
            # Sony cameras answer from 52381 whatever port we sent to; route by host if unique
            by_host = [r for (host, _port), r in self._routes.items() if host == addr[0]]
            route = by_host[0] if len(by_host) == 1 else None
        if route is None:
            self.unrouted += 1
            return
        route(data)

    def error_received(self, exc: Exception) -> None:
        # ICMP port unreachable and friends: the camera's silence is noticed by timeouts
        log.debug("UDP hub on port %s: %s", self.requested_port, exc)

    def add_route(self, remote: Address, callback: Callable[[bytes], None]) -> None:
        if remote in self._routes:
            raise ValueError(
                QT_TRANSLATE_NOOP("Transport", "two devices configured at {host}:{port}").format(
                    host=remote[0], port=remote[1]
                )
            )
        self._routes[remote] = callback

    def remove_route(self, remote: Address) -> None:
        self._routes.pop(remote, None)

    @property
    def idle(self) -> bool:
        return not self._routes

    def sendto(self, data: bytes, remote: Address) -> None:
        if self.transport is not None and not self.transport.is_closing():
            self.transport.sendto(data, remote)


async def open_hub(shared: dict, local_port: int, *, required: bool = True) -> UdpHub | None:
    """The hub for ``local_port`` (0 = the shared ephemeral one), opened once per runtime.

    With ``required=False`` a port held by another program gives ``None`` instead of an error.
    Cameras start together, so the first caller opens the socket and the others await it.
    """
    key = ("udp-hub", local_port)
    opening = shared.get(key)
    if opening is None:
        opening = shared[key] = asyncio.get_running_loop().create_task(_bind(local_port))
    try:
        return await asyncio.shield(opening)
    except OSError as exc:
        if shared.get(key) is opening:
            del shared[key]
        if required:
            raise OSError(
                QT_TRANSLATE_NOOP(
                    "Transport",
                    "cannot use UDP port {port} on this PC: {reason}; "
                    "another program (vMix, Companion, OBS) may hold it",
                ).format(port=local_port, reason=exc.strerror or str(exc))
            ) from None
        log.info("UDP port %s is taken by another program; not listening there", local_port)
        return None


async def _bind(local_port: int) -> UdpHub:
    _transport, hub = await asyncio.get_running_loop().create_datagram_endpoint(
        lambda: UdpHub(local_port), local_addr=("0.0.0.0", local_port), family=socket.AF_INET
    )
    return hub


def release_hub(shared: dict, hub: UdpHub) -> None:
    key = ("udp-hub", hub.requested_port)
    opening = shared.get(key)
    if hub.idle and opening is not None and opening.done() and opening.result() is hub:
        del shared[key]
        if hub.transport is not None:
            hub.transport.close()


class UdpChannel(ByteTransport):
    """Datagrams to and from one remote device, sent through a shared hub.

    A host name that does not resolve (DNS down, a typo, a VPN not up yet) leaves the channel down
    and is looked up again with backoff, as a TCP device that refuses connections is retried.
    """

    def __init__(
        self,
        shared: dict,
        host: str,
        port: int,
        *,
        local_port: int = 0,
        listen_port: int | None = None,
        backoff: Backoff | None = None,
    ) -> None:
        super().__init__(f"udp://{host}:{port}")
        self._shared = shared
        self._host = host
        self._port = port
        self._local_port = local_port
        self._listen_port = listen_port
        self._backoff = backoff or Backoff(0.25, 5.0)
        self._hubs: list[UdpHub] = []
        self._remote: Address | None = None
        self.noise = NoiseWatch()  # datagrams over its rate limit, or while it rests, are dropped
        self._resolver: asyncio.Task | None = None
        self.last_error = ""  # why the host could not be looked up; "" once it was

    @property
    def local_port(self) -> int:
        return self._hubs[0].local_port if self._hubs else 0

    async def open(self) -> None:
        sender = await open_hub(self._shared, self._local_port)
        assert sender is not None
        self._hubs.append(sender)
        if self._listen_port is not None and self._listen_port != self._local_port:
            listener = await open_hub(self._shared, self._listen_port, required=False)
            if listener is not None:
                self._hubs.append(listener)
        if not await self._resolve():
            self._resolver = asyncio.get_running_loop().create_task(
                self._resolve_until_found(), name=self.name
            )

    async def _resolve(self) -> bool:
        """Look the host up and route its datagrams here; False (the channel stays down) if it fails."""
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                self._host, self._port, family=socket.AF_INET, type=socket.SOCK_DGRAM
            )
        except (OSError, UnicodeError) as exc:
            infos, reason = [], getattr(exc, "strerror", None) or str(exc)
        else:
            reason = ""
        if not infos:
            problem = QT_TRANSLATE_NOOP("Transport", "cannot resolve {host}: {reason}; trying again")
            why = problem.format(
                host=self._host, reason=reason or QT_TRANSLATE_NOOP("Transport", "no IPv4 address")
            )
            if why != self.last_error:
                log.warning("%s: %s", self.name, why)
            self.last_error = why
            self._set_up(False, why)
            return False
        remote = self._remote = (str(infos[0][4][0]), self._port)  # AF_INET: the address is text already
        for hub in self._hubs:
            hub.add_route(remote, self._take_in)
        self.last_error = ""
        self._set_up(True)
        return True

    async def _resolve_until_found(self) -> None:
        while True:
            await asyncio.sleep(self._backoff.next())
            try:
                if await self._resolve():
                    return
            except ValueError as exc:  # resolved to a device another camera has already
                self.last_error = str(exc)
                log.warning("%s: %s", self.name, exc)
                return

    def send(self, data: bytes) -> bool:
        if not self._hubs or self._remote is None:
            return False
        self._hubs[0].sendto(data, self._remote)
        self.bytes_sent += len(data)
        return True

    def _rest(self, seconds: float, why: str) -> None:
        self._set_up(False, why)
        asyncio.get_running_loop().call_later(seconds, self._back)

    def _back(self) -> None:
        if self._hubs and self._remote is not None:
            self._set_up(True)

    async def close(self) -> None:
        if self._resolver is not None:
            self._resolver.cancel()
            self._resolver = None
        for hub in self._hubs:
            if self._remote is not None:
                hub.remove_route(self._remote)
            release_hub(self._shared, hub)
        self._hubs.clear()
        self._set_up(False, "closed")
