"""The OpenAPI 3.1 description of the route table (served at /api/openapi.json)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from devices.control_api.table import Field, Route

ANSWERS = {
    200: "Done: a JSON object",
    101: "Switching to the WebSocket protocol",
    400: "Bad request: not JSON, a missing or unknown field, a wrong type (one-line reason in 'error')",
    401: "No token, or a wrong or revoked one",
    403: "The remote's login: a wrong PIN, or a switched-off account ('code' says which)",
    404: "No such camera, wall, output, preset key or endpoint",
    409: "The desk refuses: another running event's device (take it over at the desk first)",
    423: "The remote's login: the account is locked after wrong PINs ('seconds' until it may try again)",
    422: "A number out of range (for this camera's profile, for example)",
    429: "Too many requests: more than 50 in a second from this client",
    503: "The console did not answer in time",
}
ERROR = {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}


def _schema(field: Field) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": field.kind, "description": field.about}
    if field.kind == "integer":
        schema.update(minimum=field.low, maximum=field.high)
    if not field.required:
        schema["default"] = field.default
    return schema


def _operation(route: Route) -> dict[str, Any]:
    names = re.findall(r"{(\w+)}", route.path)
    ok = 101 if route.raw else 200
    operation: dict[str, Any] = {
        "summary": route.summary,
        "tags": [route.tag],
        "parameters": [
            {"name": n, "in": "path", "required": True, "schema": {"type": "string"}} for n in names
        ],
        "responses": {
            str(ok): {
                "description": ANSWERS[ok],
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            **{
                str(code): {"description": ANSWERS[code], "content": {"application/json": {"schema": ERROR}}}
                for code in (*route.answers, 503)
            },
        },
    }
    if route.body:
        operation["requestBody"] = {
            "required": any(f.required for f in route.body),
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {f.name: _schema(f) for f in route.body},
                        "required": [f.name for f in route.body if f.required],
                    }
                }
            },
        }
    if route.public:
        operation["security"] = []
    return operation


def describe(routes: Iterable[Route]) -> dict[str, Any]:
    paths: dict[str, dict[str, Any]] = {}
    for route in routes:
        paths.setdefault(route.path, {})[route.method.lower()] = _operation(route)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Smart Centre Console — Control API",
            "version": "1",
            "description": "For Bitfocus Companion, Stream Deck and scripts: docs/control-api.md",
        },
        "components": {"securitySchemes": {"token": {"type": "http", "scheme": "bearer"}}},
        "security": [{"token": []}],
        "paths": paths,
    }
