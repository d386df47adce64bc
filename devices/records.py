"""What every device reports, whatever its kind: link state, finished actions, notices and listeners.

Cameras and wall devices share these so that one audit trail and one Qt bridge serve both.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


class Link(enum.Enum):
    CONNECTING = "connecting"
    ONLINE = "online"
    OFFLINE = "offline"


@dataclass(frozen=True)
class ActionRecord:
    """One operator action and how it ended, for the audit trail."""

    device: str
    action: str
    result: str  # "completed", the device's error in plain words, "timeout", "offline", "superseded",
    # "stopped" (an ALL STOP cancelled it)
    started: float  # time.time()
    duration_ms: float

    @property
    def ok(self) -> bool:
        return self.result == "completed"


@dataclass(frozen=True)
class DeviceNotice:
    """Something the operator should read once that is not an operator action (not audited),
    e.g. a camera that refuses an inquiry. ``text`` is a Phrase (common/wording.py)."""

    device: str
    level: str  # "info", "warning" or "error", as the console's notices
    text: str


Listener = Callable[[Any], None]


class Listeners:
    """Callbacks for state changes and finished actions; a broken one never stops the device."""

    def __init__(self, owner: str) -> None:
        self._owner = owner
        self._listeners: list[Listener] = []

    def add(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def emit(self, item: Any) -> None:
        for listener in list(self._listeners):
            try:
                listener(item)
            except Exception:
                log.exception("%s: a listener failed", self._owner)
