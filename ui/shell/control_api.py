"""The Control API in the console (docs/control-api.md): its service, built from the console's parts,
and Tools → Remote access…"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QSettings

from devices.control_api.tokens import TOKENS_FILE, TokenFileError, TokenStore
from devices.records import ActionRecord
from devices.runtime import DeviceRuntime
from models.config.schema import Config
from models.desk.preset_library import PresetLibrary
from models.oplog.remote_access import may_manage_remote_access
from models.oplog.snapshot import StaffView
from ui.broadcast.compose import Broadcast
from ui.common.device_words import record_text
from ui.common.notices import LogModel
from ui.common.wording import said
from ui.controllers.api_service import ApiService
from ui.controllers.api_state import ConsoleView
from ui.controllers.remote_access import RemoteAccessWindow
from ui.desk.camera_model import CameraListModel
from ui.desk.main_window import MainWindow
from ui.desk.operator_desk import OperatorDesk
from ui.oplog.docks import OplogDocks
from ui.shell.tablet_remote import attach_remote
from ui.wall.wall_desk import WallDesk


class ApiConsole(Protocol):
    """What the API uses of the console."""

    desk: OperatorDesk
    cameras: CameraListModel
    walls: WallDesk
    broadcast: Broadcast
    config: Config
    library: PresetLibrary
    log: LogModel
    oplog: OplogDocks | None
    settings: QSettings
    window: MainWindow


def attach_control_api(
    console: ApiConsole, runtime: DeviceRuntime, data_folder: Path, override: tuple[str, int] | None = None
) -> ApiService:
    """Serve the API as the settings (or ``override``, from ``--api``) say, and add the window to the menu."""
    tokens = TokenStore(data_folder / TOKENS_FILE)
    try:
        tokens.load()
    except TokenFileError as exc:
        console.log.add("error", said(exc))
    view = ConsoleView(
        console.desk, console.cameras, console.walls, console.broadcast.desk, lambda: console.config
    )

    def audit(record: ActionRecord) -> None:
        if console.oplog is not None:
            console.oplog.feed.from_console(record)
        console.log.add("log", record_text(record))

    service = ApiService(runtime, view, audit, tokens, console.settings, override, console.window)
    _add_window(console, service)
    attach_remote(console, service)
    service.apply()
    return service


def _add_window(console: ApiConsole, service: ApiService) -> None:
    """Tools → Remote access…; with an operations log for its admins only, like Tools → Configuration…"""
    oplog = console.oplog
    act = (
        None if oplog is None else lambda job, done, failed: oplog.state.act(job, done, failed, refresh=False)
    )
    windows: list[RemoteAccessWindow] = []

    def open_window() -> None:
        if not windows:
            windows.append(RemoteAccessWindow(service, act))
        windows[0].show()
        windows[0].raise_()
        windows[0].activateWindow()

    action = console.window.tools_menu.addAction(
        QCoreApplication.translate("RemoteAccess", "Remote access…"), open_window
    )
    if oplog is None:
        return

    def follow(staff: StaffView | None) -> None:
        allowed = may_manage_remote_access(staff)
        action.setEnabled(allowed)
        action.setToolTip(
            ""
            if allowed
            else QCoreApplication.translate(
                "RemoteAccess",
                "Only an admin can hand out remote access: log in as one (Operations → Log in / out)",
            )
        )
        if not allowed and windows:
            windows[0].close()

    oplog.state.staffChanged.connect(follow)
    follow(oplog.state.staff)
