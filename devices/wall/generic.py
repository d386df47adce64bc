"""The generic ASCII / hex driver: ``generic+tcp://HOST:PORT?profile=FILE``,
``generic+serial://PORT?profile=FILE``, for wall controllers whose manuals list fixed strings.

Everything device-specific is in the profile file (``generic_profile.py``); what the device can
do follows from which command templates the file has.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from common.wording import QT_TRANSLATE_NOOP, sentence_of
from devices.wall.capabilities import Capability
from devices.wall.framing import Framer
from devices.wall.generic_profile import Profile
from devices.wall.generic_profile_loader import load_profile
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

ROUTE_TEMPLATES = {"av": "route", "video": "route_video", "audio": "route_audio"}
DOINGS = {
    "route": QT_TRANSLATE_NOOP("Wall", "route audio and video"),
    "route_video": QT_TRANSLATE_NOOP("Wall", "route video"),
    "route_audio": QT_TRANSLATE_NOOP("Wall", "route audio"),
    "preset_recall": QT_TRANSLATE_NOOP("Wall", "recall presets"),
    "preset_save": QT_TRANSLATE_NOOP("Wall", "save presets"),
    "query_routes": QT_TRANSLATE_NOOP("Wall", "report its routes"),
    "window": QT_TRANSLATE_NOOP("Wall", "put sources into windows"),
    "layout": QT_TRANSLATE_NOOP("Wall", "recall window layouts"),
    "power_on": QT_TRANSLATE_NOOP("Wall", "switch power on"),
    "power_off": QT_TRANSLATE_NOOP("Wall", "switch power off"),
    "select_input": QT_TRANSLATE_NOOP("Wall", "select a display input"),
    "tile_mode": QT_TRANSLATE_NOOP("Wall", "set a tile mode"),
}


def capabilities_of(profile: Profile) -> Capability:
    has = profile.commands.keys()
    found = Capability(0)
    for capability, needs in (
        (Capability.ROUTE, ROUTE_TEMPLATES.values()),
        (Capability.PRESETS, ("preset_recall",)),
        (Capability.WINDOWS, ("window",)),
        (Capability.LAYOUTS, ("layout",)),
        (Capability.DISPLAY_POWER, ("power_on", "power_off")),
        (Capability.DISPLAY_INPUT, ("select_input",)),
        (Capability.TILE_MODE, ("tile_mode",)),
    ):
        if any(name in has for name in needs):
            found |= capability
    if "query_routes" in has and profile.route_reply is not None:
        found |= Capability.ROUTE_QUERY
    if Capability.ROUTE_QUERY in found or profile.status:
        found |= Capability.STATUS_QUERY
    return found


def _number(text: str | None) -> int | None:
    return int(text) if text is not None and text.isdecimal() else None


class GenericProtocol(WallProtocol):
    options = frozenset({"profile"})

    def __init__(self, endpoint) -> None:
        super().__init__(endpoint)
        path = endpoint.option("profile")
        if not path:
            raise endpoint.fail(
                QT_TRANSLATE_NOOP("Wall", "the generic driver needs profile=FILE (a YAML or JSON file)")
            )
        self.profile = profile = load_profile(path)
        self.label = profile.name
        self.capabilities = capabilities_of(profile)
        self.layers = tuple(layer for layer, name in ROUTE_TEMPLATES.items() if name in profile.commands)
        self.default_baud = profile.baud
        self.telnet = profile.telnet
        keepalive = 30.0 if "keepalive" in profile.commands else 0.0
        self.default_timing = replace(Timing(gap=0.1, keepalive=keepalive), **profile.timing)
        self.size_defaults = Size(**profile.sizes)
        # a profile whose reply patterns name bytes (\xNN, control characters) describes a binary
        # protocol: then a line of any bytes may be a reply; otherwise replies are text, as in most
        patterns = [p.pattern for p in (profile.success, profile.error, profile.route_reply) if p is not None]
        self.text_replies = not any("\\x" in text or not text.isprintable() for text in patterns)
        self._per_output_query = "{output" in profile.commands.get("query_routes", "")

    def framer(self) -> Framer:
        return Framer(self.profile.reply_end)

    def parse(self, frame: bytes) -> Reply:
        text = frame.decode("latin-1")
        profile = self.profile
        error = profile.error.search(text) if profile.error is not None else None
        if error is not None:
            code = (error.group(1) if error.re.groups else None) or error.group(0)
            meaning = profile.errors.get(code, DEVICE_ERROR)  # the profile's own words are not translated
            said = QT_TRANSLATE_NOOP("WallErrors", "{meaning} (error {code})").format(
                meaning=meaning, code=code
            )
            return Reply(ReplyKind.ERROR, None, said, text=text)
        routes, facts = self._routes(text)
        if profile.success is None or profile.success.search(text):
            return Reply(ReplyKind.OK, routes=routes, facts=facts, text=text)
        if routes or facts:
            return Reply(ReplyKind.DATA, routes=routes, facts=facts, text=text)
        return noise(text)

    def _routes(self, text: str) -> tuple[tuple, dict]:
        pattern = self.profile.route_reply
        if pattern is None:
            return (), {}
        if "output" not in pattern.groupindex:  # a per-output query: the command knows the output
            number = _number(next((m["input"] for m in pattern.finditer(text)), None))
            return (), ({"number": number} if number is not None else {})
        routes = []
        for match in pattern.finditer(text):
            source, output = _number(match["input"]), _number(match["output"])
            if source is not None and output is not None:
                routes.append(("video", output, source))
        return tuple(routes), {}

    def _command(self, name: str, action: str, values: dict | None = None, **fields) -> Command:
        """The profile's ``name`` template filled with ``values``; ``fields`` go to the Command."""
        template = self.profile.commands.get(name)
        if template is None:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Wall", "{device} cannot {doing}: its profile has no {command} command"
                ).format(device=self.label, doing=DOINGS[name], command=name)
            )
        try:
            data = self.profile.render(template, **(values or {}))
        except (ValueError, KeyError, IndexError) as exc:
            unbuilt = QT_TRANSLATE_NOOP(
                "Wall", "{device}: command {command} cannot be built from {values}: {problem}"
            )
            raise ValueError(
                unbuilt.format(device=self.label, command=name, values=str(values), problem=sentence_of(exc))
            ) from None
        return Command(data, action, **fields)

    def _fixed(self, templates: tuple[str, ...], action: str, query: bool) -> list[Command]:
        return [Command(self.profile.render(t), action, query=query) for t in templates]

    def connect_commands(self, size: Size) -> list[Command]:
        return self._fixed(self.profile.connect, "connect", query=False)

    def keepalive(self) -> Command | None:
        template = self.profile.commands.get("keepalive")
        return None if template is None else Command(self.profile.render(template), "keepalive", query=True)

    def route(self, input: int, output: int, layer: str) -> Command:
        return self._command(
            ROUTE_TEMPLATES[layer],
            f"route {input}→{output} ({layer})",
            {"input": input, "output": output},
            routes=((layer, output, input),),
        )

    def recall_preset(self, n: int) -> Command:
        return self._command(
            "preset_recall", f"preset recall {n}", {"preset": n}, facts={"preset": n}, refresh_routes=True
        )

    def save_preset(self, n: int) -> Command:
        return self._command("preset_save", f"preset save {n}", {"preset": n})

    def route_queries(self, outputs: int | None) -> list[Command]:
        if not self._per_output_query:
            return [self._command("query_routes", "read the routes", query=True)]
        if outputs is None:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Wall", "the number of outputs is not known; add outputs=N to the URL or the profile"
                )
            )
        return [
            self._command(
                "query_routes",
                f"read output {out}",
                {"output": out},
                query=True,
                decode=partial(read_as_route, "video", out),
            )
            for out in range(1, outputs + 1)
        ]

    def status_queries(self, outputs: int | None) -> list[Command]:
        routes = self.route_queries(outputs) if Capability.ROUTE_QUERY in self.capabilities else []
        return routes + self._fixed(self.profile.status, "read the status", query=True)

    def window(self, canvas: int, window: int, input: int) -> Command:
        return self._command(
            "window",
            f"window {canvas}.{window} ← input {input}",
            {"canvas": canvas, "window": window, "input": input},
            facts={"window": (canvas, window, input)},
        )

    def layout(self, canvas: int, preset: int) -> Command:
        return self._command(
            "layout",
            f"layout {preset} on canvas {canvas}",
            {"canvas": canvas, "preset": preset},
            facts={"layout": (canvas, preset)},
        )

    def power(self, on: bool) -> Command:
        word = "on" if on else "off"
        return self._command(f"power_{word}", f"power {word}", facts={"power": on})

    def select_input(self, code: str) -> Command:
        if not re.fullmatch(r"[0-9A-Za-z_.-]+", str(code)):
            raise ValueError(
                QT_TRANSLATE_NOOP("Wall", "an input code is letters and digits, not {code}").format(
                    code=repr(code)
                )
            )
        return self._command("select_input", f"input {code}", {"code": code}, facts={"input": str(code)})

    def tile_mode(self, rows: int, cols: int) -> Command:
        return self._command(
            "tile_mode",
            f"tile mode {rows}×{cols}",
            {"rows": rows, "cols": cols},
            facts={"tile": (rows, cols)},
        )
