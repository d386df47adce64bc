"""Exact bytes of every command builder of every wall driver, and what the drivers declare."""

from __future__ import annotations

import pytest

from devices.wall import drivers, extron, kramer, lg
from devices.wall.capabilities import Capability
from devices.wall.generic_profile import Profile, ProfileError, expand_escapes
from devices.wall.protocol import Size

BUILT = [
    # Kramer Protocol 3000
    (kramer.route(1, 2, "video"), b"#VID 1>2\r"),
    (kramer.route(12, 3, "audio"), b"#AUD 12>3\r"),
    (kramer.route(4, 1, "av"), b"#AV 4>1\r"),
    (kramer.route(0, 5, "video"), b"#VID 0>5\r"),
    (kramer.recall_preset(3), b"#PRST-RCL 3\r"),
    (kramer.save_preset(12), b"#PRST-STO 12\r"),
    (kramer.route_query("video"), b"#VID? *\r"),
    (kramer.route_query("audio"), b"#AUD? *\r"),
    (kramer.handshake(), b"#\r"),
    (kramer.size_query(), b"#INFO-IO?\r"),
    (kramer.preset_count_query(), b"#INFO-PRST?\r"),
    # Extron SIS
    (extron.tie(1, 3, "av"), b"1*3!"),
    (extron.tie(7, 5, "video"), b"7*5%"),
    (extron.tie(12, 14, "audio"), b"12*14$"),
    (extron.recall_preset(5), b"5."),
    (extron.save_preset(9), b"9,"),
    (extron.read_tie(7), b"7%"),
    (extron.window_source(1, 3, 1001), b"1*3*1001!"),
    (extron.recall_layout(2, 5), b"1*2*5."),
    (extron.verbose_mode(3), b"\x1b3CV\r"),
    (extron.size_query(), b"I"),
    (extron.firmware_query(), b"Q"),
    # LG signage
    (lg.power(1, True), b"ka 01 01\r"),
    (lg.power(1, False), b"ka 01 00\r"),
    (lg.power(0x1F, True), b"ka 1F 01\r"),
    (lg.select_input(1, "90"), b"xb 01 90\r"),
    (lg.select_input(2, "c0"), b"xb 02 C0\r"),
    (lg.tile_mode(1, 2, 2), b"dd 01 22\r"),
    (lg.tile_mode(1, 2, 1), b"dd 01 12\r"),
    (lg.tile_mode(1, 3, 4), b"dd 01 43\r"),
    (lg.read("ka", 1), b"ka 01 FF\r"),
    (lg.read("dd", 0x3E8), b"dd 3E8 FF\r"),
]


@pytest.mark.parametrize(("built", "expected"), BUILT, ids=[repr(e) for _, e in BUILT])
def test_builder_bytes(built, expected):
    assert built == expected


def protocol(url: str):
    return drivers.make_protocol(drivers.parse(url))


def test_drivers_wrap_the_same_bytes_and_know_their_answers():
    k = protocol("kramer+tcp://10.0.0.1")
    assert (k.route(1, 2, "video").data, k.route(1, 2, "video").accepts) == (b"#VID 1>2\r", ("VID",))
    discovery = [b"#MODEL?\r", b"#VERSION?\r"]
    assert [c.data for c in k.connect_commands(Size())] == [
        b"#\r",
        b"#INFO-IO?\r",
        b"#INFO-PRST?\r",
        *discovery,
    ]
    assert [c.data for c in k.connect_commands(Size(8, 8, 16))] == [b"#\r", *discovery]
    assert [c.optional for c in k.connect_commands(Size(8, 8, None))] == [False, True, True, True]
    assert k.recall_preset(3).refresh_routes
    assert not k.route(1, 2, "av").query
    e = protocol("extron+tcp://10.0.0.2?password=x")
    assert [c.data for c in e.route_queries(3)] == [b"1%", b"2%", b"3%"]
    assert all(c.query for c in e.route_queries(3))
    assert [c.data for c in e.connect_commands(Size())] == [b"\x1b3CV\r", b"I", b"N", b"Q"]
    with pytest.raises(ValueError, match="outputs"):
        e.route_queries(None)
    display = protocol("lg+tcp://10.0.0.3?set_id=0")
    assert display.power(True).data == b"ka 00 01\r"
    assert not display.power(True).expects_reply


def test_capabilities_declared_per_driver():
    matrix = Capability.ROUTE | Capability.ROUTE_QUERY | Capability.PRESETS | Capability.STATUS_QUERY
    assert protocol("kramer+serial://COM3").capabilities == matrix
    assert protocol("extron+tcp://10.0.0.2").capabilities == matrix
    assert (
        protocol("extron+tcp://10.0.0.2?canvases=2").capabilities == Capability.WINDOWS | Capability.LAYOUTS
    )
    assert protocol("lg+tcp://10.0.0.3").capabilities == (
        Capability.DISPLAY_POWER | Capability.DISPLAY_INPUT | Capability.TILE_MODE | Capability.STATUS_QUERY
    )


def test_lg_values_are_checked():
    display = protocol("lg+serial:///dev/ttyUSB0?set_id=3")
    with pytest.raises(ValueError, match="two hex digits"):
        display.select_input("HDMI1")
    with pytest.raises(ValueError, match="1–15"):
        display.tile_mode(16, 1)
    with pytest.raises(ValueError, match="FF"):
        display.tile_mode(15, 15)


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ("#VID {input}>{output}", b"#VID 1>2"),
        ("%02%{input:02X}\\x03", b"\x02\x01\x03"),
        ("{input:03d}*{output:03d}!", b"001*002!"),
        ("7%", b"7%"),
        ("100%% {{x}}", b"100% {x}"),
        ("a\\rb\\n\\t\\\\", b"a\rb\n\t\\"),
    ],
)
def test_generic_templates_fill_placeholders_then_escapes(template, expected):
    assert expand_escapes(template.format(input=1, output=2)) == expected


@pytest.mark.parametrize(
    ("checksum", "as_byte", "expected"),
    [
        (None, False, b"\x01\x02\x03\r"),
        ("sum8", False, b"\x01\x02\x0306\r"),
        ("sum8", True, b"\x01\x02\x03\x06\r"),
        ("xor", False, b"\x01\x02\x0300\r"),
        ("xor", True, b"\x01\x02\x03\x00\r"),
    ],
)
def test_generic_checksum_comes_before_the_line_ending(checksum, as_byte, expected):
    profile = Profile("p", "p.yaml", {}, eol=b"\r", checksum=checksum, checksum_as_byte=as_byte)
    assert profile.render("%01%02%03") == expected


def test_escapes_outside_latin1_are_refused_in_plain_words():
    with pytest.raises(ProfileError, match="Latin-1"):
        expand_escapes("→")
