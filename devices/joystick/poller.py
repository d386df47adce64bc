"""The joystick poller: its own thread reads SDL at a fixed rate and reports to listeners.

Why a thread of its own, not the GUI thread nor the device runtime's asyncio loop: SDL wants every
joystick call on the thread that started it, and each poll is a run of blocking C calls; on the GUI
thread they would stall painting, on the device loop they would delay camera replies and resends
(docs/joystick.md "Threads"). Listeners run on this thread: they must be quick and hand anything
slow to another thread (the Qt bridge queues to the GUI; a CameraController call only queues).
"""

from __future__ import annotations

import concurrent.futures
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, Protocol

from devices.joystick.states import StickAdded, StickRemoved, StickState
from devices.records import Listener, Listeners

log = logging.getLogger(__name__)
RATE_HZ = 120.0


class Sticks(Protocol):
    """What the poller reads: sdl.SdlJoysticks, or a fake in a test."""

    def open(self) -> None: ...
    def close(self) -> None: ...
    def poll(self) -> tuple[list[StickAdded], list[StickRemoved], list[StickState]]: ...


def _sdl_sticks() -> Sticks:
    from devices.joystick.sdl import SdlJoysticks  # SDL loads with the first poller, not on import

    return SdlJoysticks()


class JoystickPoller:
    """``listener(StickAdded | StickRemoved | StickState)``: a stick plugged in (also each one there
    at start), unplugged, or its axes, buttons or hats changed since the last poll. A removal is
    reported in the first poll after SDL sees it, before anything else of that poll."""

    def __init__(self, rate_hz: float = RATE_HZ, sticks: Callable[[], Sticks] = _sdl_sticks) -> None:
        if not 1.0 <= rate_hz <= 1000.0:
            raise ValueError(f"poll rate must be 1–1000 Hz, not {rate_hz}")
        self.period = 1.0 / rate_hz
        self.polls = 0
        self._make_sticks = sticks
        self._listeners = Listeners("joystick")
        self._latest: dict[int, StickState] = {}
        self._calls: queue.SimpleQueue[tuple[Callable[[], Any], concurrent.futures.Future]] = (
            queue.SimpleQueue()
        )
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> JoystickPoller:
        """Start polling; raises ``SdlError`` when SDL cannot read joysticks (nothing keeps running)."""
        started: concurrent.futures.Future[None] = concurrent.futures.Future()
        self._thread = threading.Thread(target=self._run, args=(started,), name="joystick", daemon=True)
        self._thread.start()
        started.result()
        return self

    def close(self) -> None:
        self._stopping.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(5)

    def __enter__(self) -> JoystickPoller:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add_listener(self, listener: Listener) -> None:
        self._listeners.add(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def sticks(self) -> tuple[StickState, ...]:
        """Every stick connected, as last polled."""
        return tuple(self._latest.values())

    def call(self, fn: Callable[[], Any]) -> concurrent.futures.Future:
        """Run ``fn`` on the poller's thread before its next poll (SDL calls: virtual.py)."""
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._calls.put((fn, future))
        return future

    def _run(self, started: concurrent.futures.Future[None]) -> None:
        try:
            sticks = self._make_sticks()
            sticks.open()
        except Exception as exc:
            started.set_exception(exc)
            return
        started.set_result(None)
        try:
            deadline = time.monotonic()
            while not self._stopping.is_set():
                self._run_calls()
                self._poll(sticks)
                deadline += self.period
                wait = deadline - time.monotonic()
                if wait < 0:  # behind (a slow listener, a busy machine): no burst to catch up
                    deadline, wait = time.monotonic(), 0
                self._stopping.wait(wait)
        finally:
            self._run_calls()
            sticks.close()
            self._latest.clear()

    def _run_calls(self) -> None:
        while not self._calls.empty():
            fn, future = self._calls.get()
            try:
                future.set_result(fn())
            except Exception as exc:
                future.set_exception(exc)

    def _poll(self, sticks: Sticks) -> None:
        added, removed, states = sticks.poll()
        self.polls += 1
        for gone in removed:
            self._latest.pop(gone.id, None)
            self._listeners.emit(gone)
        for new in added:
            self._latest[new.state.id] = new.state
            self._listeners.emit(new)
        for state in states:
            before = self._latest.get(state.id)
            self._latest[state.id] = state
            if before is not None and not state.same_input(before):
                self._listeners.emit(state)
