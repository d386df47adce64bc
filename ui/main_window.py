"""The operator's main window: camera bank in the middle, controls, presets, health, events,
the video wall and the log in docks that the operator may rearrange (remembered per workstation)."""
from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QHeaderView, QMainWindow, QPushButton, QTableView, QToolBar,
                               QVBoxLayout, QWidget)

from models.preset_library import PresetLibrary
from ui.camera_bank import CameraBank
from ui.camera_model import CameraListModel
from ui.control_panel import ControlPanel
from ui.desk import OperatorDesk
from ui.events_panel import EventsPanel
from ui.notices import LogModel, LogPane, NoticeBanner
from ui.preset_grid import PresetGrid
from ui.preview import PreviewHub

SETTINGS_VERSION = 1


class MainWindow(QMainWindow):
    def __init__(self, desk: OperatorDesk, cameras: CameraListModel, previews: PreviewHub,
                 library: PresetLibrary, log: LogModel, settings: QSettings, wall: QWidget | None = None) -> None:
        super().__init__()
        self.desk = desk
        self.cameras = cameras
        self.previews = previews
        self.settings = settings
        self.setWindowTitle(self.tr("Smart Centre Console"))
        self.setObjectName("MainWindow")
        self.banner = NoticeBanner()
        self.bank = CameraBank(cameras)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.bank, 1)
        self.setCentralWidget(central)
        self.all_stop = QPushButton(self.tr("ALL STOP"))
        self.all_stop.setObjectName("allStop")
        self.all_stop.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_stop.setStyleSheet("QPushButton#allStop { background: #c62828; color: white; font-size: 18px;"
                                    " font-weight: bold; padding: 8px 24px; }")
        self.all_stop.clicked.connect(desk.all_stop)
        toolbar = QToolBar(self.tr("Safety"))
        toolbar.setObjectName("safetyBar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.all_stop)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.controls = ControlPanel(desk)
        self.presets = PresetGrid(desk, library, previews.latest)
        self.events = EventsPanel(desk)
        self.health = self._health_view()
        self.log_pane = LogPane(log)
        self.docks: dict[str, QDockWidget] = {}
        self._dock("controls", self.tr("Controls"), self.controls, Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock("presets", self.tr("Presets"), self.presets, Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock("events", self.tr("Events"), self.events, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._dock("health", self.tr("Camera health"), self.health, Qt.DockWidgetArea.BottomDockWidgetArea)
        self._dock("log", self.tr("Log"), self.log_pane, Qt.DockWidgetArea.BottomDockWidgetArea)
        if wall is not None:
            self._dock("wall", self.tr("Video wall"), wall, Qt.DockWidgetArea.BottomDockWidgetArea)
            self.splitDockWidget(self.docks["events"], self.docks["wall"], Qt.Orientation.Horizontal)
        self.tabifyDockWidget(self.docks["events"], self.docks["health"])
        self.tabifyDockWidget(self.docks["health"], self.docks["log"])
        self.docks["events"].raise_()
        self.presets.view.setMinimumHeight(150)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        for dock in self.docks.values():
            self.view_menu.addAction(dock.toggleViewAction())
        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        take_over = QAction(self.tr("Take over selected camera"), self, shortcut=QKeySequence("Ctrl+T"))
        take_over.triggered.connect(lambda: desk.take_over())
        self.tools_menu.addAction(take_over)
        desk.selectionChanged.connect(self.bank.show_selected)
        desk.notice.connect(log.add)
        desk.notice.connect(self.banner.show_notice)
        self.bank.cameraActivated.connect(desk.select)
        previews.frameReady.connect(cameras.set_preview)
        previews.statusChanged.connect(cameras.set_preview_status)
        desk.ownershipChanged.connect(self.update_owners)
        self.events.changed.connect(self.update_owners)
        if desk.selected:
            self.bank.show_selected(desk.selected)
        self.resize(1600, 950)
        self.restore_layout()

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.docks[name] = dock

    def _health_view(self) -> QTableView:
        table = QTableView()
        table.setModel(self.cameras)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().hide()
        return table

    def update_owners(self) -> None:
        for row in self.cameras.cameras():
            owners = self.desk.board.owners(row.camera_id)
            self.cameras.set_owner(row.camera_id, ", ".join(e.title for e in owners))

    # ---- layout memory -------------------------------------------------------------------------
    def show_as_remembered(self) -> None:
        """Maximised the first time; afterwards as the operator left it."""
        if self.settings.contains("window/geometry"):
            self.show()
        else:
            self.showMaximized()

    def restore_layout(self) -> None:
        if self.settings.value("window/version", 0, int) != SETTINGS_VERSION:
            return
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state, SETTINGS_VERSION)

    def save_layout(self) -> None:
        self.settings.setValue("window/version", SETTINGS_VERSION)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(SETTINGS_VERSION))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.desk.all_stop()   # nothing keeps moving after the console closes
        self.save_layout()
        super().closeEvent(event)
