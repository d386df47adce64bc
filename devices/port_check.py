"""Ports in a device URL that cannot be right, found without opening anything.

These are warnings for the configuration editor, shown before a save (the site may still know
better, so they never refuse a file):

- a network port that is the usual port of another kind of device: ``visca+udp://cam:1259`` is the
  header-less VISCA port, so the URL probably wants ``visca+udpraw://``; ``kramer+tcp://m:23`` is
  Extron's port (port 0, a simulator's "any free port", is refused by the URL itself);
- a serial port this computer does not have: looked up in the list of serial ports and in the file
  system (a pseudo-terminal or a symlink to one counts), never opened.

Handed to ``models.config.store.parse_config`` as its ``url_warnings`` (models/ may not import devices/).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from serial.tools import list_ports

from common.wording import QT_TRANSLATE_NOOP, Phrase
from devices import endpoints
from devices.visca import urls
from devices.wall import drivers

USUAL_PORTS = {**urls.DEFAULT_PORTS, **drivers.DEFAULT_PORTS}
SerialPorts = Callable[[], Iterable[str]]


def serial_ports() -> list[str]:
    """The serial ports the operating system lists (COM3, /dev/ttyUSB0 …)."""
    return [port.device for port in list_ports.comports()]


def port_warnings(url: str, present: SerialPorts = serial_ports) -> list[Phrase]:
    """What is doubtful about the port of ``url``; nothing for a URL that does not parse (its error says
    why)."""
    endpoint = _endpoint(url)
    if endpoint is None:
        return []
    if endpoint.is_serial:
        return _serial_warnings(endpoint.device, present)
    usual = USUAL_PORTS.get(endpoint.scheme)
    other = next(
        (
            scheme
            for scheme, port in USUAL_PORTS.items()
            if port == endpoint.port and scheme != endpoint.scheme
        ),
        None,
    )
    if usual is None or other is None:
        return []
    return [
        QT_TRANSLATE_NOOP(
            "PortCheck",
            "port {port} is the usual port of {other}:// devices; {scheme}:// "
            "devices usually listen on {usual}: check the port or the kind of URL",
        ).format(port=endpoint.port, other=other, scheme=endpoint.scheme, usual=usual)
    ]


def _endpoint(url: str) -> endpoints.Endpoint | None:
    for parse in (urls.parse, drivers.parse):
        try:
            return parse(url)
        except ValueError:
            continue
    return None


def _serial_warnings(device: str, present: SerialPorts) -> list[Phrase]:
    if device.lower() == "pty" or "://" in device:  # a simulator's pseudo-terminal; a pyserial URL
        return []
    listed = list(present())
    if Path(device).exists() or device.upper() in (port.upper() for port in listed):
        return []
    return [
        QT_TRANSLATE_NOOP("PortCheck", "serial port {port} is not on this computer (it has: {ports})").format(
            port=device, ports=", ".join(listed) or QT_TRANSLATE_NOOP("PortCheck", "none")
        )
    ]
