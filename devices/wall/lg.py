"""LG commercial displays (RS-232C and TCP 9761): ``lg+tcp://HOST[:9761]?set_id=1``,
``lg+serial://PORT?baud=9600&set_id=1``.

Host sends ``[Cmd1][Cmd2] [Set ID] [Data]\\r`` with the Set ID and data in hex; the display answers
``[Cmd2] [Set ID] OK[Data]x`` or ``… NG[Data]x``. Data ``FF`` reads a setting. Set ID 0 addresses
every display on the line, and then none of them answers (docs/protocols/lg.md "Set ID 00").
"""

from __future__ import annotations

import re

from common.wording import QT_TRANSLATE_NOOP
from devices.wall.capabilities import Capability
from devices.wall.framing import Framer
from devices.wall.protocol import Command, Reply, ReplyKind, Size, Timing, WallProtocol, noise

MAX_SET_ID = 0x3E8
MAX_TILES = 15
READ = "FF"
NG_MEANINGS = {"00": QT_TRANSLATE_NOOP("WallErrors", "illegal code")}
REFUSED = QT_TRANSLATE_NOOP("WallErrors", "the display refused the command")

_REPLY = re.compile(r"([a-z])\s*([0-9A-Fa-f]{1,3})\s*(OK|NG)\s*([0-9A-Fa-f]*)\s*$")
_VERSION_REPLY = re.compile(r"(z)\s*([0-9A-Fa-f]{1,3})\s*(OK)\s*([!-~]+)\s*$")  # "S/W version" data is text
_CODE = re.compile(r"[0-9A-Fa-f]{2}")


# --- command builders ----------------------------------------------------------------------------


def command(cmd: str, set_id: int, data: str) -> bytes:
    return f"{cmd} {set_id:02X} {data}\r".encode()


def power(set_id: int, on: bool) -> bytes:
    return command("ka", set_id, "01" if on else "00")


def select_input(set_id: int, code: str) -> bytes:
    return command("xb", set_id, code.upper())


def tile_mode(set_id: int, rows: int, cols: int) -> bytes:
    """Data: the first hex digit counts columns, the second rows (``12`` = 1 column × 2 rows)."""
    return command("dd", set_id, f"{cols:X}{rows:X}")


def read(cmd: str, set_id: int) -> bytes:
    return command(cmd, set_id, READ)


# --- reply parser --------------------------------------------------------------------------------


def parse(frame: bytes) -> Reply:
    text = frame.decode("latin-1").strip()
    match = _REPLY.search(text) or _VERSION_REPLY.search(text)
    if match is None:
        return noise(text)
    key, _set_id, verdict, data = match.groups()
    if verdict == "NG":
        data = data.upper()
        error = QT_TRANSLATE_NOOP("WallErrors", "{meaning} (NG {code})").format(
            meaning=NG_MEANINGS.get(data, REFUSED), code=data or "--"
        )
        return Reply(ReplyKind.ERROR, key, error, text=text, code=data)
    return Reply(ReplyKind.OK, key, facts=_facts(key, data if key == "z" else data.upper()), text=text)


def reply_set_id(frame: bytes) -> int | None:
    """The Set ID of the display that sent ``frame``; None for anything but an ACK or NG."""
    text = frame.decode("latin-1").strip()
    match = _REPLY.search(text) or _VERSION_REPLY.search(text)
    return int(match.group(2), 16) if match else None


def _facts(key: str, data: str) -> dict:
    if key == "a" and data:
        return {"power": data != "00"}
    if key == "b" and data:
        return {"input": data}
    if key == "z" and data:
        return {"firmware": data}
    if key == "d" and len(data) == 2:
        cols, rows = int(data[0], 16), int(data[1], 16)
        return {"tile": (rows, cols)}
    return {}


def check_input_code(code: str) -> str:
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        raise ValueError(
            QT_TRANSLATE_NOOP(
                "Wall", "an LG input code is two hex digits such as 90 (HDMI1 on many models), not {code}"
            ).format(code=repr(code))
        )
    return code.upper()


# --- the driver ----------------------------------------------------------------------------------


class LgProtocol(WallProtocol):
    label = "LG signage display"
    capabilities = (
        Capability.DISPLAY_POWER | Capability.DISPLAY_INPUT | Capability.TILE_MODE | Capability.STATUS_QUERY
    )
    options = frozenset({"set_id"})
    default_timing = Timing(gap=0.1, timeout=2.0, keepalive=60.0)
    unsupported_codes = frozenset({"00"})  # NG 00, "illegal code", to a read: the model lacks it

    def __init__(self, endpoint) -> None:
        super().__init__(endpoint)
        self.set_id = endpoint.int_option("set_id", 1, 0, MAX_SET_ID)
        self._answers = self.set_id != 0

    def framer(self) -> Framer:
        return Framer(b"x")

    def parse(self, frame: bytes) -> Reply:
        return parse(frame)

    def _command(self, data: bytes, action: str, key: str, **facts) -> Command:
        return Command(data, action, (key,), expects_reply=self._answers, facts=facts)

    def keepalive(self) -> Command | None:
        return self.status_queries(None)[0] if self._answers else None

    def connect_commands(self, size: Size) -> list[Command]:
        """Its state, and its software version where the model can say (docs/protocols/lg.md "Messages")."""
        if not self._answers:
            return []
        version = Command(
            read("fz", self.set_id), "read the software version", ("z",), feature="firmware", optional=True
        )
        return [*self.status_queries(None), version]

    def power(self, on: bool) -> Command:
        return self._command(power(self.set_id, on), f"power {'on' if on else 'off'}", "a", power=on)

    def select_input(self, code: str) -> Command:
        code = check_input_code(code)
        return self._command(select_input(self.set_id, code), f"input {code}", "b", input=code)

    def tile_mode(self, rows: int, cols: int) -> Command:
        for message, value in (
            (QT_TRANSLATE_NOOP("Wall", "tile rows must be 1–{highest}, not {value}"), rows),
            (QT_TRANSLATE_NOOP("Wall", "tile columns must be 1–{highest}, not {value}"), cols),
        ):
            if not 1 <= value <= MAX_TILES:
                raise ValueError(message.format(highest=MAX_TILES, value=value))
        if rows == cols == MAX_TILES:
            raise ValueError(
                QT_TRANSLATE_NOOP("Wall", "15×15 cannot be set: LG displays read the tile mode on data FF")
            )
        return self._command(
            tile_mode(self.set_id, rows, cols), f"tile mode {rows}×{cols}", "d", tile=(rows, cols)
        )

    def status_queries(self, outputs: int | None) -> list[Command]:
        return [
            Command(read(cmd, self.set_id), f"read {what}", (key,), query=True, expects_reply=self._answers)
            for cmd, key, what in (("ka", "a", "power"), ("xb", "b", "input"), ("dd", "d", "tile mode"))
        ]
