"""Windows that show the cameras large: the enlarged preview of one camera (double-click a tile)
and the multiview of every camera (F11, for a second monitor), with tally borders.

Both are dialogs, so Esc closes them and stops no camera. Their tiles are the bank's tiles
(ui/desk/camera_grid.py); their pictures come from the cameras' one preview worker each, which
delivers frames for the largest view showing a camera (``PreviewHub.set_size``) — a window
opens no second stream. The tally border of every tile follows ``CameraListModel.set_tally``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QScreen, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QDialog, QLabel, QVBoxLayout, QWidget

from ui.desk.camera_grid import CameraGrid
from ui.desk.camera_model import CameraListModel
from ui.preview.hub import PreviewHub
from ui.preview.views import ViewWatcher

ENLARGED_SHARE = 0.8  # of the console window's size


class CameraWindow(QDialog):
    """Signal: cameraClicked(str) — the operator clicked a camera's tile here."""

    cameraClicked = Signal(str)

    def __init__(
        self,
        cameras: CameraListModel,
        previews: PreviewHub,
        view: str,
        hint: str,
        parent: QWidget | None = None,
        *,
        only: str | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.view = view
        self.previews = previews
        ViewWatcher(self, previews, view)
        self.grid = CameraGrid(cameras, only=only)
        self.grid.pictureSizeChanged.connect(self._ask_frames)
        self.grid.cameraClicked.connect(self.cameraClicked)
        self.hint = QLabel(hint)
        self.hint.setStyleSheet("color: #9e9e9e; padding: 2px 6px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.hint)
        self.setStyleSheet("CameraWindow { background: #121212; }")
        self.finished.connect(lambda _result: previews.forget_view(view))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.grid.picture_size().isValid():  # shown again after closing: the hub has forgotten it
            self._ask_frames(self.grid.picture_size())

    def _ask_frames(self, size: QSize) -> None:
        """Frames of this window's cameras big enough for its tiles."""
        shown = {self.grid.cameras.camera(row).camera_id for row in self.grid.shown_rows()}
        for camera_id in self.previews.camera_ids():
            if camera_id in shown:
                self.previews.set_size(camera_id, size, self.view)


class EnlargedPreview(CameraWindow):
    """One camera, large; Esc, a double-click or closing the window ends it."""

    def __init__(
        self, cameras: CameraListModel, previews: PreviewHub, camera_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            cameras,
            previews,
            "enlarged",
            self.tr("Esc or a double-click closes this view"),
            parent,
            only=camera_id,
        )
        self.camera_id = camera_id
        self.setWindowTitle(self.tr("%1 – enlarged").replace("%1", cameras.name_of(camera_id)))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid.cameraDoubleClicked.connect(self.close)

    def open_over(self, window: QWidget) -> None:
        """Shown over the middle of ``window``, most of its size."""
        self.resize(window.size() * ENLARGED_SHARE)
        frame = self.frameGeometry()
        frame.moveCenter(window.frameGeometry().center())
        self.move(frame.topLeft())
        self.show()
        self.raise_()
        self.activateWindow()


class Multiview(CameraWindow):
    """Every camera with its tally border; on a second screen when there is one."""

    def __init__(
        self,
        cameras: CameraListModel,
        previews: PreviewHub,
        selection: QItemSelectionModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(cameras, previews, "multiview", self.tr("F11 or Esc closes the multiview"), parent)
        self.setWindowTitle(self.tr("Multiview – every camera"))
        self.grid.setSelectionModel(selection)  # the selected camera is framed here too

    def open_on(self, home: QScreen, screens: Sequence[QScreen]) -> None:
        """Full screen on a screen other than ``home`` (the console's); maximised on ``home`` if it is the
        only one."""
        other = other_screen(home, screens)
        if other is None:  # over the console: it has the keyboard until closed
            self.setGeometry(home.availableGeometry())
            self.showMaximized()
            self.raise_()
            self.activateWindow()
        else:  # the keyboard stays with the console
            self.setScreen(other)
            self.setGeometry(other.geometry())
            self.showFullScreen()


def other_screen(home: QScreen, screens: Sequence[QScreen]) -> QScreen | None:
    """The first screen that is not ``home`` (a mirror of it, with the same geometry, counts as home)."""
    return next((screen for screen in screens if screen.geometry() != home.geometry()), None)
