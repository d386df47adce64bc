"""What a wall device is and supports, learned on connect and from its refusals (docs/walls.md)."""

from __future__ import annotations

import json
import re
import socketserver
import threading

import pytest

from devices.records import Link
from devices.wall.state import WallError
from tests.support.commands import run_app
from tests.support.sim_urls import WALL_FAST, client_url, sent
from tests.support.waiting import wait_until


def test_a_plain_route_on_a_video_only_kramer_falls_back_to_vid_once_per_connection(wall_sim, wall):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0?video_only=yes")
    matrix = wall(client_url(sim, WALL_FAST))
    matrix.ready().result(5)
    record = matrix.route(3, 1).result(3)
    assert record.ok
    assert record.action == "route 3→1 (video)"
    assert matrix.route(4, 2).result(3).ok  # straight to #VID: learned
    routes = [text for text in sent(sim) if text.startswith(("#AV ", "#VID "))]
    assert routes == ["#AV 3>1", "#VID 3>1", "#VID 4>2"]
    assert sim.state()["video"][1] == 3
    assert sim.state()["video"][2] == 4
    state = matrix.snapshot()
    assert state.routes[1] == 3
    assert state.unsupported == ("route-av",)
    assert "av" not in state.layers
    assert state.health.errors == 0
    assert state.last_error is None  # a learned form is no error
    sim.drop_connections()  # a reconnect may be to another unit
    wait_until(lambda: matrix.snapshot().link is not Link.ONLINE, what="offline after the drop")
    wait_until(lambda: matrix.snapshot().online, timeout=6, what="reconnected")
    assert matrix.snapshot().unsupported == ()
    assert matrix.route(5, 3).result(3).ok
    assert [text for text in sent(sim) if text.startswith(("#AV ", "#VID "))][-2:] == ["#AV 5>3", "#VID 5>3"]


def test_an_explicit_audio_route_the_unit_lacks_is_still_refused(wall_sim, wall):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0?video_only=yes")
    matrix = wall(client_url(sim, WALL_FAST))
    matrix.ready().result(5)
    future = matrix.route(3, 1, "audio")
    with pytest.raises(WallError, match=re.escape("command not available on this device (ERR 002)")):
        future.result(3)
    assert "route-audio" in matrix.snapshot().unsupported


def test_wall_route_on_a_video_only_kramer_from_the_command_line(wall_sim):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0?video_only=yes&sender_id=no")
    result = run_app("wall", sim.url, "route", "3", "1")
    assert result.returncode == 0, result.stderr
    assert sim.state()["video"][1] == 3
    assert [text for text in sent(sim) if text.startswith(("#AV ", "#VID "))] == ["#AV 3>1", "#VID 3>1"]
    status = json.loads(run_app("wall", sim.url, "status").stdout)
    assert status["routes"]["1"] == 3


def test_kramer_status_says_what_the_unit_is(wall_sim):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0?inputs=16&outputs=8&presets=32&model=VS-1616DN-EM")
    result = run_app("wall", sim.url, "status")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["profile"] == "VS-1616DN-EM"
    assert status["model"] == "VS-1616DN-EM"
    assert status["firmware"]
    assert status["unsupported"] == []
    assert (status["inputs"], status["outputs"], status["presets"]) == (16, 8, 32)
    assert status["layers"] == ["av", "video", "audio"]


def test_a_query_the_unit_refuses_is_noted_not_an_error_and_not_asked_again(wall_sim, wall):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0?lacks=MODEL?,INFO-PRST?")
    matrix = wall(client_url(sim, "timeout=0.3&gap=0.01&keepalive=0.2"))
    state = matrix.ready().result(5)
    assert state.unsupported == ("presets", "model")
    assert state.profile is None
    assert state.firmware
    assert state.health.errors == 0
    assert state.last_error is None
    assert state.presets is None
    sim.silence(True)  # silent, then back: the same connection
    wait_until(lambda: matrix.snapshot().link is Link.OFFLINE, timeout=5, what="offline")
    sim.silence(False)
    wait_until(lambda: matrix.snapshot().online, timeout=8, what="back online")
    assert sent(sim).count("#MODEL?") == 1
    assert sent(sim).count("#INFO-PRST?") == 1
    assert sent(sim).count("#VERSION?") == 2  # answered, so asked again
    assert matrix.snapshot().unsupported == ("presets", "model")


@pytest.fixture
def scripted_kramer():
    """A Kramer unit on a TCP port that answers each command line from ``answers`` (else ERR 001)."""
    servers = []

    def start(answers: dict[str, str]) -> str:
        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                buffer = b""
                while chunk := self.request.recv(1024):
                    *lines, buffer = (buffer + chunk).split(b"\r")  # the host ends commands with CR
                    for line in lines:
                        answer = answers.get(line.strip().decode(), "~01@ERR 001")
                        self.request.sendall(f"{answer}\r\n".encode())

        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"kramer+tcp://127.0.0.1:{server.server_address[1]}?{WALL_FAST}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_a_discovery_query_refused_with_any_code_is_only_noted(scripted_kramer, wall):
    url = scripted_kramer(
        {
            "#": "~01@ OK",
            "#INFO-IO?": "~01@INFO-IO IN 4,OUT 2",
            "#INFO-PRST?": "~01@INFO-PRST ERR 004",  # needs a login on this unit
            "#MODEL?": "~01@MODEL VP-444",
            "#VERSION?": "~01@VERSION 2.10",
        }
    )
    state = wall(url).ready().result(5)
    assert state.unsupported == ("presets",)
    assert state.presets is None
    assert (state.profile, state.firmware, state.inputs, state.outputs) == ("VP-444", "2.10", 4, 2)
    assert state.health.errors == 0
    assert state.last_error is None


def test_extron_names_itself_in_its_banner_and_by_part_number(wall_sim, listen):
    sim = wall_sim("extron", listen())
    status = json.loads(run_app("wall", sim.url, "status").stdout)
    assert status["part_number"] == "60-0000-01"
    assert status["firmware"] == "1.00"
    if sim.url.startswith("extron+tcp"):  # the Telnet banner names the model
        assert status["profile"] == status["model"] == "DXP 88 HDMI (simulated)"
    else:  # no banner on a serial line: the part number
        assert status["profile"] == "60-0000-01"
        assert status["model"] is None
    assert status["unsupported"] == []
    assert status["outputs"] == 8


def test_lg_reports_its_software_version(wall_sim):
    sim = wall_sim("lg", "tcp://127.0.0.1:0?set_id=3")
    status = json.loads(run_app("wall", f"{sim.url}?set_id=3", "status").stdout)
    assert status["firmware"] == "031015"
    assert status["profile"] is None
    assert status["power"] is True
    assert "fz 03 FF" in sent(sim)
