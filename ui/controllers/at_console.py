"""The console's controllers: this workstation's joystick mapping, the stick when SDL can read one, and
Tools → Controllers… (made when first opened, closed with the console)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from devices.joystick.poller import JoystickPoller
from ui.controllers.console_stick import ConsoleStick
from ui.controllers.controllers_window import ControllersWindow
from ui.controllers.stick_file import StickSettings
from ui.desk.operator_desk import OperatorDesk


class ConsoleControllers(QObject):
    """``settings``: the mapping (also a section of the hotkey file); ``stick``: None without a poller."""

    def __init__(
        self,
        desk: OperatorDesk,
        poller: JoystickPoller | None,
        data_folder: Path,
        press: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = StickSettings(data_folder, self)
        self.stick = ConsoleStick(desk, poller, self.settings, press, self) if poller is not None else None
        self.window: ControllersWindow | None = None

    def show_window(self) -> None:
        if self.window is None:
            self.window = ControllersWindow(self.settings, self.stick)
        self.window.show()
        self.window.raise_()

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
        if self.stick is not None:
            self.stick.close()
