"""Wall device URLs, and the driver, transport and timing each one names.

    kramer+tcp://HOST[:5000]            kramer+serial://PORT?baud=115200
    extron+tcp://HOST[:23]?password=…   extron+serial://PORT?baud=9600     (canvases=N: Quantum)
    lg+tcp://HOST[:9761]?set_id=1       lg+serial://PORT?baud=9600&set_id=1
    generic+tcp://HOST:PORT?profile=FILE   generic+serial://PORT?profile=FILE

Options for every kind: ``name``; ``inputs``, ``outputs``, ``presets`` (the device's size, used to
check numbers before sending; otherwise asked from the device where it can tell); ``timeout``,
``gap``, ``keepalive``, ``connect_wait`` in seconds (see ``protocol.Timing``); ``baud`` on serial lines.
LG displays daisy-chained on one serial port are one URL each, with the same PORT and their own
``set_id``; they share the port (``shared_line``).
"""

from __future__ import annotations

from dataclasses import replace

from common.wording import QT_TRANSLATE_NOOP
from devices import endpoints
from devices.transport.base import ByteTransport
from devices.transport.serialport import SerialPort
from devices.transport.tcp import TcpClient
from devices.wall import shared_line
from devices.wall.extron import ExtronProtocol
from devices.wall.generic import GenericProtocol
from devices.wall.kramer import KramerProtocol
from devices.wall.lg import LgProtocol, reply_set_id
from devices.wall.protocol import Size, Timing, WallProtocol

DRIVERS: dict[str, type[WallProtocol]] = {
    "kramer": KramerProtocol,
    "extron": ExtronProtocol,
    "lg": LgProtocol,
    "generic": GenericProtocol,
}
SCHEMES = tuple(f"{family}+{wire}" for family in DRIVERS for wire in ("tcp", "serial"))
DEFAULT_PORTS = {"kramer+tcp": 5000, "extron+tcp": 23, "lg+tcp": 9761}
COMMON_OPTIONS = frozenset(
    {"name", "inputs", "outputs", "presets", "timeout", "gap", "keepalive", "connect_wait"}
)
MAX_COUNT = 9999
KIND = QT_TRANSLATE_NOOP("DeviceUrls", "wall device")


class WallUrlError(endpoints.DeviceUrlError):
    pass


class WallEndpoint(endpoints.Endpoint):
    error = WallUrlError


def parse(url: str) -> WallEndpoint:
    """Parse a wall device URL; raises WallUrlError with a message naming what is wrong."""
    return endpoints.parse_endpoint(url, SCHEMES, DEFAULT_PORTS, kind=KIND, endpoint_type=WallEndpoint)


def make_protocol(endpoint: WallEndpoint) -> WallProtocol:
    """The driver for ``endpoint``, with every option checked before anything is opened (``ValueError``
    names a bad one): the configuration check and the controller."""
    protocol_type = DRIVERS[endpoint.family]
    known = COMMON_OPTIONS | protocol_type.options | ({"baud"} if endpoint.is_serial else set())
    endpoint.check_options(known)
    protocol = protocol_type(endpoint)
    configured_size(endpoint)
    timing(endpoint, protocol)
    if endpoint.is_serial:
        _baud(endpoint, protocol)
    return protocol


def configured_size(endpoint: WallEndpoint) -> Size:
    def count(name: str) -> int | None:
        return endpoint.int_option(name, 0, 1, MAX_COUNT) if name in endpoint.options else None

    return Size(count("inputs"), count("outputs"), count("presets"))


def timing(endpoint: WallEndpoint, protocol: WallProtocol) -> Timing:
    usual = protocol.default_timing
    return replace(
        usual,
        timeout=endpoint.float_option("timeout", usual.timeout, 0.02, 30.0),
        gap=endpoint.float_option("gap", usual.gap, 0.0, 10.0),
        keepalive=endpoint.float_option("keepalive", usual.keepalive, 0.0, 3600.0),
        connect_wait=endpoint.float_option("connect_wait", usual.connect_wait, 0.1, 120.0),
    )


def make_transport(endpoint: WallEndpoint, protocol: WallProtocol) -> ByteTransport:
    if endpoint.is_serial:
        return SerialPort(endpoint.device, _baud(endpoint, protocol))
    return TcpClient(endpoint.host, endpoint.port)


def open_transport(endpoint: WallEndpoint, protocol: WallProtocol, shared: dict) -> ByteTransport:
    """What a controller talks through: LG displays on one serial port share it (a daisy chain)."""
    if isinstance(protocol, LgProtocol) and endpoint.is_serial:
        return shared_line.tap(
            shared,
            endpoint.device,
            _baud(endpoint, protocol),
            protocol.set_id,
            protocol.framer,
            reply_set_id,
            lambda: make_transport(endpoint, protocol),
        )
    return make_transport(endpoint, protocol)


def _baud(endpoint: WallEndpoint, protocol: WallProtocol) -> int:
    return endpoint.baud_option(protocol.default_baud, 300, 921600)
