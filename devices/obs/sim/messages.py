"""The message layer of obs-websocket 5 as the server speaks it (docs/protocols/obs-websocket.md):
op codes, close codes, request status codes, the authentication challenge and both encodings."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
from typing import Any

import msgpack


class Op:
    """WebSocketOpCode."""

    HELLO = 0
    IDENTIFY = 1
    IDENTIFIED = 2
    REIDENTIFY = 3
    EVENT = 5
    REQUEST = 6
    REQUEST_RESPONSE = 7
    BATCH = 8
    BATCH_RESPONSE = 9


RPC_VERSION = 1
OBS_VERSION = "29.0.2"  # what Debian 12's obs-studio reports; the tests run against that one too
WEBSOCKET_VERSION = "5.1.0"
JSON, MSGPACK = "obswebsocket.json", "obswebsocket.msgpack"


class Close:
    """WebSocketCloseCode."""

    MESSAGE_DECODE_ERROR = 4002
    MISSING_DATA_FIELD = 4003
    INVALID_DATA_FIELD_TYPE = 4004
    UNKNOWN_OP_CODE = 4006
    NOT_IDENTIFIED = 4007
    ALREADY_IDENTIFIED = 4008
    AUTHENTICATION_FAILED = 4009
    UNSUPPORTED_RPC_VERSION = 4010
    SESSION_INVALIDATED = 4011


class Status:
    """RequestStatus."""

    SUCCESS = 100
    MISSING_REQUEST_TYPE = 203
    UNKNOWN_REQUEST_TYPE = 204
    GENERIC_ERROR = 205
    MISSING_REQUEST_FIELD = 300
    INVALID_REQUEST_FIELD_TYPE = 401
    OUTPUT_RUNNING = 500
    OUTPUT_NOT_RUNNING = 501
    STUDIO_MODE_NOT_ACTIVE = 506
    RESOURCE_NOT_FOUND = 600
    INVALID_RESOURCE_TYPE = 602


class Intent:
    """EventSubscription bits: an event reaches a session only when its bit is subscribed."""

    GENERAL = 1 << 0
    SCENES = 1 << 2
    TRANSITIONS = 1 << 4
    OUTPUTS = 1 << 6
    SCENE_ITEMS = 1 << 7
    UI = 1 << 10
    ALL = (1 << 11) - 1  # every category obs-websocket 5.1 has; the high-volume ones are extra


def challenge() -> dict[str, str]:
    """A fresh ``authentication`` object for a Hello: random challenge and salt, base64."""
    return {
        "challenge": base64.b64encode(secrets.token_bytes(32)).decode(),
        "salt": base64.b64encode(secrets.token_bytes(32)).decode(),
    }


def auth_string(password: str, salt: str, challenge: str) -> str:
    """base64(sha256(base64(sha256(password + salt)) + challenge)) — what Identify must carry."""
    secret = base64.b64encode(hashlib.sha256((password + salt).encode()).digest())
    return base64.b64encode(hashlib.sha256(secret + challenge.encode()).digest()).decode()


def encode(subprotocol: str | None, op: int, data: dict[str, Any]) -> str | bytes:
    message = {"op": op, "d": data}
    return msgpack.packb(message) if subprotocol == MSGPACK else json.dumps(message)


def decode(subprotocol: str | None, frame: str | bytes) -> dict[str, Any]:
    """One message; ``ValueError`` for a frame of the wrong kind for the encoding, or undecodable."""
    if subprotocol == MSGPACK:
        if not isinstance(frame, bytes):
            raise ValueError("a text frame on a MessagePack session")
        message = msgpack.unpackb(frame)
    else:
        if not isinstance(frame, str):
            raise ValueError("a binary frame on a JSON session")
        message = json.loads(frame)
    if not isinstance(message, dict):
        raise ValueError("not an object")
    return message
