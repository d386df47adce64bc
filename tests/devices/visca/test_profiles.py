"""Camera profiles (docs/protocols/visca.md "Pan-tilt drive", "Absolute and relative position",
"Home, reset, limits", "Presets")."""

import pytest

from devices.visca import codec, packet
from devices.visca.profiles import PROFILES, CameraProfile, get_profile


def test_known_profiles():
    assert {"generic", "sony-srg300h", "sony-brc-x400", "sony-brc-h700", "ptzoptics"} <= set(PROFILES)
    for name, profile in PROFILES.items():
        assert get_profile(name) is profile
        assert profile.name == name


def test_unknown_profile_lists_known_names():
    with pytest.raises(
        ValueError, match=r"unknown camera profile 'x'; known: generic, sony-srg300h, .*ptzoptics"
    ):
        get_profile("x")


def test_profiles_are_frozen():
    with pytest.raises(AttributeError):
        get_profile("generic").pan_speed_max = 1  # type: ignore[misc]


def test_speed_and_layout_table():
    table = {  # name: (pan max, tilt max, pan nibbles, tilt nibbles, single speed)
        "generic": (0x18, 0x14, 4, 4, False),
        "sony-srg300h": (0x18, 0x17, 4, 4, False),
        "sony-brc-x400": (0x18, 0x17, 4, 4, True),
        "sony-brc-h700": (0x18, 0x18, 5, 4, True),
        "ptzoptics": (0x18, 0x14, 4, 4, False),
    }
    for name, expected in table.items():
        p = get_profile(name)
        assert (p.pan_speed_max, p.tilt_speed_max, p.pan_nibbles, p.tilt_nibbles, p.single_speed) == expected


def test_preset_ranges():
    assert (get_profile("generic").preset_min, get_profile("generic").preset_max) == (0, 254)
    assert (get_profile("sony-srg300h").preset_min, get_profile("sony-srg300h").preset_max) == (0, 15)
    assert (get_profile("sony-brc-x400").preset_min, get_profile("sony-brc-x400").preset_max) == (0, 99)
    ptzo = get_profile("ptzoptics")
    assert (ptzo.preset_min, ptzo.preset_max, ptzo.preset_reserved) == (0, 254, frozenset(range(90, 100)))


def test_version_ids():
    assert (get_profile("sony-srg300h").vendor_id, get_profile("sony-srg300h").model_id) == (0x0001, 0x0513)
    assert get_profile("sony-brc-x400").model_id == 0x051C
    assert get_profile("sony-brc-h700").model_id == 0x0501


def test_position_limits_match_the_documented_hex():
    srg = get_profile("sony-srg300h")
    assert packet.signed_nibbles(srg.pan_min, 4) == packet.nibbles(0xDE00, 4)
    assert packet.signed_nibbles(srg.pan_max, 4) == packet.nibbles(0x2200, 4)
    assert packet.signed_nibbles(srg.tilt_min, 4) == packet.nibbles(0xFC00, 4)
    assert packet.signed_nibbles(srg.tilt_max, 4) == packet.nibbles(0x1200, 4)
    h700 = get_profile("sony-brc-h700")
    assert {packet.signed_nibbles(h700.pan_min, 5), packet.signed_nibbles(h700.pan_max, 5)} == {
        packet.nibbles(0x08A58, 5),
        packet.nibbles(0xF75A8, 5),
    }
    assert packet.signed_nibbles(h700.tilt_max, 4) == packet.nibbles(0x493D, 4)
    assert packet.signed_nibbles(h700.tilt_min, 4) == packet.nibbles(0xE796, 4)


@pytest.mark.parametrize("profile", PROFILES.values(), ids=PROFILES.keys())
def test_profile_is_consistent(profile: CameraProfile):
    assert profile.label
    assert 1 <= profile.tilt_speed_max <= profile.pan_speed_max <= 0x7F
    assert profile.pan_nibbles in (4, 5)
    assert profile.tilt_nibbles == 4
    assert 0 <= profile.preset_min <= profile.preset_max <= 0xFE
    assert profile.preset_reserved <= set(range(profile.preset_min, profile.preset_max + 1))
    assert 0 < profile.zoom_max <= 0xFFFF
    assert 0 <= profile.focus_min < profile.focus_max <= 0xFFFF
    assert profile.pan_min < 0 < profile.pan_max
    assert profile.tilt_min < 0 < profile.tilt_max
    assert profile.counts_per_degree > 0
    assert profile.pan_deg_per_s_max > 0
    assert profile.tilt_deg_per_s_max > 0
    # The limits and the extreme speeds are encodable.
    codec.pan_tilt_absolute(profile.pan_min, profile.tilt_min, profile)
    codec.pan_tilt_absolute(profile.pan_max, profile.tilt_max, profile, 1, 1)
    codec.pan_tilt_drive(-profile.pan_speed_max, -profile.tilt_speed_max, profile)
    codec.memory_recall(profile.preset_max, profile)
