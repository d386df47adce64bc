"""Which running event owns which device, and explicit take-overs.

Devices are cameras (their ids), wall outputs (``"wall-id:3"``, see ``config_schema.wall_output_id``) and
OBS outputs (``"obs:ID"``, ``broadcast_device``).
A device listed by a running event belongs to it. The operator works for one active event;
moving a device that belongs only to other running events needs an explicit take-over, which
lasts until the event that took it ends or hands it back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from common.wording import QT_TRANSLATE_NOOP


class EventLike(Protocol):  # read-only: the events are frozen dataclasses
    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def start(self) -> datetime | None: ...

    @property
    def end(self) -> datetime | None: ...

    @property
    def cameras(self) -> tuple[str, ...]: ...


def owned_devices(event: EventLike) -> tuple[str, ...]:
    """The event's cameras, wall outputs and broadcast output (an event type without wall or broadcast
    outputs need not have the fields)."""
    broadcast = getattr(event, "broadcast", None)
    streams = (broadcast_device(broadcast),) if broadcast else ()
    return (*event.cameras, *getattr(event, "wall_outputs", ()), *streams)


def broadcast_device(output_id: str) -> str:
    """The device id of an OBS output (``broadcast:`` in the configuration) for ownership: ``"obs:ID"``."""
    return f"obs:{output_id}"


@dataclass(frozen=True)
class TakeOver:
    device: str
    by_event: str
    from_events: tuple[str, ...]
    at: datetime
    shared_id: int | None = None  # its row in the operations log, where desks share take-overs


class EventBoard:
    def __init__(self, events: Iterable[EventLike] = ()) -> None:
        self.events: dict[str, EventLike] = {e.id: e for e in events}
        self._started: set[str] = set()
        self._ended: set[str] = set()
        self.active: str | None = None
        self._takeovers: dict[str, TakeOver] = {}

    def set_events(self, events: Iterable[EventLike]) -> None:
        self.events = {e.id: e for e in events}
        self._started &= set(self.events)
        if self.active not in self.events:
            self.active = None

    # ---- running --------------------------------------------------------------------------
    def is_running(self, event_id: str, now: datetime | None = None) -> bool:
        if event_id in self._started:
            return True
        if event_id in self._ended:
            return False
        event = self.events.get(event_id)
        if event is None or event.start is None:
            return False
        now = now or datetime.now()
        return event.start <= now and (event.end is None or now < event.end)

    def choose_active(self, now: datetime | None = None) -> None:
        """At start-up: work for the first running event, if the operator has not chosen one."""
        if self.active is None:
            running = self.running(now)
            self.active = running[0].id if running else None

    def running(self, now: datetime | None = None) -> list[EventLike]:
        return [e for e in self.events.values() if self.is_running(e.id, now)]

    def start(self, event_id: str) -> None:
        self._ended.discard(event_id)
        self._started.add(event_id)

    def end(self, event_id: str) -> None:
        self._started.discard(event_id)
        self._ended.add(event_id)
        self._takeovers = {d: t for d, t in self._takeovers.items() if t.by_event != event_id}
        if self.active == event_id:
            self.active = None

    # ---- ownership ---------------------------------------------------------------------------
    def owners(self, device: str, now: datetime | None = None) -> list[EventLike]:
        """Running events that list the device, or the one that took it over."""
        taken = self._takeovers.get(device)
        if taken is not None and self.is_running(taken.by_event, now):
            return [self.events[taken.by_event]]
        return [e for e in self.running(now) if device in owned_devices(e)]

    def blocking(self, device: str, now: datetime | None = None) -> list[EventLike]:
        """Running events other than the active one that the device belongs to, if the active one does not."""
        owners = self.owners(device, now)
        if not owners or any(e.id == self.active for e in owners):
            return []
        return owners

    def take_over(self, device: str, now: datetime | None = None) -> TakeOver:
        """Give ``device`` to the active event; raises ValueError when no event is active."""
        return self.record(self.propose(device, now))

    def propose(self, device: str, now: datetime | None = None) -> TakeOver:
        """The take-over of ``device`` for the active event, not yet in force (the operations log may refuse
        it); raises ValueError when no event is active."""
        if self.active is None:
            raise ValueError(
                QT_TRANSLATE_NOOP(
                    "Ownership", "choose the event you are working for before taking over a device"
                )
            )
        blocking = self.blocking(device, now)
        return TakeOver(device, self.active, tuple(e.id for e in blocking), now or datetime.now())

    def record(self, takeover: TakeOver) -> TakeOver:
        self._takeovers[takeover.device] = takeover
        return takeover

    def share(self, takeovers: Iterable[TakeOver]) -> None:
        """The take-overs in force in the operations log replace the shared ones held so far; this desk's own
        (made before the log answered, or while it did not answer) stay unless the log has one of the same
        device."""
        shared = {takeover.device: takeover for takeover in takeovers}
        local = {d: t for d, t in self._takeovers.items() if t.shared_id is None and d not in shared}
        self._takeovers = local | shared

    def propose_all(self, devices: Iterable[str], now: datetime | None = None) -> list[TakeOver]:
        """Take-overs (not yet in force) for every device of ``devices`` that another running event holds, all
        or none (a layout changes every screen at once); raises ValueError when no event is active."""
        blocked = [device for device in dict.fromkeys(devices) if self.blocking(device, now)]
        return [self.propose(device, now) for device in blocked]

    def taken_over(self, device: str) -> TakeOver | None:
        return self._takeovers.get(device)
