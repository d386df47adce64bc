"""What a wall device can do, declared by its driver so the UI offers only that."""
from __future__ import annotations

import enum


class Capability(enum.Flag):
    ROUTE = enum.auto()           # input → output on a matrix (layers: see the driver's ``layers``)
    ROUTE_QUERY = enum.auto()     # read back which input feeds each output
    PRESETS = enum.auto()         # recall and save whole-matrix presets
    WINDOWS = enum.auto()         # wall processor: a source into a window of a canvas
    LAYOUTS = enum.auto()         # wall processor: recall a window layout on a canvas
    STATUS_QUERY = enum.auto()    # ask the device for its current state
    DISPLAY_POWER = enum.auto()
    DISPLAY_INPUT = enum.auto()
    TILE_MODE = enum.auto()       # a display showing its part of a rows × columns picture


#: What each capability lets an operator do, worded for "… cannot <doing>" messages.
DOINGS = {
    Capability.ROUTE: "route inputs to outputs",
    Capability.ROUTE_QUERY: "report its routes",
    Capability.PRESETS: "recall or save presets",
    Capability.WINDOWS: "put sources into windows",
    Capability.LAYOUTS: "recall window layouts",
    Capability.STATUS_QUERY: "report its status",
    Capability.DISPLAY_POWER: "switch display power",
    Capability.DISPLAY_INPUT: "select a display input",
    Capability.TILE_MODE: "set a tile mode",
}


def names(capabilities: Capability) -> tuple[str, ...]:
    """``("ROUTE", "PRESETS", …)`` in declaration order, for snapshots and JSON."""
    return tuple(c.name for c in Capability if c in capabilities and c.name)


def require(have: Capability, needed: Capability, device: str) -> None:
    """Raise ``ValueError`` naming what ``device`` cannot do; nothing is sent."""
    if needed not in have:
        raise ValueError(f"{device} cannot {DOINGS[needed]}")
