"""Fixtures: the joystick poller on its own thread with SDL's virtual sticks (no hardware, no display)."""

from __future__ import annotations

import pytest

from devices.joystick.poller import JoystickPoller
from devices.joystick.virtual import VirtualStick


@pytest.fixture
def poller():
    with JoystickPoller() as running:
        yield running


@pytest.fixture
def gamepad(poller):
    """A virtual gamepad, plugged in and seen by the poller."""
    stick = VirtualStick(poller, gamepad=True)
    poller.call(lambda: None).result(5)  # the attach was polled: the next poll reports the stick
    poller.call(lambda: None).result(5)
    yield stick
    stick.detach().result(5)
