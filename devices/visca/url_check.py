"""Checks a camera's URL and profile the way the controller will read them, without opening anything.

Handed to ``models.config.parse_config`` as its ``camera_check`` (models/ may not import devices/).
"""
from __future__ import annotations

from typing import Any, Callable

from devices.visca import urls
from devices.visca.controller import URL_OPTIONS
from devices.visca.links import Quirks
from devices.visca.profiles import PROFILES, get_profile


def check_camera(url: str, profile: str | None) -> list[tuple[str, str]]:
    """Problems as ``(field, message)`` pairs, field ``"url"`` or ``"profile"``; empty when all is well."""
    problems: list[tuple[str, str]] = []
    if profile is not None:
        problems += _check("profile", get_profile, profile)
    try:
        endpoint = urls.parse(url)
    except urls.CameraUrlError as exc:
        return [("url", _without_url(str(exc), url)), *problems]
    problems += _check("url", endpoint.check_options, URL_OPTIONS)
    problems += _check("url", Quirks.parse, endpoint.option("quirks"))
    model = endpoint.option("model")
    if model is not None:
        problems += _check("url", get_profile, model)
        if profile in PROFILES and model in PROFILES and model != profile:
            problems.append(("profile", f"profile {profile!r} differs from model={model} in the URL; keep one"))
    return [(field, _without_url(message, url)) for field, message in problems]


def _check(field: str, check: Callable[[Any], object], value: Any) -> list[tuple[str, str]]:
    try:
        check(value)
    except ValueError as exc:
        return [(field, str(exc))]
    return []


def _without_url(message: str, url: str) -> str:
    """URL errors start with the URL itself, which the configuration file shows already."""
    for prefix in (f"{url}: ", f"{url.strip()}: "):
        if message.startswith(prefix):
            return message[len(prefix):]
    return message
