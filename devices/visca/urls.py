"""Camera URLs: one string names the wiring, the address and the options of a camera.

    visca+udp://HOST[:PORT]         Sony VISCA over IP (8-byte header), default port 52381
    visca+udpraw://HOST[:PORT]      header-less VISCA over UDP, default port 1259
    visca+tcp://HOST[:PORT]         header-less VISCA over TCP, default port 5678
    visca+serial://PORT?baud=9600&address=1
                                    RS-232 (PORT like /dev/ttyUSB0 or COM3), daisy-chain address 1–7

Options: ``model``, ``quirks``, ``timeout``, ``poll``, ``name``; ``baud`` and ``address`` on serial
lines, ``local_port`` over UDP. Parsing and typed options are shared with the other devices
(``devices.endpoints``); ``check`` reads every option before anything is opened.
"""

from __future__ import annotations

from common.wording import QT_TRANSLATE_NOOP
from devices import endpoints

DEFAULT_PORTS = {"visca+udp": 52381, "visca+udpraw": 1259, "visca+tcp": 5678}
SCHEMES = ("visca+udp", "visca+udpraw", "visca+tcp", "visca+serial")
UDP_SCHEMES = ("visca+udp", "visca+udpraw")
COMMON_OPTIONS = frozenset({"model", "quirks", "timeout", "poll", "name"})
# Sony cameras reply to this port whatever the source (docs/protocols/visca.md "Sony VISCA over IP")
SONY_REPLY_PORT = 52381
KIND = QT_TRANSLATE_NOOP("DeviceUrls", "camera")


class CameraUrlError(endpoints.DeviceUrlError):
    pass


class CameraEndpoint(endpoints.Endpoint):
    error = CameraUrlError


def parse(url: str, *, listening: bool = False) -> CameraEndpoint:
    """Parse a camera URL; raises CameraUrlError with a message naming what is wrong. ``listening``
    (a simulator's URL) allows port 0, any free port."""
    return endpoints.parse_endpoint(
        url, SCHEMES, DEFAULT_PORTS, kind=KIND, endpoint_type=CameraEndpoint, listening=listening
    )


def check(endpoint: CameraEndpoint) -> None:
    """Read every option the way the controller will (``CameraUrlError`` names the first bad one), so
    that nothing is opened with a URL that cannot work: the configuration check and the controller."""
    endpoint.check_options(options_for(endpoint.scheme))
    resend_timeout(endpoint, 1.0)
    poll_interval(endpoint, 1.0)
    if endpoint.is_serial:
        serial_line(endpoint)
    elif endpoint.scheme in UDP_SCHEMES:
        local_ports(endpoint)


def options_for(scheme: str) -> frozenset[str]:
    """The options a URL of ``scheme`` may have."""
    if scheme == "visca+serial":
        return COMMON_OPTIONS | {"baud", "address"}
    return COMMON_OPTIONS | ({"local_port"} if scheme in UDP_SCHEMES else set())


def resend_timeout(endpoint: CameraEndpoint, default: float) -> float:
    return endpoint.float_option("timeout", default, 0.02, 10.0)


def poll_interval(endpoint: CameraEndpoint, default: float) -> float:
    return endpoint.float_option("poll", default, 0.1, 60.0)


def serial_line(endpoint: CameraEndpoint) -> tuple[int, int]:
    """(baud, address): a standard speed VISCA cameras use, and the camera's place 1–7 on the chain."""
    return endpoint.baud_option(9600, 1200, 115200), endpoint.int_option("address", 1, 1, 7)


def local_ports(endpoint: CameraEndpoint) -> tuple[int, int | None]:
    """(the port to send from, the port also listened on): ``local_port=auto`` (the default) sends
    from the shared ephemeral port and also listens on 52381 for Sony cameras (docs/transports.md)."""
    if endpoint.option("local_port", "auto") == "auto":
        return 0, (SONY_REPLY_PORT if endpoint.scheme == "visca+udp" else None)
    raw = endpoint.options["local_port"]
    if not raw.strip().isdecimal():
        raise endpoint.fail(
            QT_TRANSLATE_NOOP(
                "DeviceUrls", "option local_port={value} must be auto or a port number 0–65535"
            ).format(value=repr(raw))
        )
    return endpoint.int_option("local_port", 0, 0, 65535), None
