"""Checks a camera's URL and profile the way the controller will read them, without opening anything.

Handed to ``models.config.store.parse_config`` as its ``camera_check`` (models/ may not import devices/).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from common.wording import QT_TRANSLATE_NOOP, sentence_of
from devices.endpoints import without_url
from devices.secrets import hide
from devices.visca import urls
from devices.visca.links import Quirks
from devices.visca.profiles import PROFILES, configured_profile


def check_camera(url: str, profile: str | None) -> list[tuple[str, str]]:
    """Problems as ``(field, message)`` pairs, field ``"url"`` or ``"profile"``; empty when all is well.

    The messages are Phrases without the URL in front (the configuration file shows it already), and
    without its secrets.
    """
    return [(field, hide(message, url)) for field, message in _problems(url, profile)]


def _problems(url: str, profile: str | None) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if profile is not None:
        problems += _check("profile", configured_profile, profile)
    try:
        endpoint = urls.parse(url)
    except urls.CameraUrlError as exc:
        return [("url", without_url(sentence_of(exc))), *problems]
    problems += _check("url", urls.check, endpoint)
    problems += _check("url", Quirks.parse, endpoint.option("quirks"))
    model = endpoint.option("model")
    if model is not None:
        problems += _check("url", configured_profile, model)
        if profile in PROFILES and model in PROFILES and model != profile:
            problems.append(
                (
                    "profile",
                    QT_TRANSLATE_NOOP(
                        "Camera", "profile {profile} differs from model={model} in the URL; keep one"
                    ).format(profile=repr(profile), model=model),
                )
            )
    return problems


def _check(field: str, check: Callable[[Any], object], value: Any) -> list[tuple[str, str]]:
    try:
        check(value)
    except ValueError as exc:
        return [(field, without_url(sentence_of(exc)))]
    return []
