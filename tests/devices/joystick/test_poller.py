"""The poller against SDL's virtual joysticks: hot-plug, states, the gamepad mapping, its thread."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading

import pytest

from devices.joystick.poller import JoystickPoller
from devices.joystick.states import StickAdded, StickRemoved, StickState
from devices.joystick.virtual import VirtualStick
from tests.support.commands import ROOT
from tests.support.waiting import wait_until


def test_a_plugged_stick_is_reported_then_its_moves_then_its_removal(poller):
    seen: list[object] = []
    poller.add_listener(seen.append)
    stick = VirtualStick(poller, gamepad=False, axes=3, buttons=4, hats=1)
    wait_until(lambda: any(isinstance(item, StickAdded) for item in seen), what="the stick added")
    added = next(item for item in seen if isinstance(item, StickAdded))
    assert added.state.id == stick.id
    assert not added.state.gamepad
    assert (len(added.state.axes), len(added.state.buttons), added.state.hats) == (3, 4, ((0, 0),))
    stick.set_axis(1, -0.5)
    stick.set_button(2, True)
    stick.set_hat(0, (1, 1))
    wait_until(lambda: poller.sticks() and poller.sticks()[0].hats == ((1, 1),), what="the hat read")
    state = poller.sticks()[0]
    assert abs(state.axes[1] + 0.5) < 1e-4
    assert state.buttons == (False, False, True, False)
    assert any(isinstance(item, StickState) and item.axes[1] < 0 for item in seen)
    stick.detach().result(5)
    wait_until(lambda: isinstance(seen[-1], StickRemoved), what="the removal")
    assert seen[-1].id == stick.id
    assert poller.sticks() == ()


def test_a_gamepad_is_read_through_sdls_controller_mapping(poller, gamepad):
    gamepad.set_axis(3, 0.75)  # righty
    gamepad.set_button(11, True)  # dpup: hat 0 up
    wait_until(lambda: poller.sticks()[0].hats == ((0, 1),), what="the d-pad as the hat")
    state = poller.sticks()[0]
    assert state.gamepad
    assert (len(state.axes), len(state.buttons)) == (6, 15)
    assert abs(state.axes[3] - 0.75) < 1e-4


def test_an_unchanged_stick_reports_nothing_and_listeners_run_on_the_poller_thread(poller, gamepad):
    threads: set[str] = set()
    poller.add_listener(lambda item: threads.add(threading.current_thread().name))
    polls = poller.polls
    wait_until(lambda: poller.polls >= polls + 10, what="ten polls")
    assert threads == set()
    gamepad.set_axis(0, 0.3).result(5)
    wait_until(lambda: threads, what="the change reported")
    assert threads == {"joystick"}


def test_a_backend_that_cannot_start_fails_start_and_leaves_no_thread():
    class Broken:
        def open(self):
            raise RuntimeError("no joystick support")

    before = threading.active_count()
    with pytest.raises(RuntimeError, match="no joystick support"):
        JoystickPoller(sticks=Broken).start()
    wait_until(lambda: threading.active_count() == before, what="the poller thread to end")


@pytest.mark.posix
@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_reading_sticks_leaves_the_consoles_signals_alone(signal_name):
    """SDL installs its own SIGINT/SIGTERM handlers unless told not to: the console would not stop."""
    script = (
        "import os, signal, time\n"
        "from devices.joystick.poller import JoystickPoller\n"
        "poller = JoystickPoller().start()\n"
        f"os.kill(os.getpid(), signal.{signal_name})\n"
        "time.sleep(5)\n"
    )
    # SIGINT is Python's KeyboardInterrupt: the script then ends with an error, not by the signal
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, timeout=30)
    if signal_name == "SIGTERM":
        assert result.returncode == -signal.SIGTERM
    else:
        assert b"KeyboardInterrupt" in result.stderr
