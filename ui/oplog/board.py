"""The events panel and the event board fed from the operations log, whose events are the events
(see ``models.config.events``).

Once the log has answered, the board holds the log's events of the day (and any still running):
which run comes from the log (started and ended there, by any desk; Start and End on the events
panel write the log, as the logged-in staff member). An event's cameras are its camera devices in
the log known by name in the configuration, and the cameras of its template, the configuration
event of the same title; its shots (F1–F12) and wall outputs are the template's; without one, F1,
F2, … recall the named presets of its cameras in order. The OBS output it streams on is the one the
log names for it (chosen in the event form), else its template's.

Until the log answers (the database opens in the background, or cannot be opened at all), the
board runs the configuration's events by their times, so that shots and ownership work from the
first second; starting or ending one then changes this desk only, and the operator is told that
it is not logged. The log's events replace them as soon as it answers, the event the operator
works for kept when the log has one of the same title. When the database fails later, the events
last read stay on the board (starting or ending one is then refused with the database's notice).

Take-overs for the log's events are the log's (``models.oplog.takeovers``): a take-over is in force once the
log has it, every desk's board holds the ones in force, and the operator is told when another desk took a
camera. Take-overs for the configuration's events (the log has not answered), and those made while the log
does not answer, stay on this desk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from PySide6.QtCore import QObject, Slot

from models.config.events import streams_on
from models.config.schema import SHOT_KEYS, Shot
from models.config.store import Config
from models.desk.ownership import EventBoard, TakeOver
from models.oplog.database import DatabaseProblem
from models.oplog.jobs.takeovers import TakeOverAsked, take_over_all
from models.oplog.snapshot import EventView, Snapshot
from models.oplog.takeovers import SharedTakeOver, this_desk
from ui.common.wording import said
from ui.desk.events_panel import EventsPanel
from ui.desk.operator_desk import OperatorDesk
from ui.oplog.audit_feed import AuditFeed
from ui.oplog.events import EventsDock
from ui.oplog.state import OplogState

PREFIX = "oplog:"


@dataclass(frozen=True)
class LogEvent:
    """An operations-log event as the event board sees it (``models.desk.ownership.EventLike``)."""

    id: str
    db_id: int
    title: str
    location: str
    running: bool
    cameras: tuple[str, ...] = ()
    shots: dict[str, Shot] = field(default_factory=dict)
    wall_outputs: tuple[str, ...] = ()
    broadcast: str | None = None  # the OBS output it streams on (its own in the log, else its template's)
    start: datetime | None = None  # running or not is decided by the log, not by the clock
    end: datetime | None = None


def board_events(events: Iterable[EventView], config: Config) -> list[LogEvent]:
    camera_ids = {camera.name: camera.id for camera in config.cameras}
    templates = {event.title: event for event in config.events}
    result = []
    for event in events:
        template = templates.get(event.title)
        logged = (camera_ids[name] for name in event.devices if name in camera_ids)
        cameras = tuple(dict.fromkeys((*(template.cameras if template else ()), *logged)))
        result.append(
            LogEvent(
                id=f"{PREFIX}{event.id}",
                db_id=event.id,
                title=event.title,
                location=", ".join(event.locations),
                running=event.status == "running",
                cameras=cameras,
                shots=dict(template.shots) if template else preset_shots(cameras, config),
                wall_outputs=template.wall_outputs if template else (),
                broadcast=streams_on(event.broadcast_output, event.title, config),
            )
        )
    return result


def preset_shots(cameras: tuple[str, ...], config: Config) -> dict[str, Shot]:
    """F1, F2, … for the named presets of ``cameras``, camera by camera."""
    presets = {camera.id: camera.presets for camera in config.cameras}
    shots = [Shot(camera, number) for camera in cameras for number in sorted(presets.get(camera, {}))]
    return dict(zip(SHOT_KEYS, shots, strict=False))


class BoardSync(QObject):
    """Keeps the event board, the events panel and the audit's event id in step with the log."""

    def __init__(
        self,
        state: OplogState,
        desk: OperatorDesk,
        panel: EventsPanel,
        dock: EventsDock,
        config: Callable[[], Config],
        feed: AuditFeed,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.board: EventBoard = desk.board
        self.state, self.desk, self.dock, self.config, self.feed = state, desk, dock, config, feed
        self.snapshot: Snapshot | None = None  # None: the log has not answered yet
        self.desk_name = this_desk()
        self._mine: set[int] = set()  # take-overs this desk made (no notice when they come back)
        desk.share_take_overs = self.share_take_overs
        panel.start_event = lambda event_id: self._start_or_end(event_id, True)
        panel.end_event = lambda event_id: self._start_or_end(event_id, False)
        state.snapshotChanged.connect(self.apply)
        desk.ownershipChanged.connect(self._follow_active)

    @Slot(object)
    def apply(self, snapshot: Snapshot) -> None:
        known = {takeover.id for takeover in self.snapshot.takeovers} if self.snapshot else None
        self.snapshot = snapshot
        working_for = self.board.events.get(self.board.active) if self.board.active else None
        events = board_events(snapshot.events, self.config())
        self.board.set_events(events)
        for event in events:
            if event.running:
                self.board.start(event.id)
            elif self.board.is_running(event.id):
                self.board.end(event.id)
        if (
            self.board.active is None and working_for is not None
        ):  # e.g. the configuration's event of that title
            self.board.active = next((event.id for event in events if event.title == working_for.title), None)
        self.board.choose_active()
        self.board.share(
            TakeOver(t.device, f"{PREFIX}{t.event_id}", (), t.at, t.id) for t in snapshot.takeovers
        )
        self.desk.ownershipChanged.emit()
        for taken in snapshot.takeovers:
            if known is not None and taken.id not in known and taken.id not in self._mine:
                self.desk.notice.emit("warning", said(taken.sentence))

    def share_take_overs(
        self,
        takeovers: list[TakeOver],
        names: dict[str, str],
        then: Callable[[list[TakeOver]], None],
        audited: bool = False,
    ) -> None:
        """For a log event, the log decides (all or none): in force (``then``) once written, or refused with
        who has a device (``OperatorDesk.share_take_overs``)."""
        events = [self.board.events.get(takeover.by_event) for takeover in takeovers]
        logged = [event for event in events if isinstance(event, LogEvent)]
        if not takeovers or len(logged) != len(events):
            then(takeovers)
            return
        asked = [
            TakeOverAsked(
                takeover.device,
                names[takeover.device],
                log_event.db_id,
                self._seen(takeover),
                tuple(self._titles(takeover.from_events)),
            )
            for takeover, log_event in zip(takeovers, logged, strict=True)
        ]
        staff_id = self.state.staff.id if self.state.staff else None
        job = take_over_all(asked, staff_id, self.desk_name, audit=not audited)

        def taken(shared: list[SharedTakeOver]) -> None:
            self._mine.update(row.id for row in shared)
            then(
                [replace(takeover, shared_id=row.id) for takeover, row in zip(takeovers, shared, strict=True)]
            )
            self.state.refresh()

        def refused(error: Exception) -> None:
            if isinstance(error, DatabaseProblem):  # device control never waits for the log
                then(takeovers)
                self.desk.notice.emit(
                    "warning",
                    self.tr(
                        "%1 taken over on this desk only: the operations log did not answer, so other desks do not know."  # noqa: E501
                    ).replace("%1", ", ".join(names[takeover.device] for takeover in takeovers)),
                )
                return
            self.desk.notice.emit("warning", said(error))
            self.state.refresh()

        self.state.worker.call(job, taken, refused)

    def _seen(self, takeover: TakeOver) -> int | None:
        """The log's take-over of the device this desk knows of, which this one may replace."""
        held = self.board.taken_over(takeover.device)
        return held.shared_id if held else None

    def _titles(self, event_ids: Iterable[str]) -> list[str]:
        return [self.board.events[e].title for e in event_ids if e in self.board.events]

    def use_config(self) -> None:
        """The configuration changed: its templates apply at once (before the log answered, its events)."""
        if self.snapshot is not None:
            self.apply(self.snapshot)
            return
        self.board.set_events(self.config().events)
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
        """A log event starts or ends in the log; a configuration event (the log has not answered) on this
        desk."""
        event = self.board.events.get(event_id)
        if event is None:
            return
        if isinstance(event, LogEvent):
            self.dock.start_or_end(event.db_id, start)
            return
        (self.board.start if start else self.board.end)(event_id)
        text = (
            self.tr("%1 started on this desk only: the operations log has not answered, so it is not logged.")
            if start
            else self.tr(
                "%1 ended on this desk only: the operations log has not answered, so it is not logged."
            )
        )
        self.state.notice.emit("warning", text.replace("%1", event.title))
