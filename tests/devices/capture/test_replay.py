"""Replay: a capture answers requests as the captured device did, through the usual listeners."""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
import serial

from devices.replay import CaptureError, load
from devices.visca.sim.replay import replay_device, script_for
from devices.wall.sim.replay import WallReplay
from tests.support.commands import run_app

X = bytes.fromhex


def capture(path: Path, kind: str, protocol: str, *frames: tuple, ups: tuple[float, ...] = ()) -> Path:
    """A capture file: ``frames`` are (t, "tx"|"rx", bytes)."""
    lines = [{"capture": 1, "kind": kind, "protocol": protocol, "source": "written by the test"}]
    lines += [{"t": t, "event": "up"} for t in ups]
    lines += [{"t": t, "dir": direction, "hex": data.hex(" ")} for t, direction, data in frames]
    lines.sort(key=lambda record: record.get("t", -1))
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def sony(payload_type: int, seq: int, payload: bytes) -> bytes:
    return (
        payload_type.to_bytes(2, "big") + len(payload).to_bytes(2, "big") + seq.to_bytes(4, "big") + payload
    )


def udp_exchange(address, datagram: bytes, expect: int = 1, timeout: float = 2.0) -> list[bytes]:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        client.settimeout(timeout)
        client.sendto(datagram, address)
        return [client.recv(100) for _ in range(expect)]


def tcp_read(client: socket.socket, count: int) -> bytes:
    data = b""
    while data.count(b"\xff") < count:
        data += client.recv(100)
    return data


# --- reading a capture -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "empty"),
        ('{"kind": "camera"}\n', "line 1: the first line must be the header"),
        ('{"capture": 1, "kind": "camera", "protocol": "visca+tcp"}\n', "line 1: the header needs 'source'"),
        (
            '{"capture": 1, "kind": "toaster", "protocol": "x", "source": "s"}\n',
            "kind must be camera, wall or probe",
        ),
        (
            '{"capture": 1, "kind": "camera", "protocol": "visca+tcp", "source": "s"}\n'
            '{"t": 0, "dir": "tx", "hex": "8"}\n',
            "line 2: hex '8' is not pairs of hex digits",
        ),
        (
            '{"capture": 1, "kind": "wall", "protocol": "lg+tcp", "source": "s"}\n\n'
            '{"t": 1, "dir": "rx", "hex": "61", "text": "b"}\n',
            "line 3: text and hex differ",
        ),
        (
            '{"capture": 1, "kind": "wall", "protocol": "lg+tcp", "source": "s"}\n'
            '{"dir": "rx", "text": "a"}\n',
            "line 2: t must be",
        ),
        (
            '{"capture": 1, "kind": "wall", "protocol": "lg+tcp", "source": "s"}\n[1, 2]\n',
            "line 2: a record is a JSON object",
        ),
        (
            '{"capture": 1, "kind": "wall", "protocol": "lg+tcp", "source": "s"}\n'
            '{"t": 1, "dir": "sideways", "hex": ""}\n',
            "line 2: dir must be tx or rx",
        ),
        (
            '{"capture": 1, "kind": "wall", "protocol": "lg+tcp", "source": "s"}\n{"t": 1, "dir": "rx"\n',
            "line 2: not JSON",
        ),
    ],
)
def test_a_broken_capture_is_named_with_its_line(tmp_path, text, problem):
    path = tmp_path / "broken.jsonl"
    path.write_text(text)
    with pytest.raises(CaptureError, match="broken.jsonl") as caught:
        load(path)
    assert problem in str(caught.value)


def test_text_alone_is_a_frame_and_comments_are_skipped(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(
        '{"capture": 1, "kind": "wall", "protocol": "kramer+tcp", "source": "manual"}\n'
        '{"comment": "handshake"}\n{"t": 0.1, "dir": "tx", "text": "#\\r"}\n'
        '{"t": 0.12, "dir": "rx", "text": "~01@ OK\\r\\n"}\n{"t": 0.2, "event": "end", "exit": 0}\n'
    )
    loaded = load(path)
    assert [(f.direction, f.data) for f in loaded.frames] == [("tx", b"#\r"), ("rx", b"~01@ OK\r\n")]
    assert loaded.end == {"t": 0.2, "event": "end", "exit": 0}
    assert loaded.family == "kramer"


# --- cameras -------------------------------------------------------------------------------------------


def test_sony_replies_carry_the_request_sequence_number_and_repeats_cycle(tmp_path, simulator):
    path = capture(
        tmp_path / "sony.jsonl",
        "camera",
        "visca+udp",
        (0.0, "tx", sony(0x0110, 1, X("81 09 06 12 FF"))),
        (0.03, "tx", sony(0x0110, 1, X("81 09 06 12 FF"))),  # unanswered: sent again
        (0.05, "rx", sony(0x0111, 1, X("90 50 0F 07 02 06 0F 0E 07 08 FF"))),
        (0.1, "tx", sony(0x0110, 2, X("81 09 06 12 FF"))),
        (0.12, "rx", sony(0x0111, 2, X("90 50 00 08 0D 0A 00 04 0A 08 FF"))),
    )
    sim = simulator("visca+udp://127.0.0.1:0", device=replay_device(load(path)))
    answers = [udp_exchange(sim.address, sony(0x0110, seq, X("81 09 06 12 FF")))[0] for seq in (40, 41, 42)]
    assert answers == [
        sony(0x0111, 40, X("90 50 0F 07 02 06 0F 0E 07 08 FF")),
        sony(0x0111, 41, X("90 50 00 08 0D 0A 00 04 0A 08 FF")),
        sony(0x0111, 42, X("90 50 0F 07 02 06 0F 0E 07 08 FF")),
    ]
    [unknown] = udp_exchange(sim.address, sony(0x0100, 43, X("81 01 04 00 02 FF")))
    assert unknown == sony(0x0111, 43, X("90 60 02 FF"))  # never captured: syntax error
    assert sim.state()["unknown"] == ["81 01 04 00 02 ff"]


def test_raw_replies_are_paired_by_socket_and_kind(tmp_path):
    """Replies that arrive out of request order (PTZOptics interaction tests) still find their request."""
    path = capture(
        tmp_path / "raw.jsonl",
        "camera",
        "visca+tcp",
        (0.00, "tx", X("81 01 04 3F 02 04 FF")),  # preset recall 4
        (0.01, "tx", X("81 09 04 38 FF")),  # focus mode inquiry
        (0.02, "rx", X("90 41 FF")),  # ACK of the recall, socket 1
        (0.03, "rx", X("90 50 02 FF")),  # answer of the inquiry
        (0.04, "tx", X("81 01 04 00 02 FF")),  # power on
        (0.05, "rx", X("90 42 FF 90 52 FF")),  # ACK and completion, socket 2, one read
        (0.90, "rx", X("90 51 FF")),
    )  # the recall completes
    script = script_for(load(path))
    answers = {request: script.answer(request).replies for request in script.requests}
    assert answers == {
        X("81 01 04 3F 02 04 FF"): [
            (pytest.approx(0.02), X("90 41 FF")),
            (pytest.approx(0.90), X("90 51 FF")),
        ],
        X("81 09 04 38 FF"): [(pytest.approx(0.02), X("90 50 02 FF"))],
        X("81 01 04 00 02 FF"): [(pytest.approx(0.01), X("90 42 FF")), (pytest.approx(0.01), X("90 52 FF"))],
    }


def test_recorded_delays_are_kept_in_order(tmp_path, simulator):
    path = capture(
        tmp_path / "slow.jsonl",
        "camera",
        "visca+tcp",
        (0.0, "tx", X("81 01 06 04 FF")),
        (0.01, "rx", X("90 41 FF")),
        (0.6, "rx", X("90 51 FF")),
    )
    sim = simulator("visca+tcp://127.0.0.1:0", device=replay_device(load(path)))
    with socket.create_connection(sim.address, timeout=3) as client:
        started = time.monotonic()
        client.sendall(X("81 01 06 04 FF"))
        assert tcp_read(client, 1) == X("90 41 FF")
        assert tcp_read(client, 1) == X("90 51 FF")
        assert time.monotonic() - started >= 0.55  # the completion waited as the capture's did


@pytest.mark.posix
def test_a_serial_chain_replays_broadcasts_and_its_greeting(tmp_path, simulator):
    path = capture(
        tmp_path / "chain.jsonl",
        "camera",
        "visca+serial",
        (1.0, "rx", X("90 38 FF")),  # network change, a second after the line opened
        (1.1, "tx", X("88 30 01 FF")),
        (1.11, "rx", X("88 30 03 FF")),  # two cameras
        (1.2, "tx", X("82 09 04 00 FF")),
        (1.21, "rx", X("A0 50 03 FF")),
        ups=(0.0,),
    )
    simulator(f"visca+serial://pty?link={tmp_path / 'chain'}", device=replay_device(load(path)))
    with serial.Serial(str(tmp_path / "chain"), timeout=3) as line:  # opened before the second is over
        assert line.read(3) == X("90 38 FF")
        line.write(X("88 30 01 FF"))
        assert line.read(4) == X("88 30 03 FF")
        line.write(X("82 09 04 00 FF"))
        assert line.read(4) == X("A0 50 03 FF")
        line.write(X("88 01 00 01 FF"))  # not in the capture: comes back round the ring
        assert line.read(5) == X("88 01 00 01 FF")
        line.write(X("83 09 04 00 FF"))
        assert line.read(4) == X("B0 60 02 FF")  # a syntax error from camera 3


def test_a_wall_capture_is_not_a_camera(tmp_path):
    path = capture(tmp_path / "w.jsonl", "wall", "kramer+tcp", (0.0, "tx", b"#\r"))
    with pytest.raises(ValueError, match="is a wall capture"):
        replay_device(load(path))
    result = run_app("simulate", "camera", "--replay", path, "--listen", "visca+tcp://127.0.0.1:0")
    assert result.returncode == 2
    assert "is a wall capture, not a camera's" in result.stderr


# --- walls ---------------------------------------------------------------------------------------------


def wall_capture(path: Path, protocol: str, *frames: tuple, masked: tuple[int, ...] = ()) -> Path:
    """Text frames (t, dir, text); ``masked``: indexes of frames written as masked."""
    lines = [{"capture": 1, "kind": "wall", "protocol": protocol, "source": "written by the test"}]
    lines += [
        {"t": t, "dir": d, "text": text, **({"masked": True} if n in masked else {})}
        for n, (t, d, text) in enumerate(frames)
    ]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def talk(address, *requests: bytes, settle: float = 0.3) -> bytes:
    """Send the requests on one connection; everything the device says, up to ``settle`` of silence."""
    with socket.create_connection(address, timeout=3) as client:
        client.settimeout(settle)
        said = b""
        for request in requests:
            client.sendall(request)
            time.sleep(0.05)
        while True:
            try:
                chunk = client.recv(1000)
            except TimeoutError:
                return said
            if not chunk:
                return said
            said += chunk


def address_of(sim) -> tuple[str, int]:
    host, port = sim.url.rsplit("//", 1)[1].rsplit(":", 1)
    return host, int(port)


def test_wall_requests_are_matched_whole_and_unknown_ones_answered_in_the_captures_form(tmp_path, wall_sim):
    path = wall_capture(
        tmp_path / "k.jsonl",
        "kramer+tcp",
        (0.0, "tx", "#\r"),
        (0.01, "rx", "~ OK\r\n"),
        (0.1, "tx", "#VID 1>2\r"),
        (0.11, "rx", "~VID 1>2 OK\r\n"),
    )
    sim = wall_sim("kramer", "tcp://127.0.0.1:0", WallReplay(load(path)))
    said = talk(address_of(sim), b"#VID 1>2\r", b"#AV 3>1\r", b"\r", b"hello\r")
    assert said == b"~VID 1>2 OK\r\n~AV ERR 002\r\n~ERR 001\r\n"  # sender-less, as this unit answers
    assert sim.state() == {"replayed": 1, "unknown": ["#AV 3>1\r", "hello\r"]}


def test_kramer_unknown_answer_defaults_to_sender_01(tmp_path, wall_sim):
    sim = wall_sim(
        "kramer",
        "tcp://127.0.0.1:0",
        WallReplay(load(wall_capture(tmp_path / "k.jsonl", "kramer+tcp", (0.0, "tx", "#\r")))),
    )
    assert talk(address_of(sim), b"#MODEL?\r") == b"~01@MODEL? ERR 002\r\n"


def test_extron_banner_password_and_unterminated_commands(tmp_path, wall_sim):
    path = wall_capture(
        tmp_path / "e.jsonl",
        "extron+tcp",
        (0.0, "rx", "(c) Copyright 2019, Extron Electronics, DXP 84 HD 4K\r\n"),
        (0.01, "rx", "\r\nPassword:"),
        (0.1, "tx", "****\r"),
        (0.11, "rx", "\r\nLogin Administrator\r\n"),
        (0.2, "tx", "1*3!"),
        (0.21, "rx", "Out03 In01 All\r\n"),
        masked=(2,),
    )
    sim = wall_sim("extron", "tcp://127.0.0.1:0", WallReplay(load(path)))
    said = talk(address_of(sim), b"any password\r", b"1*3!", b"9*9!")
    assert said == (
        b"(c) Copyright 2019, Extron Electronics, DXP 84 HD 4K\r\n\r\nPassword:"
        b"\r\nLogin Administrator\r\nOut03 In01 All\r\nE10\r\n"
    )


def test_lg_unknown_command_is_ng_and_set_id_0_is_silent(tmp_path, wall_sim):
    path = wall_capture(
        tmp_path / "lg.jsonl", "lg+tcp", (0.0, "tx", "ka 01 FF\r"), (0.02, "rx", "a 01 OK01x")
    )
    sim = wall_sim("lg", "tcp://127.0.0.1:0", WallReplay(load(path)))
    assert talk(address_of(sim), b"ka 01 FF\r", b"xb 01 91\r", b"ka 00 00\r") == b"a 01 OK01xb 01 NG00x"


def test_simulate_wall_replay_needs_a_wall_capture_of_its_protocol(tmp_path):
    path = wall_capture(tmp_path / "lg.jsonl", "lg+tcp", (0.0, "tx", "ka 01 FF\r"))
    result = run_app(
        "simulate", "wall", "--protocol", "kramer", "--replay", path, "--listen", "tcp://127.0.0.1:0"
    )
    assert result.returncode == 2
    assert "is a lg capture, not kramer" in result.stderr
    result = run_app("simulate", "wall", "--listen", "tcp://127.0.0.1:0")
    assert result.returncode == 2
    assert "give --protocol" in result.stderr
    (tmp_path / "bad.jsonl").write_text("not json\n")
    result = run_app("simulate", "wall", "--replay", tmp_path / "bad.jsonl", "--listen", "tcp://127.0.0.1:0")
    assert result.returncode == 2
    assert "bad.jsonl line 1: not JSON" in result.stderr
