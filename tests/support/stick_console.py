"""The demo console with SDL's virtual gamepad: a poller on its own thread, the console built on it
(demo_console.py), a gamepad plugged in and seen by the poller; fixtures (tests/ui/controllers/conftest.py
takes them) and helpers."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from devices.joystick.poller import JoystickPoller
from devices.joystick.virtual import VirtualStick
from tests.support import demo_console

rig = demo_console.rig
PAN_TILT_DRIVE = b"\x01\x06\x01"


@pytest.fixture
def poller():
    with JoystickPoller() as running:
        yield running


def console_with_stick(rig, qtbot, poller):
    console = demo_console.make_console(rig, qtbot, joystick=poller)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console.window, timeout=5000)
    return console


@pytest.fixture
def console(rig, qtbot, poller):
    built = console_with_stick(rig, qtbot, poller)
    yield built
    built.shutdown()


def plug_in(poller) -> VirtualStick:
    """A virtual gamepad, attached and seen by a poll."""
    gamepad = VirtualStick(poller, gamepad=True)
    polled(poller)
    return gamepad


def polled(poller, polls: int = 2) -> None:
    """What was asked of SDL before this call has been read by a poll and reported to the listeners."""
    for _ in range(polls):
        poller.call(lambda: None).result(5)


@pytest.fixture
def stick(poller, console):
    gamepad = plug_in(poller)
    yield gamepad
    gamepad.detach()


def drives(camera) -> list[bytes]:
    """The pan/tilt drive messages the simulated camera took in (VISCA over IP payloads)."""
    return [data for _kind, data in camera.server.received() if data[1:4] == PAN_TILT_DRIVE]


def log_lines(console) -> list[str]:
    return [console.log.index(row).data() for row in range(console.log.rowCount())]
