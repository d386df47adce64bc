"""The hotkeys at a glance: a small window over the console that never takes the keyboard from it.

Cameras, shots, wall layouts and presets are named as the operator knows them ("F1  Kamera Panggung:
Podium"), from what is running and selected now; a camera, shot or layout key that does nothing
now is left out.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.desk.hotkey_actions import ACTION_GROUPS, STOP_ALL
from models.desk.hotkeys import HotkeyMap
from models.desk.preset_library import PresetLibrary
from ui.desk.operator_desk import OperatorDesk
from ui.hotkeys.key_filter import ActionLabels, display_key
from ui.wall.wall_desk import WallDesk

Names = Callable[[str], "str | None"]
"""action -> what its key does now, in the operator's words; None: nothing has that name now."""
NAMED_ONLY = ("camera", "shot", "wall")  # groups whose keys are listed only while they have something to do
COLUMNS = 3  # groups side by side: the sheet fits a 1366×768 screen


class ActionNames(QObject):
    """The current names behind numbered actions: the cameras, the running events' shots, the wall on
    screen's layouts and the selected camera's presets."""

    def __init__(
        self, desk: OperatorDesk, walls: WallDesk, library: PresetLibrary, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.desk, self.walls, self.library = desk, walls, library

    def __call__(self, action: str) -> str | None:
        group, _dot, argument = action.rpartition(".")
        if group == "camera.select":
            ids = self.desk.camera_ids()
            number = int(argument)
            return self.desk.names[ids[number - 1]] if number <= len(ids) else None
        if group == "shot":
            shot = self.desk.shot_for(argument)
            if shot is None:
                return None
            parts = [] if shot.scene is None else [self.tr("scene %1").replace("%1", shot.scene)]
            if shot.camera is not None and shot.preset is not None:
                preset = self.library.name(shot.camera, shot.preset) or self.tr("preset %1").replace(
                    "%1", str(shot.preset)
                )
                parts.insert(0, f"{self.desk.names.get(shot.camera, shot.camera)}: {preset}")
            return " → ".join(parts)
        if group == "wall.layout":  # on the wall on screen, as Alt+number recalls it
            wall = self.walls.walls.get(self.walls.current or "")
            return None if wall is None else wall.layouts.get(int(argument))
        if group == "preset.recall" and argument.isdigit() and self.desk.selected is not None:
            return self.library.name(self.desk.selected, int(argument)) or None
        return None


class CheatSheet(QWidget):
    def __init__(self, hotkeys: HotkeyMap, names: Names | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool | Qt.WindowType.WindowStaysOnTopHint)
        # showing it must not deactivate the console: that would release the keys being held
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setWindowTitle(self.tr("Hotkeys"))
        self._labels = ActionLabels(self)
        self._names = names
        self._map = hotkeys
        self._groups = QGridLayout()
        close = QPushButton(self.tr("Close"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.hide)
        self._typing_note = QLabel()
        self._typing_note.setWordWrap(True)
        footer = QHBoxLayout()
        footer.addWidget(self._typing_note, 1)
        footer.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(self._groups)
        layout.addLayout(footer)
        self.set_map(hotkeys)

    def set_map(self, hotkeys: HotkeyMap) -> None:
        self._map = hotkeys
        self.refresh()

    def refresh(self) -> None:
        """List the keys again with what they do now (events, the wall on screen, the selected camera)."""
        while (item := self._groups.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        for position, (group, actions) in enumerate(ACTION_GROUPS):
            box = QGroupBox(self._labels.group_title(group))
            rows = QFormLayout(box)
            for action in actions:
                keys = self._map.keys(action)
                text = self._text(group, action) if keys else None
                if text is not None:
                    key_label = QLabel(" / ".join(display_key(key) for key in keys))
                    key_label.setStyleSheet("font-weight: bold")
                    rows.addRow(key_label, QLabel(text))
            if rows.rowCount() == 0:
                rows.addRow(QLabel(self.tr("Nothing at the moment")))
            self._groups.addWidget(box, position // COLUMNS, position % COLUMNS, Qt.AlignmentFlag.AlignTop)
        self._typing_note.setText(self._stop_note())

    def refresh_if_visible(self) -> None:
        if self.isVisible():
            self.refresh()

    def _text(self, group: str, action: str) -> str | None:
        label = self._labels.label(action)
        if self._names is None:
            return label
        name = self._names(action)
        if group in NAMED_ONLY:
            return name
        return f"{label}: {name}" if name else label

    def _stop_note(self) -> str:
        stop_keys = " / ".join(display_key(key) for key in self._map.stop_keys())
        lines = [
            self.tr(
                "{keys} stops all cameras from anywhere, even while you type in a text field; "
                "other hotkeys do nothing there."
            ).format(keys=stop_keys)
            if stop_keys
            else self.tr("Hotkeys do nothing while you type in a text field.")
        ]
        if "Esc" in self._map.keys(STOP_ALL):
            lines.append(
                self.tr(
                    "Esc first closes an open menu, dialog or editor, or leaves a text field; "
                    "it stops all cameras only when nothing is open."
                )
            )
        return "\n".join(lines)

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def toggle(self) -> None:
        self.setVisible(not self.isVisible())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:  # should the window manager have given it the keyboard
            self.hide()
        else:
            super().keyPressEvent(event)

    def dismiss(self) -> bool:
        """Esc: hide the sheet if it is shown; True if it was."""
        shown = self.isVisible()
        self.hide()
        return shown
