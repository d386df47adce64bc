"""Extron SIS (matrix switchers, and the Quantum wall processors): ``extron+tcp://HOST[:23]?password=…``,
``extron+serial://PORT?baud=9600``; ``canvases=N`` declares a Quantum processor with N canvases.

Commands need no terminator (``1*3!``); replies end in CR LF (docs/protocols/extron-sis.md
"Line and framing").
Over Telnet the unit prints a banner and may ask ``Password:``; the link answers from the URL.
Verbose mode 3 is set on every connect so that tie changes made elsewhere are reported.
Error codes and where their meanings come from: docs/protocols/extron-sis.md "Error responses".
"""

from __future__ import annotations

import re
from functools import partial

from common.wording import QT_TRANSLATE_NOOP
from devices.wall.capabilities import Capability
from devices.wall.framing import Framer
from devices.wall.protocol import (
    DEVICE_ERROR,
    Command,
    Reply,
    ReplyKind,
    Size,
    Timing,
    WallProtocol,
    noise,
    read_as_route,
)

TIE_CHARACTERS = {"av": "!", "video": "%", "audio": "$"}
TIE_LAYERS = {"All": "av", "Vid": "video", "Video": "video", "RGB": "video", "Aud": "audio", "Audio": "audio"}
ERRORS = {
    "01": QT_TRANSLATE_NOOP("WallErrors", "invalid input number"),
    "06": QT_TRANSLATE_NOOP("WallErrors", "invalid input during auto-switch"),
    "10": QT_TRANSLATE_NOOP("WallErrors", "invalid command"),
    "11": QT_TRANSLATE_NOOP("WallErrors", "invalid preset number"),
    "12": QT_TRANSLATE_NOOP("WallErrors", "invalid output number"),
    "13": QT_TRANSLATE_NOOP("WallErrors", "invalid value"),
    "14": QT_TRANSLATE_NOOP("WallErrors", "not valid for this configuration"),
    "17": QT_TRANSLATE_NOOP("WallErrors", "invalid command for this signal type, or timeout"),
    "18": QT_TRANSLATE_NOOP("WallErrors", "system timed out"),
    "21": QT_TRANSLATE_NOOP("WallErrors", "room does not exist"),
    "22": QT_TRANSLATE_NOOP("WallErrors", "busy"),
    "24": QT_TRANSLATE_NOOP("WallErrors", "privilege violation"),
    "25": QT_TRANSLATE_NOOP("WallErrors", "device not present"),
    "26": QT_TRANSLATE_NOOP("WallErrors", "maximum connections exceeded"),
    "27": QT_TRANSLATE_NOOP("WallErrors", "invalid event number"),
    "28": QT_TRANSLATE_NOOP("WallErrors", "bad file name or file not found"),
    "30": QT_TRANSLATE_NOOP("WallErrors", "hardware failure"),  # E30:n, n says which part
    "31": QT_TRANSLATE_NOOP("WallErrors", "attempt to break a port pass-through that was not set"),
    "33": QT_TRANSLATE_NOOP("WallErrors", "bad file type for logo"),
    "35": QT_TRANSLATE_NOOP("WallErrors", "user account does not exist"),
}

_PATTERNS: tuple[tuple[re.Pattern, str], ...] = tuple(
    (re.compile(p), name)
    for p, name in (
        (r"^E(\d\d)(?::(\d+))?$", "error"),
        (r"Out(\d+)\s*In(\d+)\s*(All|Video|Vid|RGB|Audio|Aud)", "tie"),
        (r"(?:Cnv(\d+)\s*)?Win(\d+)\s*In(\d+)", "window"),
        (r"Rpr(\d+)(?:\*(\d+))?", "Rpr"),
        (r"Spr(\d+)", "Spr"),
        (r"Vrb(\d)", "Vrb"),
        (r"V(\d+)X(\d+)\s*A\d+X\d+", "I"),
        (r"^(?:Ver\d*\*)?(\d+\.\d+\S*)$", "Q"),
        (r"^(?:Pno)?(60-\d+-\d+)$", "N"),
        (r"^(\d+)$", "read"),
        (r"Password:", "prompt"),
        (r"(?i)login incorrect", "refused"),
        (r"^Login\s", "login"),
        (r"Extron(?: Electronics)?,?\s*(.+?),\s*V(\d+\.\d+\S*),\s*(60-\d+-\d+)", "copyright"),
        (r"(?i)extron|copyright|\(c\)|^[A-Z][a-z]{2}, ", "banner"),
    )
)


# --- command builders ----------------------------------------------------------------------------


def tie(input: int, output: int, layer: str = "av") -> bytes:
    return f"{input}*{output}{TIE_CHARACTERS[layer]}".encode()


def recall_preset(n: int) -> bytes:
    return f"{n}.".encode()


def save_preset(n: int) -> bytes:
    return f"{n},".encode()


def read_tie(output: int) -> bytes:
    return f"{output}%".encode()


def window_source(canvas: int, window: int, input: int) -> bytes:
    return f"{canvas}*{window}*{input}!".encode()


def recall_layout(canvas: int, preset: int) -> bytes:
    return f"1*{canvas}*{preset}.".encode()


def verbose_mode(mode: int = 3) -> bytes:
    return f"\x1b{mode}CV\r".encode()


def size_query() -> bytes:
    return b"I"


def firmware_query() -> bytes:
    return b"Q"


def part_number_query() -> bytes:
    return b"N"


# --- reply parser --------------------------------------------------------------------------------


def parse(frame: bytes) -> Reply:
    text = frame.decode("latin-1").strip()
    for pattern, name in _PATTERNS:
        match = pattern.search(text)
        if match is not None:
            return _reply(name, match, text)
    return Reply(ReplyKind.DATA, None, text=text)  # an answer of a form not known here


def _reply(name: str, match: re.Match, text: str) -> Reply:
    numbers = [int(g) if g and g.isdecimal() else g for g in match.groups()]
    if name == "error":
        code, descriptor = match.groups()
        error = QT_TRANSLATE_NOOP("WallErrors", "{meaning} (E{code})").format(
            meaning=ERRORS.get(code, DEVICE_ERROR), code=f"{code}:{descriptor}" if descriptor else code
        )
        return Reply(ReplyKind.ERROR, None, error, text=text, code=code)
    if name == "tie":
        return Reply(
            ReplyKind.OK, "tie", routes=((TIE_LAYERS[match.group(3)], numbers[0], numbers[1]),), text=text
        )
    if name == "window":
        canvas, window, source = numbers
        return Reply(ReplyKind.OK, "window", facts={"window": (canvas or 1, window, source)}, text=text)
    if name == "Rpr":
        facts = {"preset": numbers[0]} if numbers[1] is None else {"layout": (numbers[0], numbers[1])}
        return Reply(ReplyKind.OK, "Rpr", facts=facts, text=text)
    if name == "Spr":
        return Reply(ReplyKind.OK, "Spr", facts={"saved": numbers[0]}, text=text)
    if name == "I":
        return Reply(ReplyKind.DATA, "I", facts={"inputs": numbers[0], "outputs": numbers[1]}, text=text)
    if name == "Q":
        return Reply(ReplyKind.DATA, "Q", facts={"firmware": numbers[0]}, text=text)
    if name == "N":
        return Reply(ReplyKind.DATA, "N", facts={"part_number": numbers[0]}, text=text)
    if (
        name == "copyright"
    ):  # "…, Extron Electronics, DXP 88 HDMI, V1.00, 60-1092-01"; Quantum: "…, Extron, Quantum …"
        model, firmware, part_number = match.groups()
        return Reply(
            ReplyKind.DATA,
            "banner",
            text=text,
            facts={"model": model.strip(), "firmware": firmware, "part_number": part_number},
        )
    if name == "read":
        return Reply(ReplyKind.DATA, "read", facts={"number": numbers[0]}, text=text)
    if name == "prompt":
        return Reply(ReplyKind.PROMPT, text=text)
    if name == "refused":
        return Reply(
            ReplyKind.ERROR, "login", QT_TRANSLATE_NOOP("WallErrors", "the password was refused"), text=text
        )
    if name == "login":
        return Reply(ReplyKind.LOGIN, text=text)
    if name == "banner":
        return noise(text)
    return Reply(ReplyKind.OK if name == "Vrb" else ReplyKind.DATA, name, text=text)


# --- the driver ----------------------------------------------------------------------------------


class ExtronProtocol(WallProtocol):
    label = "Extron SIS"
    layers: tuple[str, ...] = ("av", "video", "audio")
    options = frozenset({"password", "canvases"})
    # Telnet drops idle clients after 5 min (docs/protocols/extron-sis.md "Line and framing")
    default_timing = Timing(gap=0.05, timeout=1.0, keepalive=120.0)
    telnet = True
    unsupported_codes = frozenset({"10", "14"})  # invalid command; not valid for this configuration

    def __init__(self, endpoint) -> None:
        super().__init__(endpoint)
        canvases = endpoint.int_option("canvases", 0, 0, self.window_limits[0])
        if canvases:
            self.label = "Extron Quantum (SIS)"
            self.capabilities = Capability.WINDOWS | Capability.LAYOUTS
            self.layers = ()
            self.window_limits = (canvases, *self.window_limits[1:])
        else:
            self.capabilities = (
                Capability.ROUTE | Capability.ROUTE_QUERY | Capability.PRESETS | Capability.STATUS_QUERY
            )

    def framer(self) -> Framer:
        return Framer(b"\r\n", prompts=(b"Password:",))

    def parse(self, frame: bytes) -> Reply:
        return parse(frame)

    def connect_commands(self, size: Size) -> list[Command]:
        """Verbose mode, then what the unit is: its Telnet banner names the model
        (docs/protocols/extron-sis.md "Connecting: banner, password, verbose mode")."""
        asks = []
        if Capability.ROUTE in self.capabilities and (size.inputs is None or size.outputs is None):
            asks.append((size_query(), "read the matrix size", "I", "size"))
        asks += [
            (part_number_query(), "read the part number", "N", "part-number"),
            (firmware_query(), "read the firmware version", "Q", "firmware"),
        ]
        return [Command(verbose_mode(3), "verbose mode", ("Vrb",))] + [
            Command(data, action, (key,), feature=feature, optional=True)
            for data, action, key, feature in asks
        ]

    def keepalive(self) -> Command:
        return Command(firmware_query(), "keepalive", ("Q",), query=True)

    def route(self, input: int, output: int, layer: str) -> Command:
        return Command(
            tie(input, output, layer),
            f"route {input}→{output} ({layer})",
            ("tie",),
            routes=((layer, output, input),),
        )

    def recall_preset(self, n: int) -> Command:
        return Command(
            recall_preset(n), f"preset recall {n}", ("Rpr",), facts={"preset": n}, refresh_routes=True
        )

    def save_preset(self, n: int) -> Command:
        return Command(save_preset(n), f"preset save {n}", ("Spr",))

    def route_queries(self, outputs: int | None) -> list[Command]:
        if outputs is None:
            raise ValueError(
                QT_TRANSLATE_NOOP("Wall", "the number of outputs is not known yet; add outputs=N to the URL")
            )
        return [
            Command(
                read_tie(out),
                f"read output {out}",
                ("read", "tie"),
                query=True,
                decode=partial(read_as_route, "video", out),
            )
            for out in range(1, outputs + 1)
        ]

    def window(self, canvas: int, window: int, input: int) -> Command:
        return Command(
            window_source(canvas, window, input),
            f"window {canvas}.{window} ← input {input}",
            ("window",),
            facts={"window": (canvas, window, input)},
        )

    def layout(self, canvas: int, preset: int) -> Command:
        return Command(
            recall_layout(canvas, preset),
            f"layout {preset} on canvas {canvas}",
            ("Rpr",),
            facts={"layout": (canvas, preset)},
        )
