"""The Broadcast dock: a tab per OBS output (``OutputPanel``), its title marking the live and recording
ones, and one clock for every output's uptime and recording time (times tick from
``ObsState.stream_started`` on the GUI's clock; the device sends no state just because a second
passed)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from devices.obs.state import ObsState
from ui.broadcast.desk import BroadcastDesk
from ui.broadcast.output_panel import OutputPanel

TICK_MS = 1000


class BroadcastDock(QWidget):
    def __init__(self, desk: BroadcastDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.panels: dict[str, OutputPanel] = {}
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.empty)
        layout.addWidget(self.tabs)
        for output_id in desk.bridges:
            self.add_panel(output_id)
        self._empty_or_tabs()
        desk.outputChanged.connect(self._title)
        self.clock = QTimer(self, interval=TICK_MS)
        self.clock.timeout.connect(self.tick)
        self.clock.start()
        self.retranslate()

    def add_panel(self, output_id: str) -> None:
        """A tab for an output of the desk's, in the order added (the configuration's)."""
        panel = OutputPanel(self.desk, output_id)
        self.panels[output_id] = panel
        self.tabs.addTab(panel, self.desk.names[output_id])
        self._title(output_id, self.desk.state(output_id))
        self._empty_or_tabs()

    def remove_panel(self, output_id: str) -> None:
        panel = self.panels.pop(output_id)
        self.tabs.removeTab(self.tabs.indexOf(panel))
        panel.deleteLater()
        self._empty_or_tabs()

    def _empty_or_tabs(self) -> None:
        self.empty.setVisible(not self.panels)
        self.tabs.setVisible(bool(self.panels))

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No OBS output is configured (broadcast: in the configuration)."))
        for panel in self.panels.values():
            panel.retranslate()
        for output_id in self.panels:
            self._title(output_id, self.desk.state(output_id))

    def tick(self) -> None:
        for panel in self.panels.values():
            panel.tick()

    def _title(self, output_id: str, state: ObsState) -> None:
        panel = self.panels.get(output_id)
        if panel is None:
            return
        name = self.desk.names[output_id]
        title = ("● " if state.streaming else "") + name
        if state.is_recording:
            title = self.tr("%1 · REC").replace("%1", title)
        index = self.tabs.indexOf(panel)
        if self.tabs.tabText(index) != title:  # a tab's text set, even the same, lays out the window again
            self.tabs.setTabText(index, title)
