"""Time in the operations log: stored as UTC, shown in Western Indonesia Time (WIB, UTC+7).

WIB is a fixed offset (common/time_zone.py). SQL helpers compute WIB dates and durations inside
the database so that monthly statistics aggregate there.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, overload

from sqlalchemy import DateTime, Float
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.types import Date, TypeDecorator

from common.time_zone import UTC, WIB


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """``moment`` in UTC; a naive datetime is refused because its zone is a guess."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"time {moment.isoformat()} has no time zone; pass an aware datetime (UTC or WIB)")
    return moment.astimezone(UTC)


@overload
def to_wib(moment: datetime) -> datetime: ...
@overload
def to_wib(moment: datetime | None) -> datetime | None: ...


def to_wib(moment: datetime | None) -> datetime | None:
    return None if moment is None else as_utc(moment).astimezone(WIB)


def wib_month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    """Start (inclusive) and end (exclusive) of a calendar month in WIB, as UTC instants."""
    start = datetime(year, month, 1, tzinfo=WIB)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=WIB)
    return start.astimezone(UTC), end.astimezone(UTC)


def iso(moment: datetime | None) -> str | None:
    """A stable text form of an instant (UTC, microseconds), used in hashes and JSON."""
    return None if moment is None else as_utc(moment).isoformat(timespec="microseconds")


class UtcDateTime(TypeDecorator[datetime]):
    """An instant: aware datetimes in, aware UTC datetimes out, on every database."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = as_utc(value)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # raw SQLite text, e.g. from a Core text() query
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class wib_date(FunctionElement[date]):
    """SQL: the WIB calendar date of a UTC timestamp column."""

    type = Date()
    inherit_cache = True
    name = "wib_date"


class hours_between(FunctionElement[float]):
    """SQL: hours from the first timestamp to the second."""

    type = Float()
    inherit_cache = True
    name = "hours_between"


@compiles(wib_date, "sqlite")
def _wib_date_sqlite(element: wib_date, compiler: SQLCompiler, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)}, '+7 hours')"


@compiles(wib_date, "postgresql")
def _wib_date_postgresql(element: wib_date, compiler: SQLCompiler, **kw: Any) -> str:
    return (
        f"CAST(({compiler.process(element.clauses, **kw)} AT TIME ZONE 'UTC') + INTERVAL '7 hours' AS DATE)"
    )


@compiles(hours_between, "sqlite")
def _hours_sqlite(element: hours_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"((julianday({end}) - julianday({start})) * 24.0)"


@compiles(hours_between, "postgresql")
def _hours_postgresql(element: hours_between, compiler: SQLCompiler, **kw: Any) -> str:
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"(EXTRACT(EPOCH FROM ({end} - {start})) / 3600.0)"


def as_date(value: date | str) -> date:
    """A WIB date from ``wib_date``: SQLite returns text, PostgreSQL a date."""
    return value if isinstance(value, date) else date.fromisoformat(value)
