"""Reply parsing (docs/protocols/visca.md "Address Set, IF_Clear, Network Change", "Replies and errors",
"Cancel", "Differences from serial VISCA", "Worked datagrams") and the streaming parser's
resynchronisation."""

import random
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from devices.visca.replies import MAX_FRAME, Reply, ReplyKind, ReplyParser, parse_reply


def h(text: str) -> bytes:
    return bytes.fromhex(text)


def test_sony_command_ack_table():  # "Replies and errors" worked example
    ack = parse_reply(h("90 41 FF"))
    assert (ack.kind, ack.address, ack.socket, ack.data, ack.error) == (ReplyKind.ACK, 1, 1, b"", None)
    done = parse_reply(h("90 51 FF"))
    assert (done.kind, done.socket) == (ReplyKind.COMPLETION, 1)
    assert (parse_reply(h("90 42 FF")).kind, parse_reply(h("90 42 FF")).socket) == (ReplyKind.ACK, 2)
    assert (parse_reply(h("90 52 FF")).kind, parse_reply(h("90 52 FF")).socket) == (ReplyKind.COMPLETION, 2)
    syntax = parse_reply(h("90 60 02 FF"))
    assert (syntax.kind, syntax.socket, syntax.error, syntax.error_name) == (
        ReplyKind.ERROR,
        0,
        0x02,
        "syntax error",
    )
    not_executable = parse_reply(h("90 61 41 FF"))
    assert (not_executable.kind, not_executable.socket, not_executable.error_name) == (
        ReplyKind.ERROR,
        1,
        "not executable",
    )
    answer = parse_reply(h("90 50 02 FF"))
    assert (answer.kind, answer.socket, answer.data, answer.raw) == (
        ReplyKind.ANSWER,
        0,
        h("02"),
        h("90 50 02 FF"),
    )


def test_ip_worked_datagrams():  # "Worked datagrams": the VISCA payload follows the 8-byte header
    assert parse_reply(h("01 11 00 03 00 00 00 01 90 41 FF")[8:]).kind is ReplyKind.ACK
    assert parse_reply(h("01 11 00 03 00 00 00 01 90 51 FF")[8:]).kind is ReplyKind.COMPLETION
    answer = parse_reply(h("01 11 00 0B 00 00 00 01 90 50 0F 07 02 06 0F 0E 07 08 FF")[8:])
    assert (answer.kind, answer.address, answer.data) == (ReplyKind.ANSWER, 1, h("0F 07 02 06 0F 0E 07 08"))


def test_errors_with_socket_nibbles_0_1_2():
    buffer_full = parse_reply(h("90 60 03 FF"))
    assert (buffer_full.socket, buffer_full.error_name) == (0, "command buffer full")
    canceled = parse_reply(h("90 61 04 FF"))
    assert (canceled.kind, canceled.socket, canceled.error_name) == (ReplyKind.ERROR, 1, "command canceled")
    no_socket = parse_reply(h("90 62 05 FF"))  # "Cancel": cancel of an empty socket 2
    assert (no_socket.kind, no_socket.socket, no_socket.error_name) == (ReplyKind.ERROR, 2, "no socket")
    assert parse_reply(h("90 61 01 FF")).error_name == "message length error"
    assert parse_reply(h("90 60 7A FF")).error_name == "error 0x7a"
    assert parse_reply(h("90 41 FF")).error_name is None


def test_reply_addresses():
    assert parse_reply(h("A0 41 FF")).address == 2  # PTZOptics G3 at VISCA address 2
    assert parse_reply(h("F0 51 FF")).address == 7


def test_completion_without_ack():
    assert [r.kind for r in ReplyParser().feed(h("90 51 FF"))] == [ReplyKind.COMPLETION]


def test_if_clear_replies():
    assert parse_reply(h("88 01 00 01 FF")).kind is ReplyKind.IF_CLEAR_ECHO
    addressed = parse_reply(h("90 50 FF"))  # addressed IF_Clear: socket-0 completion, no ACK
    assert (addressed.kind, addressed.socket, addressed.data) == (ReplyKind.COMPLETION, 0, b"")


def test_network_change_from_any_address():
    for raw, address in ((h("90 38 FF"), 1), (h("C0 38 FF"), 4), (h("80 38 FF"), 0)):
        reply = parse_reply(raw)
        assert (reply.kind, reply.address) == (ReplyKind.NETWORK_CHANGE, address)


def test_address_set_counts_cameras():
    one = parse_reply(h("88 30 02 FF"))
    assert (one.kind, one.address, one.cameras) == (ReplyKind.ADDRESS_SET, 0, 1)
    assert parse_reply(h("88 30 08 FF")).cameras == 7
    assert parse_reply(h("90 41 FF")).cameras is None


def test_unknown_packets():
    for raw in (
        h("90 FF"),
        h("90 41"),
        h("41 FF"),
        h("81 01 04 00 02 FF"),
        h("90 41 00 FF"),
        h("90 38 01 FF"),
        h("88 30 FF"),
        h("88 02 FF"),
        h("90 70 FF"),
        h("90 60 FF"),
        b"",
    ):
        assert parse_reply(raw).kind is ReplyKind.UNKNOWN, raw.hex(" ")


def test_parser_splits_and_skips_leading_garbage():
    stream = h("00 12 90 41 FF 90 51 FF 90 50 0F 07") + h("02 06 0F 0E 07 08 FF 88 30 02 FF")
    parser = ReplyParser()
    replies = parser.feed(stream[:9]) + parser.feed(stream[9:])
    assert [r.kind for r in replies] == [
        ReplyKind.ACK,
        ReplyKind.COMPLETION,
        ReplyKind.ANSWER,
        ReplyKind.ADDRESS_SET,
    ]


def test_parser_recovers_from_a_packet_that_lost_its_ff():
    assert [r.raw for r in ReplyParser().feed(h("90 50 0F 07 90 41 FF"))] == [h("90 41 FF")]


def test_overlong_frame_is_dropped_up_to_the_next_ff():
    parser = ReplyParser()
    assert parser.feed(h("91") + bytes(40) + h("FF 90 41 FF")) == [parse_reply(h("90 41 FF"))]
    longest = h("90 50") + bytes(MAX_FRAME - 3) + h("FF")
    assert parser.feed(longest) == [parse_reply(longest)]
    assert parser.feed(h("90 50") + bytes(MAX_FRAME - 2) + h("FF")) == []


# --- property tests ---------------------------------------------------------------------------

headers = st.integers(1, 7).map(lambda address: (address + 8) << 4)
sockets = st.integers(1, 2)
valid_packets = st.one_of(
    st.builds(lambda hd, s: bytes((hd, 0x40 | s, 0xFF)), headers, sockets),
    st.builds(lambda hd, s: bytes((hd, 0x50 | s, 0xFF)), headers, st.integers(0, 2)),
    st.builds(
        lambda hd, d: bytes((hd, 0x50)) + d + b"\xff",
        headers,
        st.binary(min_size=1, max_size=16).map(lambda d: bytes(b & 0x7F for b in d)),
    ),
    st.builds(
        lambda hd, s, e: bytes((hd, 0x60 | s, e, 0xFF)), headers, st.integers(0, 15), st.integers(0, 0x7F)
    ),
    st.builds(lambda hd: bytes((hd, 0x38, 0xFF)), st.one_of(headers, st.just(0x80))),
    st.builds(lambda w: bytes((0x88, 0x30, w, 0xFF)), st.integers(1, 8)),
    st.just(h("88 01 00 01 FF")),
)
garbage = st.binary(max_size=40).map(lambda b: b.replace(b"\xff", b""))
noise = st.one_of(garbage, valid_packets.flatmap(lambda p: st.integers(1, len(p) - 1).map(lambda n: p[:n])))


def feed_in_pieces(parser: ReplyParser, stream: bytes, cuts: list[int]) -> list[Reply]:
    replies: list[Reply] = []
    bounds = [0, *sorted(c % (len(stream) + 1) for c in cuts), len(stream)]
    for start, end in pairwise(bounds):
        replies += parser.feed(stream[start:end])
        assert parser.pending <= MAX_FRAME
    return replies


@given(st.lists(st.binary(max_size=64), max_size=20))
def test_parser_never_raises_on_arbitrary_chunks(chunks):
    parser = ReplyParser()
    for chunk in chunks:
        for reply in parser.feed(chunk):
            assert reply.raw[-1] == 0xFF
            assert reply.raw[0] >= 0x80
            assert len(reply.raw) <= MAX_FRAME
        assert parser.pending <= MAX_FRAME


@given(
    st.lists(st.tuples(st.lists(noise, max_size=3), valid_packets), max_size=12),
    st.lists(st.integers(min_value=0), max_size=10),
)
def test_parser_resynchronises_on_valid_replies(items, cuts):
    stream = b"".join(b"".join(noises) + packet for noises, packet in items)
    expected = [parse_reply(packet) for _, packet in items]
    assert all(reply.kind is not ReplyKind.UNKNOWN for reply in expected)
    assert feed_in_pieces(ReplyParser(), stream, cuts) == expected


@settings(max_examples=10, deadline=None)
@given(st.binary(min_size=1, max_size=64).map(lambda b: b.replace(b"\xff", b"\x7f")))
def test_parser_buffer_stays_bounded_on_megabytes_of_garbage(pattern):
    parser = ReplyParser()
    chunk = pattern * (65536 // len(pattern) + 1)
    for _ in range(32):  # ≥ 2 MB
        assert parser.feed(chunk) == []
        assert parser.pending <= MAX_FRAME


def test_parser_buffer_stays_bounded_on_random_garbage():
    rng = random.Random(1)
    parser = ReplyParser()
    for _ in range(16):
        assert parser.feed(rng.randbytes(1 << 16).replace(b"\xff", b"\x00")) == []
        assert parser.pending <= MAX_FRAME
    assert parser.feed(h("90 41 FF")) == [parse_reply(h("90 41 FF"))]
