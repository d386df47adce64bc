"""The tablet remote on the Control API's server (docs/control-api.md "Tablet remote"): its page, its
PIN login through the operations log, its sessions. Each server the API service starts gets it."""

from __future__ import annotations

from typing import Protocol

from devices.control_api.remote_routes import mount_remote
from devices.control_api.remote_sessions import RemoteSessions
from models.desk.preset_library import PresetLibrary
from ui.controllers.api_service import ApiService
from ui.controllers.remote_console import RemoteDesk
from ui.desk.operator_desk import OperatorDesk
from ui.oplog.docks import OplogDocks


class RemoteParts(Protocol):
    desk: OperatorDesk
    library: PresetLibrary
    oplog: OplogDocks | None


def attach_remote(console: RemoteParts, service: ApiService) -> RemoteSessions:
    """The remote on every server ``service`` starts from now on; its sessions outlive a restart."""
    sessions = RemoteSessions()

    def worker():  # noqa: ANN202 - the operations log's, while the console has one
        return console.oplog.worker if console.oplog is not None else None

    def staff():  # noqa: ANN202
        snapshot = console.oplog.state.snapshot if console.oplog is not None else None
        return snapshot.staff if snapshot is not None else None

    remote = RemoteDesk(service.bridge, console.desk, console.library, worker, staff)
    service.extensions.append(lambda server: mount_remote(server, remote, sessions, service.tokens))
    return sessions
