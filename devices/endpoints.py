"""Device URLs: one string names the wiring, the address and the options of a device.

    FAMILY+udp|tcp://HOST[:PORT]?options     network devices; a family may give default ports
    FAMILY+serial://PORT?baud=9600&…         RS-232: PORT like COM3, /dev/ttyUSB0 (written
                                             FAMILY+serial:///dev/ttyUSB0) or "pty" for a simulator

Query options are kept as strings in ``options``; each consumer reads the ones it knows and
``Endpoint.check_options`` names what nobody reads, so a typo gets a clear message. Each device
family raises its own subclass of ``DeviceUrlError`` (``Endpoint.error``). Ports are 1–65535 (0, any
free port, only where a simulator listens), host names follow the IDNA rules, and a message never
shows the URL's password (``devices.secrets``).
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

from common.wording import QT_TRANSLATE_NOOP, Phrase
from devices.secrets import mask_url

URL_PROBLEM = QT_TRANSLATE_NOOP("DeviceUrls", "{url}: {problem}")
STANDARD_BAUDS = (
    300,
    600,
    1200,
    2400,
    4800,
    9600,
    14400,
    19200,
    38400,
    57600,
    115200,
    230400,
    460800,
    921600,
)


class DeviceUrlError(ValueError):
    pass


def url_problem(url: str, problem: str) -> Phrase:
    """``"URL: what is wrong"``, the message of every ``DeviceUrlError``; the URL's password masked."""
    return URL_PROBLEM.format(url=mask_url(url), problem=problem)


def without_url(message: str) -> str:
    """What is wrong, without the URL in front (for where the URL is shown already)."""
    if isinstance(message, Phrase) and message.source == URL_PROBLEM.source:
        return message.values["problem"]
    return message


E = TypeVar("E", bound="Endpoint")


@dataclass(frozen=True)
class Endpoint:
    scheme: str
    host: str = ""  # network schemes
    port: int = 0
    device: str = ""  # serial: port name (/dev/ttyUSB0, COM3) or "pty" for a simulator
    options: dict[str, str] = field(default_factory=dict)
    url: str = ""

    error: ClassVar[type[DeviceUrlError]] = DeviceUrlError

    @property
    def is_serial(self) -> bool:
        return self.scheme.endswith("serial")

    @property
    def family(self) -> str:
        """``kramer`` for ``kramer+tcp``; the whole scheme when it has no ``+``."""
        return self.scheme.split("+", 1)[0]

    def option(self, name: str, default: str | None = None) -> str | None:
        return self.options.get(name, default)

    def int_option(self, name: str, default: int, lo: int, hi: int) -> int:
        raw = self.options.get(name)
        if raw is None:
            return default
        try:
            value = int(raw, 0)
        except ValueError:
            raise self.fail(
                QT_TRANSLATE_NOOP("DeviceUrls", "option {name}={value} is not a whole number").format(
                    name=name, value=repr(raw)
                )
            ) from None
        self._check_range(name, value, lo, hi)
        return value

    def float_option(self, name: str, default: float, lo: float, hi: float) -> float:
        raw = self.options.get(name)
        if raw is None:
            return default
        try:
            value = float(raw)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            raise self.fail(
                QT_TRANSLATE_NOOP("DeviceUrls", "option {name}={value} is not a number").format(
                    name=name, value=repr(raw)
                )
            )
        self._check_range(name, value, lo, hi)
        return value

    def baud_option(self, default: int, lo: int, hi: int) -> int:
        """``baud``: one of the standard line speeds from ``lo`` to ``hi``."""
        speeds = [speed for speed in STANDARD_BAUDS if lo <= speed <= hi]
        raw = self.options.get("baud")
        if raw is None:
            return default
        if raw.strip().isdecimal() and int(raw) in speeds:
            return int(raw)
        raise self.fail(
            QT_TRANSLATE_NOOP(
                "DeviceUrls", "option baud={value} is not a line speed; use one of {speeds}"
            ).format(value=repr(raw), speeds=", ".join(map(str, speeds)))
        )

    def _check_range(self, name: str, value: float, lo: float, hi: float) -> None:
        if not lo <= value <= hi:
            problem = QT_TRANSLATE_NOOP(
                "DeviceUrls", "option {name}={value} is out of range {lowest}–{highest}"
            )
            raise self.fail(problem.format(name=name, value=str(value), lowest=str(lo), highest=str(hi)))

    def bool_option(self, name: str, default: bool = False) -> bool:
        raw = self.options.get(name)
        if raw is None:
            return default
        if raw.lower() in ("1", "true", "yes", "on", ""):
            return True
        if raw.lower() in ("0", "false", "no", "off"):
            return False
        raise self.fail(
            QT_TRANSLATE_NOOP("DeviceUrls", "option {name}={value} must be yes or no").format(
                name=name, value=repr(raw)
            )
        )

    def unknown_options(self, known: set[str] | frozenset[str]) -> list[str]:
        return sorted(set(self.options) - set(known))

    def check_options(self, known: set[str] | frozenset[str]) -> None:
        unknown = self.unknown_options(known)
        if unknown:
            raise self.fail(
                QT_TRANSLATE_NOOP("DeviceUrls", "unknown option(s) {unknown}; known: {known}").format(
                    unknown=", ".join(unknown), known=", ".join(sorted(known))
                )
            )

    def fail(self, problem: str) -> DeviceUrlError:
        """The error to raise for ``problem`` with this URL."""
        return self.error(url_problem(self.url, problem))


# (the ignore: mypy does not take a default for a parameter typed with a TypeVar)
def parse_endpoint(
    url: str,
    schemes: tuple[str, ...],
    default_ports: Mapping[str, int],
    *,
    kind: str,
    endpoint_type: type[E] = Endpoint,  # type: ignore[assignment]
    listening: bool = False,
) -> E:
    """Parse ``url`` for one of ``schemes``; raises ``endpoint_type.error`` naming what is wrong.

    ``kind`` (a Phrase) words the messages: "camera" → "unknown camera URL kind". A network URL
    without a port takes ``default_ports[scheme]``; a scheme without a default needs an explicit port.
    Port 0 (any free port) is only for where a simulator is ``listening``.
    """
    error = endpoint_type.error
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise error(
            url_problem(
                url,
                QT_TRANSLATE_NOOP("DeviceUrls", "not a {kind} URL ({error})").format(
                    kind=kind, error=str(exc)
                ),
            )
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        problem = QT_TRANSLATE_NOOP("DeviceUrls", "unknown {kind} URL kind {scheme}; use one of {schemes}")
        raise error(
            url_problem(
                url, problem.format(kind=kind, scheme=repr(scheme or "(none)"), schemes=", ".join(schemes))
            )
        )
    options = dict(parse_qsl(parts.query, keep_blank_values=True))
    if scheme.endswith("serial"):
        # netloc holds COM3 / "pty"; a POSIX path arrives in .path (kramer+serial:///dev/ttyUSB0)
        device = unquote(parts.netloc + parts.path)
        if not device:
            raise error(
                url_problem(
                    url,
                    QT_TRANSLATE_NOOP(
                        "DeviceUrls",
                        "serial URL needs a port, e.g. {scheme}:///dev/ttyUSB0 or {scheme}://COM3",
                    ).format(scheme=scheme),
                )
            )
        return endpoint_type(scheme, device=device, options=options, url=text)
    if not parts.hostname:
        raise error(url_problem(url, QT_TRANSLATE_NOOP("DeviceUrls", "missing host name or IP address")))
    host_problem = _host_problem(parts.hostname)
    if host_problem:
        raise error(url_problem(url, host_problem))
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None and not (0 if listening else 1) <= port <= 65535:
        raise error(url_problem(url, QT_TRANSLATE_NOOP("DeviceUrls", "the port must be a number 1–65535")))
    if port is None:
        if scheme not in default_ports:
            raise error(
                url_problem(
                    url,
                    QT_TRANSLATE_NOOP(
                        "DeviceUrls", "{scheme} has no usual port; give one, e.g. {scheme}://{host}:4001"
                    ).format(scheme=scheme, host=parts.hostname),
                )
            )
        port = default_ports[scheme]
    return endpoint_type(scheme, host=parts.hostname, port=port, options=options, url=text)


def _host_problem(host: str) -> Phrase | None:
    """Why ``host`` cannot be looked up (IDNA: labels of 1–63 characters, 253 in all), or None."""
    try:
        ipaddress.ip_address(host)
        return None
    except ValueError:
        pass
    try:
        encoded = host.encode("idna")
    except UnicodeError:
        encoded = b""
    if encoded and len(encoded.rstrip(b".")) <= 253:
        return None
    return QT_TRANSLATE_NOOP(
        "DeviceUrls",
        "{host} is not a valid host name (each part between dots 1–63 letters, digits or hyphens)",
    ).format(host=repr(host))
