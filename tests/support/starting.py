"""Fixture support: everything a test started is closed after it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any


@contextlib.contextmanager
def started(start: Callable[..., Any], close: Callable[[Any], Any]) -> Iterator[Callable[..., Any]]:
    """A factory for fixtures: whatever ``start`` made during the test is closed afterwards."""
    made: list[Any] = []

    def make(*args: Any, **kwargs: Any) -> Any:
        thing = start(*args, **kwargs)
        made.append(thing)
        return thing

    yield make
    for thing in made:
        close(thing)
