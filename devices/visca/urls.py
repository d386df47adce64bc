"""Camera URLs: one string names the wiring, the address and the options of a camera.

    visca+udp://HOST[:PORT]         Sony VISCA over IP (8-byte header), default port 52381
    visca+udpraw://HOST[:PORT]      header-less VISCA over UDP, default port 1259
    visca+tcp://HOST[:PORT]         header-less VISCA over TCP, default port 5678
    visca+serial://PORT?baud=9600&address=1
                                    RS-232 (PORT like /dev/ttyUSB0 or COM3), daisy-chain address 1–7

Query options are kept as strings in ``options``; each consumer reads the ones it knows and
``Endpoint.unknown_options`` tells what nobody read, so a typo gets a clear message.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

DEFAULT_PORTS = {"visca+udp": 52381, "visca+udpraw": 1259, "visca+tcp": 5678}
SCHEMES = ("visca+udp", "visca+udpraw", "visca+tcp", "visca+serial")


class CameraUrlError(ValueError):
    pass


@dataclass(frozen=True)
class Endpoint:
    scheme: str
    host: str = ""          # network schemes
    port: int = 0
    device: str = ""        # serial: port name (/dev/ttyUSB0, COM3) or "pty" for a simulator
    options: dict[str, str] = field(default_factory=dict)
    url: str = ""

    @property
    def is_serial(self) -> bool:
        return self.scheme == "visca+serial"

    def option(self, name: str, default: str | None = None) -> str | None:
        return self.options.get(name, default)

    def int_option(self, name: str, default: int, lo: int, hi: int) -> int:
        raw = self.options.get(name)
        if raw is None:
            return default
        try:
            value = int(raw, 0)
        except ValueError:
            raise CameraUrlError(f"{self.url}: option {name}={raw!r} is not a whole number") from None
        if not lo <= value <= hi:
            raise CameraUrlError(f"{self.url}: option {name}={value} is out of range {lo}–{hi}")
        return value

    def float_option(self, name: str, default: float, lo: float, hi: float) -> float:
        raw = self.options.get(name)
        if raw is None:
            return default
        try:
            value = float(raw)
        except ValueError:
            raise CameraUrlError(f"{self.url}: option {name}={raw!r} is not a number") from None
        if not lo <= value <= hi:
            raise CameraUrlError(f"{self.url}: option {name}={value} is out of range {lo}–{hi}")
        return value

    def bool_option(self, name: str, default: bool = False) -> bool:
        raw = self.options.get(name)
        if raw is None:
            return default
        if raw.lower() in ("1", "true", "yes", "on", ""):
            return True
        if raw.lower() in ("0", "false", "no", "off"):
            return False
        raise CameraUrlError(f"{self.url}: option {name}={raw!r} must be yes or no")

    def unknown_options(self, known: set[str]) -> list[str]:
        return sorted(set(self.options) - known)

    def check_options(self, known: set[str]) -> None:
        unknown = self.unknown_options(known)
        if unknown:
            raise CameraUrlError(
                f"{self.url}: unknown option(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")


def parse(url: str) -> Endpoint:
    """Parse a camera URL; raises CameraUrlError with a message naming what is wrong."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise CameraUrlError(f"{url}: not a camera URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise CameraUrlError(f"{url}: unknown camera URL kind {scheme or '(none)'!r}; use one of {', '.join(SCHEMES)}")
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    if scheme == "visca+serial":
        # netloc holds COM3 / "pty"; a POSIX path arrives in .path (visca+serial:///dev/ttyUSB0)
        device = unquote(parts.netloc + parts.path)
        if not device:
            raise CameraUrlError(f"{url}: serial URL needs a port, e.g. visca+serial:///dev/ttyUSB0 or visca+serial://COM3")
        return Endpoint(scheme, device=device, options=options, url=text)
    if not parts.hostname:
        raise CameraUrlError(f"{url}: missing host name or IP address")
    try:
        port = DEFAULT_PORTS[scheme] if parts.port is None else parts.port  # 0 = any free port (simulators)
    except ValueError:
        raise CameraUrlError(f"{url}: the port must be a number 1–65535") from None
    return Endpoint(scheme, host=parts.hostname, port=port, options=options, url=text)
