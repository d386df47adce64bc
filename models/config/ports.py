"""Serial ports that several devices of the configuration name.

VISCA cameras on one RS-232 daisy chain share their port, and so do LG displays on one chain
(each with its own address). Anything else on one port cannot work: one line speaks one protocol,
and a matrix or a processor has the line to itself. Found here, the mistake is a line-numbered
configuration problem instead of a device that never answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from yaml.nodes import Node

from common.wording import QT_TRANSLATE_NOOP, Phrase

CHAINS = {"visca", "lg"}  # protocols whose devices share a line, each with its own address


@dataclass
class _Use:
    protocol: str
    name: str
    line: int


@dataclass
class PortUses:
    """The serial ports named so far: ``note`` each device URL; it answers what is wrong with it."""

    ports: dict[str, list[_Use]] = field(default_factory=dict)

    def note(self, url: str, name: str, node: Node) -> Phrase | None:
        """What is wrong with ``url`` (of the device ``name``) given the URLs noted before, or None."""
        try:
            parts = urlsplit(url.strip())
        except ValueError:
            return None  # the device check reports a malformed URL
        protocol, _plus, wiring = parts.scheme.lower().partition("+")
        port = unquote(parts.netloc + parts.path)
        if wiring != "serial" or not port or port.lower() == "pty":
            return None
        used = self.ports.setdefault(port if "/" in port else port.upper(), [])  # COM3 = com3 on Windows
        use = _Use(protocol, name, node.start_mark.line + 1)
        clash = next((other for other in used if other.protocol != protocol or protocol not in CHAINS), None)
        used.append(use)
        if clash is None:
            return None
        if clash.protocol != protocol:
            return QT_TRANSLATE_NOOP(
                "Config",
                "port {port} is already used by {other} (line {line}) with another "
                "protocol; one serial line speaks one protocol",
            ).format(port=port, other=clash.name, line=clash.line)
        return QT_TRANSLATE_NOOP(
            "Config",
            "port {port} is already used by {other} (line {line}); only VISCA "
            "cameras or LG displays can share a serial line",
        ).format(port=port, other=clash.name, line=clash.line)
