"""The generic driver, configured by a file, driving the Kramer and LG simulators."""

from __future__ import annotations

import json

import pytest

from devices.wall import drivers
from devices.wall.capabilities import Capability
from devices.wall.generic_profile import ProfileError
from devices.wall.generic_profile_loader import load_profile
from devices.wall.state import WallError
from tests.support.sim_urls import sent

KRAMER_PROFILE = r"""
name: Kramer VS-88 (fixed strings)
baud: 115200
eol: "\r"
reply_end: "\r\n"
gap: 0.02
timeout: 0.5
inputs: 8
outputs: 8
presets: 16
commands:
  route: '#AV {input}>{output}'
  route_video: '#VID {input}>{output}'
  preset_recall: '#PRST-RCL {preset}'
  preset_save: '#PRST-STO {preset}'
  query_routes: '#VID? *'
  keepalive: '#'
connect: ['#']
success: '(?:^|\s)OK$'
error: 'ERR\s*(\d{3})'
errors: {"003": parameter out of range, "002": not available}
route_reply: '(?P<input>\d+)>(?P<output>\d+)'
"""

LG_PROFILE = {
    "name": "LG display (fixed strings)",
    "reply_end": "x",
    "commands": {
        "power_on": "ka 01 01",
        "power_off": "ka 01 00",
        "select_input": "xb 01 {code}",
        "tile_mode": "dd 01 {cols:X}{rows:X}",
    },
    "status": ["ka 01 FF"],
    "success": " OK",
    "error": "NG(\\w\\w)",
    "errors": {"00": "illegal code"},
}


@pytest.fixture
def kramer_profile(tmp_path):
    path = tmp_path / "kramer.yaml"
    path.write_text(KRAMER_PROFILE, encoding="utf-8")
    return path


def generic_url(sim, profile, options: str = "") -> str:
    scheme, rest = sim.url.split("+", 1)
    return f"generic+{rest}?profile={profile}{'&' + options if options else ''}"


def test_a_profile_drives_the_kramer_simulator(wall_sim, wall, listen, kramer_profile):
    sim = wall_sim("kramer", listen())
    matrix = wall(generic_url(sim, kramer_profile))
    state = matrix.ready().result(5)
    assert state.protocol == "Kramer VS-88 (fixed strings)"
    assert state.layers == ("av", "video")
    assert matrix.route(3, 2, "video").result(3).ok
    assert matrix.save_preset(4).result(3).ok
    matrix.route(5, 2).result(3)
    assert matrix.recall_preset(4).result(3).ok
    assert matrix.query_routes().result(3)[2] == 3 == sim.state()["video"][2]
    with pytest.raises(WallError, match=r"parameter out of range \(error 003\)"):
        matrix.recall_preset(9).result(3)
    with pytest.raises(ValueError, match="output 9 is out of range 1–8"):
        matrix.route(1, 9)
    with pytest.raises(ValueError, match="cannot route 'audio'"):
        matrix.route(1, 1, "audio")
    assert sent(sim)[:2] == ["#", "#VID 3>2"]


def test_a_json_profile_drives_the_lg_simulator(wall_sim, wall, tmp_path):
    path = tmp_path / "lg.json"
    path.write_text(json.dumps(LG_PROFILE), encoding="utf-8")
    sim = wall_sim("lg")
    display = wall(generic_url(sim, path, "timeout=0.3"))
    assert display.can(Capability.DISPLAY_POWER)
    assert display.can(Capability.TILE_MODE)
    assert not display.can(Capability.ROUTE)
    assert display.power(False).result(10).ok
    assert display.tile_mode(2, 4).result(10).ok
    assert display.select_input("91").result(3).ok
    with pytest.raises(WallError, match=r"illegal code \(error 00\)"):
        display.select_input("17").result(3)
    assert sim.state() == {"power": False, "input": "91", "tile": "42", "set_id": 1}
    assert display.query_status().result(3).tile == (2, 4)
    with pytest.raises(ValueError, match="cannot recall or save presets"):
        display.recall_preset(1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "commands: {route: '#VID {inpt}>{output}'}",
            r"commands.route: unknown placeholder \{inpt\}; this command has: input, output",
        ),
        ("commands: {explode: 'x'}", "commands.explode: unknown command"),
        ("commands: {}", "needs at least one command template"),
        ("commands: {power_on: x}\ncheksum: sum8", "cheksum: unknown setting"),
        ("commands: {power_on: x}\nchecksum: crc32", "checksum: must be one of sum8, xor"),
        ("commands: {power_on: x}\nerror: '(unclosed'", "error: not a valid regular expression"),
        ("commands: {power_on: x}\nroute_reply: '\\d+'", "route_reply: needs a group named input"),
        ("commands: {power_on: x}\ngap: fast", "gap: must be a number"),
        ("commands: [oops", "is not valid YAML"),
    ],
)
def test_profile_mistakes_are_named(tmp_path, text, message):
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=message):
        load_profile(str(path))


def test_missing_profile_and_option_are_named(tmp_path):
    with pytest.raises(ValueError, match="needs profile=FILE"):
        drivers.make_protocol(drivers.parse("generic+tcp://10.0.0.9:4001"))
    with pytest.raises(ProfileError, match="cannot read the device profile"):
        drivers.make_protocol(drivers.parse(f"generic+tcp://10.0.0.9:4001?profile={tmp_path}/none.yaml"))
    with pytest.raises(ValueError, match="has no usual port"):
        drivers.parse("generic+tcp://10.0.0.9")


def test_per_output_queries_use_the_command_output(tmp_path):
    path = tmp_path / "extron.yaml"
    path.write_text(
        "eol: ''\noutputs: 2\ncommands: {query_routes: '{output}%', route: '{input}*{output}!'}\n"
        "route_reply: '^(?P<input>\\d+)$'\n",
        encoding="utf-8",
    )
    protocol = drivers.make_protocol(drivers.parse(f"generic+serial://COM4?profile={path}"))
    queries = protocol.route_queries(2)
    assert [q.data for q in queries] == [b"1%", b"2%"]
    reply = queries[1].decode(protocol.parse(b"07"))
    assert reply.routes == (("video", 2, 7),)
