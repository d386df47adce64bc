"""Online means "commands complete" (issue 11, "online while nothing works"): a camera that answers
with wrong sequence numbers, only with ACKs, or a byte at a time is offline with the reason, and
stays so, whatever it sends; once its answers complete what it is asked again, it is back."""

from __future__ import annotations

import time

import pytest

from devices.records import Link
from devices.visca.state import CameraError
from tests.support.hostile_peers import AckOnly, Trickle, WrongSequence
from tests.support.waiting import wait_until

ANSWERS_BUT = "answers, but nothing it was asked completed"


def offline_for_answers_that_complete_nothing(cam) -> None:
    wait_until(lambda: cam.snapshot().link is Link.OFFLINE, timeout=6, what="offline")
    assert ANSWERS_BUT in cam.snapshot().last_error
    seen = set()
    until = time.monotonic() + 3
    while time.monotonic() < until:  # and it stays offline: no flapping
        seen.add(cam.snapshot().link)
        time.sleep(0.05)
    assert seen == {Link.OFFLINE}
    assert cam.snapshot().health.received > 0  # it did answer, all along
    with pytest.raises(CameraError) as err:
        cam.power(True).result(1)
    assert err.value.result == "offline"


def test_a_camera_answering_with_wrong_sequence_numbers_is_offline_until_they_match(simulator, camera):
    sim = simulator("visca+udp://127.0.0.1:0")
    peer = WrongSequence(sim.address)
    try:
        cam = camera(peer.url())
        offline_for_answers_that_complete_nothing(cam)
        peer.shift = 0
        wait_until(lambda: cam.snapshot().link is Link.ONLINE, timeout=6, what="back online")
        assert cam.power(False).result(5).ok
        assert sim.state()["power"] is False
    finally:
        peer.close()


def test_a_camera_that_only_acknowledges_is_offline(camera):
    peer = AckOnly()
    try:
        cam = camera(peer.url("visca+tcp"))
        offline_for_answers_that_complete_nothing(cam)
    finally:
        peer.close()


def test_a_camera_whose_answers_dribble_in_a_byte_at_a_time_is_offline(simulator, camera):
    sim = simulator("visca+tcp://127.0.0.1:0")
    peer = Trickle(sim.address, pace=0.25)
    try:
        cam = camera(peer.url("visca+tcp"))
        offline_for_answers_that_complete_nothing(cam)
    finally:
        peer.close()
