"""Each driver against its simulator, over TCP and over a pseudo-terminal, through the controller."""

from __future__ import annotations

import concurrent.futures

import pytest

from devices.records import ActionRecord, Link
from devices.wall.capabilities import Capability
from devices.wall.controller import WallController
from devices.wall.state import WallError, WallState
from tests.support.sim_urls import WALL_FAST, client_url, sent


def test_kramer_routes_presets_and_reads_back(wall_sim, wall, listen):
    sim = wall_sim("kramer", listen("inputs=6&outputs=4&presets=8"))
    matrix = wall(client_url(sim, WALL_FAST))
    state = matrix.ready().result(5)
    assert (state.inputs, state.outputs, state.presets) == (6, 4, 8)  # from #INFO-IO? and #INFO-PRST?
    record = matrix.route(5, 2, "video").result(3)
    assert isinstance(record, ActionRecord)
    assert record.ok
    assert record.action == "route 5→2 (video)"
    assert sim.state()["video"][2] == 5
    assert matrix.snapshot().routes[2] == 5
    assert matrix.save_preset(3).result(3).ok
    matrix.route(6, 1).result(3)
    assert matrix.recall_preset(3).result(3).ok
    assert matrix.query_routes().result(3) == {1: 1, 2: 5, 3: 3, 4: 4} == sim.state()["video"]
    assert matrix.snapshot().last_preset == 3
    assert sent(sim)[:3] == ["#", "#INFO-IO?", "#INFO-PRST?"]
    assert "#VID 5>2" in sent(sim)
    assert "#AV 6>1" in sent(sim)


def test_extron_ties_presets_and_reads_back(wall_sim, wall, listen):
    sim = wall_sim("extron", listen("inputs=8&outputs=4"))
    matrix = wall(client_url(sim, WALL_FAST))
    assert matrix.ready().result(5).outputs == 4  # from I
    assert matrix.route(7, 3).result(3).ok
    assert matrix.route(2, 4, "audio").result(3).ok
    assert matrix.save_preset(5).result(3).ok
    matrix.route(1, 3).result(3)
    assert matrix.recall_preset(5).result(3).ok
    assert matrix.query_routes().result(3) == {1: 1, 2: 2, 3: 7, 4: 4}
    assert sim.state()["audio"][4] == 2
    assert sent(sim)[:2] == ["\x1b3CV", "I"]
    assert "7*3!" in sent(sim)
    assert "2*4$" in sent(sim)


def test_extron_quantum_windows_and_layouts(wall_sim, wall, listen):
    sim = wall_sim("extron", listen("canvases=2&windows=8&layouts=4"))
    processor = wall(client_url(sim, "canvases=2&timeout=0.3"))
    assert processor.set_window_source(2, 5, 1001).result(3).ok
    assert processor.recall_layout(1, 3).result(3).ok
    state = processor.snapshot()
    assert state.windows == {(2, 5): 1001}
    assert state.layouts == {1: 3}
    assert sim.state()["windows"] == {(2, 5): 1001}
    assert sim.state()["layouts"] == {1: 3}
    with pytest.raises(WallError, match=r"invalid preset number \(E11\)"):
        processor.recall_layout(1, 4 + 1).result(3)
    with pytest.raises(ValueError, match="canvas 3 is out of range 1–2"):
        processor.set_window_source(3, 1, 1)
    with pytest.raises(ValueError, match="cannot route"):
        processor.route(1, 1)


def test_lg_power_input_and_tile(wall_sim, wall, listen):
    sim = wall_sim("lg", listen("set_id=5"))
    display = wall(client_url(sim, "set_id=5&timeout=0.3&gap=0.01"))
    assert display.ready().result(5).power is True
    assert display.power(False).result(3).ok
    assert display.select_input("c0").result(3).ok
    assert display.tile_mode(2, 3).result(3).ok
    assert sim.state() == {"power": False, "input": "C0", "tile": "32", "set_id": 5}
    state = display.query_status().result(3)
    assert isinstance(state, WallState)
    assert (state.power, state.input, state.tile) == (False, "C0", (2, 3))
    assert sent(sim)[-3:] == ["ka 05 FF", "xb 05 FF", "dd 05 FF"]


@pytest.mark.parametrize(
    ("protocol", "call", "meaning"),
    [
        ("kramer", lambda m: m.recall_preset(7), r"parameter out of range \(ERR 003\)"),
        ("extron", lambda m: m.recall_preset(7), r"invalid preset number \(E11\)"),
        ("lg", lambda m: m.select_input("12"), r"illegal code \(NG 00\)"),
    ],
)
def test_device_errors_reach_the_future_with_their_meaning(wall_sim, wall, protocol, call, meaning):
    sim = wall_sim(protocol)
    device = wall(client_url(sim, WALL_FAST))
    records: list = []
    device.add_listener(records.append)
    with pytest.raises(WallError, match=meaning) as caught:
        call(device).result(3)
    assert caught.value.result == caught.value.args[0].split(": ", 2)[2]
    assert device.snapshot().health.errors == 1
    assert meaning.replace("\\", "") in device.snapshot().last_error
    failed = [r for r in records if isinstance(r, ActionRecord)]
    assert len(failed) == 1
    assert not failed[0].ok
    assert failed[0].result == caught.value.result


def test_kramer_error_without_spaces_is_understood(wall_sim, wall):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0?compact=yes")
    matrix = wall(client_url(sim, WALL_FAST))
    with pytest.raises(WallError, match=r"parameter out of range \(ERR 003\)"):
        matrix.recall_preset(9).result(3)


def test_what_a_driver_cannot_do_is_refused_before_sending(wall_sim, wall):
    sim = wall_sim("lg")
    display = wall(client_url(sim, WALL_FAST))
    display.ready().result(5)
    before = sent(sim)
    for call, doing in (
        (lambda: display.route(1, 2), "route inputs to outputs"),
        (lambda: display.recall_preset(1), "recall or save presets"),
        (lambda: display.query_routes(), "report its routes"),
        (lambda: display.set_window_source(1, 1, 1), "put sources into windows"),
    ):
        with pytest.raises(ValueError, match=f"cannot {doing}"):
            call()
    assert not display.can(Capability.ROUTE)
    assert display.can(Capability.TILE_MODE)
    assert sent(sim) == before


def test_numbers_are_checked_against_the_size_the_device_reports(wall_sim, wall):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0?inputs=4&outputs=2&presets=3")
    matrix = wall(client_url(sim, WALL_FAST))
    matrix.ready().result(5)
    before = sent(sim)
    for call, message in (
        (lambda: matrix.route(5, 1), "input 5 is out of range 0–4"),
        (lambda: matrix.route(1, 3), "output 3 is out of range 1–2; .* has 2 outputs"),
        (lambda: matrix.recall_preset(4), "preset 4 is out of range 1–3"),
        (lambda: matrix.route(1, 1, "usb"), "cannot route 'usb'"),
        (lambda: matrix.route("1", 1), "whole number"),
    ):
        with pytest.raises(ValueError, match=message):
            call()
    assert sent(sim) == before


def test_the_url_size_is_checked_before_any_connection(runtime):
    matrix = WallController(runtime, "kramer+tcp://127.0.0.1:9?outputs=4")  # never started
    with pytest.raises(ValueError, match="output 5 is out of range 1–4"):
        matrix.route(1, 5)


def test_calls_return_futures_at_once(wall_sim, wall):
    sim = wall_sim("kramer")
    sim.silence(True)
    matrix = wall(client_url(sim, "timeout=0.2"))
    future = matrix.route(1, 2)
    assert isinstance(future, concurrent.futures.Future)
    assert not future.done()
    with pytest.raises(WallError, match="does not answer") as caught:
        future.result(5)
    assert caught.value.result == "offline"
    assert matrix.snapshot().link is Link.OFFLINE


def test_listeners_see_states_and_action_records(wall_sim, runtime):
    matrix = WallController(runtime, client_url(wall_sim("kramer"), WALL_FAST))
    seen: list = []
    matrix.add_listener(seen.append)
    matrix.start()
    assert matrix.route(1, 2).result(5).ok
    assert any(isinstance(s, WallState) and s.link is Link.ONLINE for s in seen)
    assert [r.action for r in seen if isinstance(r, ActionRecord)] == ["route 1→2 (av)"]
