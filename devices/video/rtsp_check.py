"""Why an RTSP stream cannot be played, in the operator's words.

OpenCV only says that a capture did not open; FFmpeg's reason (404, 401, connection refused)
goes to its log. When an RTSP preview fails, this module asks the camera itself: one DESCRIBE,
as a player would send it, answered with Basic or Digest credentials from the URL when the
camera asks for them (RFC 2326 §10.2, RFC 2617). It runs only after a failure, never per frame.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import socket
import time
from urllib.parse import unquote, urlsplit, urlunsplit

from common.wording import QT_TRANSLATE_NOOP, Phrase

RTSP_PORT = 554
RESET_PAUSE = 0.2
_CHALLENGE_FIELD = re.compile(r'(\w+)=(?:"([^"]*)"|([^,\s]*))')


def why_rtsp_fails(url: str, timeout: float = 1.5) -> Phrase | None:
    """The reason the camera at ``url`` does not stream, or None when it offers the stream."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or RTSP_PORT
    plain_url = urlunsplit((parts.scheme, f"{host}:{port}", parts.path or "/", parts.query, ""))
    user = unquote(parts.username) if parts.username is not None else None
    password = unquote(parts.password or "")
    try:
        try:
            status, headers = _describe(host, port, plain_url, None, timeout)
        except ConnectionResetError:
            # Asked the moment its stream ended: a camera going down can still take the connection
            # and then reset it. A moment later it says what is what.
            time.sleep(RESET_PAUSE)
            status, headers = _describe(host, port, plain_url, None, timeout)
        if status == 401 and user is not None:
            authorization = _authorization(headers.get("www-authenticate", ""), user, password, plain_url)
            status, headers = _describe(host, port, plain_url, authorization, timeout)
    except socket.gaierror:
        return QT_TRANSLATE_NOOP(
            "PreviewSource", "the camera's host name {host} is not known — check the address"
        ).format(host=host)
    except ConnectionRefusedError:
        return QT_TRANSLATE_NOOP(
            "PreviewSource",
            "nothing answers at {host}:{port} (connection refused) — "
            "is the camera on, and is its RTSP port right?",
        ).format(host=host, port=port)
    except TimeoutError:
        return QT_TRANSLATE_NOOP(
            "PreviewSource", "the camera at {host}:{port} does not answer — check the address and the network"
        ).format(host=host, port=port)
    except (OSError, ValueError) as exc:
        error = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return QT_TRANSLATE_NOOP(
            "PreviewSource", "cannot talk to the camera at {host}:{port}: {error}"
        ).format(host=host, port=port, error=error)
    if status == 200:
        return None
    if status == 404:
        return QT_TRANSLATE_NOOP("PreviewSource", "the camera's stream was not found (404) — check the path")
    if status == 401 and user is None:
        return QT_TRANSLATE_NOOP(
            "PreviewSource",
            "the camera asks for a user name and password (401) — "
            "add them to the address: rtsp://user:password@host/…",
        )
    if status == 401:
        return QT_TRANSLATE_NOOP(
            "PreviewSource", "the camera refused the user name or password (401) — check them"
        )
    if status == 403:
        return QT_TRANSLATE_NOOP("PreviewSource", "the camera does not let this user see the stream (403)")
    return QT_TRANSLATE_NOOP(
        "PreviewSource", "the camera answered {status} to the request for its stream"
    ).format(status=status)


def _describe(
    host: str, port: int, url: str, authorization: str | None, timeout: float
) -> tuple[int, dict[str, str]]:
    request = f"DESCRIBE {url} RTSP/1.0\r\nCSeq: 1\r\nAccept: application/sdp\r\nUser-Agent: SmartCentre\r\n"
    if authorization:
        request += f"Authorization: {authorization}\r\n"
    with socket.create_connection((host, port), timeout=timeout) as link:
        link.sendall((request + "\r\n").encode())
        reply = b""
        while b"\r\n\r\n" not in reply and len(reply) < 16384:
            chunk = link.recv(4096)
            if not chunk:
                break
            reply += chunk
    lines = reply.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    fields = lines[0].split(" ", 2)
    if len(fields) < 2 or not fields[0].startswith("RTSP/") or not fields[1].isdigit():
        raise ValueError(f"not an RTSP answer: {lines[0][:60]!r}")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        key = name.strip().lower()
        # Several WWW-Authenticate headers may offer Basic and Digest: keep Digest, the safer one.
        if key not in headers or value.strip().lower().startswith("digest"):
            headers[key] = value.strip()
    return int(fields[1]), headers


def _authorization(challenge: str, user: str, password: str, url: str) -> str:
    scheme, _, rest = challenge.partition(" ")
    if scheme.lower() != "digest":
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    fields = {
        m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
        for m in _CHALLENGE_FIELD.finditer(rest)
    }
    realm, nonce = fields.get("realm", ""), fields.get("nonce", "")

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()  # noqa: S324 - RTSP Digest is MD5 by definition

    known = md5(f"{user}:{realm}:{password}")
    asked = md5(f"DESCRIBE:{url}")
    header = f'Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{url}"'
    if "auth" in fields.get("qop", "").split(","):
        cnonce = os.urandom(8).hex()
        response = md5(f"{known}:{nonce}:00000001:{cnonce}:auth:{asked}")
        header += f', qop=auth, nc=00000001, cnonce="{cnonce}"'
    else:
        response = md5(f"{known}:{nonce}:{asked}")
    if "opaque" in fields:
        header += f', opaque="{fields["opaque"]}"'
    return header + f', response="{response}"'
