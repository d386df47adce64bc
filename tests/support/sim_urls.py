"""A simulated camera's URL as a client uses it: short timeouts so that tests run quickly."""

from __future__ import annotations

FAST = "timeout=0.1&poll=0.3"


def client_url(server, options: str = FAST) -> str:
    return f"{server.url}{'&' if '?' in server.url else '?'}{options}"
