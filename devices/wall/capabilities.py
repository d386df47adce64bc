"""What a wall device can do, declared by its driver so the UI offers only that."""

from __future__ import annotations

import enum

from common.wording import QT_TRANSLATE_NOOP


class Capability(enum.Flag):
    ROUTE = enum.auto()  # input → output on a matrix (layers: see the driver's ``layers``)
    ROUTE_QUERY = enum.auto()  # read back which input feeds each output
    PRESETS = enum.auto()  # recall and save whole-matrix presets
    WINDOWS = enum.auto()  # wall processor: a source into a window of a canvas
    LAYOUTS = enum.auto()  # wall processor: recall a window layout on a canvas
    STATUS_QUERY = enum.auto()  # ask the device for its current state
    DISPLAY_POWER = enum.auto()
    DISPLAY_INPUT = enum.auto()
    TILE_MODE = enum.auto()  # a display showing its part of a rows × columns picture


#: What each capability lets an operator do, worded for "… cannot <doing>" messages.
DOINGS = {
    Capability.ROUTE: QT_TRANSLATE_NOOP("Wall", "route inputs to outputs"),
    Capability.ROUTE_QUERY: QT_TRANSLATE_NOOP("Wall", "report its routes"),
    Capability.PRESETS: QT_TRANSLATE_NOOP("Wall", "recall or save presets"),
    Capability.WINDOWS: QT_TRANSLATE_NOOP("Wall", "put sources into windows"),
    Capability.LAYOUTS: QT_TRANSLATE_NOOP("Wall", "recall window layouts"),
    Capability.STATUS_QUERY: QT_TRANSLATE_NOOP("Wall", "report its status"),
    Capability.DISPLAY_POWER: QT_TRANSLATE_NOOP("Wall", "switch display power"),
    Capability.DISPLAY_INPUT: QT_TRANSLATE_NOOP("Wall", "select a display input"),
    Capability.TILE_MODE: QT_TRANSLATE_NOOP("Wall", "set a tile mode"),
}


def names(capabilities: Capability) -> tuple[str, ...]:
    """``("ROUTE", "PRESETS", …)`` in declaration order, for snapshots and JSON."""
    return tuple(c.name for c in Capability if c in capabilities and c.name)


def require(have: Capability, needed: Capability, device: str) -> None:
    """Raise ``ValueError`` naming what ``device`` cannot do; nothing is sent."""
    if needed not in have:
        raise ValueError(
            QT_TRANSLATE_NOOP("Wall", "{device} cannot {doing}").format(device=device, doing=DOINGS[needed])
        )
