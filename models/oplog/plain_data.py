"""Frozen dataclasses to and from JSON values and CSV cells, driven by their type hints.

Supported field types: str, int, float, bool, datetime (aware), date, nested
frozen dataclasses (JSON only), ``tuple[X, ...]`` and ``X | None``. In CSV an empty cell is None
for an optional field, so optional text is never "" in data meant for CSV.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar

from models.oplog.clock import UTC

T = TypeVar("T")


def canonical_json(value: Any) -> str:
    """One exact text for equal values: sorted keys, no spaces, UTF-8 kept."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


@cache
def field_types(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((field.name, hints[field.name]) for field in dataclasses.fields(cls))


def to_plain(value: Any) -> Any:
    """A JSON-ready value; instants become UTC ISO text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: to_plain(getattr(value, name)) for name, _ in field_types(type(value))}
    if isinstance(value, tuple):
        return [to_plain(item) for item in value]
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_plain(tp: Any, value: Any) -> Any:
    """The inverse of ``to_plain`` for a value of type ``tp``."""
    inner, optional = _unwrap_optional(tp)
    if value is None:
        if optional:
            return None
        raise ValueError(f"a value of type {tp} is missing")
    if isinstance(inner, type) and dataclasses.is_dataclass(inner):  # a dataclass, not an instance of one
        # a field added later (with a default) is missing from JSON written before it
        return inner(
            **{name: from_plain(hint, value[name]) for name, hint in field_types(inner) if name in value}
        )
    if typing.get_origin(inner) is tuple:
        (item_type, _ellipsis) = typing.get_args(inner)
        return tuple(from_plain(item_type, item) for item in value)
    return _scalar(inner, value)


def to_cell(value: Any) -> str:
    """CSV text for a field value; times keep their zone (WIB in reports)."""
    if value is None:
        return ""
    if isinstance(value, tuple):
        return json.dumps([to_plain(item) for item in value], ensure_ascii=False)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def from_cell(tp: Any, text: str) -> Any:
    inner, optional = _unwrap_optional(tp)
    if text == "" and optional:
        return None
    if typing.get_origin(inner) is tuple:
        return from_plain(inner, json.loads(text))
    if inner is bool:
        if text not in ("yes", "no"):
            raise ValueError(f"expected yes or no, found {text!r}")
        return text == "yes"
    return _scalar(inner, text)


def _unwrap_optional(tp: Any) -> tuple[Any, bool]:
    if isinstance(tp, types.UnionType) or typing.get_origin(tp) is typing.Union:
        args = [arg for arg in typing.get_args(tp) if arg is not type(None)]
        return args[0], len(args) < len(typing.get_args(tp))
    return tp, False


def _scalar(tp: Any, value: Any) -> Any:
    if tp is datetime:
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        if moment.tzinfo is None:
            raise ValueError(f"time {value!r} has no time zone")
        return moment
    if tp is date:
        return date.fromisoformat(value) if isinstance(value, str) else value
    if tp in (int, float, str):
        return tp(value)
    if tp is bool and isinstance(value, bool):
        return value
    raise TypeError(f"cannot read a value of type {tp}")
