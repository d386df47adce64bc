"""Network listeners: Sony VISCA over IP, raw VISCA over UDP and over TCP
(docs/protocols/visca.md "VISCA over IP").

    visca+udp://HOST:PORT?reply_port=52381   8-byte Sony header; replies to the sender's address,
                                             or with reply_port to that port on the sender's IP
    visca+udpraw://HOST:PORT?address=1       header-less datagrams, one or more packets each
    visca+tcp://HOST:PORT?address=1          header-less stream, several clients

Port 0 picks a free port; ``url`` then names the one bound. ``address`` (raw kinds) sets the
camera's reply header (2 → ``A0``, like PTZOptics G3 configured as camera 2).
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from devices.visca import ipframe
from devices.visca.ipframe import PayloadType
from devices.visca.sim.framing import BROADCAST, PacketSplitter, split_packets
from devices.visca.sim.server import COMMON_OPTIONS, DeviceFactory, SimulatorServer
from devices.visca.urls import CameraEndpoint


def _url(scheme: str, host: str, port: int) -> str:
    return f"{scheme}://[{host}]:{port}" if ":" in host else f"{scheme}://{host}:{port}"


class _Datagrams(asyncio.DatagramProtocol):
    def __init__(self, receive: Callable[[bytes, Any], None]) -> None:
        self._receive = receive

    def datagram_received(self, data: bytes, addr: Any) -> None:
        self._receive(data, addr)


class _UdpServer(SimulatorServer):
    _transport: asyncio.DatagramTransport | None = None

    async def start(self) -> None:
        family, _, _, _, sockaddr = socket.getaddrinfo(
            self.endpoint.host, self.endpoint.port, type=socket.SOCK_DGRAM
        )[0]
        sock = socket.socket(family, socket.SOCK_DGRAM)
        try:
            # a client on this host may bind the camera port too (visca-over-ip binds ('', port))
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(sockaddr)
            sock.setblocking(False)
        except OSError:
            sock.close()
            raise
        self._transport, _ = await self._loop.create_datagram_endpoint(
            lambda: _Datagrams(self._on_datagram), sock=sock
        )
        host, port = sock.getsockname()[:2]
        self.address = (host, port)
        self.url = _url(self.endpoint.scheme, host, port)

    def _on_datagram(self, data: bytes, addr: Any) -> None:
        raise NotImplementedError

    def _transmit(self, data: bytes, destination: Any) -> None:
        if self._transport is not None and not self._transport.is_closing():
            self._transport.sendto(data, destination)

    async def _close_transport(self) -> None:
        if self._transport is not None:
            self._transport.close()


class SonyUdpServer(_UdpServer):
    """One camera behind the Sony header: address fixed to 1, no broadcasts
    (docs/protocols/visca.md "Differences from serial VISCA")."""

    known_options = COMMON_OPTIONS | {"reply_port"}

    def __init__(
        self, endpoint: CameraEndpoint, default_model: str, device: DeviceFactory | None = None
    ) -> None:
        super().__init__(endpoint, default_model, device)
        self._reply_port = endpoint.int_option("reply_port", 0, 1, 65535) or None
        self._last_seq: int | None = None
        self._use_cameras([self._device(self._camera_reply, 1)])

    def _restart(self) -> None:
        super()._restart()
        self._last_seq = None

    def _on_datagram(self, data: bytes, addr: Any) -> None:
        if not self._accepts_incoming():
            return
        frame = ipframe.unpack(data)
        # a client bound to the camera's own port (visca-over-ip) can hand us our own replies
        if frame is None or frame.payload_type in (PayloadType.REPLY, PayloadType.CONTROL_REPLY):
            if frame is None:
                self._record("UNFRAMED", data)
            return
        self._record(PayloadType(frame.payload_type).name, frame.payload)
        destination = addr if self._reply_port is None else (addr[0], self._reply_port)
        if frame.is_reset:
            self._last_seq = None
            self._send(ipframe.pack(PayloadType.CONTROL_REPLY, frame.seq, ipframe.RESET_PAYLOAD), destination)
        elif frame.payload_type == PayloadType.CONTROL:
            self._send(ipframe.pack(PayloadType.CONTROL, frame.seq, ipframe.TYPE_ERROR_PAYLOAD), destination)
        elif frame.seq == self._last_seq:
            self._send(ipframe.pack(PayloadType.CONTROL, frame.seq, ipframe.SEQ_ERROR_PAYLOAD), destination)
        else:
            self._last_seq = frame.seq
            if frame.payload[0] != BROADCAST:
                self.cameras[0].handle(frame.payload, (destination, frame.seq))

    def _camera_reply(self, reply: bytes, origin: Any) -> None:
        destination, seq = origin
        self._send(ipframe.pack(PayloadType.REPLY, seq, reply), destination)


class RawUdpServer(_UdpServer):
    known_options = COMMON_OPTIONS | {"address"}

    def __init__(
        self, endpoint: CameraEndpoint, default_model: str, device: DeviceFactory | None = None
    ) -> None:
        super().__init__(endpoint, default_model, device)
        self._use_cameras([self._device(self._send, endpoint.int_option("address", 1, 1, 7))])

    def _on_datagram(self, data: bytes, addr: Any) -> None:
        if not self._accepts_incoming():
            return
        for packet in split_packets(data):
            self._record("VISCA", packet)
            if packet[0] != BROADCAST:
                self.cameras[0].handle(packet, addr)


class TcpServer(SimulatorServer):
    known_options = COMMON_OPTIONS | {"address"}

    def __init__(
        self, endpoint: CameraEndpoint, default_model: str, device: DeviceFactory | None = None
    ) -> None:
        super().__init__(endpoint, default_model, device)
        self._use_cameras([self._device(self._send, endpoint.int_option("address", 1, 1, 7))])
        self._server: asyncio.Server | None = None
        self._clients: dict[asyncio.StreamWriter, asyncio.Task[None]] = {}

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve_client, self.endpoint.host, self.endpoint.port)
        host, port = self._server.sockets[0].getsockname()[:2]
        self.address = (host, port)
        self.url = _url(self.endpoint.scheme, host, port)

    async def _serve_client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._clients[writer] = task
        splitter = PacketSplitter()
        try:
            while data := await reader.read(4096):
                for packet in splitter.feed(data):
                    if packet[0] == BROADCAST:
                        self._record("VISCA", packet)  # taken in, and ignored over IP
                    elif self._accepts_incoming():
                        self._record("VISCA", packet)
                        self.cameras[0].handle(packet, writer)
        except ConnectionError:
            pass
        finally:
            del self._clients[writer]
            writer.close()
            with suppress(Exception):
                await writer.wait_closed()

    def _transmit(self, data: bytes, destination: Any) -> None:
        writer: asyncio.StreamWriter = destination
        if not writer.is_closing():
            writer.write(data)

    async def _close_transport(self) -> None:
        if self._server is None:
            return
        self._server.close()
        tasks = list(self._clients.values())
        # hang each client up, and its task ends by itself; a cancelled one would make asyncio (before
        # Python 3.12) log a CancelledError traceback when the console closes
        for writer in list(self._clients):
            writer.transport.abort()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self._server.wait_closed()
