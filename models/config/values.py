"""Reading values out of the configuration's YAML nodes, collecting a problem for each bad one.

``ValueReader`` is the base of the configuration reader (config_parse, config_walls): every
method adds a line-numbered problem instead of raising, so one pass finds every mistake.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from common.wording import QT_TRANSLATE_NOOP, Phrase
from models.config.ports import PortUses
from models.config.schema import TIME_FORMAT, ConfigProblem, UrlWarnings

ID_PATTERN = re.compile(r"[a-z0-9_-]+")
TIME_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")
NULL_TAG = "tag:yaml.org,2002:null"
INT_TAG = "tag:yaml.org,2002:int"

T = TypeVar("T")


def shape(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return QT_TRANSLATE_NOOP("Config", "a list")
    if isinstance(node, MappingNode):
        return QT_TRANSLATE_NOOP("Config", "a group of 'key: value' lines")
    return QT_TRANSLATE_NOOP("Config", "nothing") if node.tag == NULL_TAG else repr(node.value)


def is_null(node: Node) -> bool:
    """Written as nothing (``key:``, ``~``, ``null``); a key not written at all is None, not a node."""
    return isinstance(node, ScalarNode) and node.tag == NULL_TAG


class ValueReader:
    def __init__(self, source: str, url_warnings: UrlWarnings | None = None) -> None:
        self.source = source
        self.url_warnings = url_warnings
        self.problems: list[ConfigProblem] = []
        self.warnings: list[ConfigProblem] = []  # doubts that do not stop the file from being used
        self.ports = PortUses()
        self.captures: dict[str, tuple[str, int]] = {}  # capture file -> (device, line)
        self.places: dict[str, Phrase] = {}  # "cameras[1]" -> "camera 2 (id cam2)"

    def add(self, node: Node, field: str, message: str) -> None:
        """A problem at ``node``; ``message`` is a Phrase, or a device check's text passed on as it is."""
        self.problems.append(
            ConfigProblem(self.source, node.start_mark.line + 1, field, message, self.place(field))
        )

    def warn(self, node: Node, field: str, message: str) -> None:
        self.warnings.append(
            ConfigProblem(self.source, node.start_mark.line + 1, field, message, self.place(field))
        )

    def doubt_url(self, node: Node, field: str, url: str) -> None:
        """Warnings about a device URL that is valid, but probably not what the site has (``UrlWarnings``)."""
        for message in self.url_warnings(url) if self.url_warnings is not None else ():
            self.warn(node, field, message)

    def place(self, field: str) -> Phrase | str:
        """``field`` as the operator reads it: "cameras[1].url" -> "camera 2 (id cam2), url" (see
        ``items``)."""
        item, dot, key = field.partition(".")
        label = self.places.get(item)
        if label is None:
            return field
        return QT_TRANSLATE_NOOP("Config", "{item}, {key}").format(item=label, key=key) if dot else label

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

    def mapping(
        self, node: Node, field: str, keys: tuple[str, ...], required: tuple[str, ...]
    ) -> dict[str, Node] | None:
        """The values of a fixed-key mapping; unknown, duplicate and missing keys are problems."""
        if not isinstance(node, MappingNode):
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP("Config", "expected 'key: value' lines, found {shape}").format(
                    shape=shape(node)
                ),
            )
            return None
        entries: dict[str, Node] = {}
        for key_node, value_node in self.pairs(node, field):
            key = key_node.value
            if key not in keys:
                self.add(
                    key_node,
                    field,
                    QT_TRANSLATE_NOOP("Config", "unknown key {key}; known keys: {keys}").format(
                        key=repr(key), keys=", ".join(keys)
                    ),
                )
            elif key in entries:
                self.add(
                    key_node,
                    field,
                    QT_TRANSLATE_NOOP("Config", "{key} is given twice (first on line {line})").format(
                        key=repr(key), line=entries[key].start_mark.line + 1
                    ),
                )
            else:
                entries[key] = value_node
        for key in required:
            if key not in entries:
                self.add(node, field, QT_TRANSLATE_NOOP("Config", "missing {key}").format(key=repr(key)))
        return entries

    def pairs(self, node: Node | None, field: str) -> list[tuple[ScalarNode, Node]]:
        if node is None or is_null(node):
            return []
        if not isinstance(node, MappingNode):
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP("Config", "expected 'key: value' pairs, found {shape}").format(
                    shape=shape(node)
                ),
            )
            return []
        pairs = []
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode):
                pairs.append((key_node, value_node))
            else:
                self.add(
                    key_node,
                    field,
                    QT_TRANSLATE_NOOP("Config", "a key must be a single word or number, not {shape}").format(
                        shape=shape(key_node)
                    ),
                )
        return pairs

    def items(
        self,
        node: Node | None,
        field: str,
        read: Callable[[Node, str], T | None],
        item: tuple[Phrase, Phrase] | None = None,
    ) -> list[T]:
        """The list's values, each read by ``read(node, "field[index]")``. ``item`` names an element for the
        operator, counting from 1: ``("camera {number} (id {id})", "camera {number}")`` (the second without an
        id)."""
        if node is None or is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.add(
                node,
                field,
                QT_TRANSLATE_NOOP(
                    "Config", "expected a list (lines starting with '- ' or [a, b]), found {shape}"
                ).format(shape=shape(node)),
            )
            return []
        if item is not None:
            for index, element in enumerate(node.value):
                element_id = _id_of(element)
                self.places[f"{field}[{index}]"] = (
                    item[1].format(number=index + 1)
                    if element_id is None
                    else item[0].format(number=index + 1, id=element_id)
                )
        values = (read(element, f"{field}[{index}]") for index, element in enumerate(node.value))
        return [value for value in values if value is not None]

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


def _id_of(node: Node) -> str | None:
    """The ``id:`` written in a list element, if it has one that is text."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if (
                isinstance(key, ScalarNode)
                and key.value == "id"
                and isinstance(value, ScalarNode)
                and value.value
            ):
                return value.value
    return None


_CONSTRUCTOR = yaml.constructor.SafeConstructor()
