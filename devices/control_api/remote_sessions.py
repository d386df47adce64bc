"""Sessions of the tablet remote (/remote, docs/control-api.md "Tablet remote"): one is opened by a login
with a staff PIN, and names that person in the audit trail ("… via API (remote: NAME)").

A session is 32 random bytes (URL-safe text) that the page sends in the ``X-Remote-Session`` header, or
as ``?session=`` on the WebSocket (a browser cannot set headers there). Not a cookie: a page of another
site cannot make the browser send it, so there is no cross-site request to guard against. Sessions live
in memory (a restarted console asks the tablet to log in again), keyed by the secret's SHA-256 digest,
and end after ``IDLE_SECONDS`` without a request, or when the page logs out. A session lasts only as long
as what let its login in: the bearer token (revoked in Tools → Remote access…, its sessions end too) or
this computer's open loopback bind.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from aiohttp import web

from devices.control_api.access import Authenticator
from devices.control_api.actions import Client, Refused
from devices.control_api.tokens import TOKEN_BYTES, digest_of

SESSION_HEADER = "X-Remote-Session"
SESSION_QUERY = "session"
IDLE_SECONDS = 12 * 3600  # a long event day
ENDED = "session"  # the ``code`` of a refusal that sends the page back to its login


@dataclass
class RemoteSession:
    staff_id: int
    name: str
    client: Client
    via: str  # the key of the client that logged in: "token:ID", or "local:…"
    last_used: float


class RemoteSessions:
    def __init__(self, idle: float = IDLE_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.idle = idle
        self._clock = clock
        self._lock = threading.Lock()
        self._sessions: dict[str, RemoteSession] = {}  # by the client's key

    def open(self, staff_id: int, name: str, via: Client) -> str:
        """A new session for the staff member, logged in by ``via``; returns its secret (given once)."""
        secret = secrets.token_urlsafe(TOKEN_BYTES)
        key = _key(secret)
        client = Client(f"remote: {name}", key)
        with self._lock:
            self._sessions[key] = RemoteSession(staff_id, name, client, via.key, self._clock())
        return secret

    def find(self, secret: str) -> RemoteSession | None:
        """The live session ``secret`` opened (its idle time starts again), or None."""
        return self.by_client(_key(secret))

    def by_client(self, key: str) -> RemoteSession | None:
        now = self._clock()
        with self._lock:
            for ended in [k for k, s in self._sessions.items() if now - s.last_used > self.idle]:
                del self._sessions[ended]
            found = self._sessions.get(key)
            if found is not None:
                found.last_used = now
            return found

    def close(self, key: str) -> None:
        with self._lock:
            self._sessions.pop(key, None)

    def authenticator(self, still_let_in: Callable[[str], bool]) -> Authenticator:
        """Lets in a live session while ``still_let_in(via)`` (its token not revoked, say)."""

        async def check(request: web.Request) -> Client | None:
            secret = request.headers.get(SESSION_HEADER, "")
            if not secret and request.path == "/api/ws":
                secret = request.query.get(SESSION_QUERY, "")
            if not secret:
                return None
            found = self.find(secret)
            if found is not None and not still_let_in(found.via):
                self.close(found.client.key)
                found = None
            if found is None:
                raise Refused(401, "the remote's session has ended: log in again", {"code": ENDED})
            return found.client

        return check


def _key(secret: str) -> str:
    return "remote:" + digest_of(secret)
