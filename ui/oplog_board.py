"""The events panel and the event board fed from the operations log.

When the log has events today (or running ones), they replace the configuration's events on the
board: which run now comes from the log (started and ended there, by any desk), their cameras
are the log's camera devices known by name in the configuration, and so are their preset banks.
Shots (F1–F12) and wall outputs come from the configuration event of the same title; without
one, F1, F2, … recall the named presets of the event's cameras in order. Without a database, or
on a day the log has no events, the configuration's events stay, as before.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QObject, Slot

from models.config import Config
from models.config_schema import SHOT_KEYS, Shot
from models.ownership import EventBoard
from ui.desk import OperatorDesk
from ui.events_panel import EventsPanel
from ui.oplog_audit import AuditFeed
from ui.oplog_events import EventsDock
from ui.oplog_state import OpsState
from ui.oplog_views import EventView, Snapshot

PREFIX = "oplog:"


@dataclass(frozen=True)
class LogEvent:
    """An operations-log event as the event board sees it (``models.ownership.EventLike``)."""
    id: str
    db_id: int
    title: str
    location: str
    running: bool
    cameras: tuple[str, ...] = ()
    shots: dict[str, Shot] = field(default_factory=dict)
    wall_outputs: tuple[str, ...] = ()
    start: datetime | None = None      # running or not is decided by the log, not by the clock
    end: datetime | None = None


def board_events(events: Iterable[EventView], config: Config) -> list[LogEvent]:
    camera_ids = {camera.name: camera.id for camera in config.cameras}
    configured = {event.title: event for event in config.events}
    result = []
    for event in events:
        cameras = tuple(camera_ids[name] for name in event.devices if name in camera_ids)
        match = configured.get(event.title)
        result.append(LogEvent(
            id=f"{PREFIX}{event.id}", db_id=event.id, title=event.title, location=", ".join(event.locations),
            running=event.status == "running", cameras=cameras,
            shots=dict(match.shots) if match else preset_shots(cameras, config),
            wall_outputs=match.wall_outputs if match else ()))
    return result


def preset_shots(cameras: tuple[str, ...], config: Config) -> dict[str, Shot]:
    """F1, F2, … for the named presets of ``cameras``, camera by camera."""
    presets = {camera.id: camera.presets for camera in config.cameras}
    shots = [Shot(camera, number) for camera in cameras for number in sorted(presets.get(camera, {}))]
    return dict(zip(SHOT_KEYS, shots))


class BoardSync(QObject):
    """Keeps the event board, the events panel and the audit's event id in step with the log."""

    def __init__(self, state: OpsState, desk: OperatorDesk, panel: EventsPanel, dock: EventsDock,
                 config: Callable[[], Config], feed: AuditFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.board: EventBoard = desk.board
        self.desk, self.dock, self.config, self.feed = desk, dock, config, feed
        panel.start_event = lambda event_id: self._start_or_end(event_id, True)
        panel.end_event = lambda event_id: self._start_or_end(event_id, False)
        state.snapshotChanged.connect(self.apply)
        desk.ownershipChanged.connect(self._follow_active)

    @Slot(object)
    def apply(self, snapshot: Snapshot) -> None:
        events = board_events(snapshot.events, self.config()) if snapshot.events else list(self.config().events)
        self.board.set_events(events)
        for event in events:
            if isinstance(event, LogEvent) and event.running:
                self.board.start(event.id)
            elif isinstance(event, LogEvent) and self.board.is_running(event.id):
                self.board.end(event.id)
        self.board.choose_active()
        self.desk.ownershipChanged.emit()

    def active_event(self) -> int | None:
        """The operations-log id of the event the operator works for, if it is one of the log's."""
        event = self.board.events.get(self.board.active) if self.board.active else None
        return event.db_id if isinstance(event, LogEvent) else None

    @Slot()
    def _follow_active(self) -> None:
        self.feed.event_id = self.active_event()

    def _start_or_end(self, event_id: str, start: bool) -> None:
        event = self.board.events.get(event_id)
        if isinstance(event, LogEvent):
            self.dock.start_or_end(event.db_id, start)
        elif start:
            self.board.start(event_id)
        else:
            self.board.end(event_id)
