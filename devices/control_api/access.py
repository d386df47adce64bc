"""Who may use the Control API, and how often.

A request is let in by the first authenticator that knows its client: the bearer token (header
``Authorization: Bearer TOKEN``; a WebSocket may pass ``?access_token=TOKEN`` instead, as browsers cannot
set the header), then any added by another surface (a session of the remote page), then — only when the
server listens on a loopback address and the desk allows it — anyone on this computer. A request with a
wrong or revoked token is refused even there.
"""

from __future__ import annotations

import ipaddress
import time
from collections import deque
from collections.abc import Awaitable, Callable

from aiohttp import web

from devices.control_api.actions import Client, Refused
from devices.control_api.tokens import TokenStore

Authenticator = Callable[[web.Request], Awaitable[Client | None]]
RATE = 50  # requests per second and client


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bearer(tokens: TokenStore) -> Authenticator:
    async def check(request: web.Request) -> Client | None:
        header = request.headers.get("Authorization", "")
        secret = header[len("Bearer ") :].strip() if header.startswith("Bearer ") else ""
        if not secret and request.path == "/api/ws":
            secret = request.query.get("access_token", "")
        if not secret:
            if header:
                raise Refused(401, "the Authorization header must be 'Bearer TOKEN'")
            return None
        token = tokens.verify(secret)
        if token is None:
            raise Refused(401, "the token is not valid (wrong or revoked)")
        return Client(token.name, f"token:{token.id}")

    return check


def this_computer(allowed: Callable[[], bool]) -> Authenticator:
    """Anyone on this computer, while ``allowed()`` (a loopback bind that the desk leaves open)."""

    async def check(request: web.Request) -> Client | None:
        if not allowed():
            return None
        return Client("local", f"local:{request.remote}")

    return check


async def client_of(request: web.Request, authenticators: list[Authenticator]) -> Client:
    for authenticate in authenticators:
        client = await authenticate(request)
        if client is not None:
            return client
    raise Refused(401, "a token is required: send the header 'Authorization: Bearer TOKEN'")


class RateLimit:
    """At most ``rate`` requests in any second per client; the rest are refused (429)."""

    def __init__(self, rate: int = RATE) -> None:
        self.rate = rate
        self._seen: dict[str, deque[float]] = {}

    def check(self, client: Client) -> None:
        now = time.monotonic()
        recent = self._seen.setdefault(client.key, deque())
        while recent and now - recent[0] >= 1.0:
            recent.popleft()
        if len(recent) >= self.rate:
            raise Refused(429, f"more than {self.rate} requests in a second: slow down")
        recent.append(now)
        if len(self._seen) > 1000:  # clients long gone
            self._seen = {k: v for k, v in self._seen.items() if v and now - v[-1] < 1.0}
