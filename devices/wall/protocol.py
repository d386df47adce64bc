"""What every wall driver provides: commands to send, a reply parser, and its capabilities.

A driver turns operator intents into ``Command`` objects (bytes plus how to recognise the
answer) and turns each framed reply into a ``Reply`` (never raising on garbage). The one
command queue (``queue.py``) and the controller serve every driver the same way; drivers hold
no sockets, timers or threads.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from common.wording import QT_TRANSLATE_NOOP
from devices.endpoints import Endpoint
from devices.wall.capabilities import Capability
from devices.wall.framing import Framer

Route = tuple[str, int, int]  # (layer, output, input); input 0 = disconnected
DEVICE_ERROR = QT_TRANSLATE_NOOP("WallErrors", "device error")  # an error code the driver does not know
_TEXT = re.compile(rb"[\x20-\x7e\t]*")  # printable ASCII


class ReplyKind(enum.Enum):
    OK = "ok"  # the device accepted a command
    DATA = "data"  # an answer to a query, or state the device reports by itself
    ERROR = "error"  # the device refused; ``Reply.error`` says why in plain words
    PROMPT = "prompt"  # the device asks for a password
    LOGIN = "login"  # the password was accepted
    NOISE = "noise"  # banners, echoes, garbage: nothing to act on


@dataclass(frozen=True)
class Reply:
    kind: ReplyKind
    key: str | None = None  # what it answers ("VID", "tie", "a"); None: whatever is in flight
    error: str | None = None  # e.g. "parameter out of range (ERR 003)", a Phrase
    routes: tuple[Route, ...] = ()
    facts: dict[str, Any] = field(default_factory=dict)  # inputs, outputs, presets, power, model, …
    text: str = ""
    code: str | None = None  # the device's own error code ("002", "10"), for ``refuses``


def layer_feature(layer: str) -> str:
    """The feature name of routing one layer ("route-av"), as listed in ``unsupported``."""
    return f"route-{layer}"


def noise(text: str) -> Reply:
    return Reply(ReplyKind.NOISE, text=text)


def read_as_route(layer: str, output: int, reply: Reply) -> Reply:
    """A per-output query answered with a bare input number (``facts["number"]``) as a route."""
    number = reply.facts.get("number")
    return replace(reply, routes=((layer, output, number),)) if isinstance(number, int) else reply


@dataclass(frozen=True)
class Command:
    data: bytes
    action: str  # audit wording, e.g. "route 1→2 (video)"
    accepts: tuple[str, ...] = ()  # reply keys that answer it; empty: any answer
    query: bool = False  # harmless to repeat, so sent once more after a timeout
    expects_reply: bool = True
    routes: tuple[Route, ...] = ()  # state to record once the device has accepted it
    facts: dict[str, Any] = field(default_factory=dict)
    refresh_routes: bool = False  # routes unknown after it (a preset recall): read them back
    decode: Callable[[Reply], Reply] | None = None  # adds what only the command knows to its answer
    # Learning what the unit supports (docs/walls.md "Learning what a unit supports"): a command that
    # needs ``feature`` and is refused for want of it notes the feature as unsupported for the
    # connection; ``fallback`` is then sent instead, now and for the rest of the connection.
    feature: str | None = None
    fallback: Command | None = None
    optional: bool = False  # discovery: a refusal or silence is noted, never an error

    def answered_by(self, reply: Reply) -> bool:
        if reply.kind not in (ReplyKind.OK, ReplyKind.DATA, ReplyKind.ERROR):
            return False
        return not self.accepts or reply.key is None or reply.key in self.accepts

    def supported_form(self, unsupported: tuple[str, ...]) -> Command:
        """This command, or the fallback to send instead once the device has refused its feature."""
        command = self
        while command.fallback is not None and command.feature in unsupported:
            command = command.fallback
        return command


@dataclass(frozen=True)
class Size:
    """How many inputs, outputs and presets the device has; None where not known (yet)."""

    inputs: int | None = None
    outputs: int | None = None
    presets: int | None = None


@dataclass(frozen=True)
class Timing:
    """How patient the queue is with one device (URL options in brackets)."""

    gap: float = 0.05  # [gap] quiet time after one exchange before the next command
    timeout: float = 1.0  # [timeout] wait for a reply
    keepalive: float = 30.0  # [keepalive] idle seconds before a keepalive; 0 = never
    connect_wait: float = 5.0  # [connect_wait] a command waits this long for a link still connecting
    greeting_quiet: float = 0.2  # after a banner: silence that means "ready for commands"
    greeting_wait: float = 1.5  # a device expected to greet that stays silent is ready after this


class WallProtocol:
    """Base of the drivers; subclasses set the class attributes and the builders they support."""

    label = "wall device"
    capabilities = Capability(0)
    layers: tuple[str, ...] = ()
    options: frozenset[str] = frozenset()  # URL options this driver reads, besides the common ones
    default_baud = 9600
    default_timing = Timing()
    telnet = False  # over the network: Telnet, a banner and maybe a password prompt
    size_defaults = Size()  # the size to assume where neither the URL nor the device says
    unsupported_codes: frozenset[str] = frozenset()  # error codes that mean "no such command here"
    window_limits = (10, 999, 9999)  # highest canvas, window and source (Extron Quantum ranges)
    layout_limit = 128  # highest window layout preset
    text_replies = True  # replies are printable ASCII: a line with other bytes is garbage

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint

    @property
    def greets(self) -> bool:
        return self.telnet and not self.endpoint.is_serial

    def framer(self) -> Framer:
        return Framer(b"\r\n")

    def parse(self, frame: bytes) -> Reply:
        raise NotImplementedError

    def read(self, frame: bytes) -> Reply:
        """``parse``, except that a garbled line (bytes a text protocol never sends) is noise: a line at
        the wrong baud rate must not pass for an answer (docs/transports.md "Garbage on the line")."""
        if self.text_replies and not _TEXT.fullmatch(frame):
            return noise(frame.decode("latin-1"))
        return self.parse(frame)

    def connect_commands(self, size: Size) -> list[Command]:
        """Sent after every (re)connect, before operator commands; ``size`` is what the URL says."""
        return []

    def keepalive(self) -> Command | None:
        return None

    def refuses(self, reply: Reply) -> bool:
        """Whether ``reply`` says the device lacks the command (not that its values were wrong)."""
        return reply.kind is ReplyKind.ERROR and reply.code in self.unsupported_codes

    def login(self, password: str) -> bytes:
        return password.encode("latin-1") + b"\r"

    # --- builders: only those of the declared capabilities are called ---------------------------
    def route(self, input: int, output: int, layer: str) -> Command:
        raise NotImplementedError

    def recall_preset(self, n: int) -> Command:
        raise NotImplementedError

    def save_preset(self, n: int) -> Command:
        raise NotImplementedError

    def route_queries(self, outputs: int | None) -> list[Command]:
        raise NotImplementedError

    def status_queries(self, outputs: int | None) -> list[Command]:
        return self.route_queries(outputs) if Capability.ROUTE_QUERY in self.capabilities else []

    def window(self, canvas: int, window: int, input: int) -> Command:
        raise NotImplementedError

    def layout(self, canvas: int, preset: int) -> Command:
        raise NotImplementedError

    def power(self, on: bool) -> Command:
        raise NotImplementedError

    def select_input(self, code: str) -> Command:
        raise NotImplementedError

    def tile_mode(self, rows: int, cols: int) -> Command:
        raise NotImplementedError
