"""An OBS output's scenes as a list model and view: the program scene red, the preview (studio mode)
green, each also said in words; a click or Enter on a scene asks for a cut (``cutRequested``)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import QListView, QWidget

from devices.obs.state import ObsState

PROGRAM_COLOUR = QColor("#c62828")
PREVIEW_COLOUR = QColor("#2e7d32")
ROW_HEIGHT = 26  # a scene is a click target while on air: not a thin line
Index = QModelIndex | QPersistentModelIndex


class SceneListModel(QAbstractListModel):
    SceneRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenes: tuple[str, ...] = ()
        self.program: str | None = None
        self.preview: str | None = None

    def set_state(self, state: ObsState) -> None:
        if state.scenes != self.scenes:
            self.beginResetModel()
            self.scenes = state.scenes
            self.program, self.preview = state.program_scene, state.preview_scene
            self.endResetModel()
        elif (state.program_scene, state.preview_scene) != (self.program, self.preview):
            self.program, self.preview = state.program_scene, state.preview_scene
            if self.scenes:
                self.dataChanged.emit(self.index(0), self.index(len(self.scenes) - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.scenes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        scene = self.scenes[index.row()]
        live, cued = scene == self.program, scene == self.preview and scene != self.program
        if role == Qt.ItemDataRole.DisplayRole:
            if live:
                return self.tr("%1 — PROGRAM").replace("%1", scene)
            return self.tr("%1 — preview").replace("%1", scene) if cued else scene
        if role == Qt.ItemDataRole.BackgroundRole and (live or cued):
            return PROGRAM_COLOUR if live else PREVIEW_COLOUR
        if role == Qt.ItemDataRole.ForegroundRole and (live or cued):
            return QColor("white")
        if role == self.SceneRole:
            return scene
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(0, ROW_HEIGHT)
        return None


class SceneListView(QListView):
    """Signals: cutRequested(str scene) — clicked, or Enter/Return on the current scene."""

    cutRequested = Signal(str)

    def __init__(self, model: SceneListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # the arrow keys stay the cameras' hotkeys
        self.setUniformItemSizes(True)
        self.clicked.connect(self._ask)

    def _ask(self, index: QModelIndex) -> None:
        scene = index.data(SceneListModel.SceneRole)
        if scene:
            self.cutRequested.emit(scene)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._ask(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)
