"""The simulated camera driven packet by packet, with a hand-advanced clock."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from typing import Any

import pytest

from devices.visca.profiles import get_profile
from devices.visca.sim.engine import FRAME, ViscaDevice
from devices.visca.sim.motion import speed_fraction


class _Timer:
    cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class FakeClock:
    """Stands in for the event loop: time moves only in ``advance``."""

    def __init__(self) -> None:
        self.now = 0.0
        self._timers: list[tuple[float, int, _Timer, Callable[..., Any], tuple[Any, ...]]] = []
        self._order = itertools.count()

    def time(self) -> float:
        return self.now

    def call_later(self, delay: float, callback: Callable[..., Any], *args: Any) -> _Timer:
        timer = _Timer()
        heapq.heappush(self._timers, (self.now + delay, next(self._order), timer, callback, args))
        return timer

    def advance(self, seconds: float) -> None:
        end = self.now + seconds
        while self._timers and self._timers[0][0] <= end:
            when, _, timer, callback, args = heapq.heappop(self._timers)
            self.now = when
            if not timer.cancelled:
                callback(*args)
        self.now = end


class Rig:
    def __init__(
        self, model: str = "generic", latency: float = 0.0, refuse: frozenset[bytes] = frozenset()
    ) -> None:
        self.clock = FakeClock()
        self.replies: list[str] = []
        self.device = ViscaDevice(
            get_profile(model),
            lambda reply, origin: self.replies.append(reply.hex(" ")),
            clock=self.clock,
            latency=latency,
            refuse=refuse,
        )

    def send(self, packet: str) -> list[str]:
        """Hand one packet to the camera; return (and forget) what it answered so far."""
        self.device.handle(bytes.fromhex(packet))
        return self.take()

    def take(self) -> list[str]:
        replies, self.replies = self.replies, []
        return replies

    def after(self, seconds: float) -> list[str]:
        self.clock.advance(seconds)
        return self.take()


@pytest.fixture
def rig() -> Rig:
    return Rig()


PAN_ABS_FAR = "81 01 06 02 18 14 02 00 00 00 00 00 00 00 FF"  # pan 0x2000 at top speed
ZOOM_TELE_DIRECT = "81 01 04 47 04 00 00 00 FF"


def test_ack_then_completion_after_one_frame() -> None:
    rig = Rig(latency=FRAME)
    assert rig.send("81 01 04 00 02 FF") == []
    assert rig.after(FRAME) == ["90 41 ff", "90 51 ff"]


def test_two_long_moves_fill_both_sockets(rig: Rig) -> None:
    assert rig.send(PAN_ABS_FAR) == ["90 41 ff"]
    assert rig.send(ZOOM_TELE_DIRECT) == ["90 42 ff"]
    assert rig.send("81 01 04 00 02 FF") == ["90 60 03 ff"]
    assert rig.send("81 09 04 00 FF") == ["90 50 02 ff"]
    assert rig.send("81 09 00 02 FF") == ["90 50 00 00 00 00 01 00 02 ff"]
    completions = rig.after(10)
    assert sorted(completions) == ["90 51 ff", "90 52 ff"]
    assert rig.send("81 09 06 12 FF") == ["90 50 02 00 00 00 00 00 00 00 ff"]
    assert rig.send("81 09 04 47 FF") == ["90 50 04 00 00 00 ff"]


def test_cancel_running_command_and_empty_socket(rig: Rig) -> None:
    rig.send(PAN_ABS_FAR)
    assert rig.send("81 21 FF") == ["90 61 04 ff"]
    assert rig.after(10) == []
    assert rig.send("81 21 FF") == ["90 61 05 ff"]
    assert rig.send("81 23 FF") == ["90 63 05 ff"]
    assert not rig.device.state()["moving"]


def test_standby_refuses_commands_but_answers_inquiries(rig: Rig) -> None:
    assert rig.send("81 01 04 00 03 FF") == ["90 41 ff", "90 51 ff"]
    assert rig.send("81 01 06 04 FF") == ["90 61 41 ff"]
    assert rig.send("81 09 04 00 FF") == ["90 50 03 ff"]
    assert rig.send("81 01 04 00 02 FF") == ["90 41 ff", "90 51 ff"]
    assert rig.device.state()["power"] is True


def test_manual_focus_drive_needs_manual_mode(rig: Rig) -> None:
    assert rig.send("81 01 04 08 02 FF") == ["90 61 41 ff"]
    assert rig.send("81 01 04 38 03 FF") == ["90 41 ff", "90 51 ff"]
    assert rig.send("81 09 04 38 FF") == ["90 50 03 ff"]
    assert rig.send("81 01 04 08 37 FF") == ["90 41 ff", "90 51 ff"]
    rig.after(1)
    assert rig.device.state()["focus"] > 0x1000


@pytest.mark.parametrize(
    ("model", "packet"),
    [
        ("sony-brc-x400", "81 01 04 3F 02 64 FF"),  # presets 0–99 only
        ("sony-srg300h", "81 01 04 3F 01 10 FF"),  # 16 presets
        ("ptzoptics", "81 01 04 3F 02 5F FF"),  # reserved special-function preset 95
        ("generic", "81 01 04 3F 02 01 2C FF"),  # "preset 300" does not fit the byte
    ],
)
def test_bad_presets_are_syntax_errors(model: str, packet: str) -> None:
    assert Rig(model).send(packet) == ["90 60 02 ff"]


def test_unknown_short_and_overlong_messages(rig: Rig) -> None:
    assert rig.send("81 01 04 55 FF") == ["90 60 02 ff"]
    assert rig.send("81 FF") == ["90 60 02 ff"]
    assert rig.send("81 01 " + "00 " * 14 + "FF") == ["90 60 01 ff"]


def test_version_reply_from_profile() -> None:
    assert Rig("sony-brc-x400").send("81 09 00 02 FF") == ["90 50 00 01 05 1c 01 00 02 ff"]


def test_position_during_and_after_a_timed_move(rig: Rig) -> None:
    profile = get_profile("generic")
    rig.send("81 01 06 02 0C 0A 0F 00 00 00 00 01 00 00 FF")  # pan −4096, tilt +256
    rate = speed_fraction(0x0C, profile.pan_speed_max) * profile.pan_deg_per_s_max * profile.counts_per_degree
    rig.clock.advance(0.2)
    expected = round(-rate * 0.2) & 0xFFFF
    answer = rig.send("81 09 06 12 FF")[0]
    assert answer[:17] == "90 50 " + " ".join(f"{(expected >> s) & 0xF:02x}" for s in (12, 8, 4, 0))
    assert rig.after(5) == ["90 51 ff"]
    assert rig.send("81 09 06 12 FF") == ["90 50 0f 00 00 00 00 01 00 00 ff"]


def test_five_nibble_pan_with_single_speed() -> None:
    rig = Rig("sony-brc-h700")
    assert rig.send("81 01 06 02 18 05 00 00 00 00 00 00 00 00 00 FF") == ["90 60 02 ff"]  # WW must be 00
    assert rig.send("81 01 06 02 18 00 0F 0F 0F 0F 0F 00 00 01 00 FF") == ["90 41 ff"]
    assert rig.after(5) == ["90 51 ff"]
    assert rig.send("81 09 06 12 FF") == ["90 50 0f 0f 0f 0f 0f 00 00 01 00 ff"]


def test_preset_store_and_recall_with_zoom_and_focus(rig: Rig) -> None:
    rig.send("81 01 04 38 03 FF")
    assert rig.send("81 01 04 47 0F 0F 0F 0F 02 00 00 00 FF") == ["90 60 02 ff"]  # beyond zoom_max
    assert rig.send("81 01 04 47 02 00 00 00 02 00 00 00 FF") == ["90 41 ff"]
    rig.send("81 01 06 02 18 14 00 01 00 00 00 00 08 00 FF")
    rig.after(10)
    assert rig.send("81 01 04 3F 01 05 FF") == ["90 41 ff", "90 51 ff"]
    rig.send("81 01 06 04 FF")
    rig.send("81 01 04 47 00 00 00 00 FF")
    rig.after(10)
    assert rig.send("81 01 04 3F 02 05 FF") == ["90 41 ff"]
    assert rig.device.state()["moving"]
    assert rig.after(10) == ["90 51 ff"]
    state = rig.device.state()
    assert (state["pan"], state["tilt"], state["zoom"], state["focus"]) == (0x100, 0x80, 0x2000, 0x2000)
    assert state["presets"] == {5: {"pan": 0x100, "tilt": 0x80, "zoom": 0x2000, "focus": 0x2000}}
    assert rig.send("81 09 04 3F FF") == ["90 50 05 ff"]


def test_new_move_supersedes_running_one(rig: Rig) -> None:
    rig.send(PAN_ABS_FAR)
    rig.after(0.1)
    assert rig.send("81 01 06 04 FF") == ["90 51 ff", "90 42 ff"]
    assert rig.after(10) == ["90 52 ff"]


def test_pan_tilt_stop_ends_a_preset_move(rig: Rig) -> None:
    rig.send(PAN_ABS_FAR)
    rig.after(10)
    rig.send("81 01 04 3F 01 01 FF")
    rig.send("81 01 06 04 FF")
    rig.after(10)
    assert rig.send("81 01 04 3F 02 01 FF") == ["90 41 ff"]
    rig.after(0.1)
    assert rig.send("81 01 06 01 00 00 03 03 FF") == ["90 51 ff", "90 42 ff", "90 52 ff"]
    pan = rig.device.state()["pan"]
    assert 0 < pan < 0x2000
    assert rig.after(10) == []
    assert rig.device.state()["pan"] == pan


def test_drive_runs_until_the_limit(rig: Rig) -> None:
    assert rig.send("81 01 06 01 18 14 01 01 FF") == ["90 41 ff", "90 51 ff"]  # left and up
    assert rig.device.state()["moving"]
    rig.after(30)
    profile = get_profile("generic")
    state = rig.device.state()
    assert (state["pan"], state["tilt"], state["moving"]) == (profile.pan_min, profile.tilt_max, False)
    assert rig.send("81 01 06 01 00 14 02 03 FF") == ["90 60 02 ff"]  # a moving axis needs a speed


def test_if_clear_forgets_sockets(rig: Rig) -> None:
    rig.send(PAN_ABS_FAR)
    assert rig.send("81 01 00 01 FF") == ["90 50 ff"]
    assert rig.after(10) == []
    assert rig.send("81 21 FF") == ["90 61 05 ff"]


# ---- realism: what the manuals say a real head does (docs/cameras.md) -------------------------


def test_brc_h700_pans_left_towards_its_positive_end() -> None:
    rig = Rig("sony-brc-h700")
    assert rig.send("81 01 06 01 18 18 01 03 FF") == ["90 41 ff", "90 51 ff"]  # left
    rig.after(30)
    assert rig.device.state()["pan"] == 0x08A58  # Sony: left end 08A58
    rig.send("81 01 06 01 18 18 02 03 FF")  # right
    rig.after(30)
    assert rig.device.state()["pan"] == 0xF75A8 - 0x100000  # right end F75A8
    assert rig.send("81 09 06 12 FF") == ["90 50 0f 07 05 0a 08 00 00 00 00 ff"]


@pytest.mark.parametrize(
    ("model", "speed", "answer"),
    [
        ("sony-brc-x400", "19", ["90 41 ff", "90 51 ff"]),  # Sony BRC-X400: 01–19h
        ("sony-brc-x400", "1A", ["90 60 02 ff"]),
        ("sony-srg300h", "19", ["90 60 02 ff"]),  # others: up to 18h
    ],
)
def test_per_preset_recall_speed_range(model: str, speed: str, answer: list[str]) -> None:
    rig = Rig(model)
    assert rig.send(f"81 01 7E 01 0B 02 {speed} FF") == answer
    if answer[0] == "90 41 ff":
        assert rig.send("81 09 7E 01 0B 02 FF") == [f"90 50 {speed.lower()} ff"]


def test_stop_with_speed_bytes_above_the_maximum_stops_the_head(rig: Rig) -> None:
    rig.send("81 01 06 01 18 14 02 01 FF")  # right and up
    rig.after(0.2)
    assert rig.send("81 01 06 01 15 15 03 03 FF") == ["90 41 ff", "90 51 ff"]  # pyvisca's stop
    stopped = rig.device.state()
    assert not stopped["moving"]
    rig.after(1)
    assert rig.device.state()["pan"] == stopped["pan"]
    assert rig.send("81 01 06 01 18 15 02 02 FF") == ["90 60 02 ff"]  # a moving axis keeps its range


def test_refused_inquiries_answer_a_syntax_error_and_the_rest_still_answer() -> None:
    rig = Rig(refuse=frozenset({b"\x09\x04\x3f", b"\x09\x04\x38"}))
    assert rig.send("81 09 04 3F FF") == ["90 60 02 ff"]
    assert rig.send("81 09 04 38 FF") == ["90 60 02 ff"]
    assert rig.send("81 09 04 00 FF") == ["90 50 02 ff"]


def test_ptzoptics_answers_the_version_inquiry_in_its_own_layout() -> None:
    assert Rig("ptzoptics").send("81 09 00 02 FF") == ["90 50 01 02 01 05 02 00 02 ff"]
