"""Bearer tokens of the Control API: remote-access.json in the desk's data folder, beside hotkeys.json.

A token is 32 random bytes (URL-safe text), shown once when it is made; the file keeps only its SHA-256
digest (enough for a secret of that strength: nothing to guess from it), its name (the client the audit
trail names), when it was made and when it was revoked. Verification compares digests with
``hmac.compare_digest``. The file is written atomically and is readable by this user only.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from common.user_files import write_atomically
from common.wording import QT_TRANSLATE_NOOP

TOKENS_FILE = "remote-access.json"
TOKEN_BYTES = 32
FORMAT = 1


class TokenFileError(ValueError):
    pass


@dataclass(frozen=True)
class Token:
    id: str
    name: str
    digest: str  # SHA-256 of the token, hex
    created: str  # ISO 8601, UTC
    revoked: str | None = None

    @property
    def active(self) -> bool:
        return self.revoked is None


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class TokenStore:
    """The tokens of one desk. Thread-safe: the Remote access window makes and revokes tokens on the GUI
    thread while the server verifies them on the device loop."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._tokens: list[Token] = []

    def load(self) -> TokenStore:
        """Read the file (a missing one: no tokens); raises ``TokenFileError`` for a broken one."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            tokens = [Token(**each) for each in data["tokens"]]
        except FileNotFoundError:
            tokens = []
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            raise TokenFileError(
                QT_TRANSLATE_NOOP(
                    "ControlApi", "{file} cannot be read ({problem}): no token is accepted"
                ).format(file=str(self.path), problem=str(exc))
            ) from exc
        with self._lock:
            self._tokens = tokens
        return self

    def tokens(self) -> list[Token]:
        with self._lock:
            return list(self._tokens)

    def create(self, name: str) -> tuple[Token, str]:
        """A new token for the client ``name``: the record kept and the token itself (shown once)."""
        name = " ".join(name.split())
        if not name:
            raise ValueError(QT_TRANSLATE_NOOP("ControlApi", "a token needs the name of the client using it"))
        secret = secrets.token_urlsafe(TOKEN_BYTES)
        token = Token(secrets.token_hex(4), name, digest_of(secret), _now())
        with self._lock:
            self._save([*self._tokens, token])
        return token, secret

    def revoke(self, token_id: str) -> None:
        with self._lock:
            self._save(
                [replace(t, revoked=_now()) if t.id == token_id and t.active else t for t in self._tokens]
            )

    def verify(self, secret: str) -> Token | None:
        """The active token ``secret`` is, or None (wrong or revoked)."""
        presented = digest_of(secret)
        found = None
        for token in self.tokens():  # every digest compared: the time says nothing of which one matched
            if hmac.compare_digest(presented, token.digest) and token.active:
                found = token
        return found

    def _save(self, tokens: list[Token]) -> None:
        text = json.dumps({"format": FORMAT, "tokens": [asdict(t) for t in tokens]}, indent=2) + "\n"
        write_atomically(self.path, text)
        self._tokens = tokens
