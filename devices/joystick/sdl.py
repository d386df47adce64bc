"""SDL2's joysticks and game controllers, through pysdl2 and the SDL2 library of pysdl2-dll
(docs/joystick.md says why these). Only SDL's joystick and game-controller subsystems start: no
window, no video; events come also while another application has the focus.

SDL wants its joystick calls on one thread: every method here runs on the thread that called
``open()`` (the poller's, poller.py).
"""

from __future__ import annotations

import ctypes
import time
from dataclasses import dataclass

# isort: off
import sdl2dll  # noqa: F401 - first: points pysdl2 at the SDL2 it ships (and pysdl2 then says nothing)
import sdl2

# isort: on
from common.wording import QT_TRANSLATE_NOOP
from devices.joystick.states import Hat, StickAdded, StickRemoved, StickState

SUBSYSTEMS = sdl2.SDL_INIT_JOYSTICK | sdl2.SDL_INIT_GAMECONTROLLER
GAMEPAD_AXES = 6  # SDL_CONTROLLER_AXIS_MAX
GAMEPAD_BUTTONS = 15  # a … dpright, SDL2's classic layout
_DPAD = (11, 12, 13, 14)  # up, down, left, right
_HAT_BITS = (
    (sdl2.SDL_HAT_RIGHT, 1, 0),
    (sdl2.SDL_HAT_LEFT, -1, 0),
    (sdl2.SDL_HAT_UP, 0, 1),
    (sdl2.SDL_HAT_DOWN, 0, -1),
)
_AXIS_END = 32767.0


class SdlError(RuntimeError):
    """SDL could not start its joystick support."""


@dataclass
class _Device:
    joystick: ctypes.c_void_p
    controller: ctypes.c_void_p | None
    id: int
    name: str
    guid: str


def version() -> str:
    found = sdl2.SDL_version()
    sdl2.SDL_GetVersion(ctypes.byref(found))
    return f"{found.major}.{found.minor}.{found.patch}"


class SdlJoysticks:
    """The sticks connected now; ``poll()`` reads them and says which came and went."""

    def __init__(self) -> None:
        self._devices: dict[int, _Device] = {}
        self._event = sdl2.SDL_Event()

    def open(self) -> None:
        sdl2.SDL_SetHint(sdl2.SDL_HINT_JOYSTICK_ALLOW_BACKGROUND_EVENTS, b"1")
        # else SDL takes SIGTERM (and SIGINT where Python has not) for its own quit event: the console
        # would no longer stop when told to
        sdl2.SDL_SetHint(sdl2.SDL_HINT_NO_SIGNAL_HANDLERS, b"1")
        if sdl2.SDL_InitSubSystem(SUBSYSTEMS) < 0:
            raise SdlError(
                QT_TRANSLATE_NOOP("Joystick", "joysticks cannot be read: {reason}").format(
                    reason=sdl2.SDL_GetError().decode(errors="replace")
                )
            )

    def close(self) -> None:
        for device in list(self._devices.values()):
            self._close(device)
        self._devices.clear()
        sdl2.SDL_QuitSubSystem(SUBSYSTEMS)

    def poll(self) -> tuple[list[StickAdded], list[StickRemoved], list[StickState]]:
        """Hot-plug events since the last poll, then every connected stick's state."""
        now = time.monotonic()
        added: list[StickAdded] = []
        removed: list[StickRemoved] = []
        sdl2.SDL_PumpEvents()
        while sdl2.SDL_PollEvent(ctypes.byref(self._event)):
            kind = self._event.type
            if kind == sdl2.SDL_JOYDEVICEADDED:
                device = self._open(self._event.jdevice.which)
                if device is not None:
                    added.append(StickAdded(self._read(device, now)))
            elif kind == sdl2.SDL_JOYDEVICEREMOVED:
                gone = self._devices.pop(self._event.jdevice.which, None)
                if gone is not None:
                    self._close(gone)
                    removed.append(StickRemoved(gone.id, gone.name, now))
        return added, removed, [self._read(device, now) for device in self._devices.values()]

    def _open(self, index: int) -> _Device | None:
        gamepad = bool(sdl2.SDL_IsGameController(index))
        controller = sdl2.SDL_GameControllerOpen(index) if gamepad else None
        joystick = (
            sdl2.SDL_GameControllerGetJoystick(controller) if controller else sdl2.SDL_JoystickOpen(index)
        )
        if not joystick:
            return None
        instance = sdl2.SDL_JoystickInstanceID(joystick)
        if instance in self._devices:  # the added event of a stick already opened
            return None
        guid = ctypes.create_string_buffer(33)
        sdl2.SDL_JoystickGetGUIDString(sdl2.SDL_JoystickGetGUID(joystick), guid, 33)
        name = (sdl2.SDL_JoystickName(joystick) or b"").decode(errors="replace")
        device = _Device(joystick, controller or None, instance, name, guid.value.decode())
        self._devices[instance] = device
        return device

    @staticmethod
    def _close(device: _Device) -> None:
        if device.controller:
            sdl2.SDL_GameControllerClose(device.controller)
        else:
            sdl2.SDL_JoystickClose(device.joystick)

    @staticmethod
    def _read(device: _Device, now: float) -> StickState:
        pad, stick = device.controller, device.joystick
        if pad:
            axes = [sdl2.SDL_GameControllerGetAxis(pad, axis) for axis in range(GAMEPAD_AXES)]
            buttons = tuple(bool(sdl2.SDL_GameControllerGetButton(pad, b)) for b in range(GAMEPAD_BUTTONS))
            up, down, left, right = (buttons[b] for b in _DPAD)
            hats: tuple[Hat, ...] = ((int(right) - int(left), int(up) - int(down)),)
        else:
            axes = [sdl2.SDL_JoystickGetAxis(stick, a) for a in range(sdl2.SDL_JoystickNumAxes(stick))]
            buttons = tuple(
                bool(sdl2.SDL_JoystickGetButton(stick, b)) for b in range(sdl2.SDL_JoystickNumButtons(stick))
            )
            hats = tuple(
                _hat(sdl2.SDL_JoystickGetHat(stick, h)) for h in range(sdl2.SDL_JoystickNumHats(stick))
            )
        return StickState(
            id=device.id,
            name=device.name,
            guid=device.guid,
            gamepad=pad is not None,
            axes=tuple(max(-1.0, min(1.0, value / _AXIS_END)) for value in axes),
            buttons=buttons,
            hats=hats,
            at=now,
        )


def _hat(bits: int) -> Hat:
    x = sum(dx for bit, dx, _ in _HAT_BITS if bits & bit)
    y = sum(dy for bit, _, dy in _HAT_BITS if bits & bit)
    return x, y
