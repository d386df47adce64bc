"""What ``probe`` is pointed at, and what it tries there.

A *host* (``192.168.1.50``, ``camera-3.local``) gets every network protocol at once, each on its
usual port unless ``--ports`` names another. A *serial port* (``/dev/ttyUSB0``, ``COM3``, a
simulator's pty path) gets one protocol and baud rate at a time, in ``SERIAL_PLAN`` order.
A target is checked, and a host name resolved, before anything is sent.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
from dataclasses import dataclass, field

import serial

from devices.visca.urls import DEFAULT_PORTS as CAMERA_PORTS
from devices.wall.drivers import DEFAULT_PORTS as WALL_PORTS

NETWORK_PORTS: dict[str, int] = {**CAMERA_PORTS, **WALL_PORTS}  # scheme → usual port, in probing order
FAMILIES = ("visca", "kramer", "extron", "lg")
# One protocol and baud at a time on a serial line, the likeliest first (docs/probe.md).
SERIAL_PLAN: tuple[tuple[str, int], ...] = (
    ("visca", 9600),
    ("visca", 38400),
    ("kramer", 115200),
    ("kramer", 9600),
    ("extron", 9600),
    ("lg", 9600),
)
DEFAULT_TIMEOUT = 0.5

_HOST_LABEL = r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)"
_HOST_NAME = re.compile(rf"{_HOST_LABEL}(?:\.{_HOST_LABEL})*\.?")
_COM_PORT = re.compile(r"(?i)(?:\\\\\.\\)?com\d+")
EXAMPLES = "e.g. 192.168.1.50, /dev/ttyUSB0 or COM3"


class TargetError(ValueError):
    """A target or an option that cannot be probed; nothing was sent."""


@dataclass(frozen=True)
class Target:
    text: str
    host: str = ""  # a host: every network protocol
    device: str = ""  # a serial port: one protocol and baud at a time

    @property
    def is_serial(self) -> bool:
        return bool(self.device)


@dataclass(frozen=True)
class Settings:
    """How to probe: the ports per network scheme, the families to try, the wait for each answer."""

    ports: dict[str, int] = field(default_factory=lambda: dict(NETWORK_PORTS))
    families: tuple[str, ...] = FAMILIES
    timeout: float = DEFAULT_TIMEOUT

    def network(self) -> list[tuple[str, int]]:
        return [
            (scheme, port) for scheme, port in self.ports.items() if scheme.split("+")[0] in self.families
        ]

    def serial(self) -> list[tuple[str, int]]:
        return [(family, baud) for family, baud in SERIAL_PLAN if family in self.families]


def parse_target(text: str) -> Target:
    """A host or a serial port, checked; raises ``TargetError`` in plain words."""
    text = text.strip()
    if not text:
        raise TargetError(f"give a host or a serial port to probe, {EXAMPLES}")
    if "://" in text:
        raise TargetError(f"{text!r} is a URL; give only the host or the serial port, {EXAMPLES}")
    if "/" in text or "\\" in text or _COM_PORT.fullmatch(text):
        return Target(text, device=_serial_port(text))
    return Target(text, host=_host(text))


def _host(text: str) -> str:
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        if not _HOST_NAME.fullmatch(text):
            hint = "; give other ports with --ports" if text.count(":") == 1 else ""
            raise TargetError(
                f"{text!r} is neither an IP address, a host name nor a serial port ({EXAMPLES}){hint}"
            ) from None
    else:
        return str(address)
    if re.fullmatch(r"[\d.]+", text):
        raise TargetError(f"{text!r} is not an IP address (four numbers 0–255, e.g. 192.168.1.50)")
    try:
        socket.getaddrinfo(text, None, type=socket.SOCK_STREAM)
    except OSError as exc:
        raise TargetError(f"cannot find host {text!r}: {exc.strerror or exc}") from None
    return text


def _serial_port(text: str) -> str:
    """The port name, once it is known to open (opening sends nothing)."""
    if not _COM_PORT.fullmatch(text) and not os.path.exists(text):
        raise TargetError(f"there is no serial port {text!r}")
    try:
        serial.serial_for_url(text, do_not_open=False).close()
    except (serial.SerialException, OSError, ValueError) as exc:
        raise TargetError(f"cannot open serial port {text!r}: {exc}") from None
    return text


def parse_ports(text: str) -> dict[str, int]:
    """``kramer=5001,visca+udp=52380`` → ``{"kramer+tcp": 5001, "visca+udp": 52380}`` (the other usual ports
    kept)."""
    ports = dict(NETWORK_PORTS)
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, equals, number = item.partition("=")
        scheme = _scheme(name.strip().lower())
        if not equals or not number.strip().isdigit() or not 1 <= int(number) <= 65535:
            raise TargetError(
                f"--ports: {item!r} needs a port 1–65535, e.g. {scheme}={NETWORK_PORTS[scheme]}"
            )
        ports[scheme] = int(number)
    return ports


def _scheme(name: str) -> str:
    if name in NETWORK_PORTS:
        return name
    matches = [scheme for scheme in NETWORK_PORTS if scheme.split("+")[0] == name]
    if len(matches) == 1:
        return matches[0]
    raise TargetError(
        f"--ports: unknown kind {name!r}; use one of {', '.join(NETWORK_PORTS)}"
        + (f" ({name} alone could be {', '.join(matches)})" if matches else "")
    )


def parse_families(text: str) -> tuple[str, ...]:
    """``--only visca,lg`` → the families to try, in the usual order."""
    wanted = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = sorted(wanted - set(FAMILIES))
    if unknown or not wanted:
        raise TargetError(
            f"--only: unknown {', '.join(unknown) or 'nothing'}; choose from {', '.join(FAMILIES)}"
        )
    return tuple(family for family in FAMILIES if family in wanted)
