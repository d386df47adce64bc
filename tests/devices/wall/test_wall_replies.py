"""Reply framing and parsing per driver: both Kramer spacings, Telnet bytes, and garbage."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from devices.wall import drivers, extron, kramer, lg
from devices.wall.framing import Framer, TelnetFilter
from devices.wall.protocol import ReplyKind

IAC, WILL, DO, DONT, WONT, SB, SE = 255, 251, 253, 254, 252, 250, 240


@pytest.mark.parametrize(
    ("line", "key", "error"),
    [
        (b"~01@VID ERR 003", "VID", "parameter out of range (ERR 003)"),
        (b"~01@VIDERR003", "VID", "parameter out of range (ERR 003)"),
        (b"~01@VID ERR003", "VID", "parameter out of range (ERR 003)"),
        (b"~01@ERR 002", None, "command not available on this device (ERR 002)"),
        (b"~01@ERR001", None, "syntax error (ERR 001)"),
        (b"~01@PRST-RCL ERR 004", "PRST-RCL", "unauthorized access (ERR 004)"),
        (b"~01@AV ERR 099", "AV", "device error (ERR 099)"),
        (b"~01@MODEL? ERR 002", "MODEL", "command not available on this device (ERR 002)"),
    ],
)
def test_kramer_errors_with_and_without_spaces(line, key, error):
    reply = kramer.parse(line)
    assert (reply.kind, reply.key, reply.error) == (ReplyKind.ERROR, key, error)


def test_kramer_replies_carry_routes_and_sizes():
    reply = kramer.parse(b"~01@VID 1>2 OK")
    assert (reply.kind, reply.key, reply.routes) == (ReplyKind.OK, "VID", (("video", 2, 1),))
    reply = kramer.parse(b"~01@VID 1>1,3>2,0>3")
    assert reply.kind is ReplyKind.DATA
    assert reply.routes == (
        ("video", 1, 1),
        ("video", 2, 3),
        ("video", 3, 0),
    )
    assert kramer.parse(b"~01@AV 4>1 OK").routes == (("av", 1, 4),)
    assert kramer.parse(b"~01@ROUTE 12,1,3 OK").routes == (("av", 1, 3),)
    assert kramer.parse(b"~01@INFO-IO IN 11,OUT 9").facts == {"inputs": 11, "outputs": 9}
    assert kramer.parse(b"~01@INFO-PRST VID 60,AUD 0").facts == {"presets": 60}
    assert kramer.parse(b"~01@PRST-RCL 3 OK").facts == {"preset": 3}
    handshake = kramer.parse(b"~01@ OK")
    assert (handshake.kind, handshake.key) == (ReplyKind.OK, "")
    assert kramer.parse(b"garbage").kind is ReplyKind.NOISE


@pytest.mark.parametrize(
    ("line", "kind", "key"),
    [
        (b"~OK", ReplyKind.OK, ""),  # VP-81K / VP-8x8TP handshake: no Sender_id@
        (b"~01@ ok", ReplyKind.OK, ""),  # VS-44H2A prints ok in lower case
        (b"~ok", ReplyKind.OK, ""),
        (b"~VID 1>2 OK", ReplyKind.OK, "VID"),
        (b"~VID 1>2 ok", ReplyKind.OK, "VID"),
        (b"~ 01 @ VID 1>2 OK", ReplyKind.OK, "VID"),
        (b"~VID ERR 003", ReplyKind.ERROR, "VID"),
        (b"~01@VID err 003", ReplyKind.ERROR, "VID"),
        (b"~ERR002", ReplyKind.ERROR, None),
        (b"~av err002", ReplyKind.ERROR, "AV"),
    ],
)
def test_kramer_replies_with_or_without_sender_id_in_either_case(line, kind, key):
    reply = kramer.parse(line)
    assert (reply.kind, reply.key) == (kind, key)
    if kind is ReplyKind.ERROR:
        assert reply.error.endswith(f"(ERR {line[-3:].decode()})")
    if key == "VID" and kind is ReplyKind.OK:
        assert reply.routes == (("video", 2, 1),)


def test_kramer_info_replies_echoing_the_query_mark():
    """The VS-1616DN-EM manual prints ``~nn@INFO-IO? IN n,OUT n``; the sender-less form is heard too."""
    assert kramer.parse(b"~01@INFO-IO? IN 16,OUT 16").facts == {"inputs": 16, "outputs": 16}
    assert kramer.parse(b"~INFO-PRST VID 32,AUD 32").facts == {"presets": 32}


@pytest.mark.parametrize(
    ("line", "kind", "key", "detail"),
    [
        (b"Out03 In01 All", ReplyKind.OK, "tie", (("av", 3, 1),)),
        (b"Out05 In07 Vid", ReplyKind.OK, "tie", (("video", 5, 7),)),
        (b"Out04 In10 RGB", ReplyKind.OK, "tie", (("video", 4, 10),)),
        (b"Out14 In12 Aud", ReplyKind.OK, "tie", (("audio", 14, 12),)),
        (b"Out003 In001 All", ReplyKind.OK, "tie", (("av", 3, 1),)),
        (b"Rpr05", ReplyKind.OK, "Rpr", {"preset": 5}),
        (b"Rpr02*005", ReplyKind.OK, "Rpr", {"layout": (2, 5)}),
        (b"Spr09", ReplyKind.OK, "Spr", {"saved": 9}),
        (b"Vrb3", ReplyKind.OK, "Vrb", {}),
        (b"V32X16 A32X16", ReplyKind.DATA, "I", {"inputs": 32, "outputs": 16}),
        (b"02", ReplyKind.DATA, "read", {"number": 2}),
        (b"1.23", ReplyKind.DATA, "Q", {"firmware": "1.23"}),
        (b"60-1092-01", ReplyKind.DATA, "N", {"part_number": "60-1092-01"}),
        (
            b"(c) Copyright 2018, Extron Electronics, DXP 88 HD 4K Plus, V1.00, 60-1495-03",
            ReplyKind.DATA,
            "banner",
            {"model": "DXP 88 HD 4K Plus", "firmware": "1.00", "part_number": "60-1495-03"},
        ),
        (
            b"(c) Copyright 2009, Extron Electronics SMX, V1.14, 60-857-01",
            ReplyKind.DATA,
            "banner",
            {"model": "SMX", "firmware": "1.14", "part_number": "60-857-01"},
        ),
        (
            b"(c) Copyright 2016, Extron, Quantum Ultra 305, V1.02, 60-1507-01",
            ReplyKind.DATA,
            "banner",
            {"model": "Quantum Ultra 305", "firmware": "1.02", "part_number": "60-1507-01"},
        ),  # Quantum Ultra 305 p. 63
        (b"Cnv01 Win003 In1001", ReplyKind.OK, "window", {"window": (1, 3, 1001)}),
    ],
)
def test_extron_replies(line, kind, key, detail):
    reply = extron.parse(line)
    assert (reply.kind, reply.key) == (kind, key)
    assert (reply.routes if isinstance(detail, tuple) else reply.facts) == detail


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (b"(c) Copyright 2026, Extron Electronics, DXP 88 HDMI, V1.00, 60-0000-01", ReplyKind.DATA),
        (b"Tue, 01 Dec 2026 08:00:00", ReplyKind.NOISE),
        (b"Password:", ReplyKind.PROMPT),
        (b"Login Administrator", ReplyKind.LOGIN),
    ],
)
def test_extron_greeting_lines(line, kind):
    assert extron.parse(line).kind is kind


@pytest.mark.parametrize(
    ("code", "meaning"),
    [
        ("01", "invalid input number"),
        ("10", "invalid command"),
        ("11", "invalid preset number"),
        ("12", "invalid output number"),
        ("13", "invalid value"),
        ("24", "privilege violation"),
        ("27", "invalid event number"),
        ("30:2", "hardware failure"),
        ("30:17", "hardware failure"),
        ("31", "attempt to break a port pass-through that was not set"),
        ("35", "user account does not exist"),
        ("99", "device error"),
    ],
)
def test_extron_errors_have_their_meaning(code, meaning):
    reply = extron.parse(f"E{code}".encode())
    assert (reply.kind, reply.error) == (ReplyKind.ERROR, f"{meaning} (E{code})")


def test_lg_replies():
    assert lg.parse(b"a 01 OK01").facts == {"power": True}
    assert lg.parse(b"a 01 OK00").facts == {"power": False}
    assert lg.parse(b"b 01 OK90").facts == {"input": "90"}
    assert lg.parse(b"d 01 OK22").facts == {"tile": (2, 2)}
    assert lg.parse(b"d 01 OK43").facts == {"tile": (3, 4)}
    error = lg.parse(b"b 01 NG00")
    assert (error.kind, error.key, error.error) == (ReplyKind.ERROR, "b", "illegal code (NG 00)")
    assert lg.parse(b"hello").kind is ReplyKind.NOISE


def test_framers_split_lines_prompts_and_lg_acks():
    framer = Framer(b"\r\n", prompts=(b"Password:",))
    assert framer.feed(b"(c) Extron\r\nTue, 01 Dec\r\n\r\nPass") == [b"(c) Extron", b"Tue, 01 Dec"]
    assert framer.feed(b"word:") == [b"Password:"]
    assert framer.feed(b"~01@VID 1>2 OK\r") == [b"~01@VID 1>2 OK"]
    assert Framer(b"x").feed(b"a 01 OK01xb 01 NG00x\r\nd 01") == [b"a 01 OK01", b"b 01 NG00"]


def test_telnet_commands_are_removed_and_refused_even_when_split():
    telnet = TelnetFilter()
    text, answers = telnet.feed(bytes([IAC, WILL, 1, IAC, DO]) + b"ab")
    assert text == b"b"
    assert answers == bytes([IAC, DONT, 1, IAC, WONT, ord("a")])
    text, answers = telnet.feed(bytes([IAC]))
    assert (text, answers) == (b"", b"")
    text, answers = telnet.feed(bytes([IAC, IAC, SB, 24, 1, IAC, SE]) + b"Password:")
    assert text == bytes([IAC]) + b"Password:"
    assert answers == b""


@pytest.fixture(scope="module")
def generic(tmp_path_factory):
    """A generic profile with loose patterns, the kind a field engineer might write."""
    path = tmp_path_factory.mktemp("profile") / "loose.yaml"
    path.write_text(
        "commands: {route: '{input}>{output}'}\nsuccess: OK\nerror: 'ERR\\s*(\\w*)'\n"
        "route_reply: '(?P<input>\\w+)>(?P<output>\\w+)'\n",
        encoding="utf-8",
    )
    return drivers.make_protocol(drivers.parse(f"generic+tcp://10.0.0.1:4001?profile={path}"))


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=200))
def test_parsers_never_raise_on_arbitrary_bytes(generic, data):
    for framer, parse in (
        (Framer(b"\r\n"), kramer.parse),
        (Framer(b"\r\n", (b"Password:",)), extron.parse),
        (Framer(b"x"), lg.parse),
        (generic.framer(), generic.parse),
    ):
        for frame in framer.feed(data) + [data]:
            parse(frame)
    TelnetFilter().feed(data)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet="~0123456789@ERRVIDAUOKPRST-INFO>,*. \r\n\x00\xff", max_size=80))
def test_parsers_never_raise_on_near_misses(generic, text):
    data = text.encode("latin-1")
    for parse in (kramer.parse, extron.parse, lg.parse, generic.parse):
        parse(data)
