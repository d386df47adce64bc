"""The demo picture is drawn only when it changes: a still camera about once a second (its clock), a moving
one more."""

from __future__ import annotations

import itertools
import time

import numpy as np
import pytest

from devices.video import synthetic
from devices.video.synthetic import SyntheticCameraSource
from devices.visca.profiles import PROFILES

PANORAMA = np.full((512, 2048, 3), 90, np.uint8)


@pytest.fixture
def renders(monkeypatch):
    count = [0]
    drawn = synthetic.crop

    def counting(*args, **kwargs):
        count[0] += 1
        return drawn(*args, **kwargs)

    monkeypatch.setattr(synthetic, "crop", counting)
    return count


def read_for(source: SyntheticCameraSource, seconds: float) -> list[np.ndarray]:
    frames = []
    deadline = time.monotonic() + seconds
    with source:
        while time.monotonic() < deadline:
            frames.append(source.read())
    return frames


def test_a_still_camera_draws_about_once_a_second(renders):
    source = SyntheticCameraSource(
        lambda: {"pan": 100, "tilt": 0, "zoom": 0}, PROFILES["sony-srg300h"], PANORAMA, fps=50
    )
    source.want_size((320, 180))
    frames = read_for(source, 1.5)
    assert len(frames) > 40  # read kept its pace …
    assert 1 <= renders[0] <= 3  # … but drew only at the start and when the second ticked
    assert len({id(frame) for frame in frames}) == renders[0]  # the unchanged picture is the same array


def test_a_moving_camera_draws_every_position(renders):
    pans = itertools.count(0, 10)
    source = SyntheticCameraSource(
        lambda: {"pan": next(pans), "tilt": 0, "zoom": 0, "moving": True},
        PROFILES["sony-srg300h"],
        PANORAMA,
        fps=50,
    )
    source.want_size((320, 180))
    frames = read_for(source, 1.0)
    assert renders[0] == len(frames) > 30


def test_a_new_size_is_drawn_at_once(renders):
    source = SyntheticCameraSource(lambda: {"pan": 0}, PROFILES["sony-srg300h"], PANORAMA, fps=50)
    with source:
        source.want_size((320, 180))
        assert source.read().shape[:2] == (180, 320)
        source.want_size((640, 360))
        assert source.read().shape[:2] == (360, 640)
