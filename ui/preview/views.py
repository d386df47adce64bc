"""Which views show each camera, at what size, and whether anybody can see them: what the camera's
preview worker must deliver (``ViewSizes.demand``), for the hub (hub.py) to apply.

Several views may show a camera at once (the bank's tile, an enlarged preview, the multiview).
They share the camera's one worker: each view says the size it shows the camera at, and the
worker delivers frames for the largest of them, never a second stream.
The bank's tiles get frames at the tile rate; while a larger view (the enlarged preview, the
multiview) shows a camera, its frames come at the source's own rate, up to the hub's maximum.
A view that nobody can see (its window minimised or hidden, ``ViewWatcher``) does not count: a camera
that no visible view shows is paused — nothing decoded, converted or delivered — until one shows it again.

Substream first: a camera may have two streams, its substream for the tiles (``preview:``, e.g.
640×360) and its main stream (``preview_hd:``, e.g. 1080p). The worker plays the substream
until a view other than the bank's tiles shows the camera larger than SUBSTREAM_SIZE (the
enlarged preview, a multiview of few cameras), then the main stream until no such view is left.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QSize
from PySide6.QtWidgets import QWidget

from devices.video import Size

TILES = "tiles"  # the bank of the main window: the view every camera has
LARGEST = QSize(1920, 1080)  # no view gets frames larger than full HD; the sources rarely send more
SUBSTREAM_SIZE = QSize(640, 360)  # the usual substream: enough for any view up to this size


def box(size: QSize) -> Size:
    """``size`` as the worker's (width, height); ValueError unless both are positive."""
    if size.width() <= 0 or size.height() <= 0:
        raise ValueError(f"preview size must be positive, not {size.width()}×{size.height()}")
    return size.width(), size.height()


@dataclass(frozen=True)
class Demand:
    """What the visible views showing a camera need of its worker."""

    size: Size  # the largest of their sizes, at most LARGEST
    beyond_tiles: bool  # a view other than the tiles is seen: frames at the source's own rate
    paused: bool  # no view is seen
    main_stream: bool  # a seen view other than the tiles is larger than SUBSTREAM_SIZE


class ViewSizes:
    """camera → view → the size the view shows the camera at; and the views nobody can see now."""

    def __init__(self) -> None:
        self._sizes: dict[str, dict[str, QSize]] = {}
        self._hidden: set[str] = set()

    def add_camera(self, camera_id: str, tile_size: QSize) -> None:
        self._sizes[camera_id] = {TILES: QSize(tile_size)}

    def remove_camera(self, camera_id: str) -> None:
        self._sizes.pop(camera_id, None)

    def cameras(self) -> list[str]:
        return list(self._sizes)

    def set_size(self, camera_id: str, view: str, size: QSize) -> None:
        box(size)
        self._sizes[camera_id][view] = QSize(size)

    def forget_view(self, view: str) -> list[str]:
        """``view`` shows no camera now; returns the cameras it showed (never any for the tiles)."""
        return [
            camera_id
            for camera_id, sizes in self._sizes.items()
            if view != TILES and sizes.pop(view, None) is not None
        ]

    def set_shown(self, view: str, shown: bool) -> None:
        if shown:
            self._hidden.discard(view)
        else:
            self._hidden.add(view)

    def is_hidden(self, view: str) -> bool:
        return view in self._hidden

    def demand(self, camera_id: str) -> Demand:
        sizes = self._sizes[camera_id]
        wanted = QSize(max(s.width() for s in sizes.values()), max(s.height() for s in sizes.values()))
        seen = set(sizes) - self._hidden
        large = any(
            view != TILES
            and (size.width() > SUBSTREAM_SIZE.width() or size.height() > SUBSTREAM_SIZE.height())
            for view, size in sizes.items()
            if view in seen
        )
        return Demand(
            size=box(wanted.boundedTo(LARGEST)),
            beyond_tiles=not seen <= {TILES},
            paused=not seen,
            main_stream=large,
        )


class ShowsViews(Protocol):
    def set_view_shown(self, view: str, shown: bool) -> None: ...


class ViewWatcher(QObject):
    """Tells the hub whether ``window`` can be seen: minimised or hidden, its view's cameras pause."""

    def __init__(self, window: QWidget, hub: ShowsViews, view: str) -> None:
        super().__init__(window)
        self._window, self._hub, self._view = window, hub, view
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.WindowStateChange, QEvent.Type.Show, QEvent.Type.Hide):
            self._hub.set_view_shown(self._view, self._window.isVisible() and not self._window.isMinimized())
        return False
