"""The sticks' part of the mapping in Tools → Controllers…: which stick drives, which axis pans, tilts
and zooms (each may be inverted), the dead zone, the expo curve, the top speeds and the hat.

Buttons are edited beside it (``ButtonsModel``); ``edited(base)`` gives the mapping with this form's
values over ``base``."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QSpinBox, QWidget

from devices.joystick.mapping import ZOOM_SPEED_MAX, StickMapping
from ui.controllers.stick_words import StickWords

GAMEPAD_AXES, HATS = 6, 4  # choices offered beyond the stick shown, for one plugged in later


class MappingForm(QWidget):
    """Signals: changed(): the operator changed a value."""

    changed = Signal()

    def __init__(self, words: StickWords, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = words
        self._axes, self._gamepad = GAMEPAD_AXES, True
        self.device = QComboBox()
        self.pan, self.tilt, self.zoom = QComboBox(), QComboBox(), QComboBox()
        self.invert_pan, self.invert_tilt, self.invert_zoom = (
            QCheckBox(self.tr("inverted")) for _ in range(3)
        )
        self.dead_zone = self._spin(0, 89, self.tr(" %"))
        self.expo = self._spin(0, 100, self.tr(" %"))
        self.max_speed = self._spin(1, 100, self.tr(" %"))
        self.zoom_max_speed = self._spin(0, ZOOM_SPEED_MAX, "")
        self.hat = QComboBox()
        self.dead_zone.setToolTip(self.tr("How far the stick moves before it counts; drawn grey in the axes"))
        self.expo.setToolTip(self.tr("0 %: speed in proportion to the stick; more: finer near the centre"))
        self.max_speed.setToolTip(
            self.tr("Of the camera's top pan and tilt speed, with the stick pushed fully")
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Stick that drives:"), self.device)
        form.addRow(self.tr("Pan:"), _row(self.pan, self.invert_pan))
        form.addRow(self.tr("Tilt:"), _row(self.tilt, self.invert_tilt))
        form.addRow(self.tr("Zoom:"), _row(self.zoom, self.invert_zoom))
        form.addRow(self.tr("Dead zone:"), self.dead_zone)
        form.addRow(self.tr("Expo curve:"), self.expo)
        form.addRow(self.tr("Top pan/tilt speed:"), self.max_speed)
        form.addRow(self.tr("Top zoom speed (0–7):"), self.zoom_max_speed)
        form.addRow(self.tr("Pan and tilt by the hat:"), self.hat)
        for combo in (self.device, self.pan, self.tilt, self.zoom, self.hat):
            combo.activated.connect(self._on_changed)
        for box in (self.invert_pan, self.invert_tilt, self.invert_zoom):
            box.toggled.connect(self._on_changed)

    def _spin(self, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        spin.valueChanged.connect(self._on_changed)
        return spin

    @Slot()
    def _on_changed(self, *_: object) -> None:
        self.changed.emit()

    def show_mapping(self, mapping: StickMapping, names: list[str], axes: int, gamepad: bool) -> None:
        """Show ``mapping``; ``names``: the sticks connected; ``axes``: the shown stick's axis count."""
        self.blockSignals(True)
        self._axes, self._gamepad = max(axes, GAMEPAD_AXES), gamepad
        self._fill_device(mapping.device, names)
        for combo, axis, optional in (
            (self.pan, mapping.pan_axis, False),
            (self.tilt, mapping.tilt_axis, False),
            (self.zoom, mapping.zoom_axis, True),
        ):
            self._fill(combo, max(self._axes, (axis or 0) + 1), self._words.axis, axis, optional)
        self._fill(self.hat, max(HATS, (mapping.hat or 0) + 1), self._words.hat, mapping.hat, True)
        self.invert_pan.setChecked(mapping.invert_pan)
        self.invert_tilt.setChecked(mapping.invert_tilt)
        self.invert_zoom.setChecked(mapping.invert_zoom)
        self.dead_zone.setValue(round(mapping.dead_zone * 100))
        self.expo.setValue(round(mapping.expo * 100))
        self.max_speed.setValue(round(mapping.max_speed * 100))
        self.zoom_max_speed.setValue(mapping.zoom_max_speed)
        self.blockSignals(False)

    def _fill_device(self, device: str, names: list[str]) -> None:
        self.device.clear()
        self.device.addItem(self.tr("The first one connected"), "")
        for name in dict.fromkeys([*names, device]):
            if name:
                self.device.addItem(name, name)
        self.device.setCurrentIndex(self.device.findData(device))

    def _fill(self, combo: QComboBox, count: int, name, current: int | None, optional: bool) -> None:
        combo.clear()
        if optional:
            combo.addItem(self.tr("None"), -1)
        for number in range(count):
            combo.addItem(name(number, self._gamepad), number)
        combo.setCurrentIndex(combo.findData(-1 if current is None else current))

    def edited(self, base: StickMapping) -> StickMapping:
        def chosen(combo: QComboBox) -> int | None:
            value = combo.currentData()
            return None if value is None or value < 0 else int(value)

        return dataclasses.replace(
            base,
            device=self.device.currentData() or "",
            pan_axis=chosen(self.pan) or 0,
            tilt_axis=chosen(self.tilt) or 0,
            zoom_axis=chosen(self.zoom),
            invert_pan=self.invert_pan.isChecked(),
            invert_tilt=self.invert_tilt.isChecked(),
            invert_zoom=self.invert_zoom.isChecked(),
            dead_zone=self.dead_zone.value() / 100,
            expo=self.expo.value() / 100,
            max_speed=self.max_speed.value() / 100,
            zoom_max_speed=self.zoom_max_speed.value(),
            hat=chosen(self.hat),
        )


def _row(combo: QComboBox, invert: QCheckBox) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(combo, 1)
    row.addWidget(invert)
    return row
