"""The operations log inside the console: the database thread, the audit feed, login, the shift,
event and fault docks, the quick log entry, the handover, reports and the admin screens.

The console (ui/shell/console.py) builds one ``OplogDocks`` when it is given a way to open the
database, and hands itself over as the ``ConsoleParts`` it uses; nothing here imports the console.
Nothing here can stop the cameras: the database is opened in the background, every call runs on
the database thread, and a database problem becomes a notice in the banner and the log pane.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from models.config.audit import save_config
from models.config.events import Carried, carry_configured_events
from models.config.store import Config, ConfigStore
from models.desk.hotkey_actions import QUICK_LOG
from models.desk.ownership import EventBoard
from models.oplog.clock import utc_now
from models.oplog.database import Database
from models.oplog.snapshot import StaffView
from models.oplog.tables import Role
from ui.common.bridge import CameraBridge, ObsBridge, WallBridge
from ui.common.notices import LogModel
from ui.common.oplog_worker import OplogWorker
from ui.common.wording import said
from ui.desk.main_window import MainWindow
from ui.desk.operator_desk import OperatorDesk
from ui.hotkeys.key_filter import HotkeyFilter, display_key
from ui.oplog.admin import AdminWindow, DevicesAdmin, StaffAdmin
from ui.oplog.audit_feed import AuditFeed
from ui.oplog.backups import Backups
from ui.oplog.board import BoardSync
from ui.oplog.broadcast_log import BroadcastLogs
from ui.oplog.events import EventsDock
from ui.oplog.handover import HandoverWindow
from ui.oplog.locations import LocationsAdmin
from ui.oplog.logbook import FaultsPanel, QuickLogBox
from ui.oplog.login import LoginPanel
from ui.oplog.news import NewsBridge
from ui.oplog.shift import ShiftPanel
from ui.oplog.state import OplogState
from ui.reports.monthly import MonthlyWindow

CONFIRMATION_MS = 8000


class ConsoleParts(Protocol):
    """What the operations log uses of the console: its window, desk, board, devices, keys, log pane and
    configuration, and a say in who may edit that configuration."""

    @property
    def window(self) -> MainWindow: ...
    @property
    def desk(self) -> OperatorDesk: ...
    @property
    def board(self) -> EventBoard: ...
    @property
    def bridges(self) -> Mapping[str, CameraBridge]: ...
    @property
    def wall_bridges(self) -> Mapping[str, WallBridge]: ...
    @property
    def obs_bridges(self) -> Mapping[str, ObsBridge]: ...
    @property
    def hotkeys(self) -> HotkeyFilter: ...
    @property
    def log(self) -> LogModel: ...
    @property
    def settings(self) -> QSettings: ...
    @property
    def config(self) -> Config: ...
    @property
    def config_store(self) -> ConfigStore | None: ...
    def allow_configuration(self, allowed: bool) -> None: ...


class OplogDocks(QObject):
    def __init__(
        self, console: ConsoleParts, open_database: Callable[[], Database], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.console = console
        self.window = window = console.window
        self.worker = OplogWorker(open_database, self)
        self.feed = AuditFeed(self)
        self.worker.when_open(self.feed.start_writer)
        for bridge in console.bridges.values():
            self.feed.attach_camera(bridge.controller)
        for wall in console.wall_bridges.values():
            self.feed.attach_wall(wall.controller)
        for output in console.obs_bridges.values():
            self.feed.attach_output(output.controller)
        # before the state's first snapshot is asked for, so that it holds the events carried into the log
        self.worker.opened.connect(lambda _name: self.carry_configured_events())
        self.state = OplogState(self.worker, self)
        staff = lambda: self.state.staff.id if self.state.staff else None  # noqa: E731
        self.broadcast_logs = BroadcastLogs(console.obs_bridges, self.worker, console.board, staff, self)
        self.news = NewsBridge(self)
        self.worker.when_open(self.news.start)
        self.news.news.connect(self.state.refresh, Qt.ConnectionType.QueuedConnection)
        self.login = LoginPanel(self.state)
        self.shift = ShiftPanel(self.state)
        self.events = EventsDock(self.state, lambda: console.config)
        self.faults = FaultsPanel(self.state)
        self.board = BoardSync(
            self.state, console.desk, window.events, self.events, lambda: console.config, self.feed, self
        )
        self.quick_log = QuickLogBox(self.state, self._active_event, window)
        self.windows: dict[str, MonthlyWindow | AdminWindow[Any]] = {}
        self.handover: HandoverWindow | None = None
        # forms scroll in their docks instead of growing the window
        self.docks = {
            name: window.add_dock(name, title, widget, scrolled=True)
            for name, title, widget in (
                ("operator", self.tr("Operator"), self.login),
                ("shift", self.tr("Shift"), self.shift),
                ("schedule", self.tr("Event schedule"), self.events),
                ("faults", self.tr("Faults"), self.faults),
            )
        }
        self.who = QLabel()
        self.database = QLabel(self.tr("Operations log: opening…"))
        self.backup_age = QLabel()
        window.statusBar().addPermanentWidget(self.database)
        window.statusBar().addPermanentWidget(self.backup_age)
        window.statusBar().addPermanentWidget(self.who)
        self.backups = Backups(self.worker, (self.backup_age, window.health_note), self.notice, self)
        self.admin_actions: list[QAction] = []
        self.logged_in_actions: list[QAction] = []
        self._add_menu()
        self._database_name = ""
        self._problem_shown: str | None = None
        self.worker.opened.connect(self._opened)
        self.state.snapshotChanged.connect(lambda _snapshot: self._opened(self._database_name))
        self.worker.problem.connect(self._problem)
        self.worker.refused.connect(lambda text: self.notice("warning", text))
        self.feed.problem.connect(self._problem)
        self.feed.recovered.connect(lambda: self.notice("info", self.tr("The audit trail is written again.")))
        self.state.notice.connect(self.notice)
        self.state.staffChanged.connect(self._staff_changed)
        console.hotkeys.actionPressed.connect(self.press)
        self._staff_changed(None)
        self.worker.start()

    def _add_menu(self) -> None:
        menu = self.window.menuBar().addMenu(self.tr("&Operations"))
        menu.addAction(self.tr("Log in / out"), lambda: self._raise("operator", self.login.focus_pin))
        menu.addAction(self.tr("Shift"), lambda: self._raise("shift"))
        menu.addAction(self.tr("Event schedule"), lambda: self._raise("schedule"))
        menu.addAction(self.tr("Faults"), lambda: self._raise("faults"))
        keys = ", ".join(display_key(key) for key in self.console.hotkeys.map.keys(QUICK_LOG))
        menu.addAction(self.tr("Quick log entry (%1)").replace("%1", keys), self.quick_log.open)
        menu.addSeparator()
        self.logged_in_actions = [
            menu.addAction(self.tr("Handover…"), self.open_handover),
            menu.addAction(self.tr("Monthly statistics…"), lambda: self._open("monthly")),
        ]
        tools = self.window.tools_menu
        tools.addSeparator()
        self.admin_actions = [
            tools.addAction(self.tr("Staff…"), lambda: self._open("staff")),
            tools.addAction(self.tr("Devices…"), lambda: self._open("devices")),
            tools.addAction(self.tr("Locations…"), self.open_locations),
        ]

    def _raise(self, dock: str, then: Callable[[], None] | None = None) -> None:
        self.docks[dock].show()
        self.docks[dock].raise_()
        if then is not None:
            then()

    def _open(self, name: str) -> MonthlyWindow | AdminWindow[Any]:
        """The non-modal window ``name`` (built the first time it is asked for). It belongs to the main
        window, so it never keeps the console running after the main window is closed."""
        window = self.windows.get(name)
        if window is None:
            owner, settings = self.window, self.console.settings
            makers: dict[str, Callable[[], MonthlyWindow | AdminWindow[Any]]] = {
                "monthly": lambda: MonthlyWindow(self.worker, owner, settings),
                "staff": lambda: StaffAdmin(self.state, owner),
                "devices": lambda: DevicesAdmin(self.state, owner, open_locations=self.open_locations),
                "locations": lambda: LocationsAdmin(self.state, owner),
            }
            window = self.windows[name] = makers[name]()
        window.open()
        return window

    def open_locations(self) -> None:
        self._open("locations")

    def open_handover(self, shift_id: int | None = None) -> HandoverWindow:
        """The handover window (built the first time, like the others) on ``shift_id``'s handover."""
        if self.handover is None:
            self.handover = HandoverWindow(self.state, self.window, self.console.settings)
            self.handover.accepted.connect(self.backups.after_handover)
        self.handover.open_for(shift_id)
        return self.handover

    def save_config(
        self, text: str, done: Callable[[Config], None], failed: Callable[[Exception], None]
    ) -> None:
        """The configuration editor's save: as the logged-in admin, audited (models/config/audit.py)."""
        store = self.console.config_store
        if store is None:  # the editor is offered only with a store
            return
        if self.state.staff is None:
            failed(PermissionError(self.tr("Log in first (Operations → Log in / out)")))
            return
        self.state.act(lambda session, me: save_config(session, me, store, text), done, failed, refresh=False)

    def use_config(self) -> None:
        """The console's configuration changed (``console.config``): the board takes its templates, and its
        dated events not in the log yet are carried into it."""
        self.board.use_config()
        self.events.use_config()
        self.carry_configured_events()

    def carry_configured_events(self) -> None:
        config = self.console.config
        self.worker.call(lambda session: carry_configured_events(session, config, utc_now()), self._carried)

    def _carried(self, carried: Carried) -> None:
        for title in carried.scheduled:
            text = (
                self.tr("%1: carried from the configuration into the operations log, running")
                if title in carried.started
                else self.tr("%1: carried from the configuration into the operations log")
            )
            self.notice("info", text.replace("%1", title))
        for reason in carried.left_out:
            self.notice("warning", said(reason))
        if carried.scheduled:
            self.state.refresh()

    @Slot(str)
    def press(self, action: str) -> None:
        if action == QUICK_LOG:
            self.quick_log.open()

    def _active_event(self) -> tuple[int, str] | None:
        event_id, active = self.board.active_event(), self.console.board.active
        return (event_id, self.console.board.events[active].title) if event_id and active else None

    @Slot(object)
    def _staff_changed(self, staff: StaffView | None) -> None:
        self.feed.staff_id = staff.id if staff else None
        admin = staff is not None and staff.can(Role.ADMIN)
        for action in self.admin_actions:
            action.setEnabled(admin)
        for action in self.logged_in_actions:
            action.setEnabled(staff is not None)
        self.console.allow_configuration(admin)
        if not admin:
            for name in ("staff", "devices", "locations"):
                if name in self.windows:
                    self.windows[name].close()
        self.who.setText(
            self.tr("Not logged in")
            if staff is None
            else f"{staff.name} ({self.state.labels.role(staff.role)})"
        )

    @Slot(str)
    def _opened(self, name: str) -> None:
        """The database is open, or answered again after a problem."""
        self._database_name, self._problem_shown = name, None
        self.database.setText(self.tr("Operations log: %1").replace("%1", name))

    @Slot(str)
    def _problem(self, sentence: str) -> None:
        if sentence != self._problem_shown:  # the minutely refresh does not repeat it
            self._problem_shown = sentence
            self.notice("error", sentence)
        self.database.setText(self.tr("Operations log: PROBLEM (see the log)"))

    @Slot(str, str)
    def notice(self, level: str, text: str) -> None:
        self.console.log.add(level, text)
        self.window.banner.show_notice(level, text)
        if level == "info":  # a confirmation ("Log entry saved: …") where the eye finds it, for a while
            self.window.statusBar().showMessage(said(text), CONFIRMATION_MS)

    def shutdown(self) -> None:
        """Write the queued audit rows and finish the database jobs already handed over."""
        for window in [*self.windows.values(), self.handover]:
            if window is not None:
                window.close()
        self.quick_log.close()
        self.broadcast_logs.detach()
        self.news.stop()
        self.feed.stop()
        self.worker.stop()
