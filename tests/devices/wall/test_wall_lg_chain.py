"""LG displays daisy-chained on one RS-232 line: one port, one exchange at a time, replies by Set ID."""

from __future__ import annotations

import subprocess
import time

import pytest

from devices.records import Link
from devices.wall import drivers
from devices.wall.state import WallError
from tests.devices.wall.client import Client
from tests.support.commands import APP, ROOT, run_app
from tests.support.fake_camera import FakeTransport
from tests.support.sim_urls import WALL_FAST, client_url, sent
from tests.support.waiting import wait_until

LINE = "lg+serial:///dev/ttyUSB7"


def lg_chain(*set_ids: int):
    """A responder for FakeTransport: displays at ``set_ids`` answering every command with OK."""

    def answer(packet: bytes) -> list[bytes]:
        cmd, set_id, data = packet.decode().split()
        if int(set_id, 16) not in set_ids:
            return []
        return [f"{cmd[1]} {set_id} OK{'00' if data == 'FF' else data}x".encode()]

    return answer


def test_two_displays_share_one_port_and_take_turns(wall, monkeypatch):
    port = FakeTransport(lg_chain(1, 2), reliable=True)
    made = []
    monkeypatch.setattr(drivers, "make_transport", lambda endpoint, protocol: made.append(port) or port)
    first, second = wall(f"{LINE}?set_id=1&{WALL_FAST}"), wall(f"{LINE}?set_id=2&{WALL_FAST}")
    first.ready().result(5), second.ready().result(5)
    assert len(made) == 1
    port.responder = None  # from here on the displays answer on cue
    port.sent.clear()
    off, on = first.power(False), second.power(True)
    wait_until(lambda: port.sent == [b"ka 01 00\r"], what="the first command")
    time.sleep(0.1)
    assert port.sent == [b"ka 01 00\r"]  # display 2 waits until display 1 has answered
    port.inject(b"a 02 OK00x")  # display 2's answer is not display 1's
    time.sleep(0.05)
    assert not off.done()
    port.inject(b"a 01 OK00x")
    assert off.result(3).ok
    wait_until(lambda: port.sent == [b"ka 01 00\r", b"ka 02 01\r"], what="the second command")
    port.inject(b"a 02 OK01x")
    assert on.result(3).ok
    assert first.snapshot().power is False
    assert second.snapshot().power is True


@pytest.fixture
def chain(wall_sim, tmp_path):
    """Displays with Set IDs 1 and 2 on one pseudo-terminal."""
    return wall_sim("lg", f"serial://pty?link={tmp_path / 'lgwall'}&set_ids=1,2")


def display(wall, chain, set_id: int, options: str = WALL_FAST):
    return wall(client_url(chain, f"set_id={set_id}&{options}"))


@pytest.mark.posix
def test_each_display_on_the_chain_gets_its_own_answers(chain, wall):
    one, two = display(wall, chain, 1), display(wall, chain, 2)
    one.ready().result(5), two.ready().result(5)
    results = [one.power(False), two.select_input("91"), two.tile_mode(2, 2), one.select_input("C0")]
    assert all(future.result(5).ok for future in results)
    assert sorted(sent(chain)[-4:]) == ["dd 02 22", "ka 01 00", "xb 01 C0", "xb 02 91"]
    assert chain.state() == {
        1: {"power": False, "input": "C0", "tile": "00", "set_id": 1},
        2: {"power": True, "input": "91", "tile": "22", "set_id": 2},
    }
    assert (one.snapshot().power, one.snapshot().input) == (False, "C0")
    assert (two.snapshot().power, two.snapshot().input, two.snapshot().tile) == (True, "91", (2, 2))


@pytest.mark.posix
def test_a_silent_set_id_times_out_and_the_others_keep_working(chain, wall):
    ghost = display(wall, chain, 3)
    one = display(wall, chain, 1)
    one.ready().result(5)
    wait_until(lambda: ghost.snapshot().link is Link.OFFLINE, timeout=5, what="set ID 3 offline")
    assert "answer" in ghost.snapshot().last_error
    for on in (False, True, False):
        assert one.power(on).result(5).ok
    assert chain.state()[1]["power"] is False
    assert one.snapshot().online
    with pytest.raises(WallError):
        ghost.power(True).result(5)


@pytest.mark.posix
def test_closing_one_display_keeps_the_line_for_the_other(chain, wall):
    one, two = display(wall, chain, 1), display(wall, chain, 2)
    one.ready().result(5), two.ready().result(5)
    one.close().result(5)
    assert two.power(False).result(5).ok
    assert chain.state()[2]["power"] is False
    assert two.snapshot().online


@pytest.mark.posix
def test_both_displays_come_back_after_an_unplug(chain, wall):
    one, two = display(wall, chain, 1), display(wall, chain, 2)
    one.ready().result(5), two.ready().result(5)
    chain.drop_connections()
    wait_until(lambda: not one.snapshot().online, what="offline after the unplug")
    wait_until(lambda: one.snapshot().online and two.snapshot().online, timeout=8, what="both back")
    assert one.power(False).result(5).ok
    assert two.power(False).result(5).ok


@pytest.mark.posix
def test_set_id_0_reaches_every_display_and_expects_no_answer(chain, wall):
    everyone, one = display(wall, chain, 0), display(wall, chain, 1)
    everyone.ready().result(5), one.ready().result(5)
    assert everyone.power(False).result(5).ok
    wait_until(lambda: "ka 00 00" in sent(chain), what="the broadcast on the line")
    wait_until(lambda: not chain.state()[1]["power"] and not chain.state()[2]["power"], what="both off")
    assert one.power(True).result(5).ok
    assert one.snapshot().power is True
    health = everyone.snapshot().health
    assert (health.sent, health.received, health.timeouts) == (1, 0, 0)


def test_the_simulated_chain_answers_only_for_its_own_set_ids(wall_sim):
    sim = wall_sim("lg", "tcp://127.0.0.1:0?set_ids=1,2")
    c = Client(sim.url)
    c.sock.sendall(b"ka 00 00\rka 03 00\r")  # every display, then nobody: no answer
    assert c.ask(b"ka 02 FF\r", until=b"x") == b"a 02 OK00x"
    assert c.ask(b"xb 01 92\r", until=b"x") == b"b 01 OK92x"
    c.close()
    assert sim.state()[1] == {"power": False, "input": "92", "tile": "00", "set_id": 1}


def test_simulate_a_chain_from_the_command_line():
    assert (
        run_app(
            "simulate", "wall", "--protocol", "kramer", "--set-ids", "1,2", "--listen", "tcp://127.0.0.1:0"
        ).returncode
        == 2
    )
    with subprocess.Popen(
        [
            *APP,
            "simulate",
            "wall",
            "--protocol",
            "lg",
            "--set-ids",
            "1,2",
            "--listen",
            "tcp://127.0.0.1:0",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            url = process.stdout.readline().split(": ", 1)[1].strip()  # type: ignore[union-attr]
            assert run_app("wall", f"{url}?set_id=2", "power", "off").returncode == 0
            assert (
                run_app("wall", f"{url}?set_id=3&timeout=0.2", "power", "off", "--timeout", "1").returncode
                == 3
            )
        finally:
            process.terminate()
