"""The shape of the configuration's YAML nodes: groups of ``key: value`` lines, pairs and lists, each
mistake collected as a problem with its line and the place the operator knows it by ("camera 2 (id
cam2), url"). ``NodeReader`` is the base of the configuration reader; ``ValueReader`` (values.py)
reads the values inside. Every method adds a problem instead of raising, so one pass finds every
mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from common.wording import QT_TRANSLATE_NOOP, Phrase
from models.config.schema import ConfigProblem

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


class NodeReader:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[ConfigProblem] = []
        self.warnings: list[ConfigProblem] = []  # doubts that do not stop the file from being used
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

    def place(self, field: str) -> Phrase | str:
        """``field`` as the operator reads it: "cameras[1].url" -> "camera 2 (id cam2), url" (see
        ``items``)."""
        item, dot, key = field.partition(".")
        label = self.places.get(item)
        if label is None:
            return field
        return QT_TRANSLATE_NOOP("Config", "{item}, {key}").format(item=label, key=key) if dot else label

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
