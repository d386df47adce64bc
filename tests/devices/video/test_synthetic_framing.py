"""The synthetic picture's geometry both ways: where a head looks, and which position frames a part of the
panorama."""

from __future__ import annotations

import pytest

from devices.video.synthetic import position_for, view_of
from devices.visca.profiles import PROFILES

PANORAMA = (4096, 1024)  # resources/demo/panorama.jpg


@pytest.mark.parametrize("profile", sorted(PROFILES))
@pytest.mark.parametrize("target", [(2050, 500, 440), (1250, 450, 520), (700, 400, 1228), (3400, 660, 300)])
def test_the_position_for_a_framing_shows_that_framing(profile, target):
    centre_x, centre_y, width = target
    position = position_for(centre_x, centre_y, width, PROFILES[profile], PANORAMA)
    x, y, w, h = view_of(position, PROFILES[profile], PANORAMA)
    assert abs(x - centre_x) < 1
    assert abs(y - centre_y) < 1
    assert abs(w - width) < 1
    assert w / h == pytest.approx(16 / 9)


def test_a_framing_out_of_reach_gets_the_nearest_the_head_can_do():
    profile = PROFILES["sony-brc-h700"]  # its left end is the positive one
    left = position_for(0, 0, 10_000, profile, PANORAMA)
    assert left == {"pan": profile.pan_max, "tilt": profile.tilt_max, "zoom": 0}
    right = position_for(PANORAMA[0], PANORAMA[1], 1, profile, PANORAMA)
    assert right == {"pan": profile.pan_min, "tilt": profile.tilt_min, "zoom": profile.zoom_max}
