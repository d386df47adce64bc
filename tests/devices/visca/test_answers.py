"""Inquiry-answer decoders (docs/protocols/visca.md "Inquiries and their answers"): data bytes after `y0 50`,
without FF."""

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from devices.visca import answers
from devices.visca.answers import Version, ViscaAnswerError
from devices.visca.profiles import PROFILES, get_profile

GENERIC = get_profile("generic")
H700 = get_profile("sony-brc-h700")


def h(text: str) -> bytes:
    return bytes.fromhex(text)


def test_power():
    assert answers.decode_power(h("02")) is True
    assert answers.decode_power(h("03")) is False
    with pytest.raises(ViscaAnswerError, match="power-circuit error"):
        answers.decode_power(h("04"))
    for bad in (h(""), h("00"), h("02 02"), h("12")):
        with pytest.raises(ViscaAnswerError):
            answers.decode_power(bad)


def test_zoom_and_focus_positions():
    assert answers.decode_zoom(h("02 0A 01 0D")) == 0x2A1D
    assert answers.decode_zoom(h("04 00 00 00")) == 0x4000
    assert answers.decode_focus(h("01 00 00 00")) == 0x1000
    assert answers.decode_focus(h("0F 00 00 00")) == 0xF000
    for decode in (answers.decode_zoom, answers.decode_focus):
        with pytest.raises(ViscaAnswerError, match="4 data bytes"):
            decode(h("01 02 03"))
        with pytest.raises(ViscaAnswerError, match="high nibble"):
            decode(h("01 20 03 04"))


def test_focus_mode():
    assert answers.decode_focus_mode(h("02")) == "auto"
    assert answers.decode_focus_mode(h("03")) == "manual"
    with pytest.raises(ViscaAnswerError):
        answers.decode_focus_mode(h("10"))
    with pytest.raises(ViscaAnswerError):
        answers.decode_focus_mode(h(""))


def test_pan_tilt_position_4_plus_4():
    # BirdDog capture ("Worked datagrams"): 90 50 0F 07 02 06 0F 0E 07 08 FF.
    assert answers.decode_pan_tilt(h("0F 07 02 06 0F 0E 07 08"), GENERIC) == (
        0xF726 - 0x10000,
        0xFE78 - 0x10000,
    )
    assert answers.decode_pan_tilt(h("0D 0E 00 00 01 02 00 00"), GENERIC) == (-8704, 4608)
    with pytest.raises(ViscaAnswerError, match="8 data bytes"):
        answers.decode_pan_tilt(h("0D 0E 00 00 01 02 00 00 00"), GENERIC)
    with pytest.raises(ViscaAnswerError, match="high nibble"):
        answers.decode_pan_tilt(h("0D 0E 00 00 01 02 00 F0"), GENERIC)


def test_pan_tilt_position_5_plus_4():
    assert answers.decode_pan_tilt(h("00 08 0A 05 08 04 09 03 0D"), H700) == (0x08A58, 0x493D)
    assert answers.decode_pan_tilt(h("0F 07 05 0A 08 0E 07 09 06"), H700) == (-0x08A58, -6250)
    with pytest.raises(ViscaAnswerError):
        answers.decode_pan_tilt(h("0F 07 05 0A 08 0E 07 09"), H700)


def test_last_preset():
    assert answers.decode_last_preset(h("05")) == 5
    assert answers.decode_last_preset(h("7F")) == 0x7F
    for bad in (h(""), h("01 02")):
        with pytest.raises(ViscaAnswerError):
            answers.decode_last_preset(bad)


def test_version():
    version = answers.decode_version(h("00 01 05 13 01 23 02"))
    assert version == Version(vendor_id=0x0001, model_id=0x0513, rom_version=0x0123, max_socket=2)
    assert version.model_name == "Sony SRG-300H"
    assert answers.decode_version(h("00 01 05 1C 00 10 02")).model_name == "Sony BRC-X400"
    assert answers.decode_version(h("00 01 05 01 00 10 02")).model_name == "Sony BRC-H700"
    assert answers.decode_version(h("07 77 05 13 00 10 02")).model_name == "vendor 0777 model 0513"
    assert answers.decode_version(h("01 09 05 13 00 10 02")).model_name == "BirdDog model 0513"
    assert answers.decode_version(h("00 01 7F 7F 00 10 02")).model_name == "vendor 0001 model 7F7F"
    with pytest.raises(ViscaAnswerError, match="7 data bytes"):
        answers.decode_version(h("00 01 05 13 01 23"))


def test_profile_ids_decode_to_their_model():
    for name in ("sony-srg300h", "sony-brc-x400", "sony-brc-h700"):
        profile = PROFILES[name]
        data = profile.vendor_id.to_bytes(2, "big") + profile.model_id.to_bytes(2, "big") + h("00 01 02")
        assert answers.decode_version(data).model_name == profile.label


@given(st.binary(max_size=12), st.sampled_from(sorted(PROFILES)))
def test_decoders_raise_only_answer_errors(data, profile_name):
    decoders = (
        answers.decode_power,
        answers.decode_zoom,
        answers.decode_focus,
        answers.decode_focus_mode,
        answers.decode_last_preset,
        answers.decode_version,
        lambda d: answers.decode_pan_tilt(d, PROFILES[profile_name]),
    )
    for decode in decoders:
        with contextlib.suppress(ViscaAnswerError):
            decode(data)
