"""Controls for the selected camera: a press-and-hold pan-tilt pad, zoom rocker, focus,
speed, home and power. Releasing a button stops what it started."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.desk.operator_desk import OperatorDesk

PAD = {
    (-1, 1): "↖",
    (0, 1): "↑",
    (1, 1): "↗",
    (-1, 0): "←",
    (1, 0): "→",
    (-1, -1): "↙",
    (0, -1): "↓",
    (1, -1): "↘",
}


def held_button(text: str, on_press, on_release, tooltip: str = "") -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tooltip)
    button.setMinimumSize(42, 42)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.pressed.connect(on_press)
    button.released.connect(on_release)
    return button


class ControlPanel(QWidget):
    def __init__(self, desk: OperatorDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(self.title)
        columns = QHBoxLayout()  # two columns keep the window within a 1080-line screen
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._pad_box())
        left.addWidget(self._speed_box())
        right.addWidget(self._lens_box())
        right.addWidget(self._camera_box())
        for column in (left, right):
            column.addStretch(1)
            columns.addLayout(column)
        layout.addLayout(columns)
        desk.selectionChanged.connect(self._on_selection)
        if desk.selected:
            self._on_selection(desk.selected)

    def _on_selection(self, camera_id: str) -> None:
        self.title.setText(self.desk.names.get(camera_id, camera_id))

    def _pad_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Pan / tilt (hold)"))
        grid = QGridLayout(box)
        self.pad: dict[tuple[int, int], QToolButton] = {}
        for (pan, tilt), arrow in PAD.items():
            button = held_button(
                arrow, lambda p=pan, t=tilt: self.desk.drive(p, t), lambda: self.desk.drive(0, 0)
            )
            grid.addWidget(button, 1 - tilt, pan + 1)
            self.pad[(pan, tilt)] = button
        home = QPushButton(self.tr("Home"))
        home.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        home.clicked.connect(lambda: self._command(lambda c: c.home()))
        grid.addWidget(home, 1, 1)
        return box

    def _lens_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Zoom and focus"))
        layout = QGridLayout(box)
        layout.addWidget(held_button(self.tr("Zoom in"), lambda: self._zoom(1), lambda: self._zoom(0)), 0, 0)
        layout.addWidget(
            held_button(self.tr("Zoom out"), lambda: self._zoom(-1), lambda: self._zoom(0)), 0, 1
        )
        layout.addWidget(held_button(self.tr("Near"), lambda: self._focus(-1), lambda: self._focus(0)), 1, 0)
        layout.addWidget(held_button(self.tr("Far"), lambda: self._focus(1), lambda: self._focus(0)), 1, 1)
        for column, (label, mode) in enumerate(
            ((self.tr("Auto"), "auto"), (self.tr("Manual"), "manual"), (self.tr("One-push"), "one-push"))
        ):
            button = QPushButton(label)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=mode: self._command(lambda c: c.focus_mode(m)))
            layout.addWidget(button, 2, column)
        return box

    def _speed_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Speed"))
        row = QHBoxLayout(box)
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setRange(1, 0x18)
        self.speed.setValue(self.desk.pan_speed)
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        value = QLabel(str(self.desk.pan_speed))
        self.speed.valueChanged.connect(self.desk.set_speed)
        self.speed.valueChanged.connect(lambda v: value.setText(str(v)))
        row.addWidget(self.speed)
        row.addWidget(value)
        return box

    def _camera_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Camera"))
        row = QHBoxLayout(box)
        for label, on in ((self.tr("Power on"), True), (self.tr("Standby"), False)):
            button = QPushButton(label)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, o=on: self._command(lambda c: c.power(o)))
            row.addWidget(button)
        return box

    def _zoom(self, direction: int) -> None:
        if self.desk.selected and (direction == 0 or self.desk.may_move(self.desk.selected)):
            self.desk.bridges[self.desk.selected].controller.zoom(
                direction, self.desk.zoom_speed if direction else None
            )

    def _focus(self, direction: int) -> None:
        if self.desk.selected:
            self.desk.bridges[self.desk.selected].controller.focus(direction, 3 if direction else None)

    def _command(self, action) -> None:
        if self.desk.selected:
            self.desk.command(self.desk.selected, action)
