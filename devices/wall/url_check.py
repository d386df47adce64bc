"""Checks a wall device's URL the way the controller will read it, without opening anything: for the
configuration check (``models.config.store`` gets it from app.py as its ``wall_check``) and the ``wall``
command, which refuses a bad URL before it loads the rest of the device layer.
"""

from __future__ import annotations

from common.wording import sentence_of
from devices.endpoints import without_url
from devices.secrets import hide
from devices.wall import drivers


def check_wall(url: str) -> list[str]:
    """What is wrong with a wall device URL (nothing when it can be used), without its secrets.

    The problem is listed under the ``url`` field already, so the URL is not repeated in front of it.
    """
    try:
        drivers.make_protocol(drivers.parse(url))
    except ValueError as exc:
        return [hide(without_url(sentence_of(exc)), url)]
    return []
