"""Assembles the operator console from a configuration and running camera and wall controllers.

``app.py`` decides *what* runs (devices, simulators, files); this module builds the Qt side:
bridges, the desks, the models, previews, hotkeys, the wall view and the main window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import cast

from PySide6.QtCore import QObject, QSettings, QSize
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QWidget

from common.wording import Phrase
from devices.controller_factory import ControllerFactory
from devices.joystick.poller import JoystickPoller
from devices.obs.controller import ObsController
from devices.records import ActionRecord
from devices.visca.controller import CameraController
from devices.wall.controller import WallController
from models.config.store import Config, ConfigStore
from models.desk.hotkey_actions import MULTIVIEW
from models.desk.hotkeys import HotkeyMap
from models.desk.ownership import EventBoard
from models.desk.preset_library import PresetLibrary
from models.oplog.database import Database
from ui.broadcast.compose import Broadcast
from ui.common.bridge import CameraBridge, WallBridge
from ui.common.device_words import record_text
from ui.common.language import LANGUAGES, current_language, install_translator
from ui.common.notices import LogModel
from ui.common.wording import said
from ui.controllers.at_console import ConsoleControllers
from ui.desk.camera_model import CameraListModel
from ui.desk.demo_thumbnails import draw_demo_thumbnails
from ui.desk.main_window import MainWindow
from ui.desk.operator_desk import OperatorDesk
from ui.hotkeys.editor import HotkeyEditor
from ui.hotkeys.key_filter import CONSOLE_WINDOW, ActionLabels, HotkeyFilter, display_key
from ui.oplog.docks import OplogDocks
from ui.preview.hub import PreviewHub, tile_fps_from
from ui.shell.cheat_sheet import ActionNames, CheatSheet
from ui.shell.config_editor import ConfigEditor
from ui.shell.live_config import LiveConfig
from ui.shell.placement import place_clear_of
from ui.shell.preview_sources import PreviewSources, SimulatedPicture
from ui.shell.retranslate import Retranslator
from ui.wall.view import WallView
from ui.wall.wall_desk import WallDesk

log = logging.getLogger(__name__)
EDITOR_SIZE = QSize(1100, 900)  # at most the screen; placed clear of ALL STOP
START_PROBLEM_SECONDS = 30


def application() -> QApplication:
    """The running application: a console is only ever built inside one."""
    return cast(QApplication, QApplication.instance())


class Console(QObject):
    def __init__(
        self,
        config: Config,
        controllers: dict[str, CameraController],
        *,
        data_folder: Path,
        settings: QSettings,
        hotkeys: HotkeyMap,
        config_errors: Sequence[str] = (),
        simulated: dict[str, SimulatedPicture] | None = None,
        config_store: ConfigStore | None = None,
        walls: dict[str, WallController] | None = None,
        oplog: Callable[[], Database] | None = None,
        factory: ControllerFactory | None = None,
        obs: dict[str, ObsController] | None = None,
        joystick: JoystickPoller | None = None,
    ) -> None:
        """``oplog`` opens the operations log database (called on its own thread); None: no operations log.
        ``factory`` starts the controllers of devices a saved configuration adds or changes
        (``LiveConfig``). ``obs``: the running OBS outputs (``config.broadcast``) by id. ``joystick``: a
        running poller, closed with the console."""
        super().__init__()
        self.config = config
        self.oplog: OplogDocks | None = None
        self.log = LogModel(self)
        self.board = EventBoard(config.events)
        self.board.choose_active()
        self.desk = OperatorDesk(self.board, self)
        self.cameras = CameraListModel(self)
        self.previews = PreviewHub(self, tile_fps=tile_fps_from(settings))
        self.preview_sources = PreviewSources(
            self.previews, self.cameras, self.log, settings, simulated or {}, self
        )
        names = {c.id: c.presets for c in config.cameras}
        self.library = PresetLibrary(data_folder / "presets", names)
        draw_demo_thumbnails(self.library, simulated or {})
        self.bridges: dict[str, CameraBridge] = {}
        for camera in config.cameras:
            bridge = CameraBridge(camera.id, controllers[camera.id], self)
            self.bridges[camera.id] = bridge
            self.cameras.add_camera(camera.id, camera.name, camera.location or "", bridge)
            self.desk.add_camera(camera.id, camera.name, bridge)
            self.preview_sources.add(camera)
        self.walls = WallDesk(self.desk, self)
        self.wall_bridges: dict[str, WallBridge] = {}
        running_walls = walls or {}
        for wall in config.walls:
            if wall.id in running_walls:
                self.wall_bridges[wall.id] = WallBridge(wall.id, running_walls[wall.id], self)
                self.walls.add_wall(wall, self.wall_bridges[wall.id])
        self.wall_view = WallView(
            self.walls, {c.name: c.id for c in config.cameras}, self.previews.latest, hotkeys
        )
        self.window = MainWindow(
            self.desk, self.cameras, self.previews, self.library, self.log, settings, wall=self.wall_view
        )
        self.walls.actionRecorded.connect(self.record_action)
        self.walls.notice.connect(self.log.add)
        self.walls.notice.connect(self.window.banner.show_notice)
        self.broadcast = Broadcast(config, obs or {}, self.desk, self.cameras, controllers, self.window, self)
        self.obs_bridges = self.broadcast.desk.bridges
        self.window.events.changed.connect(self.wall_view.refresh_owners)
        self.previews.frameReady.connect(self.wall_view.on_frame)
        self.window.bank.pictureSizeChanged.connect(self.preview_sources.resize)
        self.window.setProperty(CONSOLE_WINDOW, True)  # Esc, Return, Enter left unclaimed act here
        self.hotkeys = HotkeyFilter(hotkeys, self)
        self.hotkeys.actionPressed.connect(self.desk.press)
        self.hotkeys.actionPressed.connect(self.walls.press)
        self.hotkeys.actionPressed.connect(self.window.press)
        self.hotkeys.actionPressed.connect(self.window.presets.press)
        self.hotkeys.actionReleased.connect(self.desk.release)
        self.hotkeys.focusLost.connect(self.desk.release_all)
        self.cheat_sheet = CheatSheet(
            hotkeys, ActionNames(self.desk, self.walls, self.library, self), self.window
        )
        self.desk.cheat_sheet = self.cheat_sheet.toggle
        self.hotkeys.dismiss = self.cheat_sheet.dismiss
        for changed in (self.desk.selectionChanged, self.desk.ownershipChanged, self.window.events.changed):
            changed.connect(self.cheat_sheet.refresh_if_visible)
        self.window.all_stop.setText(ActionLabels(self).stop_button(hotkeys))
        application().installEventFilter(self.hotkeys)
        press = self.hotkeys.actionPressed.emit
        self.controllers = ConsoleControllers(self.desk, joystick, data_folder, press, self)
        self.stick = self.controllers.stick
        self.settings = settings
        self.hotkey_path = data_folder / "hotkeys.json"
        self.config_store = config_store
        self._editors: dict[str, QWidget] = {}
        self._add_menus()
        for error in config_errors:
            self.log.add("error", error)
        for warning in config.warnings:
            self.log.add("warning", warning.sentence)
        if config_errors:
            self._show_start_problems(config_errors)
        self.window.update_owners()
        self.wall_view.refresh_owners()
        self.live = LiveConfig(self, factory, self)
        self.oplog = OplogDocks(self, oplog, self) if oplog is not None else None
        self.window.restore_layout()  # now that every dock is there

    def _add_menus(self) -> None:
        tools = self.window.tools_menu
        tools.addAction(self.tr("Hotkeys…"), self.edit_hotkeys)
        tools.addAction(self.tr("Controllers…"), self.controllers.show_window)
        self.configure_action = tools.addAction(self.tr("Configuration…"), self.edit_config)
        tools.setToolTipsVisible(True)  # a disabled item says why
        self.allow_configuration(True)
        tools.addAction(self.tr("Hotkey cheat sheet (?)"), self.cheat_sheet.toggle)
        self.multiview_action = QAction(self.window)
        self.multiview_action.triggered.connect(self.window.toggle_multiview)
        self.window.view_menu.insertAction(self.window.view_menu.actions()[1], self.multiview_action)
        self._name_keys_in_menus()
        languages = self.window.view_menu.addMenu(self.tr("Language"))
        group = QActionGroup(languages)
        current = current_language(application())
        for code, label in LANGUAGES.items():
            action = languages.addAction(label, partial(self.set_language, code))
            action.setCheckable(True)
            action.setChecked(code == current)
            group.addAction(action)

    def _name_keys_in_menus(self) -> None:
        keys = ", ".join(display_key(key) for key in self.hotkeys.map.keys(MULTIVIEW))
        self.multiview_action.setText(
            self.tr("Multiview (%1)").replace("%1", keys) if keys else self.tr("Multiview")
        )

    def edit_hotkeys(self) -> None:
        editor = self._editors.get("hotkeys")
        if editor is None:
            editor = self._editors["hotkeys"] = HotkeyEditor(
                self.hotkeys.map,
                self.hotkey_path,
                settings=self.settings,
                sections=[self.controllers.settings],
            )
            editor.mapChanged.connect(self._use_hotkeys)
        editor.show()
        editor.raise_()

    def _use_hotkeys(self, hotkeys: HotkeyMap) -> None:
        self.hotkeys.set_map(hotkeys)
        self.cheat_sheet.set_map(hotkeys)
        self.window.all_stop.setText(ActionLabels(self).stop_button(hotkeys))
        self.wall_view.set_hotkeys(hotkeys)
        self._name_keys_in_menus()
        self.log.add("info", self.tr("Hotkeys saved"))

    def allow_configuration(self, allowed: bool) -> None:
        """Tools → Configuration… for whoever may use it (the operations log allows admins only)."""
        action = self.configure_action
        action.setEnabled(allowed and self.config_store is not None)
        action.setToolTip(
            self.tr("Only an admin can edit the configuration: log in as one (Operations → Log in / out)")
            if self.config_store is not None and not allowed
            else ""
        )
        if not allowed and "config" in self._editors:
            self._editors["config"].close()

    def edit_config(self) -> None:
        if self.config_store is None:
            return
        editor = self._editors.get("config")
        if editor is None:
            saver = self.oplog.save_config if self.oplog is not None else None
            editor = self._editors["config"] = ConfigEditor(self.config_store, saver=saver)
            editor.configSaved.connect(self._use_config)
            place_clear_of(editor, self.window.all_stop, EDITOR_SIZE)
        editor.show()
        editor.raise_()
        editor.activateWindow()

    def _show_start_problems(self, problems: Sequence[str]) -> None:
        """The banner names the first problem, what the console does instead (the configuration store's
        last sentence: the last good copy, or none), where the rest are, and how to open the editor."""
        about_config = [p for p in problems if isinstance(p, Phrase) and p.context == "Config"]
        parts = [said(problems[0])]
        if len(about_config) > 1 and about_config[-1] is not problems[0]:
            parts.append(said(about_config[-1]))
        text = " — ".join(parts)
        if len(problems) > len(parts):
            text += " " + self.tr("(%1 more in the Log tab)").replace("%1", str(len(problems) - len(parts)))
        if about_config and self.config_store is not None:
            text += " " + self.tr(
                "Open Tools → Configuration… (as an admin) to see every problem and fix it."
            )
        self.window.banner.show_notice("error", text, START_PROBLEM_SECONDS)

    def _use_config(self, config: Config) -> None:
        self.live.apply(config)

    def record_action(self, record: ActionRecord) -> None:
        """Where every wall action (route, layout, display command, take-over) ends: the log pane, a
        notice saying what went wrong if it failed — and the audit trail (the take-overs, which no device
        reports)."""
        if self.oplog is not None:
            self.oplog.feed.from_console(record)
        level = "log" if record.ok else "error"
        text = record_text(record)
        self.log.add(level, text)
        self.window.banner.show_notice(level, text)

    def set_language(self, code: str) -> None:
        """Speak ``code`` from now on, in every open window (``ui/shell/retranslate.py``), and at the next
        start."""
        self.settings.setValue("ui/language", code)
        app = application()
        old = current_language(app)
        if code != old:
            install_translator(app, code)
            Retranslator(old, code).application(logs=(self.log,))
            self.window.all_stop.setText(ActionLabels(self).stop_button(self.hotkeys.map))  # key names too
            self.cheat_sheet.refresh()
            self.log.add("info", self.tr("Interface language: %1").replace("%1", LANGUAGES[code]))

    def show(self) -> None:
        self.window.show_as_remembered()

    def shutdown(self) -> None:
        for editor in self._editors.values():
            editor.close()
        application().removeEventFilter(self.hotkeys)
        self.previews.stop()
        for bridge in [*self.bridges.values(), *self.wall_bridges.values()]:
            bridge.detach()
        self.broadcast.shutdown()
        self.controllers.close()
        if self.oplog is not None:
            self.oplog.shutdown()
