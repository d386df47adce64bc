"""One OBS output on the Broadcast dock: on air and recording with their times, the figures, the scenes
(click or Enter cuts) and the stream and record buttons.

Stopping a live stream takes a second press of Stop stream within ``CONFIRM_SECONDS`` (the button
says so meanwhile); a command on another running event's output shows the take-over bar instead.
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from devices.obs.state import ObsState, OnAir
from ui.broadcast.desk import BroadcastDesk
from ui.broadcast.scenes import SceneListModel, SceneListView
from ui.broadcast.words import ON_AIR_COLOURS, figures_text, on_air_key, on_air_text, recording_text
from ui.common.ticking_label import TickingLabel

CONFIRM_SECONDS = 3
BADGE = "background: {colour}; color: white; font-weight: bold; padding: 4px;"


class OutputPanel(QWidget):
    def __init__(self, desk: BroadcastDesk, output_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.output_id = desk, output_id
        self.on_air = TickingLabel()  # the times and figures change every second: see TickingLabel
        self.on_air.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.on_air.setMinimumHeight(30)
        self.recording = TickingLabel()
        self.owner = QLabel()
        self.owner.setWordWrap(True)
        self.figures = TickingLabel()
        self.figures.setWordWrap(True)
        self.scenes = SceneListModel(self)
        self.scene_view = SceneListView(self.scenes)
        self.scene_view.cutRequested.connect(lambda scene: desk.cut(output_id, scene))
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for number, name in enumerate(("start_stream", "stop_stream", "start_record", "stop_record")):
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked=False, name=name: self._press(name))
            self.buttons[name] = button
            grid.addWidget(button, number // 2, number % 2)
        self.take_over_bar = QWidget()
        self.take_over_text = QLabel()
        self.take_over_text.setWordWrap(True)
        self.take_over_button = QPushButton()
        self.take_over_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.take_over_button.clicked.connect(lambda: desk.take_over(output_id))
        bar = QHBoxLayout(self.take_over_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.take_over_text, 1)
        bar.addWidget(self.take_over_button)
        self.take_over_bar.hide()
        self.scenes_label = QLabel()
        layout = QVBoxLayout(self)
        state_row = QHBoxLayout()  # on a 1366×768 desk every line counts: the scenes need the room
        state_row.addWidget(self.on_air, 2)
        state_row.addWidget(self.recording, 1)
        layout.addLayout(state_row)
        layout.addWidget(self.owner)
        layout.addWidget(self.figures)
        layout.addWidget(self.take_over_bar)
        layout.addLayout(grid)
        layout.addWidget(self.scenes_label)
        layout.addWidget(self.scene_view, 1)
        self._confirm = QTimer(self, singleShot=True, interval=CONFIRM_SECONDS * 1000)
        self._confirm.timeout.connect(self._cancel_confirm)
        desk.outputChanged.connect(self._on_output)
        desk.blocked.connect(self._on_blocked)
        desk.takenOver.connect(self._on_taken)
        self.retranslate()
        self.show_state(desk.state(output_id))

    def retranslate(self) -> None:
        words = {
            "start_stream": self.tr("Start stream"),
            "stop_stream": self.tr("Stop stream"),
            "start_record": self.tr("Start record"),
            "stop_record": self.tr("Stop record"),
        }
        for name, button in self.buttons.items():
            button.setText(words[name])
        if self._confirm.isActive():
            self.buttons["stop_stream"].setText(self.tr("Press again to stop the stream"))
        self.take_over_button.setText(self.tr("Take over"))
        self.scenes_label.setText(self.tr("Scenes (click or Enter cuts):"))
        self.show_state(self.desk.state(self.output_id))

    # ---- state -----------------------------------------------------------------------------------
    def _on_output(self, output_id: str, state: ObsState) -> None:
        if output_id == self.output_id:
            self.show_state(state)

    def show_state(self, state: ObsState) -> None:
        self.scenes.set_state(state)
        style = BADGE.format(colour=ON_AIR_COLOURS[on_air_key(state)].name())
        if style != self.on_air.label.styleSheet():  # a new style sheet polishes the label: only on a change
            self.on_air.label.setStyleSheet(style)
        online = state.online
        self.scene_view.setEnabled(online)  # what OBS showed before it went offline is not known now
        self.buttons["start_stream"].setEnabled(online and state.on_air is OnAir.READY)
        self.buttons["stop_stream"].setEnabled(online and state.streaming)
        self.buttons["start_record"].setEnabled(online and not state.is_recording)
        self.buttons["stop_record"].setEnabled(online and state.is_recording)
        if not state.streaming:
            self._cancel_confirm()
        self.tick()

    def tick(self, now: float | None = None) -> None:
        """The times (the dock's one clock calls it every second) and the figures."""
        state = self.desk.state(self.output_id)
        now = now or time.time()
        self.on_air.setText(on_air_text(state, now))
        self.recording.setText(recording_text(state, now))
        self.figures.setText(figures_text(state) if state.online else "")
        owners = self.desk.owner_titles(self.output_id)
        self.owner.setText(
            self.tr("Streams for: %1").replace("%1", owners)
            if owners
            else self.tr("No running event streams here")
        )
        tip = state.error and self.tr("OBS: %1").replace("%1", str(state.error)) or ""
        if tip != self.toolTip():  # a tool tip set, even the same, is an event to every child
            self.setToolTip(tip)

    # ---- buttons ----------------------------------------------------------------------------------
    def _press(self, name: str) -> None:
        if name == "stop_stream" and self.desk.state(self.output_id).on_air is OnAir.LIVE:
            if not self._confirm.isActive():
                self._confirm.start()
                self.buttons[name].setText(self.tr("Press again to stop the stream"))
                self.desk.notice.emit(
                    "warning",
                    self.tr("%1 is live: press Stop stream again within %2 s to stop it")
                    .replace("%1", self.desk.names[self.output_id])
                    .replace("%2", str(CONFIRM_SECONDS)),
                )
                return
            self._cancel_confirm()
        self.desk.command(self.output_id, name)

    def _cancel_confirm(self) -> None:
        self._confirm.stop()
        self.buttons["stop_stream"].setText(self.tr("Stop stream"))

    def _on_blocked(self, output_id: str, sentence: str) -> None:
        if output_id == self.output_id:
            self.take_over_text.setText(sentence)
            self.take_over_bar.show()
            self.desk.notice.emit("warning", sentence)

    def _on_taken(self, output_id: str) -> None:
        if output_id == self.output_id:
            self.take_over_bar.hide()
