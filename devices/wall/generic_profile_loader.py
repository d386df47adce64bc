"""Loading a generic device profile (generic_profile.py) from its file: read without waiting on a FIFO,
a device or a stalled share, parsed as YAML or JSON, every setting checked; a mistake is named, the
file's text is not quoted.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import re
import stat
import threading
from pathlib import Path
from typing import Any

import yaml

from common.wording import QT_TRANSLATE_NOOP, sentence_of
from devices.endpoints import STANDARD_BAUDS
from devices.wall.generic_profile import CHECKSUMS, KEYS, PLACEHOLDERS, Profile, ProfileError, expand_escapes

MAX_BYTES = 256 * 1024  # a profile is a page of settings; anything larger is the wrong file
READ_TIMEOUT = 2.0  # seconds
_QUOTED = re.compile(r"'[^']{2,}'|\"[^\"]{2,}\"")  # a parser's quote of the file (one character stays)


def load_profile(path: str) -> Profile:
    """The profile in the file at ``path``; ``ProfileError`` says what is wrong without quoting the file,
    unless the file is a device profile (a mapping with ``commands:``): then its wrong value is named."""
    text = read_profile_text(path)
    kind = "JSON" if Path(path).suffix.lower() == ".json" else "YAML"
    try:
        raw = json.loads(text) if kind == "JSON" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise ProfileError(
            QT_TRANSLATE_NOOP("WallProfile", "{path} is not valid {format}: {problem}").format(
                path=path, format=kind, problem=_where(exc)
            )
        ) from None
    if not isinstance(raw, dict) or not isinstance(raw.get("commands"), dict):
        raise ProfileError(
            QT_TRANSLATE_NOOP(
                "WallProfile", "{path} is not a device profile: expected settings with a commands: section"
            ).format(path=path)
        )
    return _Reader(path, raw).profile()


def read_profile_text(path: str) -> str:
    """The text of a regular file of at most ``MAX_BYTES``, read within ``READ_TIMEOUT`` seconds: a FIFO,
    a device (``/dev/zero``), a directory or a stalled network share is refused, never waited for."""
    result: concurrent.futures.Future[str] = concurrent.futures.Future()
    threading.Thread(target=_read_into, args=(path, result), name="profile reader", daemon=True).start()
    try:
        return result.result(READ_TIMEOUT)
    except concurrent.futures.TimeoutError:
        raise ProfileError(
            QT_TRANSLATE_NOOP(
                "WallProfile", "cannot read the device profile {path} within {seconds} s"
            ).format(path=path, seconds=f"{READ_TIMEOUT:g}")
        ) from None


def _read_into(path: str, result: concurrent.futures.Future) -> None:
    try:
        result.set_result(_read(path))
    except Exception as exc:  # handed to the caller, who waits for it
        result.set_exception(exc)


def _read(path: str) -> str:
    try:  # O_NONBLOCK: opening a FIFO does not wait for a writer (POSIX); fstat then refuses it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ProfileError(
                    QT_TRANSLATE_NOOP(
                        "WallProfile", "the device profile {path} is not a regular file"
                    ).format(path=path)
                )
            data = file.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ProfileError(
            QT_TRANSLATE_NOOP("WallProfile", "cannot read the device profile {path}: {reason}").format(
                path=path, reason=exc.strerror or type(exc).__name__
            )
        ) from None
    if len(data) > MAX_BYTES:
        raise ProfileError(
            QT_TRANSLATE_NOOP("WallProfile", "the device profile {path} is larger than {size} KiB").format(
                path=path, size=MAX_BYTES // 1024
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProfileError(
            QT_TRANSLATE_NOOP(
                "WallProfile", "the device profile {path} is not UTF-8 text (byte {offset})"
            ).format(path=path, offset=exc.start)
        ) from None


def _where(exc: Exception) -> str:
    """Where a JSON or YAML file went wrong and how, without the file's text (PyYAML shows the line)."""
    if isinstance(exc, json.JSONDecodeError):
        return f"line {exc.lineno} column {exc.colno}: {exc.msg}"
    mark = getattr(exc, "problem_mark", None)
    problem = _QUOTED.sub("'…'", str(getattr(exc, "problem", None) or type(exc).__name__))
    return problem if mark is None else f"line {mark.line + 1} column {mark.column + 1}: {problem}"


class _Reader:
    def __init__(self, path: str, raw: dict) -> None:
        self.path, self.raw = path, raw

    def fail(self, where: str, message: str) -> ProfileError:
        return ProfileError(
            QT_TRANSLATE_NOOP("WallProfile", "{path}: {where}: {problem}").format(
                path=self.path, where=where, problem=message
            )
        )

    def profile(self) -> Profile:
        unknown = sorted(set(self.raw) - KEYS)
        if unknown:
            raise self.fail(
                ", ".join(unknown),
                QT_TRANSLATE_NOOP("WallProfile", "unknown setting; known: {known}").format(
                    known=", ".join(sorted(KEYS))
                ),
            )
        commands = self.raw.get("commands") or {}
        if not isinstance(commands, dict) or not commands:
            raise self.fail(
                "commands", QT_TRANSLATE_NOOP("WallProfile", "needs at least one command template")
            )
        for name, template in commands.items():
            self.template(f"commands.{name}", template, PLACEHOLDERS.get(name))
        checksum = self.raw.get("checksum")
        if checksum not in (None, *CHECKSUMS):
            raise self.fail(
                "checksum",
                QT_TRANSLATE_NOOP("WallProfile", "must be one of {choices}, not {value}").format(
                    choices=", ".join(CHECKSUMS), value=repr(checksum)
                ),
            )
        form = self.raw.get("checksum_format", "hex")
        if form not in ("hex", "byte"):
            raise self.fail(
                "checksum_format",
                QT_TRANSLATE_NOOP("WallProfile", "must be hex or byte, not {value}").format(value=repr(form)),
            )
        baud = self.number("baud", 9600, int)
        if baud not in STANDARD_BAUDS:
            raise self.fail(
                "baud",
                QT_TRANSLATE_NOOP("WallProfile", "must be a line speed: one of {speeds}").format(
                    speeds=", ".join(map(str, STANDARD_BAUDS))
                ),
            )
        route_reply = self.regex("route_reply")
        if route_reply is not None and "input" not in route_reply.groupindex:
            raise self.fail(
                "route_reply",
                QT_TRANSLATE_NOOP("WallProfile", "needs a group named input, e.g. (?P<input>\\d+)"),
            )
        return Profile(
            name=str(self.raw.get("name") or Path(self.path).stem),
            path=self.path,
            commands=dict(commands),
            eol=expand_escapes(str(self.raw.get("eol", "\r"))),
            reply_end=expand_escapes(str(self.raw.get("reply_end", "\r\n"))) or b"\r\n",
            telnet=bool(self.raw.get("telnet", False)),
            baud=baud,
            timing={k: self.number(k, None, float) for k in ("gap", "timeout", "keepalive") if k in self.raw},
            sizes={k: self.number(k, None, int) for k in ("inputs", "outputs", "presets") if k in self.raw},
            connect=self.templates("connect"),
            status=self.templates("status"),
            success=self.regex("success"),
            error=self.regex("error"),
            errors={str(k): str(v) for k, v in (self.raw.get("errors") or {}).items()},
            route_reply=route_reply,
            checksum=checksum,
            checksum_as_byte=form == "byte",
        )

    def template(self, where: str, template: Any, placeholders: tuple[str, ...] | None) -> str:
        if placeholders is None:
            raise self.fail(
                where,
                QT_TRANSLATE_NOOP("WallProfile", "unknown command; known: {known}").format(
                    known=", ".join(PLACEHOLDERS)
                ),
            )
        if not isinstance(template, str):
            raise self.fail(where, QT_TRANSLATE_NOOP("WallProfile", "must be a text template"))
        try:
            expand_escapes(template.format(**{name: "01" if name == "code" else 1 for name in placeholders}))
        except KeyError as exc:
            known = ", ".join(placeholders) or QT_TRANSLATE_NOOP("WallProfile", "none")
            unknown = QT_TRANSLATE_NOOP(
                "WallProfile", "unknown placeholder {placeholder}; this command has: {known}"
            )
            raise self.fail(where, unknown.format(placeholder=f"{{{exc.args[0]}}}", known=known)) from None
        except (ValueError, IndexError) as exc:
            raise self.fail(
                where,
                QT_TRANSLATE_NOOP("WallProfile", "bad template: {problem}").format(problem=sentence_of(exc)),
            ) from None
        return template

    def templates(self, key: str) -> tuple[str, ...]:
        items = self.raw.get(key) or []
        items = [items] if isinstance(items, str) else items
        return tuple(self.template(f"{key}[{i}]", t, ()) for i, t in enumerate(items))

    def regex(self, key: str) -> re.Pattern | None:
        pattern = self.raw.get(key)
        if pattern is None:
            return None
        try:
            return re.compile(str(pattern))
        except re.error as exc:
            raise self.fail(
                key,
                QT_TRANSLATE_NOOP("WallProfile", "not a valid regular expression: {problem}").format(
                    problem=str(exc)
                ),
            ) from None

    def number(self, key: str, default: Any, kind: type) -> Any:
        value = self.raw.get(key, default)
        if value is not None and (
            isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0
        ):
            raise self.fail(
                key,
                QT_TRANSLATE_NOOP("WallProfile", "must be a number ≥ 0, not {value}").format(
                    value=repr(value)
                ),
            )
        return None if value is None else kind(value)
