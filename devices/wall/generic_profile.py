"""The file that describes a device to the generic driver (YAML, or JSON by its ``.json`` name).

    name: Wall controller XYZ          # shown in messages
    baud: 9600                         # serial line speed when the URL gives none
    eol: "\\r"                          # appended to every command
    reply_end: "\\r\\n"                  # any of these characters ends a reply
    telnet: no                         # strip Telnet negotiation from network replies
    gap: 0.1                           # seconds of quiet between exchanges; timeout, keepalive alike
    inputs: 8                          # sizes, used to check numbers before sending
    outputs: 8
    presets: 16
    commands:                          # templates; placeholders in Python format syntax
      route: "#VID {input}>{output}"   #   route, route_video, route_audio: input, output
      preset_recall: "PRESET %{preset:02X}"   # preset_recall, preset_save: preset
      query_routes: "#VID? *"          #   one per output when it contains {output}
      power_on / power_off / keepalive: fixed strings; window: canvas, window, input;
      layout: canvas, preset; select_input: code; tile_mode: rows, cols
    connect: ["#"]                     # sent after every connect
    status: []                         # sent for a status query, besides query_routes
    success: "OK"                      # regex: a reply that means done (absent: any reply)
    error: "ERR\\s*(\\d{3})"              # regex; group 1 is the code looked up in errors
    errors: {"003": "parameter out of range"}
    route_reply: "(?P<input>\\d+)>(?P<output>\\d+)"   # routes in replies (output optional per output)
    checksum: sum8 | xor               # over the command bytes, appended before eol …
    checksum_format: hex | byte        # … as two upper-case hex digits (default) or one raw byte

After the placeholders are filled in, ``%hh`` and ``\\xNN`` give any byte, ``\\r \\n \\t \\\\`` the usual
characters and ``%%`` a percent sign; ``{{`` and ``}}`` give braces.

``Profile`` is what such a file becomes; generic_profile_loader.py reads the file and checks it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import reduce
from typing import Any

from common.wording import QT_TRANSLATE_NOOP

PLACEHOLDERS = {
    "route": ("input", "output"),
    "route_video": ("input", "output"),
    "route_audio": ("input", "output"),
    "preset_recall": ("preset",),
    "preset_save": ("preset",),
    "query_routes": ("output",),
    "window": ("canvas", "window", "input"),
    "layout": ("canvas", "preset"),
    "select_input": ("code",),
    "tile_mode": ("rows", "cols"),
    "power_on": (),
    "power_off": (),
    "keepalive": (),
}
KEYS = {
    "name",
    "baud",
    "eol",
    "reply_end",
    "telnet",
    "gap",
    "timeout",
    "keepalive",
    "inputs",
    "outputs",
    "presets",
    "commands",
    "connect",
    "status",
    "success",
    "error",
    "errors",
    "route_reply",
    "checksum",
    "checksum_format",
}
CHECKSUMS = {"sum8": lambda data: sum(data) & 0xFF, "xor": lambda data: reduce(lambda a, b: a ^ b, data, 0)}
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})|%%|\\x([0-9A-Fa-f]{2})|\\([rnt\\])")
_SIMPLE = {"r": "\r", "n": "\n", "t": "\t", "\\": "\\"}


class ProfileError(ValueError):
    pass


def expand_escapes(text: str) -> bytes:
    def one(match: re.Match) -> str:
        hex_digits = match.group(1) or match.group(2)
        if hex_digits:
            return chr(int(hex_digits, 16))
        return "%" if match.group(0) == "%%" else _SIMPLE[match.group(3)]

    try:
        return _ESCAPE.sub(one, text).encode("latin-1")
    except UnicodeEncodeError:
        outside = QT_TRANSLATE_NOOP(
            "WallProfile", "{text} has characters outside Latin-1; write them as %hh bytes"
        )
        raise ProfileError(outside.format(text=repr(text))) from None


@dataclass(frozen=True)
class Profile:
    name: str
    path: str
    commands: dict[str, str]
    eol: bytes = b"\r"
    reply_end: bytes = b"\r\n"
    telnet: bool = False
    baud: int = 9600
    timing: dict[str, float] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)
    connect: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    success: re.Pattern | None = None
    error: re.Pattern | None = None
    errors: dict[str, str] = field(default_factory=dict)
    route_reply: re.Pattern | None = None
    checksum: str | None = None
    checksum_as_byte: bool = False

    def render(self, template: str, **values: Any) -> bytes:
        """Placeholders, then escapes, then the checksum, then the line ending."""
        data = expand_escapes(template.format(**values))
        if self.checksum is not None:
            value = CHECKSUMS[self.checksum](data)
            data += bytes((value,)) if self.checksum_as_byte else f"{value:02X}".encode()
        return data + self.eol
