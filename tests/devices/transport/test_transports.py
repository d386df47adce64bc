"""Byte transports over real loopback sockets and pyserial's loop:// port."""

from __future__ import annotations

import asyncio
import socket
import time

import serial

from devices.transport.base import Backoff
from devices.transport.serialport import SerialPort
from devices.transport.tcp import TcpClient
from devices.transport.udp import UdpChannel
from tests.support.ports import free_port
from tests.support.waiting import wait_until, wait_until_async


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 10))


def udp_peer() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    sock.setblocking(False)
    return sock


def test_udp_channels_share_one_local_port_and_get_only_their_own_replies():
    async def scenario():
        loop = asyncio.get_running_loop()
        shared: dict = {}
        peers = [udp_peer(), udp_peer()]
        got: list[list[bytes]] = [[], []]
        channels = [UdpChannel(shared, "127.0.0.1", p.getsockname()[1]) for p in peers]
        for i, channel in enumerate(channels):
            channel.on_data = got[i].append
            await channel.open()
        assert channels[0].local_port == channels[1].local_port != 0
        for i, channel in enumerate(channels):
            channel.send(b"hello %d" % i)
        for i, peer in enumerate(peers):
            data, addr = await loop.sock_recvfrom(peer, 100)
            assert data == b"hello %d" % i
            await loop.sock_sendto(peer, b"reply %d" % i, addr)
        await asyncio.sleep(0.05)
        assert got == [[b"reply 0"], [b"reply 1"]]
        for channel in channels:
            await channel.close()
        assert shared == {}
        for peer in peers:
            peer.close()

    run(scenario())


def test_udp_replies_to_a_fixed_reply_port_reach_the_channel_by_host():
    async def scenario():
        loop = asyncio.get_running_loop()
        reply_port = free_port(socket.SOCK_DGRAM)  # standing in for 52381
        peer = udp_peer()
        got: list[bytes] = []
        channel = UdpChannel({}, "127.0.0.1", peer.getsockname()[1], listen_port=reply_port)
        channel.on_data = got.append
        await channel.open()
        channel.send(b"inquiry")
        await loop.sock_recvfrom(peer, 100)
        # a Sony camera answers to port 52381 on the controller, whatever the source port was
        await loop.sock_sendto(peer, b"answer", ("127.0.0.1", reply_port))
        await asyncio.sleep(0.05)
        assert got == [b"answer"]
        await channel.close()
        peer.close()

    run(scenario())


def test_udp_reply_port_held_by_another_program_is_not_fatal():
    async def scenario():
        blocker = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        blocker.bind(("0.0.0.0", 0))
        peer = udp_peer()
        channel = UdpChannel({}, "127.0.0.1", peer.getsockname()[1], listen_port=blocker.getsockname()[1])
        await channel.open()
        assert channel.is_up
        assert channel.send(b"x")
        await channel.close()
        blocker.close()
        peer.close()

    run(scenario())


def test_tcp_client_reconnects_with_backoff_after_the_device_drops_it():
    async def scenario():
        connections: list[asyncio.StreamWriter] = []
        received: list[bytes] = []

        async def serve(reader, writer):
            connections.append(writer)
            received.append(await reader.read(100))
            writer.write(b"pong")
            await writer.drain()

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        client = TcpClient("127.0.0.1", port, backoff=Backoff(0.05, 0.2))
        states: list[bool] = []
        data: list[bytes] = []
        client.on_state = lambda up, why: states.append(up)
        client.on_data = data.append
        await client.open()
        await wait_until_async(lambda: client.is_up, what="the connection")
        assert client.send(b"ping")
        await wait_until_async(lambda: data, what="the answer")
        connections[0].close()  # the camera drops the connection
        await wait_until_async(lambda: not client.is_up, what="the drop noticed")
        assert not client.send(b"lost")  # nothing is sent while down
        await wait_until_async(lambda: client.is_up, what="the reconnection")
        assert client.send(b"again")
        await wait_until_async(lambda: len(received) >= 2, what="the message after the reconnection")
        assert received == [b"ping", b"again"]
        assert states[:3] == [True, False, True]
        assert client.connects == 2
        await client.close()
        for writer in connections:
            writer.close()
        server.close()
        await server.wait_closed()

    run(scenario())


def test_tcp_client_keeps_trying_until_the_device_appears():
    async def scenario():
        port = free_port()
        client = TcpClient("127.0.0.1", port, backoff=Backoff(0.05, 0.1))
        await client.open()
        await asyncio.sleep(0.2)
        assert not client.is_up
        assert client.last_error.startswith("cannot connect:")
        accepted: list[asyncio.StreamWriter] = []
        server = await asyncio.start_server(lambda r, w: accepted.append(w), "127.0.0.1", port)
        await wait_until_async(lambda: client.is_up, timeout=2, what="the client connected")
        assert client.last_error == ""
        await client.close()
        for writer in accepted:
            writer.close()
        server.close()
        await server.wait_closed()

    run(scenario())


def test_serial_port_moves_bytes_and_reopens_after_an_unplug():
    async def scenario():
        ports: list[serial.SerialBase] = []
        fail = {"next": False}

        def opener():
            if fail["next"]:
                fail["next"] = False
                raise serial.SerialException("could not open port: no such device")
            port = serial.serial_for_url("loop://", timeout=0.02)
            ports.append(port)
            return port

        port = SerialPort("loop://", 9600, opener=opener, backoff=Backoff(0.05, 0.1))
        data: list[bytes] = []
        port.on_data = data.append
        await port.open()
        await wait_until_async(lambda: port.is_up, what="the port open")
        port.send(b"\x81\x09\x04\x00\xff")
        await wait_until_async(
            lambda: b"".join(data) == b"\x81\x09\x04\x00\xff", what="the bytes looped back"
        )
        fail["next"] = True
        ports[0].close()  # the adapter vanishes under the reader
        await wait_until_async(lambda: port.opens >= 2, what="the port reopened")
        await wait_until_async(lambda: port.is_up, what="the port up again")
        data.clear()
        port.send(b"again")
        await wait_until_async(lambda: b"".join(data) == b"again", what="the bytes after the reopening")
        await port.close()

    run(scenario())


def test_a_tcp_connection_made_while_closing_is_closed_at_once():
    """close() cancels a connect attempt; if the connection completes at that very moment (wait_for
    may then swallow the cancel) the new socket must not stay open behind a closed client."""

    class Socketless:
        closed = False

        def get_extra_info(self, name):
            return None

        def close(self):
            self.closed = True

    client = TcpClient("127.0.0.1", 9)
    client._closing = True
    late = Socketless()
    client.connection_made(late)
    assert late.closed
    assert not client.is_up
    assert not client.send(b"\x81\x01\x04\x00\x02\xff")


def test_a_udp_camera_whose_name_does_not_resolve_yet_is_retried_until_it_does(
    camera, simulator, monkeypatch
):
    sim = simulator("visca+udpraw://127.0.0.1:0")
    resolvable = False
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host == "camera-7.studio.test":
            if not resolvable:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            host = "127.0.0.1"
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    cam = camera(f"visca+udpraw://camera-7.studio.test:{sim.address[1]}")
    time.sleep(0.6)
    assert not cam.snapshot().online
    resolvable = True  # DNS is back, the VPN is up
    wait_until(lambda: cam.snapshot().online, timeout=10, what="the camera to come online")
    assert cam.power(False).result(5).ok
    assert sim.state()["power"] is False
