"""A page of the "Video wall" dock, one per configured wall: its canvas, its sources to drag onto
the canvas, its named layouts (with their hotkeys; the active one checked and named on the status
line) and the take-over of another event's output or, for a layout, of every screen it changes.

What a page offers follows the device's capabilities: a matrix or wall processor routes and
recalls layouts; a display that cannot route shows its power and input buttons instead. The
status line names the unit as it named itself; its tooltip tells what else was learned from it
(firmware, size, layers, what it does not support).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from devices.records import Link
from devices.wall.capabilities import Capability
from devices.wall.state import WallState
from models.config.schema import WallConfig
from models.desk.hotkeys import HotkeyMap
from ui.common.wording import said
from ui.hotkeys.key_filter import display_key
from ui.wall.canvas import WallCanvas
from ui.wall.outputs_model import WallOutputsModel, WallSourcesModel
from ui.wall.wall_desk import LAYOUT_ACTION, WallDesk

Picture = Callable[[str], QImage | None]
LAYOUT_COLUMNS = 5
ACTIVE_LAYOUT_STYLE = "QPushButton:checked { background: #1565c0; color: white; font-weight: bold; }"


def _button(text: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keyboard stays with the hotkeys
    button.clicked.connect(slot)
    return button


class WallPage(QWidget):
    def __init__(
        self,
        desk: WallDesk,
        wall: WallConfig,
        cameras: dict[str, str],
        picture: Picture,
        hotkeys: HotkeyMap,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.wall = wall
        bridge = desk.bridges[wall.id]
        source_cameras = {number: cameras[name] for number, name in wall.sources.items() if name in cameras}
        self.outputs = WallOutputsModel(wall, bridge, source_cameras, self)
        self.status = QLabel()
        self.canvas: WallCanvas | None = None
        self.sources: QListView | None = None
        self.take_over = _button("", self._take_over)  # named after the selected screen when shown
        self.take_over.hide()
        self.layout_buttons: dict[int, QPushButton] = {}
        self.offer = self._offer_bar()
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.take_over)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.offer)
        if (desk.can(wall.id, Capability.ROUTE) or desk.can(wall.id, Capability.WINDOWS)) and wall.outputs:
            layout.addLayout(self._routing(picture), 1)
        if desk.can(wall.id, Capability.LAYOUTS) or desk.can(wall.id, Capability.PRESETS):
            layout.addLayout(self._layouts())
        if desk.can(wall.id, Capability.DISPLAY_POWER) or desk.can(wall.id, Capability.DISPLAY_INPUT):
            layout.addLayout(self._display())
        bridge.stateChanged.connect(self._show_state)
        desk.outputResult.connect(self._on_output_result)
        desk.layoutChanged.connect(self._on_layout_changed)
        self.outputs.dataChanged.connect(self._update_take_over)
        self._show_state(bridge.state)
        self.set_hotkeys(hotkeys)

    # ---- parts ----------------------------------------------------------------------------------
    def _routing(self, picture: Picture) -> QHBoxLayout:
        self.canvas = WallCanvas(self.outputs, picture)
        self.canvas.sourceDropped.connect(lambda output, input: self.desk.route(self.wall.id, output, input))
        self.canvas.outputSelected.connect(self._update_take_over)
        self.canvas.takeOverRequested.connect(lambda output: self.desk.take_over(self.wall.id, output))
        self.sources = QListView()
        self.sources.setModel(WallSourcesModel(self.wall, self))
        self.sources.setDragEnabled(True)
        self.sources.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.sources.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.sources.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sources.setToolTip(self.tr("Drag a source onto a screen of the wall"))
        column = QVBoxLayout()
        column.addWidget(QLabel(self.tr("Sources")))
        column.addWidget(self.sources, 1)
        row = QHBoxLayout()
        row.addWidget(self.canvas, 4)
        row.addLayout(column, 1)
        return row

    def _layouts(self) -> QGridLayout:
        grid = QGridLayout()
        for position, (number, name) in enumerate(self.wall.layouts.items()):
            button = _button(name, partial(self._recall, number))
            button.setCheckable(True)  # checked: the layout the wall shows
            button.setStyleSheet(ACTIVE_LAYOUT_STYLE)
            self.layout_buttons[number] = button
            grid.addWidget(button, position // LAYOUT_COLUMNS, position % LAYOUT_COLUMNS)
        return grid

    def _offer_bar(self) -> QFrame:
        """ "Layout X would change screens of another event": take them over and recall, or not."""
        bar = QFrame()
        bar.setObjectName("layoutOffer")
        bar.setStyleSheet(
            "QFrame#layoutOffer { background: #ffb74d; } QFrame#layoutOffer QLabel { color: black; }"
        )
        self.offer_text = QLabel()
        self.offer_text.setWordWrap(True)
        self.offer_accept = _button(self.tr("Take over and recall"), self._accept_offer)
        self.offer_cancel = _button(self.tr("Cancel"), self.desk.cancel_offer)
        row = QHBoxLayout(bar)
        row.setContentsMargins(6, 2, 6, 2)
        row.addWidget(self.offer_text, 1)
        row.addWidget(self.offer_accept)
        row.addWidget(self.offer_cancel)
        bar.hide()
        return bar

    def _display(self) -> QHBoxLayout:
        row = QHBoxLayout()
        if self.desk.can(self.wall.id, Capability.DISPLAY_POWER):
            row.addWidget(_button(self.tr("Power on"), lambda: self.desk.power(self.wall.id, True)))
            row.addWidget(_button(self.tr("Standby"), lambda: self.desk.power(self.wall.id, False)))
        if self.desk.can(self.wall.id, Capability.DISPLAY_INPUT):
            for code, name in self.wall.inputs.items():
                row.addWidget(_button(name, partial(self.desk.select_input, self.wall.id, code)))
        row.addStretch()
        return row

    # ---- state ----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        """A new interface language: the texts composed here are composed again."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.set_hotkeys(self._hotkeys)
            self._show_state(self.desk.bridges[self.wall.id].state)
            self._show_layout()
            self._update_take_over()

    def set_hotkeys(self, hotkeys: HotkeyMap) -> None:
        self._hotkeys = hotkeys
        for number, button in self.layout_buttons.items():
            name = self.wall.layouts[number]
            action = f"{LAYOUT_ACTION}{number}"
            keys = hotkeys.keys(action) if 1 <= number <= 9 else ()
            button.setText(f"{name}  ({display_key(keys[0])})" if keys else name)
            button.setToolTip(
                self.tr("Recall layout %1 on %2").replace("%1", name).replace("%2", self.wall.name)
            )

    def _show_state(self, state: WallState) -> None:
        link = {
            Link.ONLINE: self.tr("online"),
            Link.CONNECTING: self.tr("connecting"),
            Link.OFFLINE: self.tr("offline"),
        }[state.link]
        device = state.protocol if state.profile is None else f"{state.protocol} {state.profile}"
        text = f"<b>{self.wall.name}</b> · {device} · {link}"
        active = self.desk.active_layouts.get(self.wall.id)
        if active is not None:
            text += " · " + self.tr("layout <b>%1</b>").replace(
                "%1", self.desk.layout_name(self.wall.id, active)
            )
        if state.link is Link.OFFLINE and state.last_error:
            text += f" — {said(state.last_error)}"
        self.status.setText(text)
        self.status.setStyleSheet("" if state.link is not Link.OFFLINE else "color: #ef5350;")
        self.status.setToolTip(self._learned(state))
        layouts_work = state.link is not Link.OFFLINE
        for button in self.layout_buttons.values():
            button.setEnabled(layouts_work)

    def _learned(self, state: WallState) -> str:
        """What the device told about itself, one short line each; only what is known."""
        lines = []
        if state.profile is not None:
            lines.append(self.tr("Model: %1").replace("%1", state.profile))
        if state.firmware is not None:
            lines.append(self.tr("Firmware: %1").replace("%1", state.firmware))
        if state.inputs is not None and state.outputs is not None:
            lines.append(
                self.tr("%1 inputs × %2 outputs")
                .replace("%1", str(state.inputs))
                .replace("%2", str(state.outputs))
            )
        if state.presets is not None:
            lines.append(self.tr("%1 presets").replace("%1", str(state.presets)))
        if state.layers:
            lines.append(self.tr("Layers: %1").replace("%1", ", ".join(state.layers)))
        if state.unsupported:
            lines.append(
                self.tr("Not supported by the device: %1").replace("%1", ", ".join(state.unsupported))
            )
        return "\n".join(lines)

    def _recall(self, number: int) -> None:
        self.desk.recall_layout(self.wall.id, number)
        self._show_layout()  # a click toggles the button; it shows the wall, not the click

    def _on_layout_changed(self, wall_id: str) -> None:
        if wall_id == self.wall.id:
            self._show_layout()
            self._show_state(self.desk.bridges[self.wall.id].state)

    def _show_layout(self) -> None:
        active = self.desk.active_layouts.get(self.wall.id)
        for number, button in self.layout_buttons.items():
            button.setChecked(number == active)
        offer = self.desk.offer
        if offer is None or offer[0] != self.wall.id:
            self.offer.hide()
            return
        names, titles = self.desk.blocked(self.wall.id, self.wall.outputs)
        self.offer_text.setText(
            self.tr("%1 would change %2, which %3 uses.")
            .replace("%1", self.desk.layout_name(self.wall.id, offer[1]))
            .replace("%2", names)
            .replace("%3", titles)
        )
        self.offer.show()

    def _accept_offer(self) -> None:
        if self.desk.offer is not None:
            self.desk.take_over_and_recall(*self.desk.offer)

    def _on_output_result(self, wall_id: str, output: int, why: str) -> None:
        if wall_id == self.wall.id:
            self.outputs.set_failure(output, why)

    def _update_take_over(self) -> None:
        selected = self.canvas.selected if self.canvas is not None else None
        row = self.outputs.row_of(selected) if selected is not None else -1
        output = self.outputs.output(row) if row >= 0 else None
        self.take_over.setVisible(output is not None and output.blocked)
        if output is not None:
            self.take_over.setText(self.tr("Take over %1").replace("%1", output.name))

    def _take_over(self) -> None:
        if self.canvas is not None and self.canvas.selected is not None:
            self.desk.take_over(self.wall.id, self.canvas.selected)
