"""What the joystick poller reports to its listeners: immutable, safe to hand to any thread."""

from __future__ import annotations

from dataclasses import dataclass

Hat = tuple[int, int]  # (x, y): x −1 left … 1 right, y −1 down … 1 up


@dataclass(frozen=True)
class StickState:
    """One stick as read in one poll. Axes are −1.0…1.0 as SDL reports them (y positive is pulled
    back, towards the operator). A device SDL knows as a game controller is read through SDL's
    mapping, so every gamepad has the same layout: axes leftx, lefty, rightx, righty, lefttrigger,
    righttrigger; buttons a, b, x, y, back, guide, start, leftstick, rightstick, leftshoulder,
    rightshoulder, dpup, dpdown, dpleft, dpright; its d-pad is also hat 0."""

    id: int  # SDL's instance id: unique while the console runs, a new one after a re-plug
    name: str
    guid: str
    gamepad: bool
    axes: tuple[float, ...]
    buttons: tuple[bool, ...]
    hats: tuple[Hat, ...]
    at: float  # time.monotonic() of the poll

    def same_input(self, other: StickState) -> bool:
        return (self.axes, self.buttons, self.hats) == (other.axes, other.buttons, other.hats)


@dataclass(frozen=True)
class StickAdded:
    state: StickState


@dataclass(frozen=True)
class StickRemoved:
    id: int
    name: str
    at: float  # time.monotonic() of the poll that saw it go
