"""A client of a simulated wall device's TCP port that sends bytes and reads the answer up to its end."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

TIMEOUT = 2.0


class Client:
    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), TIMEOUT)
        self.buffer = b""

    def ask(self, data: bytes, until: bytes = b"\r\n") -> bytes:
        if data:
            self.sock.sendall(data)
        while until not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("closed")
            self.buffer += chunk
        answer, _, self.buffer = self.buffer.partition(until)
        return answer + until

    def close(self) -> None:
        self.sock.close()
