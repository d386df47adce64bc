"""Camera URLs: one string names the wiring, the address and the options of a camera.

    visca+udp://HOST[:PORT]         Sony VISCA over IP (8-byte header), default port 52381
    visca+udpraw://HOST[:PORT]      header-less VISCA over UDP, default port 1259
    visca+tcp://HOST[:PORT]         header-less VISCA over TCP, default port 5678
    visca+serial://PORT?baud=9600&address=1
                                    RS-232 (PORT like /dev/ttyUSB0 or COM3), daisy-chain address 1–7

Parsing and typed options are shared with the other devices (``devices.endpoints``).
"""
from __future__ import annotations

from devices import endpoints
from models.wording import QT_TRANSLATE_NOOP

DEFAULT_PORTS = {"visca+udp": 52381, "visca+udpraw": 1259, "visca+tcp": 5678}
SCHEMES = ("visca+udp", "visca+udpraw", "visca+tcp", "visca+serial")
KIND = QT_TRANSLATE_NOOP("DeviceUrls", "camera")


class CameraUrlError(endpoints.DeviceUrlError):
    pass


class Endpoint(endpoints.Endpoint):
    error = CameraUrlError


def parse(url: str) -> Endpoint:
    """Parse a camera URL; raises CameraUrlError with a message naming what is wrong."""
    return endpoints.parse_endpoint(url, SCHEMES, DEFAULT_PORTS, kind=KIND, endpoint_type=Endpoint)
