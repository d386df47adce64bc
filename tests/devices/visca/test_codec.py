"""Byte-exact tests of the VISCA command builders against docs/protocols/visca.md "Address Set, IF_Clear,
Network Change", "Cancel", "Commands the console and the simulator use"."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.visca import codec, packet
from devices.visca.packet import MessageKind, ViscaParameterError, frame
from devices.visca.profiles import get_profile

GENERIC = get_profile("generic")
SRG = get_profile("sony-srg300h")
X400 = get_profile("sony-brc-x400")
H700 = get_profile("sony-brc-h700")
PTZO = get_profile("ptzoptics")


def h(text: str) -> bytes:
    return bytes.fromhex(text)


def test_power_and_interface():
    assert frame(1, codec.power(True)) == h("81 01 04 00 02 FF")
    assert frame(1, codec.power(False)) == h("81 01 04 00 03 FF")
    assert frame(1, codec.if_clear()) == h("81 01 00 01 FF")
    assert frame(8, codec.if_clear()) == h("88 01 00 01 FF")
    assert frame(8, codec.address_set()) == h("88 30 01 FF")
    assert frame(1, codec.cancel(1)) == h("81 21 FF")
    assert frame(1, codec.cancel(2)) == h("81 22 FF")
    assert frame(1, codec.version_inquiry()) == h("81 09 00 02 FF")


def test_tally_lamp():
    """docs/protocols/visca.md "Tally": 8x 01 7E 01 0A 00 0p FF, p = 2 on, 3 off."""
    assert frame(1, codec.tally(True)) == h("81 01 7E 01 0A 00 02 FF")
    assert frame(1, codec.tally(False)) == h("81 01 7E 01 0A 00 03 FF")
    assert frame(2, codec.tally(True)) == h("82 01 7E 01 0A 00 02 FF")
    assert [p.name for p in (GENERIC, SRG, X400, H700, PTZO) if p.tally_lamp] == [X400.name, H700.name]


def test_frame_addresses():
    assert frame(7, codec.power(True)) == h("87 01 04 00 02 FF")
    assert frame(3, codec.cancel(2)) == h("83 22 FF")


def test_zoom():
    assert frame(1, codec.zoom_stop()) == h("81 01 04 07 00 FF")
    assert frame(1, codec.zoom_tele()) == h("81 01 04 07 02 FF")
    assert frame(1, codec.zoom_wide()) == h("81 01 04 07 03 FF")
    assert frame(1, codec.zoom_tele(0)) == h("81 01 04 07 20 FF")
    assert frame(1, codec.zoom_tele(7)) == h("81 01 04 07 27 FF")
    assert frame(1, codec.zoom_wide(0)) == h("81 01 04 07 30 FF")
    assert frame(1, codec.zoom_wide(7)) == h("81 01 04 07 37 FF")
    assert frame(1, codec.zoom_direct(0x2A1D, SRG)) == h("81 01 04 47 02 0A 01 0D FF")
    assert frame(1, codec.zoom_direct(0, SRG)) == h("81 01 04 47 00 00 00 00 FF")
    assert frame(1, codec.zoom_direct(0x4000, SRG)) == h("81 01 04 47 04 00 00 00 FF")


def test_focus():
    assert frame(1, codec.focus_stop()) == h("81 01 04 08 00 FF")
    assert frame(1, codec.focus_far()) == h("81 01 04 08 02 FF")
    assert frame(1, codec.focus_near()) == h("81 01 04 08 03 FF")
    assert frame(1, codec.focus_far(5)) == h("81 01 04 08 25 FF")
    assert frame(1, codec.focus_near(7)) == h("81 01 04 08 37 FF")
    assert frame(1, codec.focus_auto()) == h("81 01 04 38 02 FF")
    assert frame(1, codec.focus_manual()) == h("81 01 04 38 03 FF")
    assert frame(1, codec.focus_toggle()) == h("81 01 04 38 10 FF")
    assert frame(1, codec.focus_one_push()) == h("81 01 04 18 01 FF")
    assert frame(1, codec.focus_direct(0x1000, X400)) == h("81 01 04 48 01 00 00 00 FF")
    assert frame(1, codec.focus_direct(0xF000, X400)) == h("81 01 04 48 0F 00 00 00 FF")


def test_pan_tilt_drive_every_direction():
    assert frame(1, codec.pan_tilt_drive(0, 5, GENERIC)) == h("81 01 06 01 01 05 03 01 FF")  # up
    assert frame(1, codec.pan_tilt_drive(0, -5, GENERIC)) == h("81 01 06 01 01 05 03 02 FF")  # down
    assert frame(1, codec.pan_tilt_drive(-8, 0, GENERIC)) == h("81 01 06 01 08 01 01 03 FF")  # left
    assert frame(1, codec.pan_tilt_drive(8, 0, GENERIC)) == h("81 01 06 01 08 01 02 03 FF")  # right
    assert frame(1, codec.pan_tilt_drive(-8, 5, GENERIC)) == h("81 01 06 01 08 05 01 01 FF")  # up-left
    assert frame(1, codec.pan_tilt_drive(8, 5, GENERIC)) == h("81 01 06 01 08 05 02 01 FF")  # up-right
    assert frame(1, codec.pan_tilt_drive(-8, -5, GENERIC)) == h("81 01 06 01 08 05 01 02 FF")  # down-left
    assert frame(1, codec.pan_tilt_drive(24, -20, GENERIC)) == h("81 01 06 01 18 14 02 02 FF")  # down-right
    assert frame(1, codec.pan_tilt_drive(0, 0, GENERIC)) == h("81 01 06 01 01 01 03 03 FF")  # stop
    assert frame(1, codec.pan_tilt_stop(X400)) == h("81 01 06 01 01 01 03 03 FF")
    assert frame(1, codec.pan_tilt_drive(-24, 23, SRG)) == h("81 01 06 01 18 17 01 01 FF")


def test_pan_tilt_home_and_reset():
    assert frame(1, codec.pan_tilt_home()) == h("81 01 06 04 FF")
    assert frame(1, codec.pan_tilt_reset()) == h("81 01 06 05 FF")


def test_pan_tilt_absolute_layouts():
    # Layout A (VV WW, 4+4), default speeds = profile maxima; pan -8704 = DE00, tilt 4608 = 1200.
    assert frame(1, codec.pan_tilt_absolute(-8704, 4608, GENERIC)) == h(
        "81 01 06 02 18 14 0D 0E 00 00 01 02 00 00 FF"
    )
    assert frame(1, codec.pan_tilt_absolute(0x2200, -1024, SRG, pan_speed=5, tilt_speed=3)) == h(
        "81 01 06 02 05 03 02 02 00 00 0F 0C 00 00 FF"
    )
    # Layout B (VV 00, 4+4).
    assert frame(1, codec.pan_tilt_absolute(100, -1, X400, pan_speed=0x10)) == h(
        "81 01 06 02 10 00 00 00 06 04 0F 0F 0F 0F FF"
    )
    assert frame(1, codec.pan_tilt_absolute(0, 0, X400)) == h("81 01 06 02 18 00 00 00 00 00 00 00 00 00 FF")
    # Layout C (5+4, VV 00 on the BRC-H700): its documented end points.
    assert frame(1, codec.pan_tilt_absolute(0x08A58, 0x493D, H700)) == h(
        "81 01 06 02 18 00 00 08 0A 05 08 04 09 03 0D FF"
    )
    assert frame(1, codec.pan_tilt_absolute(-0x08A58, -6250, H700, pan_speed=1)) == h(
        "81 01 06 02 01 00 0F 07 05 0A 08 0E 07 09 06 FF"
    )


def test_pan_tilt_relative():
    assert frame(1, codec.pan_tilt_relative(-1, 1, GENERIC, 1, 1)) == h(
        "81 01 06 03 01 01 0F 0F 0F 0F 00 00 00 01 FF"
    )
    assert frame(1, codec.pan_tilt_relative(-32768, 32767, SRG)) == h(
        "81 01 06 03 18 17 08 00 00 00 07 0F 0F 0F FF"
    )
    assert frame(1, codec.pan_tilt_relative(16, 0, X400, 2)) == h(
        "81 01 06 03 02 00 00 00 01 00 00 00 00 00 FF"
    )
    assert frame(1, codec.pan_tilt_relative(-0x80000, 0, H700)) == h(
        "81 01 06 03 18 00 08 00 00 00 00 00 00 00 00 FF"
    )


def test_memory_on_two_profiles():
    assert frame(1, codec.memory_reset(5, SRG)) == h("81 01 04 3F 00 05 FF")
    assert frame(1, codec.memory_set(5, SRG)) == h("81 01 04 3F 01 05 FF")
    assert frame(1, codec.memory_recall(15, SRG)) == h("81 01 04 3F 02 0F FF")
    assert frame(1, codec.memory_reset(89, PTZO)) == h("81 01 04 3F 00 59 FF")
    assert frame(1, codec.memory_set(100, PTZO)) == h("81 01 04 3F 01 64 FF")
    assert frame(1, codec.memory_recall(254, PTZO)) == h("81 01 04 3F 02 FE FF")
    assert frame(1, codec.memory_recall(99, X400)) == h("81 01 04 3F 02 63 FF")


def test_inquiries():
    assert frame(1, codec.power_inquiry()) == h("81 09 04 00 FF")
    assert frame(1, codec.zoom_position_inquiry()) == h("81 09 04 47 FF")
    assert frame(1, codec.focus_position_inquiry()) == h("81 09 04 48 FF")
    assert frame(1, codec.focus_mode_inquiry()) == h("81 09 04 38 FF")
    assert frame(1, codec.pan_tilt_position_inquiry()) == h("81 09 06 12 FF")
    assert frame(1, codec.last_preset_inquiry()) == h("81 09 04 3F FF")


def test_message_kind():
    assert packet.message_kind(codec.power(True)) is MessageKind.COMMAND
    assert packet.message_kind(codec.pan_tilt_stop(GENERIC)) is MessageKind.COMMAND
    assert packet.message_kind(codec.power_inquiry()) is MessageKind.INQUIRY
    assert packet.message_kind(codec.if_clear()) is MessageKind.DEVICE_SETTING
    assert packet.message_kind(codec.version_inquiry()) is MessageKind.DEVICE_SETTING
    assert packet.message_kind(codec.cancel(2)) is MessageKind.CANCEL
    assert packet.message_kind(codec.address_set()) is MessageKind.ADDRESS_SET
    with pytest.raises(ViscaParameterError):
        packet.message_kind(b"")
    with pytest.raises(ViscaParameterError):
        packet.message_kind(h("50 02"))


def raises(pattern: str):
    return pytest.raises(ViscaParameterError, match=re.escape(pattern))


def test_parameter_errors_name_value_and_range():
    with raises("preset 300 is out of range 0–254 for Generic VISCA camera"):
        codec.memory_recall(300, GENERIC)
    with raises("preset 16 is out of range 0–15 for Sony SRG-300H"):
        codec.memory_set(16, SRG)
    with raises("preset 95 is reserved on PTZOptics (reserved: 90–99)"):
        codec.memory_recall(95, PTZO)
    with raises("preset 255 is out of range 0–254"):
        codec.memory_reset(255, PTZO)
    with raises("preset 100 is out of range 0–99 for Sony BRC-X400"):
        codec.memory_recall(100, X400)
    with raises("pan speed 99 is out of range -24–24"):
        codec.pan_tilt_drive(99, 0, GENERIC)
    with raises("tilt speed -21 is out of range -20–20 for PTZOptics"):
        codec.pan_tilt_drive(0, -21, PTZO)
    with raises("pan speed 99 is out of range 1–24"):
        codec.pan_tilt_absolute(0, 0, SRG, pan_speed=99)
    with raises("tilt speed 24 is out of range 1–23 for Sony BRC-X400"):
        codec.pan_tilt_absolute(0, 0, X400, tilt_speed=0x18)
    with raises("pan speed 0 is out of range 1–24"):
        codec.pan_tilt_relative(0, 0, GENERIC, pan_speed=0)
    with raises("zoom position 16385 is out of range 0–16384 for Sony SRG-300H"):
        codec.zoom_direct(0x4001, SRG)
    with raises("zoom position -1 is out of range 0–16384"):
        codec.zoom_direct(-1, GENERIC)
    with raises("zoom speed 8 is out of range 0–7"):
        codec.zoom_tele(8)
    with raises("zoom speed -1 is out of range 0–7"):
        codec.zoom_wide(-1)
    with raises("focus speed 8 is out of range 0–7"):
        codec.focus_far(8)
    with raises("focus position 4095 is out of range 4096–61440"):
        codec.focus_direct(0x0FFF, X400)
    with raises("pan position -8705 is out of range -8704–8704 for Sony SRG-300H"):
        codec.pan_tilt_absolute(-8705, 0, SRG)
    with raises("tilt position 4609 is out of range -1024–4608"):
        codec.pan_tilt_absolute(0, 4609, X400)
    with raises("pan offset 32768 is out of range -32768–32767"):
        codec.pan_tilt_relative(32768, 0, GENERIC)
    with raises("socket 3 is out of range 1–2"):
        codec.cancel(3)
    with raises("preset must be a whole number, got 1.5"):
        codec.memory_recall(1.5, GENERIC)  # type: ignore[arg-type]
    with raises("zoom speed must be a whole number, got True"):
        codec.zoom_tele(True)


def test_frame_rejects_bad_addresses_and_messages():
    with raises("camera address 0 is out of range 1–8"):
        frame(0, codec.power(True))
    with raises("camera address 9 is out of range 1–8"):
        frame(9, codec.power(True))
    with raises("Address Set is always sent to the broadcast address 8"):
        frame(1, codec.address_set())
    with pytest.raises(ViscaParameterError):
        frame(1, b"")
    with pytest.raises(ViscaParameterError):
        frame(1, h("01 FF"))


def test_nibble_helpers():
    assert packet.nibbles(0x2A1D, 4) == h("02 0A 01 0D")
    assert packet.from_nibbles(h("02 0A 01 0D")) == 0x2A1D
    assert packet.signed_nibbles(-8704, 4) == h("0D 0E 00 00")
    assert packet.signed_nibbles(-0x09CA7, 5) == h("0F 06 03 05 09")  # ILME-FR7 −170°
    assert packet.from_signed_nibbles(h("0D 0E 00 00")) == -8704
    assert packet.from_signed_nibbles(h("07 0F 0F 0F")) == 0x7FFF
    with pytest.raises(ValueError, match=re.escape("byte 10 is not a nibble (high nibble set)")):
        packet.from_nibbles(h("01 10"))
    with raises("value 65536 is out of range 0–65535"):
        packet.nibbles(0x10000, 4)
    with raises("value 32768 is out of range -32768–32767"):
        packet.signed_nibbles(0x8000, 4)


@st.composite
def signed_in_width(draw):
    count = draw(st.integers(1, 8))
    half = 1 << (4 * count - 1)
    return draw(st.integers(-half, half - 1)), count


@given(signed_in_width())
def test_signed_nibbles_round_trip(value_and_count):
    value, count = value_and_count
    data = packet.signed_nibbles(value, count)
    assert len(data) == count
    assert all(b <= 0x0F for b in data)
    assert packet.from_signed_nibbles(data) == value


@given(st.integers(1, 8).flatmap(lambda n: st.tuples(st.integers(0, 16**n - 1), st.just(n))))
def test_unsigned_nibbles_round_trip(value_and_count):
    value, count = value_and_count
    assert packet.from_nibbles(packet.nibbles(value, count)) == value
