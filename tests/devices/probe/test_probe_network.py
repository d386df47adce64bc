"""`probe HOST`: every network kind at once, found by its own reply form, and nothing but inquiries sent."""

from __future__ import annotations

import json
import socket
import threading

import yaml

from app import check_wall
from devices.visca.url_check import check_camera
from models.config.parse import parse_config
from tests.devices.probe.probing import camera_untouched, probe, probe_json, wall_untouched
from tests.support.ports import free_port

KINDS = ("visca+udp", "visca+udpraw", "visca+tcp", "kramer+tcp", "extron+tcp", "lg+tcp")


def port_of(server) -> int:
    return int(server.url.rsplit(":", 1)[1])


def ports(**by_kind: int) -> str:
    return ",".join(f"{kind}={port}" for kind, port in by_kind.items())


def nothing_elsewhere() -> dict[str, int]:
    return {kind: free_port(socket.SOCK_DGRAM if "udp" in kind else socket.SOCK_STREAM) for kind in KINDS}


def test_every_simulator_kind_is_found_with_its_url_and_nothing_but_inquiries_arrives(
    simulator, wall_sim, capsys
):
    sony = simulator("visca+udp://127.0.0.1:0?model=sony-brc-x400")
    raw = simulator("visca+udpraw://127.0.0.1:0?model=sony-srg300h")
    tcp = simulator("visca+tcp://127.0.0.1:0?refuse=last-preset,focus-mode")
    kramer = wall_sim("kramer", "tcp://127.0.0.1:0?inputs=16&outputs=4&lacks=VERSION?")
    extron = wall_sim("extron")
    lg = wall_sim("lg", "tcp://127.0.0.1:0?set_ids=1,2")
    cameras, walls = (sony, raw, tcp), (kramer, extron, lg)
    before = [sim.state() for sim in (*cameras, *walls)]

    code, report = probe_json(
        capsys,
        "127.0.0.1",
        "--ports",
        ports(**dict(zip(KINDS, map(port_of, [*cameras, *walls]), strict=True))),
    )

    assert code == 0
    found = {finding["url"]: finding for finding in report["findings"] if finding["found"]}
    assert list(found) == [
        sony.url,
        raw.url,
        tcp.url,
        kramer.url,
        extron.url,
        f"{lg.url}?set_id=1",
        f"{lg.url}?set_id=2",
    ]
    assert report["urls"] == list(found)
    assert found[sony.url]["model"] == "Sony BRC-X400"
    assert found[raw.url]["model"] == "Sony SRG-300H"
    assert found[sony.url]["firmware"] == "0100"
    assert found[sony.url]["unsupported"] == []
    assert [found[sim.url]["facts"]["profile"] for sim in cameras] == [
        "sony-brc-x400",
        "sony-srg300h",
        "generic",
    ]
    assert found[tcp.url]["unsupported"] == ["focus mode", "last preset"]
    assert found[kramer.url]["model"] == "VS-88UT (simulated)"
    assert found[kramer.url]["facts"] == {"inputs": 16, "outputs": 4, "presets": 16}
    assert found[kramer.url]["unsupported"] == ["version"]  # this unit has no #VERSION?
    assert (found[extron.url]["model"], found[extron.url]["firmware"]) == ("DXP 88 HDMI (simulated)", "1.00")
    assert found[f"{lg.url}?set_id=2"]["facts"]["set_id"] == 2
    assert all(camera_untouched(sim) and sim.received() for sim in cameras)
    assert all(wall_untouched(sim) and sim.received() for sim in walls)
    assert [sim.state() for sim in (*cameras, *walls)] == before


def test_the_table_and_the_configuration_lines(simulator, wall_sim, capsys):
    camera = simulator("visca+tcp://127.0.0.1:0?model=sony-brc-x400")
    kramer = wall_sim("kramer")
    elsewhere = nothing_elsewhere()
    code, out, _err = probe(
        capsys,
        "127.0.0.1",
        "--ports",
        ports(**{**elsewhere, "visca+tcp": port_of(camera), "kramer+tcp": port_of(kramer)}),
    )
    assert code == 0
    table = out.split("\n\n")[1].splitlines()
    assert table[0].split() == [
        "protocol",
        "where",
        "result",
        "model",
        "firmware",
        "round",
        "trip",
        "unsupported",
    ]
    rows = {line.split()[0]: line for line in table[1:]}
    assert set(rows) == set(KINDS)
    assert "answered" in rows["visca+tcp"]
    assert "Sony BRC-X400" in rows["visca+tcp"]
    assert "no connection" in rows["extron+tcp"]
    assert "no answer" in rows["visca+udpraw"]
    configuration = out[out.index("cameras:") :]
    config = parse_config(configuration, "probe output", check_camera, check_wall)  # raises on any problem
    assert [c.url for c in config.cameras] == [camera.url]
    assert [w.url for w in config.walls] == [kramer.url]
    assert yaml.safe_load(configuration)["walls"][0]["id"] == "wall-1"


def test_extron_asking_for_a_password_is_reported_and_no_password_is_tried(capsys):
    heard = bytearray()
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]

        def greet() -> None:
            connection, _ = server.accept()
            with connection:
                connection.sendall(
                    b"(c) Copyright 2024, Extron Electronics, IN1608, V1.02, 60-1298-01\r\n"
                    b"Tue, 05 Mar 2024 10:00:00\r\n\r\nPassword:"
                )
                connection.settimeout(2)
                try:
                    while data := connection.recv(100):
                        heard.extend(data)
                except OSError:
                    pass

        thread = threading.Thread(target=greet)
        thread.start()
        code, report = probe_json(capsys, "127.0.0.1", "--only", "extron", "--ports", f"extron={port}")
        thread.join(5)
    assert code == 0
    [finding] = report["findings"]
    assert finding["result"] == "password required"
    assert finding["model"] == "IN1608"
    assert finding["url"] == f"extron+tcp://127.0.0.1:{port}?password=…"
    assert heard == b""


def test_a_port_speaking_another_protocol_is_not_taken_for_this_one(simulator, wall_sim, capsys):
    kramer, extron, lg = wall_sim("kramer"), wall_sim("extron"), wall_sim("lg")
    camera = simulator("visca+tcp://127.0.0.1:0")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as echo:
        echo.bind(("127.0.0.1", 0))
        stop = threading.Event()

        def reflect() -> None:
            echo.settimeout(0.05)
            while not stop.is_set():
                try:
                    data, sender = echo.recvfrom(100)
                except OSError:
                    continue
                echo.sendto(data, sender)

        thread = threading.Thread(target=reflect)
        thread.start()
        crossed = {
            "visca+udp": echo.getsockname()[1],
            "visca+udpraw": echo.getsockname()[1],
            "visca+tcp": port_of(extron),
            "kramer+tcp": port_of(extron),
            "extron+tcp": port_of(kramer),
            "lg+tcp": port_of(camera),
        }
        try:
            code, report = probe_json(capsys, "127.0.0.1", "--ports", ports(**crossed))
        finally:
            stop.set()
            thread.join(5)
    assert code == 3
    assert report["found"] == 0
    assert report["urls"] == []
    results = {finding["protocol"]: finding for finding in report["findings"]}
    for kind in ("visca+udp", "visca+udpraw", "visca+tcp", "kramer+tcp"):  # the echo, the Extron banner
        assert results[kind]["result"] == "other protocol", kind
        assert results[kind]["heard"], kind
    assert "Extron" in results["kramer+tcp"]["heard"]
    assert results["extron+tcp"]["result"] == results["lg+tcp"]["result"] == "no answer"
    assert wall_untouched(kramer)
    assert wall_untouched(extron)
    assert camera_untouched(camera)
    assert lg.received() == []


def test_nothing_listening_is_exit_three(capsys):
    code, report = probe_json(capsys, "127.0.0.1", "--ports", ports(**nothing_elsewhere()))
    assert code == 3
    assert report["found"] == 0
    assert {finding["protocol"]: finding["result"] for finding in report["findings"]} == {
        "visca+udp": "no answer",
        "visca+udpraw": "no answer",
        "visca+tcp": "no connection",
        "kramer+tcp": "no connection",
        "extron+tcp": "no connection",
        "lg+tcp": "no connection",
    }
    assert all(
        finding["note"].startswith("cannot connect")
        for finding in report["findings"]
        if finding["result"] == "no connection"
    )


def test_json_schema(simulator, capsys):
    camera = simulator("visca+udpraw://127.0.0.1:0")
    code, report = probe_json(
        capsys, "127.0.0.1", "--only", "visca", "--ports", f"visca+udpraw={port_of(camera)}"
    )
    assert code == 0
    assert set(report) == {"target", "wiring", "seconds", "found", "findings", "urls"}
    assert (report["target"], report["wiring"], report["found"]) == ("127.0.0.1", "network", 1)
    assert [finding["protocol"] for finding in report["findings"]] == [
        "visca+udp",
        "visca+udpraw",
        "visca+tcp",
    ]
    types = {
        "protocol": str,
        "where": str,
        "result": str,
        "found": bool,
        "url": (str, type(None)),
        "model": (str, type(None)),
        "firmware": (str, type(None)),
        "rtt_ms": (float, int, type(None)),
        "unsupported": list,
        "unanswered": list,
        "facts": dict,
        "heard": (str, type(None)),
        "note": (str, type(None)),
    }
    for finding in report["findings"]:
        assert set(finding) == set(types)
        assert all(isinstance(finding[key], kind) for key, kind in types.items()), finding
    answered = report["findings"][1]
    assert answered["result"] == "answered"
    assert answered["url"] == camera.url
    assert answered["rtt_ms"] > 0


def test_a_camera_answering_from_another_address_gets_the_quirk_in_its_url(simulator, capsys):
    camera = simulator("visca+udpraw://127.0.0.1:0?address=2")  # replies A0 …, like a PTZOptics G3 set to 2
    code, report = probe_json(
        capsys, "127.0.0.1", "--only", "visca", "--ports", f"visca+udpraw={port_of(camera)}"
    )
    assert code == 0
    assert report["urls"] == [f"{camera.url}?quirks=any-address"]


def test_capture_records_every_try_named_by_the_url_it_tried(simulator, wall_sim, capsys, tmp_path):
    camera, kramer = simulator("visca+tcp://127.0.0.1:0"), wall_sim("kramer")
    by_kind = {**nothing_elsewhere(), "visca+tcp": port_of(camera), "kramer+tcp": port_of(kramer)}
    path = tmp_path / "probe.jsonl"
    code, _out, _err = probe(capsys, "127.0.0.1", "--ports", ports(**by_kind), "--capture", str(path))
    assert code == 0
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert records[0]["kind"] == "probe"
    assert records[0]["url"] == "127.0.0.1"
    frames = [record for record in records if "dir" in record]
    sent = {(record["via"], record["hex"]) for record in frames if record["dir"] == "tx"}
    assert (camera.url, "81 09 00 02 FF") in sent  # the version inquiry, on its own connection
    assert (kramer.url, "23 0D") in sent  # Kramer's handshake '#\r'
    assert {record["via"] for record in frames if record["dir"] == "rx"} == {camera.url, kramer.url}
    assert records[-1]["event"] == "end"
    assert records[-1]["exit"] == 0
    assert records[-1]["output"]["urls"] == [camera.url, kramer.url]


def test_capture_to_a_file_that_cannot_be_written_is_refused_before_anything_is_sent(
    simulator, capsys, tmp_path
):
    camera = simulator("visca+tcp://127.0.0.1:0")
    (tmp_path / "plain-file").write_text("")
    code, _out, err = probe(
        capsys,
        "127.0.0.1",
        "--only",
        "visca",
        "--ports",
        f"visca+tcp={port_of(camera)}",
        "--capture",
        str(tmp_path / "plain-file" / "probe.jsonl"),
    )
    assert code == 2
    assert "cannot write the capture file" in err
    assert camera.received() == []
