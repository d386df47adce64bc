"""Capture: the recorder, the tap on a transport, and ``--capture`` on the command line."""

from __future__ import annotations

import asyncio
import socket
import threading
from itertools import pairwise

import pytest

from devices.capture import Recorder, mask_url
from devices.capture_tap import FrameCutter
from devices.transport.base import ByteTransport
from tests.devices.capture.captures import frames, records
from tests.support.commands import run_app


class FakeTransport(ByteTransport):
    """Records what is sent; ``up``/``receive`` play the device."""

    def __init__(self) -> None:
        super().__init__("fake")
        self.sent: list[bytes] = []
        self.accepting = True

    async def open(self) -> None:
        self._set_up(True)

    def send(self, data: bytes) -> bool:
        if self.accepting:
            self.sent.append(data)
        return self.accepting

    async def close(self) -> None:
        self._set_up(False, "closed")

    def receive(self, data: bytes) -> None:
        self._deliver(data)


# --- cutting the received stream into frames ------------------------------------------------------


def test_visca_stream_is_cut_after_each_ff():
    cutter = FrameCutter(b"\xff")
    assert [f for _t, f in cutter.feed(bytes.fromhex("90 41 FF 90 51 FF 90"), 1.0)] == [
        bytes.fromhex("90 41 FF"),
        bytes.fromhex("90 51 FF"),
    ]
    assert [f for _t, f in cutter.feed(bytes.fromhex("50 02 FF"), 2.0)] == [bytes.fromhex("90 50 02 FF")]


def test_cr_lf_split_by_the_wire_stays_one_frame_with_the_time_of_its_cr():
    cutter = FrameCutter(b"\r\n")
    assert cutter.feed(b"~01@VID 1>2 OK\r", 1.0) == []
    assert cutter.feed(b"\n~01@", 2.0) == [(1.0, b"~01@VID 1>2 OK\r\n")]
    assert cutter.feed(b" OK\r", 3.0) == []
    assert cutter.feed(b"Password:", 4.0) == [(3.0, b"~01@ OK\r")]  # a CR without LF ends at the next byte
    assert cutter.flush() == [(4.0, b"Password:")]  # a prompt has no end: flushed on send


def test_without_ends_every_chunk_is_a_frame():
    assert FrameCutter(b"").feed(b"\x01\x11\x00\x03\x00\x00\x00\xff\x90\x41\xff", 5.0) == [
        (5.0, b"\x01\x11\x00\x03\x00\x00\x00\xff\x90\x41\xff")
    ]


# --- the recorder and the tap ----------------------------------------------------------------------


def test_header_first_then_frames_both_ways_in_wire_order(tmp_path):
    recorder = Recorder(
        tmp_path / "c.jsonl", url="kramer+tcp://10.0.0.5:5000", kind="wall", tool="test", text=True
    )
    inner = FakeTransport()
    tap = recorder.tap(inner, ends=b"\r\n")
    got: list[bytes] = []
    tap.on_data = got.append
    assert tap.send(b"#VID 1>2\r")
    inner.receive(b"~01@VID 1>2 OK\r")
    assert tap.send(b"#\r")  # the held reply is written before the next request
    inner.receive(b"\n")
    assert recorder.wait() is None
    lines = records(tmp_path / "c.jsonl")
    assert lines[0]["capture"] == 1
    assert lines[0]["kind"] == "wall"
    assert lines[0]["protocol"] == "kramer+tcp"
    assert lines[0]["url"] == "kramer+tcp://10.0.0.5:5000"
    assert "source" in lines[0]
    assert "version" in lines[0]
    assert [(r["dir"], r["text"]) for r in lines[1:]] == [
        ("tx", "#VID 1>2\r"),
        ("rx", "~01@VID 1>2 OK\r"),
        ("tx", "#\r"),
        ("rx", "\n"),
    ]
    assert [bytes.fromhex(r["hex"]) for r in lines[1:]] == [b"#VID 1>2\r", b"~01@VID 1>2 OK\r", b"#\r", b"\n"]
    assert got == [b"~01@VID 1>2 OK\r", b"\n"]  # the link above sees every byte as it came
    assert all(a["t"] <= b["t"] for a, b in pairwise(lines[1:]))


def test_close_writes_what_is_held_and_the_link_state(tmp_path):
    recorder = Recorder(tmp_path / "c.jsonl", url="visca+tcp://cam:5678", kind="camera", tool="test")
    inner = FakeTransport()
    tap = recorder.tap(inner, ends=b"\xff")
    states = []
    tap.on_state = lambda up, why: states.append((up, why))

    async def session() -> None:
        await tap.open()
        inner.receive(bytes.fromhex("90 41"))
        await tap.close()

    asyncio.run(session())
    recorder.wait()
    lines = records(tmp_path / "c.jsonl")
    assert [r.get("event") or r["dir"] for r in lines[1:]] == ["up", "rx", "down"]
    assert lines[3]["why"] == "closed"
    assert states == [(True, ""), (False, "closed")]


def test_a_tap_put_in_after_the_link_takes_over_its_callbacks(tmp_path):
    inner = FakeTransport()
    got = []
    inner.on_data = got.append  # the link (a serial chain) hooked the port already
    recorder = Recorder(tmp_path / "c.jsonl", url="visca+serial:///dev/ttyUSB0", kind="camera", tool="test")
    tap = recorder.tap(inner, ends=b"\xff")
    inner.receive(bytes.fromhex("90 50 02 FF"))
    assert got == [bytes.fromhex("90 50 02 FF")]
    assert tap.on_data == got.append
    recorder.wait()
    assert frames(tmp_path / "c.jsonl", "rx") == [bytes.fromhex("90 50 02 FF")]


def test_bytes_that_were_not_sent_are_not_recorded(tmp_path):
    recorder = Recorder(tmp_path / "c.jsonl", url="visca+tcp://cam:5678", kind="camera", tool="test")
    inner = FakeTransport()
    inner.accepting = False
    assert not recorder.tap(inner).send(bytes.fromhex("81 01 04 00 02 FF"))
    recorder.wait()
    assert frames(tmp_path / "c.jsonl", "tx") == []


def test_passwords_are_masked_in_the_url_the_frames_and_the_output(tmp_path):
    url = "extron+tcp://10.0.0.9:23?password=Rahasia77&outputs=8"
    recorder = Recorder(
        tmp_path / "c.jsonl", url=url, kind="wall", tool="test", text=True, secrets=["Rahasia77"]
    )
    recorder.frame("tx", b"Rahasia77\r")
    recorder.frame("tx", b"1*2!")
    recorder.end(0, {"url": url, "routes": {"2": 1}})
    recorder.wait()
    text = (tmp_path / "c.jsonl").read_text()
    assert "Rahasia77" not in text
    assert b"Rahasia77".hex() not in text.replace(" ", "").lower()
    lines = records(tmp_path / "c.jsonl")
    assert lines[0]["url"] == "extron+tcp://10.0.0.9:23?password=****&outputs=8"
    assert lines[1]["text"] == "****\r"
    assert lines[1]["masked"] is True
    assert "masked" not in lines[2]
    assert lines[3]["output"]["url"] == "extron+tcp://10.0.0.9:23?password=****&outputs=8"


def test_one_capture_of_several_connections_names_each(tmp_path):
    """As ``probe`` would record: several tries at once, each frame saying which connection it is."""
    recorder = Recorder(tmp_path / "p.jsonl", url="192.168.1.50", kind="probe", tool="test")
    kramer, extron = FakeTransport(), FakeTransport()
    recorder.tap(kramer, b"\r\n", via="kramer+tcp://192.168.1.50:5000").send(b"#\r")
    recorder.tap(extron, b"\r\n", via="extron+tcp://192.168.1.50:23?password=x").send(b"Q")
    kramer.receive(b"~01@ OK\r\n")
    recorder.wait()
    lines = records(tmp_path / "p.jsonl")
    assert lines[0]["protocol"] == "probe"
    assert lines[0]["url"] == "192.168.1.50"
    assert [(r["dir"], r["via"]) for r in lines[1:]] == [
        ("tx", "kramer+tcp://192.168.1.50:5000"),
        ("tx", "extron+tcp://192.168.1.50:23?password=****"),
        ("rx", "kramer+tcp://192.168.1.50:5000"),
    ]


def test_mask_url_hides_user_passwords_too():
    assert (
        mask_url("generic+tcp://admin:pw@10.0.0.3:4000?profile=x.yaml")
        == "generic+tcp://admin:****@10.0.0.3:4000?profile=x.yaml"
    )
    assert mask_url("visca+udp://10.0.0.3") == "visca+udp://10.0.0.3"


def test_recording_never_waits_for_the_disk(tmp_path):
    recorder = Recorder(tmp_path / "c.jsonl", url="visca+tcp://cam:5678", kind="camera", tool="test")
    disk = threading.Event()
    real_write = recorder._file.write
    recorder._file.write = lambda text: (disk.wait(10), real_write(text))[1]
    for n in range(500):  # the writer thread is stuck on the "disk" meanwhile
        recorder.frame("tx", bytes((0x81, 0x09, 0x04, n % 0x7F, 0xFF)))
    assert not disk.is_set()
    disk.set()
    assert recorder.wait() is None
    assert len(frames(tmp_path / "c.jsonl", "tx")) == 500


def test_a_disk_that_fails_later_stops_the_capture_not_the_device(tmp_path):
    recorder = Recorder(tmp_path / "c.jsonl", url="visca+tcp://cam:5678", kind="camera", tool="test")

    def full(_text):
        raise OSError(28, "No space left on device")

    recorder._file.write = full
    recorder.frame("tx", bytes.fromhex("81 09 04 00 FF"))
    recorder.frame("rx", bytes.fromhex("90 50 02 FF"))
    assert "No space left on device" in recorder.wait()


def test_a_file_that_cannot_be_written_fails_at_once(tmp_path):
    (tmp_path / "plain-file").write_text("")
    with pytest.raises(FileExistsError):  # its folder cannot be made: a file has that name
        Recorder(tmp_path / "plain-file" / "c.jsonl", url="visca+tcp://cam:5678", kind="camera", tool="test")


# --- the command line ------------------------------------------------------------------------------


def test_camera_command_records_its_session_and_its_result(simulator, tmp_path):
    sim = simulator("visca+udp://127.0.0.1:0")
    path = tmp_path / "status.jsonl"
    result = run_app("camera", sim.url, "status", "--capture", path)
    assert result.returncode == 0, result.stderr
    lines = records(path)
    assert lines[0]["run"] == ["camera", "{url}", "status"]
    assert lines[0]["url"] == sim.url
    sent, received = frames(path, "tx"), frames(path, "rx")
    assert sent[0] == bytes.fromhex("02 00 00 01 00 00 00 00 01")  # RESET first
    assert sent[1] == bytes.fromhex("01 20 00 05 00 00 00 01 81 09 00 02 FF")  # version inquiry, seq 1
    assert bytes.fromhex("01 10 00 05 00 00 00 02 81 09 04 00 FF") in sent  # power inquiry, seq 2
    assert bytes.fromhex("01 11 00 04 00 00 00 02 90 50 02 FF") in received  # answered: on
    end = lines[-1]
    assert end["event"] == "end"
    assert end["exit"] == 0
    assert end["output"]["power"] is True


@pytest.mark.posix
def test_serial_capture_holds_whole_packets(simulator, tmp_path):
    simulator(f"visca+serial://pty?link={tmp_path / 'cam'}")
    path = tmp_path / "serial.jsonl"
    result = run_app("camera", f"visca+serial://{tmp_path / 'cam'}", "power", "on", "--capture", path)
    assert result.returncode == 0, result.stderr
    received = frames(path, "rx")
    *whole, last = received  # the last reply may be cut off by the exit (the command does not wait for
    assert all(frame[-1] == 0xFF and 0xFF not in frame[:-1] for frame in whole)  # the camera's identity)
    assert 0xFF not in last[:-1]
    assert bytes.fromhex("88 30 01 FF") in frames(path, "tx")
    assert bytes.fromhex("88 30 02 FF") in received


def test_wall_command_capture_masks_the_password(wall_sim, tmp_path):
    sim = wall_sim("extron", "tcp://127.0.0.1:0?password=Kunci2026")
    path = tmp_path / "extron.jsonl"
    result = run_app("wall", f"{sim.url}?password=Kunci2026", "route", "2", "3", "--capture", path)
    assert result.returncode == 0, result.stderr
    text = path.read_text()
    assert "Kunci2026" not in text
    lines = records(path)
    assert lines[0]["run"] == ["wall", "{url}", "route", "2", "3"]
    texts = [(r["dir"], r["text"]) for r in lines if "dir" in r]
    assert ("tx", "****\r") in texts
    assert ("tx", "2*3!") in texts
    assert ("rx", "Out03 In02 All\r\n") in texts


def test_capture_option_also_after_the_action(wall_sim, tmp_path):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0")
    path = tmp_path / "k.jsonl"
    assert run_app("wall", sim.url, "--capture", path, "preset", "save", "2").returncode == 0
    assert run_app("wall", sim.url, "preset", "recall", "2", "--capture", path).returncode == 0  # overwritten
    assert records(path)[0]["run"] == ["wall", "{url}", "preset", "recall", "2"]
    assert b"#PRST-RCL 2\r" in frames(path, "tx")


@pytest.mark.parametrize("command", ["camera", "wall"])
def test_unwritable_capture_file_is_a_usage_error_and_nothing_is_sent(command, tmp_path):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    url = f"visca+tcp://127.0.0.1:{port}" if command == "camera" else f"kramer+tcp://127.0.0.1:{port}"
    (tmp_path / "plain-file").write_text("")
    try:
        result = run_app(command, url, "status", "--capture", tmp_path / "plain-file" / "c.jsonl")
        assert result.returncode == 2
        assert "cannot write the capture file" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        with pytest.raises(socket.timeout):
            listener.accept()
    finally:
        listener.close()


def test_bad_arguments_leave_no_capture_file(tmp_path):
    result = run_app(
        "camera", "visca+udpraw://127.0.0.1:9", "preset", "recall", "300", "--capture", tmp_path / "c.jsonl"
    )
    assert result.returncode == 2
    assert not (tmp_path / "c.jsonl").exists()
