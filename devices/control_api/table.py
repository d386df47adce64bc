"""The route table: every endpoint once, with what its body may hold. The server serves it, the
request bodies are checked against it and the OpenAPI description is built from it (openapi.py), so
the three never disagree.

A new endpoint is a ``Route`` added to the server's table before it starts (``ControlApi.add_routes``).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from devices.control_api.actions import Answer, Client, ConsoleActions, Refused
from devices.control_api.holds import Holds

MAX_BODY = 64 * 1024


@dataclass(frozen=True)
class Field:
    """One member of a JSON body: an integer within ``low``–``high``, a string (``low`` = None), or
    true/false (``flag``)."""

    name: str
    about: str
    low: int | None = None
    high: int = 0
    required: bool = True
    default: Any = None
    flag: bool = False

    @property
    def kind(self) -> str:
        return "boolean" if self.flag else "string" if self.low is None else "integer"

    def take(self, body: Mapping[str, Any]) -> Any:
        if self.name not in body:
            if self.required:
                raise Refused(400, f"'{self.name}' is missing ({self.about})")
            return self.default
        value = body[self.name]
        if self.flag:
            if not isinstance(value, bool):
                raise Refused(400, f"'{self.name}' must be true or false")
            return value
        if self.low is None:
            if not isinstance(value, str) or not value:
                raise Refused(400, f"'{self.name}' must be a non-empty string")
            return value
        if not isinstance(value, int) or isinstance(value, bool):
            raise Refused(400, f"'{self.name}' must be a whole number")
        if not self.low <= value <= self.high:
            raise Refused(422, f"'{self.name}' must be {self.low}–{self.high}, not {value}")
        return value


@dataclass(frozen=True)
class Call:
    """What a handler gets: who asks, the console, the moves held, the path's ids and the checked body."""

    client: Client
    console: ConsoleActions
    holds: Holds
    path: Mapping[str, str]
    body: Mapping[str, Any]


Handler = Callable[[Call], Awaitable[Answer]]


@dataclass(frozen=True)
class Route:
    """``path`` in aiohttp's form (``/api/cameras/{camera}/stop``); ``body``: the JSON members it takes
    (none: no body is read). ``public``: served without authentication (a login page); ``raw``: the
    handler is aiohttp's own (the WebSocket), taking the request and the client."""

    method: str
    path: str
    summary: str
    handler: Callable[..., Awaitable[Any]]  # a ``Handler``, or (raw) ``(request, client) -> response``
    body: tuple[Field, ...] = ()
    tag: str = "console"
    public: bool = False
    raw: bool = False
    answers: tuple[int, ...] = field(default=(400, 401, 404, 409, 422, 429))


def parse_body(route: Route, text: str) -> dict[str, Any]:
    """The checked body of a request to ``route``: each field's value, or its default."""
    if not route.body:
        return {}
    if not text.strip():
        data: Any = {}
    else:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise Refused(400, f"the body is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise Refused(400, "the body must be one JSON object")
    known = {f.name for f in route.body}
    unknown = sorted(set(data) - known)
    if unknown:
        raise Refused(400, f"unknown field '{unknown[0]}' (this endpoint takes {', '.join(sorted(known))})")
    return {f.name: f.take(data) for f in route.body}


def check_unique(routes: Iterable[Route]) -> None:
    seen: set[tuple[str, str]] = set()
    for route in routes:
        key = (route.method, route.path)
        if key in seen:
            raise ValueError(f"two routes for {route.method} {route.path}")
        seen.add(key)
