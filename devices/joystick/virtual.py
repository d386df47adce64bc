"""A joystick that exists only inside SDL (``SDL_JoystickAttachVirtual``): the tests and the benchmark
drive the console with it, no hardware needed. Every SDL call runs on the poller's thread, so a value
set here is read by the very next poll."""

from __future__ import annotations

import concurrent.futures
import ctypes

from devices.joystick.poller import JoystickPoller
from devices.joystick.sdl import GAMEPAD_AXES, GAMEPAD_BUTTONS, sdl2  # sdl2 as sdl.py loads it
from devices.joystick.states import Hat

_HAT = {
    (0, 0): 0,
    (0, 1): 1,
    (1, 1): 3,
    (1, 0): 2,
    (1, -1): 6,
    (0, -1): 4,
    (-1, -1): 12,
    (-1, 0): 8,
    (-1, 1): 9,
}


class VirtualStick:
    """``gamepad=True``: SDL maps it as a game controller (6 axes, 15 buttons, the d-pad as buttons
    11–14); else a plain joystick with ``axes``, ``buttons`` and ``hats``."""

    def __init__(
        self, poller: JoystickPoller, *, gamepad: bool = True, axes: int = 3, buttons: int = 8, hats: int = 1
    ) -> None:
        self._poller = poller
        kind = sdl2.SDL_JOYSTICK_TYPE_GAMECONTROLLER if gamepad else sdl2.SDL_JOYSTICK_TYPE_UNKNOWN
        counts = (GAMEPAD_AXES, GAMEPAD_BUTTONS, 0) if gamepad else (axes, buttons, hats)
        self._stick: ctypes.c_void_p | None = None
        self.id = poller.call(lambda: self._attach(kind, *counts)).result(5)

    def _attach(self, kind: int, axes: int, buttons: int, hats: int) -> int:
        index = sdl2.SDL_JoystickAttachVirtual(kind, axes, buttons, hats)
        self._stick = sdl2.SDL_JoystickOpen(index) if index >= 0 else None
        if not self._stick:
            raise RuntimeError(
                f"SDL made no virtual joystick: {sdl2.SDL_GetError().decode(errors='replace')}"
            )
        return sdl2.SDL_JoystickInstanceID(self._stick)

    def set_axis(self, axis: int, value: float) -> concurrent.futures.Future:
        """``value`` −1.0…1.0 (y: positive is pulled back)."""
        raw = round(max(-1.0, min(1.0, value)) * 32767)
        return self._call(lambda stick: sdl2.SDL_JoystickSetVirtualAxis(stick, axis, raw))

    def set_button(self, button: int, down: bool) -> concurrent.futures.Future:
        return self._call(lambda stick: sdl2.SDL_JoystickSetVirtualButton(stick, button, int(down)))

    def set_hat(self, hat: int, value: Hat) -> concurrent.futures.Future:
        return self._call(lambda stick: sdl2.SDL_JoystickSetVirtualHat(stick, hat, _HAT[value]))

    def detach(self) -> concurrent.futures.Future:
        """Unplug it: the next poll reports it removed."""
        return self._poller.call(self._detach)

    def _detach(self) -> None:
        if self._stick is None:
            return
        sdl2.SDL_JoystickClose(self._stick)
        self._stick = None
        for index in range(sdl2.SDL_NumJoysticks()):
            if sdl2.SDL_JoystickGetDeviceInstanceID(index) == self.id:
                sdl2.SDL_JoystickDetachVirtual(index)

    def _call(self, fn) -> concurrent.futures.Future:
        def run() -> None:
            if self._stick is None:
                raise RuntimeError("the virtual joystick is unplugged")
            if fn(self._stick) < 0:
                raise RuntimeError(sdl2.SDL_GetError().decode(errors="replace"))

        return self._poller.call(run)
