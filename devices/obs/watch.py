"""Waiting on the device loop for OBS to report a state: a scene on program, a stream live.

The watch is set before the request goes out, so an event that OBS sends ahead of its answer
is not missed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from common.wording import QT_TRANSLATE_NOOP
from devices.obs.state import REASONS, ObsError, ObsState
from devices.obs.status import ObsStatus

Check = Callable[[ObsState], bool]
NOT_IN_TIME = QT_TRANSLATE_NOOP("Obs", "OBS did not report it done within {seconds} s")


class Watch:
    """``with Watch(status, done, fails=…, after=…, failure=…) as watch: …; await watch.wait(seconds)``.

    Resolves when ``done(state)``; fails when OBS goes offline, or when ``fails(state)`` once
    ``after(state)`` has been seen (a stream that started and fell back to ready).
    """

    def __init__(
        self,
        status: ObsStatus,
        done: Check,
        *,
        fails: Check | None = None,
        after: Check | None = None,
        failure: str = "",
    ) -> None:
        self._status = status
        self._done, self._fails, self._after = done, fails, after
        self._began = after is None
        self._failure = failure  # the message when ``fails``
        self._future: asyncio.Future[ObsState] = asyncio.get_running_loop().create_future()

    def __enter__(self) -> Watch:
        self._status.add_listener(self._check)
        self._check(self._status.snapshot())
        return self

    def __exit__(self, *exc: object) -> None:
        self._status.remove_listener(self._check)
        if not self._future.done():
            self._future.cancel()
        elif not self._future.cancelled():
            self._future.exception()  # retrieved: a failure nobody waited for is not an error to log

    async def wait(self, seconds: float) -> ObsState:
        try:
            async with asyncio.timeout(seconds):
                return await asyncio.shield(self._future)
        except TimeoutError:
            raise ObsError("timeout", NOT_IN_TIME.format(seconds=f"{seconds:g}")) from None

    def _check(self, item: Any) -> None:
        if not isinstance(item, ObsState) or self._future.done():
            return
        if self._done(item):
            self._future.set_result(item)
        elif not item.online:
            self._future.set_exception(ObsError("offline", item.error or REASONS["offline"]))
        elif self._after is not None and self._after(item):
            self._began = True
        elif self._began and self._fails is not None and self._fails(item):
            self._future.set_exception(ObsError("refused", self._failure))
