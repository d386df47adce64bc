"""The Control API's settings, declared once: in console.ini ([api]), edited in Tools → Remote access…,
and ``--api [HOST:]PORT`` for one run."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from devices.control_api.server import DEFAULT_PORT, Listen

ENABLED, HOST, PORT, OPEN_LOCALLY = "api/enabled", "api/host", "api/port", "api/open_locally"


@dataclass(frozen=True)
class ApiSettings:
    enabled: bool = False  # off until someone turns it on
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    open_locally: bool = True  # on a loopback address, programs on this computer need no token

    @property
    def listen(self) -> Listen:
        return Listen(self.host, self.port, self.open_locally)

    @classmethod
    def read(cls, settings: QSettings) -> ApiSettings:
        default = cls()
        port = str(settings.value(PORT, default.port))
        return cls(
            enabled=_flag(settings.value(ENABLED, default.enabled)),
            host=str(settings.value(HOST, default.host) or default.host).strip(),
            port=int(port) if port.isdigit() and 1 <= int(port) <= 65535 else default.port,
            open_locally=_flag(settings.value(OPEN_LOCALLY, default.open_locally)),
        )

    def write(self, settings: QSettings) -> None:
        for key, value in ((ENABLED, self.enabled), (HOST, self.host), (PORT, self.port)):
            settings.setValue(key, value)
        settings.setValue(OPEN_LOCALLY, self.open_locally)


def _flag(value: object) -> bool:
    return value is True or str(value).lower() in ("true", "1", "yes")
