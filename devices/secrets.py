"""Passwords in device URLs never reach a screen, a file or a log: one masking used everywhere.

    mask_url("extron+tcp://10.0.0.9?password=s3cr3t")   -> "extron+tcp://10.0.0.9?password=****"
    hide(text_or_json, url)       # also the password's own text, wherever an error or reply repeats it
    MaskingFilter()               # on the log handlers (app.py): ``password=…`` in any log line

A URL's secrets are its ``password=`` option and the password of ``user:password@``. Captures,
the command line's errors and JSON, URL problems, the device states the console shows and the
log all go through these functions (README "Secrets").
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

MASK = "****"
_OPTION_IN_URL = re.compile(r"(?i)((?:^|[?&])password=)[^&#]*")
_OPTION_IN_TEXT = re.compile(r"(?i)(\bpassword=)[^&#\s'\"]*")
_USER_INFO = re.compile(r"(//[^/@:?#\s]*:)[^/@?#\s]*@")
SHORTEST_LOOSE = 4  # a shorter password is masked only where it is written ``password=…``: masking
# every "1" of a status because the password is "1" would garble it and tell it


def mask_url(url: str) -> str:
    """``url`` with its password option (and any ``user:password@``) replaced by ``****``."""
    return _USER_INFO.sub(rf"\1{MASK}@", _OPTION_IN_URL.sub(rf"\1{MASK}", url))


def mask_text(text: str) -> str:
    """Free text (a log line, an error) with every ``password=…`` and ``user:password@`` masked."""
    return _USER_INFO.sub(rf"\1{MASK}@", _OPTION_IN_TEXT.sub(rf"\1{MASK}", text))


def url_password(url: str) -> str | None:
    """The ``password`` option as the driver reads it (decoded)."""
    try:
        return dict(parse_qsl(urlsplit(url).query)).get("password") or None
    except ValueError:  # not a URL at all: no option to read
        return None


def secrets_of(url: str) -> list[str]:
    """The texts of ``url`` to mask wherever they appear: the password as written and as decoded."""
    found = {url_password(url) or ""}
    for pattern in (_OPTION_IN_URL, _USER_INFO):
        for match in pattern.finditer(url):
            written = url[match.end(1) : match.end() - (1 if pattern is _USER_INFO else 0)]
            found |= {written, unquote(written)}
    return sorted((secret for secret in found if len(secret) >= SHORTEST_LOOSE), key=len, reverse=True)


def hide(value: Any, url: str) -> Any:
    """``value`` (text, or JSON data of lists and dicts) with ``url``'s secrets masked, wherever they are."""
    return masked(value, secrets_of(url))


def masked(value: Any, secrets: list[str]) -> Any:
    if isinstance(value, str):
        hidden = str(value)
        for secret in secrets:
            hidden = hidden.replace(secret, MASK)
        hidden = mask_text(hidden)
        return value if hidden == value else hidden  # a Phrase with nothing to hide stays translatable
    if isinstance(value, dict):
        return {key: masked(item, secrets) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [masked(item, secrets) for item in value]
    return value


class MaskingFilter(logging.Filter):
    """Masks ``password=…`` in every record a handler writes (the message with its arguments filled in)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = mask_text(message)
        if hidden != message:
            record.msg, record.args = hidden, None
        return True
