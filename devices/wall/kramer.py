"""Kramer Protocol 3000 (matrix switchers and scalers): ``kramer+tcp://HOST[:5000]``,
``kramer+serial://PORT?baud=115200``.

Host sends ``#COMMAND params\\r``; the device answers ``~ [Sender_id@] message CR LF`` in long
syntax: ``~01@VID 1>2 OK``, ``~01@VID ERR 003`` / ``~01@ERR 003``, and also without the optional
sender (``~OK``, ``~VID 1>2 OK``), without spaces before ``ERR`` (``~01@VIDERR003``) and in lower
case (``ok``, ``err``). The forms accepted and their sources: docs/protocols/kramer-p3000.md
"Device message forms".
"""

from __future__ import annotations

import re

from common.wording import QT_TRANSLATE_NOOP
from devices.wall.capabilities import Capability
from devices.wall.protocol import (
    DEVICE_ERROR,
    Command,
    Reply,
    ReplyKind,
    Route,
    Size,
    Timing,
    WallProtocol,
    layer_feature,
    noise,
)

LAYER_COMMANDS = {"av": "AV", "video": "VID", "audio": "AUD"}
# read in ROUTE replies, never sent: sources disagree on the layer numbers
# (docs/protocols/kramer-p3000.md "Host message format")
ROUTE_LAYERS = {"1": "video", "2": "audio", "12": "av"}
ERRORS = {
    "001": QT_TRANSLATE_NOOP("WallErrors", "syntax error"),
    "002": QT_TRANSLATE_NOOP("WallErrors", "command not available on this device"),
    "003": QT_TRANSLATE_NOOP("WallErrors", "parameter out of range"),
    "004": QT_TRANSLATE_NOOP("WallErrors", "unauthorized access"),
    "005": QT_TRANSLATE_NOOP("WallErrors", "internal firmware error"),
    "006": QT_TRANSLATE_NOOP("WallErrors", "protocol busy"),
    "007": QT_TRANSLATE_NOOP("WallErrors", "wrong CRC"),
    "008": QT_TRANSLATE_NOOP("WallErrors", "timeout"),
}

_REPLY = re.compile(r"~\s*(?:\d+\s*@)?(.*)", re.S)
_ERROR = re.compile(r"ERR\s*(\d{3})", re.I)
_OK = re.compile(r"(?:^|\s)OK$", re.I)
_PAIR = re.compile(r"(\d+)\s*>\s*(\d+)")
_ROUTE = re.compile(r"(\d+)\s*,\s*(\d+)\s*,\s*(\d+)")
_INFO_IO = re.compile(r"IN\s*(\d+)\s*,\s*OUT\s*(\d+)", re.I)
_INFO_PRESETS = re.compile(r"VID\s*(\d+)", re.I)
_NUMBER = re.compile(r"\d+")


# --- command builders ----------------------------------------------------------------------------


def route(input: int, output: int, layer: str = "av") -> bytes:
    return f"#{LAYER_COMMANDS[layer]} {input}>{output}\r".encode()


def recall_preset(n: int) -> bytes:
    return f"#PRST-RCL {n}\r".encode()


def save_preset(n: int) -> bytes:
    return f"#PRST-STO {n}\r".encode()


def route_query(layer: str = "video") -> bytes:
    return f"#{LAYER_COMMANDS[layer]}? *\r".encode()


def handshake() -> bytes:
    return b"#\r"


def size_query() -> bytes:
    return b"#INFO-IO?\r"


def preset_count_query() -> bytes:
    return b"#INFO-PRST?\r"


def model_query() -> bytes:
    return b"#MODEL?\r"


def version_query() -> bytes:
    return b"#VERSION?\r"


# --- reply parser --------------------------------------------------------------------------------


def parse(frame: bytes) -> Reply:
    text = frame.decode("latin-1")
    match = _REPLY.search(text)
    if match is None:
        return noise(text)
    body = match.group(1).strip()
    error = _ERROR.search(body)
    if error is not None:
        code = error.group(1)
        key = body[: error.start()].strip().upper().rstrip("?") or None
        said = QT_TRANSLATE_NOOP("WallErrors", "{meaning} (ERR {code})").format(
            meaning=ERRORS.get(code, DEVICE_ERROR), code=code
        )
        return Reply(ReplyKind.ERROR, key, said, text=text, code=code)
    ok = _OK.search(body)
    if ok is not None:
        body = body[: ok.start()]
    command, _, params = body.strip().partition(" ")
    command = command.upper().rstrip("?")  # some manuals echo the query: INFO-IO? IN 8,OUT 8
    kind = ReplyKind.OK if ok else ReplyKind.DATA
    return Reply(kind, command, routes=_routes(command, params), facts=_facts(command, params), text=text)


def _routes(command: str, params: str) -> tuple[Route, ...]:
    if command in ("VID", "AUD", "AV"):
        layer = {"VID": "video", "AUD": "audio", "AV": "av"}[command]
        return tuple((layer, int(out), int(inp)) for inp, out in _PAIR.findall(params))
    if command == "ROUTE":
        return tuple(
            (ROUTE_LAYERS[layer], int(out), int(inp))
            for layer, out, inp in _ROUTE.findall(params)
            if layer in ROUTE_LAYERS
        )
    return ()


def _facts(command: str, params: str) -> dict:
    if command == "INFO-IO" and (io := _INFO_IO.search(params)):
        return {"inputs": int(io.group(1)), "outputs": int(io.group(2))}
    if command == "INFO-PRST" and (presets := _INFO_PRESETS.search(params)):
        return {"presets": int(presets.group(1))}
    if command in ("MODEL", "VERSION") and params.strip():
        return {"model" if command == "MODEL" else "firmware": params.strip()}
    if command in ("PRST-RCL", "PRST-STO") and (number := _NUMBER.search(params)):
        return {"preset" if command == "PRST-RCL" else "saved": int(number.group())}
    return {}


# --- the driver ----------------------------------------------------------------------------------


class KramerProtocol(WallProtocol):
    label = "Kramer Protocol 3000"
    capabilities = Capability.ROUTE | Capability.ROUTE_QUERY | Capability.PRESETS | Capability.STATUS_QUERY
    layers = ("av", "video", "audio")
    default_baud = 115200
    default_timing = Timing(gap=0.05, timeout=1.0, keepalive=30.0)
    unsupported_codes = frozenset({"002"})  # "command not available on this device"

    def parse(self, frame: bytes) -> Reply:
        return parse(frame)

    def connect_commands(self, size: Size) -> list[Command]:
        """The handshake, then what the unit is (docs/walls.md "Learning what a unit supports")."""
        asks = []
        if size.inputs is None or size.outputs is None:
            asks.append((size_query(), "read the matrix size", "INFO-IO", "size"))
        if size.presets is None:
            asks.append((preset_count_query(), "read the preset count", "INFO-PRST", "presets"))
        asks += [
            (model_query(), "read the model", "MODEL", "model"),
            (version_query(), "read the firmware version", "VERSION", "firmware"),
        ]
        return [Command(handshake(), "handshake", ("",))] + [
            Command(data, action, (key,), feature=feature, optional=True)
            for data, action, key, feature in asks
        ]

    def keepalive(self) -> Command:
        return Command(handshake(), "keepalive", ("",), query=True)

    def route(self, input: int, output: int, layer: str) -> Command:
        """ "av" routes whatever the unit switches: a video-only matrix refuses #AV, so #VID then
        (docs/protocols/kramer-p3000.md "A plain route on a video-only matrix")."""
        fallback = self.route(input, output, "video") if layer == "av" else None
        return Command(
            route(input, output, layer),
            f"route {input}→{output} ({layer})",
            (LAYER_COMMANDS[layer],),
            routes=((layer, output, input),),
            feature=layer_feature(layer),
            fallback=fallback,
        )

    def recall_preset(self, n: int) -> Command:
        return Command(
            recall_preset(n), f"preset recall {n}", ("PRST-RCL",), facts={"preset": n}, refresh_routes=True
        )

    def save_preset(self, n: int) -> Command:
        return Command(save_preset(n), f"preset save {n}", ("PRST-STO",))

    def route_queries(self, outputs: int | None) -> list[Command]:
        return [Command(route_query("video"), "read the routes", ("VID",), query=True)]
