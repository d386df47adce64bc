"""What one try of one protocol found: the data ``probe`` returns (the command line prints it)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote


class Result(enum.Enum):
    ANSWERED = "answered"  # the device speaks this protocol: ``url`` names it
    PASSWORD = "password required"  # it does, and wants a password first (Extron)
    OTHER = "other protocol"  # something answered, not in this protocol's form
    SILENT = "no answer"
    NO_CONNECTION = "no connection"  # TCP refused or unreachable, a port that cannot be used


@dataclass(frozen=True)
class Finding:
    protocol: str  # the URL scheme tried, e.g. visca+udp, kramer+serial
    where: str  # 127.0.0.1:52381, /dev/ttyUSB0 9600 baud (address 2)
    result: Result
    url: str | None = None  # the line for the configuration, when something was found
    model: str | None = None
    firmware: str | None = None
    rtt_ms: float | None = None  # the first exchange that showed the protocol
    unsupported: tuple[str, ...] = ()  # inquiries the device refused
    unanswered: tuple[str, ...] = ()  # inquiries it let pass without an answer
    facts: dict[str, Any] = field(default_factory=dict)  # inputs, outputs, presets, power, set_id, …
    heard: str | None = None  # what came back, when it was not this protocol
    note: str | None = None

    @property
    def found(self) -> bool:
        return self.result in (Result.ANSWERED, Result.PASSWORD)

    @property
    def section(self) -> str:
        """Where the URL goes in the configuration file."""
        return "cameras" if self.protocol.startswith("visca") else "walls"

    def to_json(self) -> dict[str, Any]:
        return {
            "protocol": self.protocol,
            "where": self.where,
            "result": self.result.value,
            "found": self.found,
            "url": self.url,
            "model": self.model,
            "firmware": self.firmware,
            "rtt_ms": None if self.rtt_ms is None else round(self.rtt_ms, 1),
            "unsupported": list(self.unsupported),
            "unanswered": list(self.unanswered),
            "facts": dict(self.facts),
            "heard": self.heard,
            "note": self.note,
        }


@dataclass(frozen=True)
class Place:
    """Where one try knocks: a host and port, or a serial port and baud rate."""

    host: str = ""
    port: int = 0
    device: str = ""
    baud: int = 0

    @property
    def serial(self) -> bool:
        return bool(self.device)

    def scheme(self, family: str) -> str:
        """``kramer+serial`` or ``kramer+tcp``: the wall devices' wiring here."""
        return f"{family}+{'serial' if self.serial else 'tcp'}"

    def __str__(self) -> str:
        return f"{self.device} {self.baud} baud" if self.serial else f"{self.host}:{self.port}"

    def url(self, scheme: str, **options: object) -> str:
        """``visca+udp://HOST:PORT``, ``kramer+serial:///dev/ttyUSB0?baud=115200``, options appended."""
        if self.serial:
            base, options = f"{scheme}://{quote(self.device, safe='/:')}", {"baud": self.baud, **options}
        else:
            base = f"{scheme}://{f'[{self.host}]' if ':' in self.host else self.host}:{self.port}"
        query = "&".join(f"{name}={value}" for name, value in options.items() if value is not None)
        return f"{base}?{query}" if query else base


def shown(data: bytes | bytearray, limit: int = 48) -> str:
    """Received bytes for a person: text as text, the rest as hex."""
    data = data[:limit]
    text = data.decode("latin-1")
    if all(32 <= ord(c) < 127 or c in "\r\n\t" for c in text):
        return text.strip().replace("\r", "\\r").replace("\n", "\\n")
    return data.hex(" ")
