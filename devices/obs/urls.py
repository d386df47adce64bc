"""OBS Studio URLs: ``obs://HOST[:4455][?password_env=VAR&name=…&timeout=S]``.

The obs-websocket password is never part of the URL: it comes from the environment variable that
``password_env`` names, or else from the configuration's secrets file (the caller hands it over as
``secret``). The endpoint carries it in a field that ``repr`` leaves out, and nothing here puts it in
a message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from common.wording import QT_TRANSLATE_NOOP, sentence_of
from devices import endpoints
from devices.secrets import hide

SCHEME = "obs"
DEFAULT_PORT = 4455  # obs-websocket 5's port
OPTIONS = frozenset({"password_env", "name", "timeout"})
DEFAULT_TIMEOUT = 3.0  # seconds for one request to be answered
KIND = QT_TRANSLATE_NOOP("DeviceUrls", "OBS")
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class ObsUrlError(endpoints.DeviceUrlError):
    pass


@dataclass(frozen=True)
class ObsEndpoint(endpoints.Endpoint):
    password: str = field(default="", repr=False, compare=False)

    error = ObsUrlError

    @property
    def websocket_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"ws://{host}:{self.port}"

    @property
    def timeout(self) -> float:
        return self.float_option("timeout", DEFAULT_TIMEOUT, 0.05, 600)

    @property
    def label(self) -> str:
        return self.option("name") or f"{self.host}:{self.port}"


def parse_obs_url(url: str) -> ObsEndpoint:
    """Parse and check an OBS URL (options, the variable's name); raises ``ObsUrlError``."""
    endpoint = endpoints.parse_endpoint(
        url, (SCHEME,), {SCHEME: DEFAULT_PORT}, kind=KIND, endpoint_type=ObsEndpoint
    )
    if "password" in endpoint.options:
        raise endpoint.fail(
            QT_TRANSLATE_NOOP(
                "DeviceUrls",
                "an OBS password is never written in the URL; put it in an environment variable "
                "named by password_env=, or in the secrets file",
            )
        )
    endpoint.check_options(OPTIONS)
    variable = endpoint.option("password_env")
    if variable is not None and not _VARIABLE.match(variable):
        raise endpoint.fail(
            QT_TRANSLATE_NOOP(
                "DeviceUrls", "password_env={value} is not an environment variable's name"
            ).format(value=repr(variable))
        )
    endpoint.timeout  # noqa: B018 - checks the option's range now, before anything opens
    return endpoint


def obs_endpoint(
    url: str, secret: str | None = None, environ: Mapping[str, str] | None = None
) -> ObsEndpoint:
    """The endpoint with its password: from ``password_env``'s variable if the URL names one (it must
    be set), else ``secret`` (the secrets file's entry for this output), else none."""
    endpoint = parse_obs_url(url)
    variable = endpoint.option("password_env")
    if variable is None:
        return replace(endpoint, password=secret or "")
    value = (os.environ if environ is None else environ).get(variable)
    if not value:
        raise endpoint.fail(
            QT_TRANSLATE_NOOP(
                "DeviceUrls", "the environment variable {variable} (password_env) is not set"
            ).format(variable=variable)
        )
    return replace(endpoint, password=value)


def check_obs(url: str) -> list[str]:
    """What is wrong with an OBS URL (nothing when it can be used), for the configuration check."""
    try:
        parse_obs_url(url)
    except ValueError as exc:
        return [hide(endpoints.without_url(sentence_of(exc)), url)]
    return []
