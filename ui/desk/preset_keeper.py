"""Saving, clearing and restoring presets with what the console keeps about them (name, thumbnail,
position; see ``models/desk/preset_library.py`` for why positions).

Undo: for 10 s after a preset was overwritten or cleared, ``undo`` puts it back. The camera has
lost the old preset, so the camera is sent to the old position (pan, tilt, zoom as read back when
it was saved) and the preset saved there again: undo moves the camera, as a recall of the old
preset would. Undo is offered only when the old position is known.

Signals:
    changed(str camera id, int preset): its name, thumbnail or position changed.
    undoChanged(str): what ``undo`` would undo, in words; "" when nothing can be undone.
    told(str): how an undo went, in words (also a notice for the log pane).
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from devices.visca.state import CameraError
from models.desk.preset_library import PresetLibrary, PresetPosition, PresetRecord
from ui.common.device_words import result_text
from ui.common.wording import said
from ui.desk.operator_desk import OperatorDesk
from ui.desk.preset_model import THUMB

UNDO_SECONDS = 10
READ_TRIES = 3  # asking where the camera is after a save
ASK_AGAIN = ("timeout", "garbled answer")
Futures = list[concurrent.futures.Future]


@dataclass(frozen=True)
class _Undo:
    camera_id: str
    number: int
    before: PresetRecord
    what: str  # the button's words


class PresetKeeper(QObject):
    changed = Signal(str, int)
    undoChanged = Signal(str)
    told = Signal(str)
    _ready = Signal(object, object)  # device thread -> GUI: what to do next, the finished futures

    def __init__(
        self,
        desk: OperatorDesk,
        library: PresetLibrary,
        grab_frame: Callable[[str], QImage | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.desk = desk
        self.library = library
        self.grab_frame = grab_frame  # camera id -> the latest preview frame
        self._undo: _Undo | None = None
        self._undo_timer = QTimer(self, singleShot=True, interval=UNDO_SECONDS * 1000)
        self._undo_timer.timeout.connect(self._drop_undo)
        self._ready.connect(lambda then, futures: then(futures), Qt.ConnectionType.QueuedConnection)
        desk.presetSaved.connect(self._on_saved)

    # ---- what the grid asks -----------------------------------------------------------------------
    def occupied(self, camera_id: str, number: int) -> bool:
        return self.library.occupied(camera_id, number)

    def undoable(self, camera_id: str, number: int) -> bool:
        """Overwriting or clearing this preset can be undone (its position is known)."""
        return self.library.position(camera_id, number) is not None

    def next_free(self, camera_id: str) -> int | None:
        profile = self.desk.bridges[camera_id].controller.profile
        return next(
            (
                n
                for n in range(profile.preset_min, profile.preset_max + 1)
                if n not in profile.preset_reserved and not self.occupied(camera_id, n)
            ),
            None,
        )

    def save(self, camera_id: str, number: int) -> None:
        before = self.library.record(camera_id, number) if self.occupied(camera_id, number) else None
        if self.desk.save_preset(number, camera_id) is not None and before is not None:
            self._offer_undo(camera_id, number, before, self.tr("Undo overwrite of preset %1"))

    def clear(self, camera_id: str, number: int) -> None:
        before = self.library.record(camera_id, number)
        if self.desk.clear_preset(number, camera_id) is None:
            return
        self.library.forget(camera_id, number)
        self.changed.emit(camera_id, number)
        self._offer_undo(camera_id, number, before, self.tr("Undo clear of preset %1"))

    @Slot()
    def undo(self) -> None:
        undo, self._undo = self._undo, None
        self._drop_undo()
        if undo is None or not self.desk.may_move(undo.camera_id):
            return
        position = undo.before.position
        assert position is not None  # offered only then
        controller = self.desk.bridges[undo.camera_id].controller
        self._tell(
            "info",
            self._words(self.tr("Restoring preset %1 of %2: the camera goes to its old position"), undo),
        )
        moves = [controller.goto(position.pan, position.tilt)]
        if position.zoom is not None:
            moves.append(controller.zoom_to(position.zoom))
        self._after(moves, lambda done: self._save_again(undo, done))

    def _save_again(self, undo: _Undo, moves: Futures) -> None:
        failed = next((move.exception() for move in moves if move.exception() is not None), None)
        if failed is not None:  # stopped, offline, refused: the preset stays as it is now
            why = result_text(failed.result) if isinstance(failed, CameraError) else said(failed)
            self._tell(
                "warning",
                self._words(self.tr("Preset %1 of %2 was not restored: %3"), undo).replace("%3", why),
            )
            return
        self.library.restore(undo.camera_id, undo.number, undo.before)
        self.desk.save_preset(undo.number, undo.camera_id)  # a fresh thumbnail and position too
        self.changed.emit(undo.camera_id, undo.number)
        self._tell("info", self._words(self.tr("Preset %1 of %2 is back as it was"), undo))

    def _offer_undo(self, camera_id: str, number: int, before: PresetRecord, what: str) -> None:
        if before.position is None:
            return
        self._undo = _Undo(camera_id, number, before, what.replace("%1", str(number)))
        self._undo_timer.start()
        self.undoChanged.emit(self._undo.what)

    @Slot()
    def _drop_undo(self) -> None:
        self._undo_timer.stop()
        self._undo = None
        self.undoChanged.emit("")

    def _tell(self, level: str, text: str) -> None:
        self.desk.notice.emit(level, text)
        self.told.emit(text)

    def _words(self, text: str, undo: _Undo) -> str:
        return text.replace("%1", str(undo.number)).replace(
            "%2", self.desk.names.get(undo.camera_id, undo.camera_id)
        )

    # ---- a preset was saved (here, by undo or by anyone calling the desk) --------------------------
    @Slot(str, int)
    def _on_saved(self, camera_id: str, number: int) -> None:
        self._store_thumbnail(camera_id, number)
        self._read_position(camera_id, number, tries=READ_TRIES)

    def _read_position(self, camera_id: str, number: int, tries: int) -> None:
        controller = self.desk.bridges[camera_id].controller
        reads = [controller.inquire("position"), controller.inquire("zoom")]  # queued after the save: still
        self._after(reads, lambda done: self._remember(camera_id, number, done, tries - 1))

    def _remember(self, camera_id: str, number: int, reads: Futures, tries_left: int) -> None:
        position, zoom = reads
        failed = position.exception()
        if failed is not None:
            # an inquiry is not resent: a lost or garbled answer is asked again (not a camera gone or closed)
            if tries_left > 0 and isinstance(failed, CameraError) and failed.result in ASK_AGAIN:
                self._read_position(camera_id, number, tries_left)
            return  # not known: an overwrite of this preset cannot be undone
        pan, tilt = position.result()
        known_zoom = (
            self.desk.bridges[camera_id].controller.snapshot().zoom if zoom.exception() is None else None
        )
        self.library.remember(camera_id, number, PresetPosition(pan, tilt, known_zoom))
        self.changed.emit(camera_id, number)

    def _store_thumbnail(self, camera_id: str, number: int) -> None:
        image = self.grab_frame(camera_id)
        if image is None or image.isNull():
            return
        path = self.library.thumbnail_path(camera_id, number)
        path.parent.mkdir(parents=True, exist_ok=True)
        image.scaled(
            THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        ).save(str(path), "PNG")  # type: ignore[call-overload]  # the stub wants bytes; PySide6 takes only str
        self.changed.emit(camera_id, number)

    def _after(self, futures: Futures, then: Callable[[Futures], None]) -> None:
        """Call ``then(futures)`` on the GUI thread once every future is done (they finish on the device
        thread)."""
        remaining = [len(futures)]
        lock = threading.Lock()

        def one_done(_future: concurrent.futures.Future) -> None:
            with lock:
                remaining[0] -= 1
                last = remaining[0] == 0
            if last:
                self._ready.emit(then, futures)

        for future in futures:
            future.add_done_callback(one_done)
