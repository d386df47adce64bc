"""Reading values out of the configuration's YAML nodes, collecting a problem for each bad one.

``ValueReader`` reads text, ids, whole numbers, yes/no, times, device URLs (their serial ports and doubts)
and capture files; the shape around them (mappings, pairs, lists) and the problems themselves are
``NodeReader``'s (nodes.py). The section readers (cameras.py, walls.py) and the reader of the
document (parse.py) build on it.
"""

from __future__ import annotations

import re
from datetime import datetime

import yaml
from yaml.nodes import Node, ScalarNode

from common.wording import QT_TRANSLATE_NOOP, Phrase
from models.config.nodes import INT_TAG, NodeReader, is_null, shape
from models.config.ports import PortUses
from models.config.schema import TIME_FORMAT, UrlWarnings

ID_PATTERN = re.compile(r"[a-z0-9_-]+")
TIME_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")
YES, NO = ("yes", "true", "on"), ("no", "false", "off")


class ValueReader(NodeReader):
    def __init__(self, source: str, url_warnings: UrlWarnings | None = None) -> None:
        super().__init__(source)
        self.url_warnings = url_warnings
        self.ports = PortUses()
        self.captures: dict[str, tuple[str, int]] = {}  # capture file -> (device, line)

    def doubt_url(self, node: Node, field: str, url: str) -> None:
        """Warnings about a device URL that is valid, but probably not what the site has (``UrlWarnings``)."""
        for message in self.url_warnings(url) if self.url_warnings is not None else ():
            self.warn(node, field, message)

    def serial_port(self, node: Node, field: str, url: str, device: str) -> None:
        """A problem when ``url``'s serial port is already taken by a device it cannot share it with."""
        problem = self.ports.note(url, device, node)
        if problem is not None:
            self.add(node, field, problem)

    def capture_file(self, node: Node | None, field: str, device: str) -> str | None:
        """A device's ``capture:`` file (docs/captures.md); two devices cannot write one file."""
        path = self.text(node, field, required=True)
        if node is None or path is None:
            return None
        key = path.strip().replace("\\", "/")
        if key in self.captures:
            other, line = self.captures[key]
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP(
                    "Config",
                    "{device} (line {line}) writes its capture to {path} already; give each device its own "
                    "file",
                ).format(device=other, line=line, path=path),
            )
            return None
        self.captures[key] = (device, node.start_mark.line + 1)
        return path

    def text(self, node: Node | None, field: str, *, required: bool = False) -> str | None:
        if node is None or is_null(node):
            if node is not None and required:
                self.add(node, field, QT_TRANSLATE_NOOP("Config", "needs a value"))
            return None
        if not isinstance(node, ScalarNode):
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP("Config", "expected text, found {shape}").format(shape=shape(node)),
            )
            return None
        if required and not node.value.strip():
            self.add(node, field, QT_TRANSLATE_NOOP("Config", "must not be empty"))
            return None
        return node.value

    def identifier(self, node: Node | None, field: str, kind: Phrase, seen: dict[str, int]) -> str | None:
        value = self.text(node, field, required=True)
        if node is None or value is None:
            return None
        if not ID_PATTERN.fullmatch(value):
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP(
                    "Config", "{kind} id {id} may only use lower-case letters, digits, '-' and '_'"
                ).format(kind=kind, id=repr(value)),
            )
        elif value in seen:
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP("Config", "duplicate {kind} id {id} (first on line {line})").format(
                    kind=kind, id=repr(value), line=seen[value]
                ),
            )
        else:
            seen[value] = node.start_mark.line + 1
            return value
        return None

    def whole_number(self, node: Node | None, field: str, allowed: range, what: str) -> int | None:
        """``what`` names the number: a Phrase, or a YAML key such as ``rows``."""
        if node is None:
            return None
        if not (isinstance(node, ScalarNode) and node.tag == INT_TAG):
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP("Config", "{what} must be a whole number, not {shape}").format(
                    what=what, shape=shape(node)
                ),
            )
            return None
        value = _CONSTRUCTOR.construct_yaml_int(node)
        if value not in allowed:
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP("Config", "{what} must be between {low} and {high}, not {value}").format(
                    what=what, low=allowed.start, high=allowed.stop - 1, value=value
                ),
            )
            return None
        return value

    def time(self, node: Node | None, field: str) -> datetime | None:
        value = self.text(node, field, required=True)
        if node is None or value is None:
            return None
        try:
            if not TIME_PATTERN.fullmatch(value):
                raise ValueError(value)
            return datetime.strptime(value, TIME_FORMAT)
        except ValueError:
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP(
                    "Config", '{value} is not a date and time; write it like "2026-11-28 09:00"'
                ).format(value=repr(value)),
            )
            return None

    def flag(self, node: Node | None, field: str, what: Phrase | str) -> bool:
        """A yes/no value (``yes``, ``no``, ``true``, ``false``); absent: no."""
        if node is None:
            return False
        value = node.value.strip().lower() if isinstance(node, ScalarNode) else None
        if value in YES or value in NO:
            return value in YES
        self.add(
            node,
            field,
            QT_TRANSLATE_NOOP("Config", "{what} is yes or no, not {shape}").format(
                what=what, shape=shape(node)
            ),
        )
        return False


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
