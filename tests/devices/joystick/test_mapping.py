"""The mapping of a stick to camera moves and actions: pure functions, no SDL."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from devices.joystick.mapping import (
    DEFAULT_BUTTONS,
    Drive,
    MappingError,
    StickMapping,
    at_rest,
    axis_speed,
    drive_for,
    pressed_actions,
    shaped,
    zoom_speed,
)
from devices.joystick.states import StickState

LINEAR = StickMapping(dead_zone=0.1, expo=0.0)
values = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False)
mappings = st.builds(
    StickMapping,
    dead_zone=st.floats(min_value=0.0, max_value=0.89),
    expo=st.floats(min_value=0.0, max_value=1.0),
    max_speed=st.floats(min_value=0.01, max_value=1.0),
)
tops = st.integers(min_value=1, max_value=0x18)


def stick(axes=(0.0, 0.0, 0.0, 0.0), buttons=(False,) * 15, hats=((0, 0),)) -> StickState:
    return StickState(1, "pad", "guid", True, tuple(axes), tuple(buttons), tuple(hats), 0.0)


def test_inside_the_dead_zone_is_still_and_past_it_the_speed_is_proportional():
    assert axis_speed(0.1, LINEAR, 0x18) == 0
    assert axis_speed(-0.05, LINEAR, 0x18) == 0
    assert axis_speed(0.1001, LINEAR, 0x18) == 1  # the slowest speed, not 0
    assert axis_speed(0.55, LINEAR, 0x18) == 12  # half the travel past the dead zone: half of 0x18
    assert axis_speed(-1.0, LINEAR, 0x18) == -0x18
    assert axis_speed(1.0, StickMapping(dead_zone=0.1, expo=0.0, max_speed=0.5), 0x18) == 12


def test_expo_is_gentler_near_the_centre_and_the_same_at_the_end():
    curved = StickMapping(dead_zone=0.1, expo=1.0)
    assert shaped(0.55, 0.1, 1.0) == pytest.approx(0.125)  # cubic: 0.5³
    assert axis_speed(0.55, curved, 0x18) == 3
    assert axis_speed(1.0, curved, 0x18) == axis_speed(1.0, LINEAR, 0x18) == 0x18


def test_zoom_has_a_direction_and_a_speed_0_to_7():
    assert zoom_speed(0.05, LINEAR) == (0, 0)
    assert zoom_speed(0.2, LINEAR) == (1, 0)
    assert zoom_speed(-1.0, LINEAR) == (-1, 7)
    assert zoom_speed(1.0, StickMapping(expo=0.0, zoom_max_speed=3)) == (1, 3)


def test_pushing_away_tilts_up_and_zooms_in_unless_inverted():
    away = stick(axes=(0.0, -1.0, 0.0, -1.0))
    assert drive_for(away, LINEAR, 0x18, 0x17) == Drive(0, 0x17, 1, 7)
    inverted = StickMapping(dead_zone=0.1, expo=0.0, invert_tilt=True, invert_zoom=True, invert_pan=True)
    assert drive_for(stick(axes=(1.0, -1.0, 0.0, -1.0)), inverted, 0x18, 0x17) == Drive(-0x18, -0x17, -1, 7)


def test_the_hat_moves_at_the_current_speed_within_the_cameras_range():
    up_right = stick(hats=((1, 1),))
    assert drive_for(up_right, LINEAR, 0x18, 0x14, hat_speed=0x16) == Drive(0x16, 0x14)
    assert drive_for(up_right, LINEAR, 0x18, 0x14) == Drive(12, 12)  # the mapping's half speed
    assert drive_for(up_right, LINEAR, 0x18, 0x14, hat_speed=99) == Drive(0x18, 0x14)
    assert drive_for(stick(axes=(-1.0, 0, 0, 0), hats=((1, 1),)), LINEAR, 0x18, 0x14) == Drive(-0x18, 0)
    assert not at_rest(up_right, LINEAR)
    assert at_rest(stick(axes=(0.05, -0.1, 0.0, 0.09)), LINEAR)


def test_an_axis_or_hat_the_stick_does_not_have_counts_as_centred():
    small = StickState(1, "stick", "g", False, (1.0,), (), (), 0.0)
    assert drive_for(small, LINEAR, 0x18, 0x17) == Drive(0x18, 0)


def test_a_button_acts_once_when_it_goes_down():
    pressed = [False] * 15
    pressed[0] = pressed[6] = True
    before, after = stick(), stick(buttons=pressed)
    assert pressed_actions(before, after, StickMapping()) == ["preset.recall.1", "stop.all"]
    assert pressed_actions(after, after, StickMapping()) == []
    assert pressed_actions(None, after, StickMapping()) == ["preset.recall.1", "stop.all"]


def test_the_mapping_survives_plain_data_and_json_keys():
    mapping = StickMapping(
        device="Logitech", zoom_axis=None, expo=0.25, buttons={3: "shot.F2", 11: "camera.next"}
    )
    data = mapping.to_dict()
    assert data["buttons"] == {"3": "shot.F2", "11": "camera.next"}
    assert StickMapping.from_dict(data) == mapping
    assert StickMapping.from_dict({}) == StickMapping()
    assert StickMapping().buttons == DEFAULT_BUTTONS


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"dead_zone": 0.95}, "dead_zone"),
        ({"expo": "high"}, "expo"),
        ({"max_speed": 0}, "max_speed"),
        ({"pan_axis": -1}, "pan_axis"),
        ({"zoom_axis": True}, "zoom_axis"),
        ({"invert_tilt": "yes"}, "invert_tilt"),
        ({"zoom_max_speed": 8}, "zoom_max_speed"),
        ({"buttons": {"x": "stop.all"}}, "buttons.x"),
        ({"buttons": {"2": "fly away"}}, "buttons.2"),
        ({"buttons": []}, "buttons"),
        ({"speed": 3}, "speed"),
    ],
)
def test_a_bad_value_is_refused_naming_its_field(data, field):
    with pytest.raises(MappingError, match=f"joystick setting {field}:"):
        StickMapping.from_dict(data)


def test_button_actions_can_be_checked_against_the_hotkeys_actions():
    with pytest.raises(MappingError, match="no action is called preset.recall.99"):
        StickMapping.from_dict({"buttons": {"0": "preset.recall.99"}}, actions={"stop.all"})
    assert StickMapping.from_dict({"buttons": {"0": "stop.all"}}, actions={"stop.all"}).buttons == {
        0: "stop.all"
    }


@given(mappings, tops, values, values)
def test_speed_is_monotonic_in_the_deflection(mapping, top, a, b):
    low, high = sorted((a, b))
    assert axis_speed(low, mapping, top) <= axis_speed(high, mapping, top)


@given(mappings, tops, values)
@example(StickMapping(dead_zone=0.0, expo=1.0), 1, 4e-212)  # its cube underflows: still the slowest speed
def test_speed_is_zero_inside_the_dead_zone_and_never_beyond_the_top(mapping, top, value):
    speed = axis_speed(value, mapping, top)
    assert abs(speed) <= top
    assert (speed == 0) == (abs(value) <= mapping.dead_zone)
    assert axis_speed(-value, mapping, top) == -speed


@given(mappings, values)
@example(StickMapping(dead_zone=0.0, expo=1.0), -4e-212)
def test_zoom_speed_stays_in_the_visca_range(mapping, value):
    direction, speed = zoom_speed(value, mapping)
    assert 0 <= speed <= mapping.zoom_max_speed
    assert direction == (0 if abs(value) <= mapping.dead_zone else (1 if value > 0 else -1))
