"""The device thread: one asyncio loop that runs every transport, link and controller.

Callers on other threads (the GUI, the command line) hand work to the loop and get a
``concurrent.futures.Future`` back; they never block on device I/O.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class DeviceRuntime:
    """Owns the device thread and its asyncio event loop.

    Use as a context manager, or call ``start()`` and ``stop()``.
    Shared resources that several devices use (a UDP hub per local port, a serial bus per
    port name) are kept in ``shared`` so that nothing is global and tests get a fresh set.
    """

    def __init__(self, name: str = "devices") -> None:
        self._name = name
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self.shared: dict[Any, Any] = {}

    @property
    def loop(self) -> asyncio.AbstractEventLoop:
        if self._loop is None:
            raise RuntimeError("the device runtime is not running")
        return self._loop

    def start(self) -> DeviceRuntime:
        if self._thread is not None:
            return self
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()
        self._ready.wait()
        return self

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        loop.set_exception_handler(self._on_loop_exception)
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
            for task in pending:
                task.cancel()
            if pending:
                loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    @staticmethod
    def _on_loop_exception(loop: asyncio.AbstractEventLoop, context: dict) -> None:
        log.error("device loop: %s", context.get("message"), exc_info=context.get("exception"))

    def submit(self, coro: Awaitable[T]) -> concurrent.futures.Future[T]:
        """Run a coroutine on the device loop; returns at once."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop)  # type: ignore[arg-type]  # callers pass coroutines

    def call(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run a plain function on the device loop soon; returns at once."""
        loop = self.loop
        if self.in_loop_thread():
            fn(*args)
        else:
            loop.call_soon_threadsafe(fn, *args)

    def in_loop_thread(self) -> bool:
        return self._thread is threading.current_thread()

    def stop(self, timeout: float = 5.0) -> None:
        """Run every registered closer, then stop the loop and join the thread."""
        if self._thread is None or self._loop is None:
            return
        closers = self.shared.pop("_closers", [])
        if closers:

            async def close_all() -> None:
                for close in reversed(closers):
                    try:
                        result = close()
                        if asyncio.iscoroutine(result):
                            await asyncio.wait_for(result, timeout)
                    except Exception:  # closing must go on for the others
                        log.exception("error while closing a device")

            try:
                self.submit(close_all()).result(timeout + 1)
            except concurrent.futures.TimeoutError:
                log.warning("devices did not close within %.1f s", timeout)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout)
        self._thread = None
        self._loop = None
        self._ready.clear()

    def on_stop(self, closer: Callable[[], Any]) -> None:
        """Register a function (plain or coroutine) to run on the loop at ``stop()``."""
        self.shared.setdefault("_closers", []).append(closer)

    def __enter__(self) -> DeviceRuntime:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


async def cancel_and_wait(task: asyncio.Task, retry: float = 0.05) -> None:
    """Cancel ``task`` and wait until it has ended.

    The cancel is repeated: before Python 3.12 ``asyncio.wait_for`` swallows a cancel that arrives
    just as the awaited thing completes, and the task would then run on (and its closer hang).
    """
    while not task.done():
        task.cancel()
        await asyncio.wait({task}, timeout=retry)
