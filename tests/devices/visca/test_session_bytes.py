"""The session's wire behaviour, byte by byte, against a scripted fake transport."""

from __future__ import annotations

import time

import pytest

from devices.records import Link
from devices.visca import ipframe
from devices.visca.state import CameraError
from tests.support.fake_camera import FakeTransport, polite_camera
from tests.support.waiting import wait_until

SONY = "visca+udp://10.0.0.9?timeout=0.05&poll=60"
RAW = "visca+udpraw://10.0.0.9?timeout=0.05&poll=60"


def sony_datagrams(transport):
    return [ipframe.unpack(d) for d in transport.sent]


def sony_reply(seq: int, packet: str) -> bytes:
    return ipframe.pack(ipframe.PayloadType.REPLY, seq, bytes.fromhex(packet))


def sony_polite(datagram: bytes) -> list[bytes]:
    d = ipframe.unpack(datagram)
    if d.is_reset:
        return [ipframe.pack(ipframe.PayloadType.CONTROL_REPLY, d.seq, b"\x01")]
    return [ipframe.pack(ipframe.PayloadType.REPLY, d.seq, r) for r in polite_camera(d.payload)]


def test_sony_link_resets_then_numbers_messages_with_the_right_payload_types(camera):
    fake = FakeTransport(sony_polite)
    cam = camera(SONY, transport=fake)
    cam.recall_preset(2).result(2)
    cam.inquire("version").result(2)
    cam.inquire("power").result(2)
    first, *rest = sony_datagrams(fake)
    assert fake.sent[0] == bytes.fromhex("02 00 00 01 00 00 00 00 01")
    types = {d.payload: d.payload_type for d in rest}
    assert types[bytes.fromhex("81 01 04 3F 02 02 FF")] == 0x0100
    assert types[bytes.fromhex("81 09 04 00 FF")] == 0x0110
    assert types[bytes.fromhex("81 09 00 02 FF")] == 0x0120
    seqs = [d.seq for d in rest]
    assert seqs == list(range(1, len(rest) + 1))


def test_a_timed_out_message_is_resent_with_the_same_sequence_number(camera):
    dropped = []

    def lose_first_recall(datagram):
        d = ipframe.unpack(datagram)
        if d.payload == bytes.fromhex("81 01 04 3F 02 05 FF") and not dropped:
            dropped.append(d.seq)
            return []
        return sony_polite(datagram)

    fake = FakeTransport(lose_first_recall)
    cam = camera(SONY, transport=fake)
    assert cam.recall_preset(5).result(2).ok
    recalls = [d for d in sony_datagrams(fake) if d.payload == bytes.fromhex("81 01 04 3F 02 05 FF")]
    assert [d.seq for d in recalls] == [dropped[0], dropped[0]]
    assert cam.snapshot().health.retries == 1


def test_sequence_error_on_a_resend_means_the_command_ran_and_its_completion_is_matched(camera):
    seen = {}

    def ack_lost(datagram):
        d = ipframe.unpack(datagram)
        if d.payload == bytes.fromhex("81 01 04 00 02 FF"):
            if d.seq in seen:  # the resend: the camera already executed this number
                return [
                    ipframe.pack(ipframe.PayloadType.CONTROL, d.seq, b"\x0f\x01"),
                    sony_reply(d.seq, "90 51 FF"),
                ]
            seen[d.seq] = True
            return []  # ACK lost on the way back
        return sony_polite(datagram)

    fake = FakeTransport(ack_lost)
    cam = camera(SONY, transport=fake)
    assert cam.power(True).result(2).ok
    power_msgs = [d for d in sony_datagrams(fake) if d.payload == bytes.fromhex("81 01 04 00 02 FF")]
    assert len(power_msgs) == 2  # executed once on the camera, not re-sent with a new number
    wait_until(lambda: sum(d.is_reset for d in sony_datagrams(fake)) >= 2, what="a RESET after 0F 01")


@pytest.mark.parametrize(
    "url",
    [RAW, "visca+tcp://10.0.0.9?timeout=0.05&poll=60", "visca+serial://fake?address=1&timeout=0.05&poll=60"],
)
def test_on_raw_links_the_end_of_the_copy_asked_before_does_not_end_the_copy_asked_again(camera, url):
    zoom_to = bytes.fromhex("81 01 04 47 01 00 00 00 FF")

    def zooming(packet):  # a long zoom: a copy given anew ends the one under way at once
        copies = sum(sent == zoom_to for sent in fake.sent)
        if packet == zoom_to:
            return [bytes.fromhex("90 41 FF")] if copies == 1 else [bytes.fromhex("90 51 FF 90 42 FF")]
        return polite_camera(packet)

    fake = FakeTransport(zooming)
    cam = camera(url, transport=fake)
    wait_until(lambda: cam.snapshot().link is Link.ONLINE, what="online")
    done = cam.zoom_to(0x1000)
    wait_until(lambda: fake.sent.count(zoom_to) >= 2, what="the zoom asked again (its completion is late)")
    time.sleep(0.1)
    assert not done.done()  # socket 1's completion ended the first copy, not the zoom
    fake.inject(bytes.fromhex("90 52 FF"))
    assert done.result(2).ok


def test_completion_without_ack_and_error_with_socket_nibble(camera):
    def dialect(packet):
        if packet[1] == 0x01 and packet[2:4] == b"\x04\x3f":
            return [bytes.fromhex("90 51 FF")]  # no ACK at all
        if packet[1] == 0x01 and packet[2:4] == b"\x04\x00":
            return [bytes.fromhex("90 62 41 FF")]  # not executable, socket 2
        return polite_camera(packet)

    cam = camera(RAW, transport=FakeTransport(dialect))
    assert cam.recall_preset(1).result(2).ok
    with pytest.raises(CameraError) as err:
        cam.power(True).result(2)
    assert err.value.result == "not executable"


def test_buffer_full_waits_for_a_completion_and_retries(camera):
    state = {"full": True}
    fake = FakeTransport()

    def busy(packet):
        if packet[1:4] == b"\x01\x04\x00" and state["full"]:
            state["full"] = False
            fake.loop.call_later(0.1, fake._deliver, bytes.fromhex("90 52 FF"))  # an older command ends
            return [bytes.fromhex("90 60 03 FF")]
        return polite_camera(packet)

    fake.responder = busy
    cam = camera(RAW, transport=fake)
    assert cam.power(True).result(2).ok
    assert cam.snapshot().health.buffer_full == 1
    assert sum(p == bytes.fromhex("81 01 04 00 02 FF") for p in fake.sent) == 2


def test_replies_from_another_address_need_the_quirk(camera):
    def from_address_2(packet):
        return [bytes([0xA0]) + r[1:] for r in polite_camera(packet)]

    strict = camera(RAW, transport=FakeTransport(from_address_2))
    with pytest.raises(CameraError) as err:
        strict.power(True).result(3)
    assert err.value.result == "offline"
    tolerant = camera(RAW + "&quirks=any-address", transport=FakeTransport(from_address_2))
    assert tolerant.power(True).result(2).ok


def test_fixed_sequence_quirk_always_sends_zero(camera):
    fake = FakeTransport(sony_polite)
    cam = camera(SONY + "&quirks=fixed-seq", transport=fake)
    cam.recall_preset(1).result(2)
    assert {d.seq for d in sony_datagrams(fake) if not d.is_reset} == {0}


def test_garbage_from_the_camera_is_counted_never_fatal(camera):
    fake = FakeTransport(polite_camera)
    cam = camera(RAW, transport=fake)
    cam.power(True).result(2)
    fake.inject(b"\x00\x12\xff\x90\x99\x88\xff\xfe\xfe")
    fake.inject(b"\x90\x41\xff")  # an ACK nobody waits for
    assert cam.power(False).result(2).ok
    assert cam.snapshot().health.garbage >= 1
    assert cam.snapshot().link is Link.ONLINE


def test_no_reply_at_all_goes_offline_and_fails_commands(camera):
    fake = FakeTransport()
    cam = camera(RAW, transport=fake)
    wait_until(lambda: cam.snapshot().link is Link.OFFLINE, what="offline")
    with pytest.raises(CameraError) as err:
        cam.recall_preset(1).result(1)
    assert err.value.result == "offline"
    sent = len(fake.sent)
    wait_until(lambda: len(fake.sent) > sent, what="a probe while offline")


def test_serial_chain_is_numbered_and_cleared_on_open_and_after_a_network_change(camera):
    def chain_of_two(packet):
        if packet == bytes.fromhex("88 30 01 FF"):
            return [bytes.fromhex("88 30 03 FF")]
        if packet == bytes.fromhex("88 01 00 01 FF"):
            return [packet]
        return [bytes([0xA0]) + r[1:] for r in polite_camera(packet)]  # camera 2 answers A0

    fake = FakeTransport(chain_of_two, reliable=True)
    cam = camera("visca+serial://fake?address=2&timeout=0.05&poll=60", transport=fake)
    assert cam.recall_preset(4).result(2).ok
    assert fake.sent[:2] == [bytes.fromhex("88 30 01 FF"), bytes.fromhex("88 01 00 01 FF")]
    assert bytes.fromhex("82 01 04 3F 02 04 FF") in fake.sent
    fake.inject(bytes.fromhex("A0 38 FF"))  # camera 2 was power-cycled
    wait_until(lambda: fake.sent.count(bytes.fromhex("88 30 01 FF")) == 2, what="a new Address Set")


def test_no_header_quirk_speaks_raw_visca_to_a_udp_camera(simulator, camera):
    sim = simulator("visca+udpraw://127.0.0.1:0")
    port = sim.url.rsplit(":", 1)[1]
    cam = camera(f"visca+udp://127.0.0.1:{port}?quirks=no-header&timeout=0.1")
    assert cam.recall_preset(3).result(3).ok
    assert sim.state()["last_preset"] == 3


def test_completion_without_ack_quirk_does_not_resend_a_slow_recall(camera):
    fake = FakeTransport()

    def slow_recall(packet):
        if packet[1:4] == b"\x01\x04\x3f":
            fake.loop.call_later(0.4, fake._deliver, bytes.fromhex("90 51 FF"))  # no ACK, late completion
            return []
        return polite_camera(packet)

    fake.responder = slow_recall
    cam = camera(RAW + "&quirks=completion-without-ack", transport=fake)
    assert cam.recall_preset(2).result(3).ok
    assert sum(p[1:4] == b"\x01\x04\x3f" for p in fake.sent) == 1


def test_an_idle_camera_costs_only_its_polls(camera):
    fake = FakeTransport(polite_camera)
    cam = camera("visca+udpraw://10.0.0.9?timeout=0.05&poll=0.5", transport=fake)
    cam.inquire("power").result(2)
    time.sleep(0.5)
    sent, cpu = len(fake.sent), time.process_time()
    time.sleep(2.0)
    assert len(fake.sent) - sent <= 20  # about three inquiries per half second
    assert time.process_time() - cpu < 0.2  # no busy loop while idle


def test_a_command_the_operator_waits_for_goes_before_a_late_status_poll(camera):
    """A poll three intervals late goes before moves, not before a queued command: the recall's
    datagram is the next one on the wire, and the late poll follows it."""
    fake = FakeTransport(sony_polite)
    cam = camera(SONY, transport=fake)
    cam.identified().result(2)
    cam.recall_preset(1).result(2)

    async def polls_late_then_recall() -> int:
        for poll in cam._session.status.polls:
            poll.due -= 1000  # every poll far more than three intervals late
        sent = len(fake.sent)
        cam.recall_preset(3)  # on the device thread: queued at once, nothing sent yet
        return sent

    sent = cam.runtime.submit(polls_late_then_recall()).result(2)
    wait_until(lambda: len(fake.sent) >= sent + 2, what="the recall and a poll")
    first, second = (ipframe.unpack(d) for d in fake.sent[sent : sent + 2])
    assert first.payload == bytes.fromhex("81 01 04 3F 02 03 FF")
    assert first.payload_type == 0x0100
    assert second.payload[:2] == bytes.fromhex("81 09")
    assert second.payload_type == 0x0110


def test_a_command_to_an_idle_camera_is_sent_before_the_loop_moves_on(camera):
    """On an idle camera the recall's datagram leaves within the call's own turn of the device loop
    (issue 13: no extra hop), numbered next in sequence, and its replies complete it."""
    fake = FakeTransport(sony_polite)
    cam = camera(SONY, transport=fake)
    cam.identified().result(2)
    cam.recall_preset(1).result(2)
    wait_until(
        lambda: cam._session._idle is not None and cam._session.pending is None, what="an idle session"
    )

    async def recall_on_the_loop():
        before = ipframe.unpack(fake.sent[-1]).seq
        future = cam.recall_preset(6)  # on the device thread: submitted at once
        return before, fake.sent[-1], future  # read before this coroutine gives the loop back

    before, datagram, future = cam.runtime.submit(recall_on_the_loop()).result(2)
    assert datagram == ipframe.pack(
        ipframe.PayloadType.COMMAND, before + 1, bytes.fromhex("81 01 04 3F 02 06 FF")
    )
    assert future.result(2).ok
    assert [d for d in fake.sent if d == datagram] == [datagram]  # sent once, not again by the task


POSITION_INQUIRY = bytes.fromhex("81 09 06 12 FF")


def test_a_command_goes_out_in_the_same_turn_when_a_status_inquiry_steps_aside(camera):
    """A status inquiry awaiting its answer gives way to the operator's recall, which leaves within
    the call's own turn of the device loop (issue 13: an inquiry was pending at half of all recalls
    in the latency benchmark, each then a loop iteration late); the late answer, matched by its
    number, disturbs nothing."""
    held: list[int] = []

    def slow_to_say_where(datagram: bytes) -> list[bytes]:
        d = ipframe.unpack(datagram)
        if d.payload == POSITION_INQUIRY:
            held.append(d.seq)
            return []
        return sony_polite(datagram)

    fake = FakeTransport(slow_to_say_where)
    cam = camera("visca+udp://10.0.0.9?timeout=2&poll=0.1", transport=fake)
    cam.identified().result(2)
    wait_until(
        lambda: (job := cam._session.pending) is not None and job.inquiry == "position",
        what="a position inquiry awaiting its answer",
    )

    async def recall_on_the_loop():
        future = cam.recall_preset(6)
        return fake.sent[-1], future

    datagram, future = cam.runtime.submit(recall_on_the_loop()).result(2)
    assert ipframe.unpack(datagram).payload == bytes.fromhex("81 01 04 3F 02 06 FF")
    assert future.result(2).ok
    fake.inject(sony_reply(held[0], "90 50 00 00 00 00 00 00 00 00 FF"))  # the answer, late
    assert cam.recall_preset(7).result(2).ok
    assert [d for d in fake.sent if d == datagram] == [datagram]
