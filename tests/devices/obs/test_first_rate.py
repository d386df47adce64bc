"""The first bitrate after a stream starts is not shown low: OBS's byte count over its first second
holds the connection's start, so a fresh stream shows no rate until two readings exist; a stream the
console finds long on air shows its average at once."""

from __future__ import annotations

import pytest

from devices.obs import status as status_module
from devices.obs.state import Connection, ObsState, OnAir
from devices.obs.status import ObsStatus


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(status_module.time, "monotonic", clock)
    return clock


def live() -> ObsStatus:
    return ObsStatus(ObsState("Studio", "obs://x", connection=Connection.ONLINE, on_air=OnAir.LIVE))


def reading(sent: int, seconds: float) -> dict:
    return {"outputActive": True, "outputBytes": sent, "outputDuration": seconds * 1000}


def test_a_stream_just_started_shows_no_rate_until_a_second_reading(clock):
    status = live()
    status.on_stream_status(reading(17_929, 0.7))  # 205 kbps on average: its start, not its rate
    assert status.snapshot().kbps is None
    clock.now += 1.0
    status.on_stream_status(reading(17_929 + 39_000, 1.7))
    assert status.snapshot().kbps == 312.0


def test_a_stream_found_long_on_air_shows_its_average_at_once(clock):
    status = live()
    status.on_stream_status(reading(3_900_000, 100))
    assert status.snapshot().kbps == 312.0
    clock.now += 0.2  # a second poll too soon to measure over keeps the reading
    status.on_stream_status(reading(3_905_000, 100.2))
    assert status.snapshot().kbps == 312.0
