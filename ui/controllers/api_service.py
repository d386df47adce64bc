"""The Control API while the console runs: started from the settings (or ``--api`` for this run),
restarted when Tools → Remote access… changes them, stopped with the console. The server runs on the
device runtime's loop; this object only starts and stops it and hears how that went."""

from __future__ import annotations

import concurrent.futures
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt, Signal, Slot

from devices.control_api.server import ControlApi, Listen
from devices.control_api.tokens import TokenStore
from devices.records import ActionRecord
from devices.runtime import DeviceRuntime
from ui.controllers.api_bridge import ApiBridge
from ui.controllers.api_settings import ApiSettings
from ui.controllers.api_state import ConsoleView, Json, StatePusher

log = logging.getLogger(__name__)
STOP_SECONDS = 5.0


class ApiService(QObject):
    """Signals: changed(): started, stopped or failed to start (``address``, ``problem``)."""

    changed = Signal()
    _started = Signal(object, object)  # the server, its start future (device thread → GUI thread)

    def __init__(
        self,
        runtime: DeviceRuntime,
        view: ConsoleView,
        audit: Callable[[ActionRecord], None],
        tokens: TokenStore,
        settings: QSettings,
        override: tuple[str, int] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runtime, self.tokens, self.settings, self.override = runtime, tokens, settings, override
        self.bridge = ApiBridge(view, audit, self)
        self.server: ControlApi | None = None
        self.address: tuple[str, int] | None = None
        self.problem = ""
        self.extensions: list[Callable[[ControlApi], None]] = []  # each server, before it starts (the remote)
        self._started.connect(self._on_started, Qt.ConnectionType.QueuedConnection)
        self.pusher = StatePusher(view, self.publish, self)

    def listen(self) -> Listen | None:
        """Where to listen now: ``--api`` for this run, else the settings; None when off."""
        chosen = ApiSettings.read(self.settings)
        if self.override is not None:
            return Listen(*self.override, chosen.open_locally)
        return chosen.listen if chosen.enabled else None

    def apply(self) -> None:
        """(Re)start as the settings say (GUI thread)."""
        self.stop()
        listen = self.listen()
        if listen is None:
            self.changed.emit()
            return
        server = ControlApi(self.runtime, self.bridge, self.tokens, listen)
        for extend in self.extensions:
            extend(server)
        self.server = server
        server.start().add_done_callback(lambda done: self._started.emit(server, done))

    @Slot(object, object)
    def _on_started(self, server: ControlApi, done: concurrent.futures.Future) -> None:
        if server is not self.server:
            return  # stopped or replaced meanwhile
        error = done.exception()
        if error is None:
            self.address, self.problem = done.result(), ""
        else:
            self.server, self.problem = None, str(error)
            log.warning(
                "the Control API cannot listen on %s:%d: %s", server.listen.host, server.listen.port, error
            )
        self.changed.emit()

    def publish(self, event: Json) -> None:
        if self.server is not None:
            self.server.publish(event)

    def stop(self) -> None:
        server, self.server, self.address = self.server, None, None
        if server is not None:
            try:
                server.stop().result(STOP_SECONDS)
            except (concurrent.futures.TimeoutError, RuntimeError):  # the loop is gone or stuck
                log.warning("the Control API did not stop in time")
