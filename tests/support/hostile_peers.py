"""Devices that misbehave on the wire, for the tests of issue 11: a peer that babbles garbage as fast
as the socket takes it, cameras that answer but never complete anything (wrong sequence numbers, only
ACKs, replies dribbled in a byte at a time). Each runs on its own threads, like a device elsewhere."""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import threading
import time

CHUNK = 64 * 1024


class _Server:
    """A TCP listener on 127.0.0.1 that hands each connection to ``serve`` on a thread of its own."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port = self._listener.getsockname()[1]
        self.connections: list[float] = []  # time.monotonic() of every accepted connection
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def url(self, scheme: str) -> str:
        return f"{scheme}://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                continue
            self.connections.append(time.monotonic())
            thread = threading.Thread(target=self._serve_and_close, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve_and_close(self, conn: socket.socket) -> None:
        with conn, contextlib.suppress(OSError):
            self.serve(conn)

    def serve(self, conn: socket.socket) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        for thread in self._threads:
            thread.join(2)


class Babbler(_Server):
    """Streams random bytes to every connection as fast as it takes them, until ``relay_to``: from then
    on connections reach a real device (the noise stopped; the connection it babbled on is cut).
    ``holding``: packets set into the garbage every 256 bytes (after an FF, so a reader can parse them)."""

    def __init__(self, holding: tuple[bytes, ...] = ()) -> None:
        super().__init__()
        self.sent = 0
        self.target: tuple[str, int] | None = None
        self.relayed_at = float("inf")  # time.monotonic() of relay_to
        garbage = bytearray(os.urandom(CHUNK))
        for n, at in enumerate(range(0, CHUNK - 64, 256) if holding else ()):
            packet = b"\xff" + holding[n % len(holding)]
            garbage[at : at + len(packet)] = packet
        self._garbage = bytes(garbage)

    def relay_to(self, address: tuple[str, int]) -> None:
        self.relayed_at = time.monotonic()
        self.target = address

    def serve(self, conn: socket.socket) -> None:
        if self.target is None:
            conn.settimeout(0.2)
            while self.target is None and not self._stop.is_set():
                try:
                    self.sent += conn.send(self._garbage)
                except TimeoutError:
                    continue
            return
        with socket.create_connection(self.target) as device:
            relay(conn, device, self._stop)


class Drizzle(_Server):
    """A device that says nothing but a line of garbage every ``every`` seconds, whatever it is sent."""

    def __init__(self, every: float = 0.25) -> None:
        super().__init__()
        self._every = every

    def serve(self, conn: socket.socket) -> None:
        while not self._stop.wait(self._every):
            conn.sendall(os.urandom(20).replace(b"\r", b"").replace(b"\n", b"") + b"\r\n")


def relay(client: socket.socket, device: socket.socket, stop: threading.Event, pace: float = 0.0) -> None:
    """Bytes both ways until either side closes; ``pace``: device → client one byte every ``pace`` s."""

    def upstream() -> None:
        try:
            while data := client.recv(4096):
                device.sendall(data)
        except OSError:
            pass
        stop_both()

    def stop_both() -> None:
        for sock in (client, device):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    threading.Thread(target=upstream, daemon=True).start()
    try:
        while not stop.is_set() and (data := device.recv(4096)):
            if not pace:
                client.sendall(data)
                continue
            for byte in data:
                client.sendall(bytes((byte,)))
                time.sleep(pace)
    except OSError:
        pass
    stop_both()


class Trickle(_Server):
    """A camera reached through a line that passes its replies on one byte every ``pace`` seconds."""

    def __init__(self, device: tuple[str, int], pace: float) -> None:
        super().__init__()
        self._device, self._pace = device, pace

    def serve(self, conn: socket.socket) -> None:
        with socket.create_connection(self._device) as device:
            relay(conn, device, self._stop, self._pace)


class AckOnly(_Server):
    """Raw VISCA over TCP that answers every packet with an ACK, and nothing ever completes."""

    def serve(self, conn: socket.socket) -> None:
        conn.settimeout(0.2)
        while not self._stop.is_set():
            try:
                data = conn.recv(4096)
            except TimeoutError:
                continue
            if not data:
                return
            conn.sendall(b"\x90\x41\xff" * data.count(b"\xff"))


class WrongSequence:
    """Sony VISCA over IP in front of a real (simulated) camera, that answers every message with the
    sequence number plus ``shift``: the camera runs what it is told, the controller can match nothing."""

    def __init__(self, camera: tuple[str, int], shift: int = 1000) -> None:
        self._camera, self.shift = camera, shift
        self._outside = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._outside.bind(("127.0.0.1", 0))
        self._inside = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._inside.bind(("127.0.0.1", 0))
        self.port = self._outside.getsockname()[1]
        self._client: tuple[str, int] | None = None
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._requests, daemon=True),
            threading.Thread(target=self._replies, daemon=True),
        ]
        for thread in self._threads:
            thread.start()

    def url(self, scheme: str = "visca+udp") -> str:
        return f"{scheme}://127.0.0.1:{self.port}"

    def _requests(self) -> None:
        self._outside.settimeout(0.1)
        while not self._stop.is_set():
            try:
                data, self._client = self._outside.recvfrom(2048)
            except OSError:
                continue
            self._inside.sendto(data, self._camera)

    def _replies(self) -> None:
        self._inside.settimeout(0.1)
        while not self._stop.is_set():
            try:
                data, _ = self._inside.recvfrom(2048)
            except OSError:
                continue
            if len(data) >= 8 and data[:2] == b"\x01\x11" and self._client is not None:
                seq = (struct.unpack(">I", data[4:8])[0] + self.shift) & 0xFFFFFFFF
                data = data[:4] + struct.pack(">I", seq) + data[8:]
            if self._client is not None:
                self._outside.sendto(data, self._client)

    def close(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(2)
        self._outside.close()
        self._inside.close()
