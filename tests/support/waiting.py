"""Waiting for something a device thread does: a condition polled until it holds, or the test fails."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TypeVar

from devices.visca.controller import CameraController

T = TypeVar("T")


def wait_for(
    read: Callable[[], T], condition: Callable[[T], object], timeout: float = 5.0, what: str = "condition"
) -> T:
    """Reads until ``condition`` holds of what ``read`` returned, and returns that reading."""
    deadline = time.monotonic() + timeout
    while not condition(value := read()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}; last read: {value!r}")
        time.sleep(0.01)
    return value


def wait_until(predicate: Callable[[], object], timeout: float = 5.0, what: str = "condition") -> float:
    """Polls ``predicate`` until it holds; returns the seconds that took."""
    start = time.monotonic()
    wait_for(predicate, bool, timeout, what)
    return time.monotonic() - start


async def wait_until_async(
    predicate: Callable[[], object], timeout: float = 5.0, what: str = "condition"
) -> None:
    """``wait_until`` inside a coroutine: the event loop runs on while ``predicate`` is polled."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def wait_answering(controller: CameraController, timeout: float = 5.0) -> None:
    """Until the camera answers ``controller``'s status polls (not an inquiry of our own: one sent while a
    poll's answer is on its way on a raw link takes that answer)."""
    wait_until(lambda: controller.snapshot().power is not None, timeout, what=f"{controller.name} answering")
