"""The operator's main window: the camera bank, and the controls, presets, health, events, the
video wall and the log in docks that the operator may rearrange (remembered per workstation, and
arranged for the screen when nothing fits: ui/desk/window_layout.py). ALL STOP and the notices share
the bar at the top, so a notice never moves a camera tile."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QLabel,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from models.desk.hotkey_actions import MULTIVIEW
from models.desk.preset_library import PresetLibrary
from ui.common.notices import LogModel, LogPane, NoticeBanner
from ui.desk import window_layout
from ui.desk.camera_grid import CameraGrid
from ui.desk.camera_model import CameraListModel
from ui.desk.camera_windows import EnlargedPreview, Multiview
from ui.desk.control_panel import ControlPanel
from ui.desk.events_panel import EventsPanel
from ui.desk.health_table import HealthTable
from ui.desk.operator_desk import OperatorDesk
from ui.desk.preset_grid import PresetGrid
from ui.preview.hub import PreviewHub
from ui.preview.views import TILES, ViewWatcher

SETTINGS_VERSION = 2  # 2: every dock in the column right of the bank (1 had docks below it)


class MainWindow(QMainWindow):
    def __init__(
        self,
        desk: OperatorDesk,
        cameras: CameraListModel,
        previews: PreviewHub,
        library: PresetLibrary,
        log: LogModel,
        settings: QSettings,
        wall: QWidget | None = None,
    ) -> None:
        super().__init__()
        self.desk = desk
        self.cameras = cameras
        self.previews = previews
        ViewWatcher(self, previews, TILES)  # minimised or hidden: the tiles' cameras pause
        self.settings = settings
        self.setWindowTitle(self.tr("Smart Centre Console"))
        self.setObjectName("MainWindow")
        self.banner = NoticeBanner()
        self.bank = CameraGrid(cameras)
        self.setCentralWidget(self.bank)
        self.enlarged: EnlargedPreview | None = None
        self.multiview: Multiview | None = None
        self.all_stop = QPushButton(self.tr("ALL STOP"))
        self.all_stop.setObjectName("allStop")
        self.all_stop.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_stop.setStyleSheet(
            "QPushButton#allStop { background: #c62828; color: white; font-size: 18px;"
            " font-weight: bold; padding: 8px 24px; }"
        )
        self.all_stop.clicked.connect(desk.all_stop)
        toolbar = QToolBar(self.tr("Safety"))
        toolbar.setObjectName("safetyBar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.all_stop)
        toolbar.addWidget(self._notice_box(self.all_stop.sizeHint().height()))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.controls = ControlPanel(desk)
        self.presets = PresetGrid(desk, library, previews.latest)
        self.events = EventsPanel(desk)
        self.health = HealthTable(self.cameras)
        self.log_pane = LogPane(log)
        self.docks: dict[str, QDockWidget] = {}
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu.addAction(self.tr("Enlarge selected camera"), lambda: self.enlarge(desk.selected))
        self.view_menu.addAction(self.tr("Arrange the docks for this screen"), self.arrange_docks)
        self.view_menu.addSeparator()
        self.add_dock("controls", self.tr("Controls"), self.controls)
        self.add_dock("presets", self.tr("Presets"), self.presets)
        self.add_dock("events", self.tr("Events"), self.events, scrolled=True)
        self.add_dock("health", self.tr("Camera health"), self._health_page())
        self.add_dock("log", self.tr("Log"), self.log_pane)
        if wall is not None:
            self.add_dock("wall", self.tr("Video wall"), wall, scrolled=True)
        self.presets.view.setMinimumHeight(window_layout.PRESETS_MIN_HEIGHT)
        # the controls never grow taller than they need: the room below them goes to the presets and tabs
        self.controls.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        take_over = QAction(self.tr("Take over selected camera"), self, shortcut=QKeySequence("Ctrl+T"))
        take_over.triggered.connect(lambda: desk.take_over())
        self.tools_menu.addAction(take_over)
        desk.selectionChanged.connect(self.bank.show_selected)
        desk.notice.connect(log.add)
        desk.notice.connect(self.banner.show_notice)
        self.bank.cameraClicked.connect(desk.select)
        self.bank.cameraDoubleClicked.connect(self.enlarge)
        previews.frameReady.connect(cameras.set_preview)
        previews.statusChanged.connect(cameras.set_preview_status)
        previews.decodingChanged.connect(cameras.set_decoding)
        desk.ownershipChanged.connect(self.update_owners)
        self.events.changed.connect(self.update_owners)
        if desk.selected:
            self.bank.show_selected(desk.selected)
        self._balance = QTimer(self, singleShot=True, interval=0)
        self._balance.timeout.connect(self._balance_column)
        self.resize(1600, 950)  # the layout is restored once every dock is there: restore_layout()

    def add_dock(self, name: str, title: str, widget: QWidget, *, scrolled: bool = False) -> QDockWidget:
        """A dock in the column right of the bank, listed in the View menu; ``scrolled``: a form that
        scrolls when the dock is smaller than the form, instead of growing the window."""
        if scrolled:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(widget)
            widget = scroll
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.docks[name] = dock
        self.view_menu.addAction(dock.toggleViewAction())
        return dock

    def _notice_box(self, height: int) -> QWidget:
        """The banner's place beside ALL STOP: always there and always this high, shown or not."""
        box = QWidget()
        box.setFixedHeight(height)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.banner)
        self.banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        return box

    def _health_page(self) -> QWidget:
        """The health table and, under it, the desk's other health: the operations log's last backup."""
        self.health_note = QLabel()
        self.health_note.setWordWrap(True)
        self.health_note.hide()
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.health, 1)
        layout.addWidget(self.health_note)
        return page

    def update_owners(self) -> None:
        for row in self.cameras.cameras():
            owners = self.desk.board.owners(row.camera_id)
            self.cameras.set_owner(row.camera_id, ", ".join(e.title for e in owners))

    # ---- large views ---------------------------------------------------------------------------
    def press(self, action: str) -> None:
        """Hotkey actions of the window itself."""
        if action == MULTIVIEW:
            self.toggle_multiview()

    def enlarge(self, camera_id: str | None) -> None:
        """The enlarged preview of a camera (one at a time)."""
        if camera_id is None or self.cameras.row_of(camera_id) < 0:
            return
        if self.enlarged is not None:
            self.enlarged.close()
        view = self.enlarged = EnlargedPreview(self.cameras, self.previews, camera_id, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.finished.connect(lambda _result: self._forget_enlarged(view))
        view.open_over(self)

    def _forget_enlarged(self, view: EnlargedPreview) -> None:
        if self.enlarged is view:
            self.enlarged = None

    def toggle_multiview(self) -> None:
        if self.multiview is not None and self.multiview.isVisible():
            self.multiview.close()
            return
        if self.multiview is None:
            self.multiview = Multiview(self.cameras, self.previews, self.bank.selectionModel(), self)
            self.multiview.cameraClicked.connect(self.desk.select)
        self.multiview.open_on(self.screen(), QGuiApplication.screens())

    # ---- layout ----------------------------------------------------------------------------------
    def arrange_docks(self, room: QSize | None = None) -> None:
        """Every dock in its place for a window of ``room`` (default: what this screen offers)."""
        window_layout.arrange(self, self.docks, room or window_layout.room_on(self.screen()))
        self._balance.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._balance.start()  # once the docks have their new sizes

    def _balance_column(self) -> None:
        window_layout.balance(self, self.bank, self.docks)

    # ---- layout memory -------------------------------------------------------------------------
    def show_as_remembered(self) -> None:
        """Maximised the first time; afterwards as the operator left it."""
        if self.settings.contains("window/geometry"):
            self.show()
        else:
            self.showMaximized()

    def restore_layout(self, room: QSize | None = None) -> None:
        """The window and docks as saved, unless they need more than ``room`` (default: what this screen
        offers) and more than the docks arranged for it; then (and for an older console's layout, or
        with nothing saved) arranged for it."""
        room = room or window_layout.room_on(self.screen())
        self.arrange_docks(room)
        arranged = self.minimumSizeHint()
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if self.settings.value("window/version", 0, int) != SETTINGS_VERSION or state is None:
            return
        if self.restoreState(state, SETTINGS_VERSION) and window_layout.fits(self, room, arranged):
            if geometry is not None:
                self.restoreGeometry(geometry)
            window_layout.readable_tabs(self)
        else:
            self.arrange_docks(room)

    def save_layout(self) -> None:
        self.settings.setValue("window/version", SETTINGS_VERSION)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(SETTINGS_VERSION))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.desk.all_stop()  # nothing keeps moving after the console closes
        self.save_layout()
        for view in (self.enlarged, self.multiview):
            if view is not None:
                view.close()
        super().closeEvent(event)
