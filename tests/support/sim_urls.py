"""A simulator as a test's client meets it: its URL with the client's options (short timeouts, so that
tests run quickly), and what the simulated device received."""

from __future__ import annotations

CAMERA_FAST = "timeout=0.1&poll=0.3"
WALL_FAST = "timeout=0.3&gap=0.01"


def client_url(server, options: str) -> str:
    """The server's URL with ``options`` (``CAMERA_FAST``, ``WALL_FAST`` or a test's own) added."""
    return f"{server.url}{'&' if '?' in server.url else '?'}{options}" if options else server.url


def sent(server) -> list[str]:
    """The commands a simulated wall device received, in order."""
    return [text for _time, text in server.received()]
