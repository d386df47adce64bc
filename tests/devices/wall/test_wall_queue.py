"""The one command queue: gap, keepalive, retries, disconnects and reconnects, Telnet login."""

from __future__ import annotations

import time
from itertools import pairwise

import pytest

from devices.records import Link
from devices.wall.state import WallError
from tests.support.ports import free_port
from tests.support.sim_urls import WALL_FAST, client_url, sent
from tests.support.waiting import wait_until


def test_the_minimum_gap_is_kept_between_commands(wall_sim, wall):
    sim = wall_sim("kramer")
    matrix = wall(client_url(sim, "gap=0.15&timeout=0.5"))
    matrix.ready().result(5)
    futures = [matrix.route(i, 1) for i in range(1, 6)]
    for future in futures:
        future.result(5)
    times = [t for t, text in sim.received() if text.startswith("#AV")]
    assert len(times) == 5
    gaps = [b - a for a, b in pairwise(times)]
    assert min(gaps) >= 0.14, gaps


def test_one_command_in_flight(wall_sim, wall):
    sim = wall_sim("lg")
    display = wall(client_url(sim, "gap=0&timeout=0.5"))
    sent_before = display.ready().result(5).health.sent
    sim.silence(True)
    first, second = display.power(False), display.power(True)
    time.sleep(0.25)
    assert display.snapshot().health.sent == sent_before + 1  # the second waits for the first
    sim.silence(False)
    with pytest.raises(WallError, match="no answer within 0.5 s"):
        first.result(3)
    assert second.result(3).ok
    assert sent(sim)[-1] == "ka 01 01"


def test_keepalive_after_idle(wall_sim, wall):
    sim = wall_sim("kramer")
    matrix = wall(client_url(sim, "keepalive=0.2&timeout=0.3"))
    matrix.ready().result(5)
    handshakes = sent(sim).count("#")
    wait_until(lambda: sent(sim).count("#") >= handshakes + 2, timeout=3, what="two keepalives")
    assert matrix.snapshot().health.keepalives >= 2
    assert matrix.snapshot().online


def test_queries_are_sent_twice_commands_once(wall_sim, wall):
    sim = wall_sim("kramer")
    matrix = wall(client_url(sim, "timeout=0.2&keepalive=0"))
    matrix.ready().result(5)
    sim.silence(True)
    command, query = matrix.route(1, 1), matrix.query_routes()
    with pytest.raises(WallError, match="timeout|no answer"):
        command.result(3)
    with pytest.raises(WallError):
        query.result(3)
    assert matrix.snapshot().health.retries == 1
    assert matrix.snapshot().health.timeouts == 3


def test_silence_makes_the_device_offline_and_it_comes_back(wall_sim, wall):
    sim = wall_sim("extron")
    matrix = wall(client_url(sim, "timeout=0.15&keepalive=0.1"))
    matrix.ready().result(5)
    sim.silence(True)
    wait_until(lambda: matrix.snapshot().link is Link.OFFLINE, timeout=3, what="offline after silence")
    assert "answer" in matrix.snapshot().last_error
    with pytest.raises(WallError, match="offline"):
        matrix.route(1, 2).result(0.1)  # fails at once, nothing queued
    sim.silence(False)
    wait_until(lambda: matrix.snapshot().online, timeout=5, what="online again")
    assert matrix.route(1, 2).result(3).ok


def test_disconnect_offline_reconnect_and_work_again(wall_sim, wall, listen):
    sim = wall_sim("kramer", listen())
    matrix = wall(client_url(sim, WALL_FAST))
    matrix.ready().result(5)
    assert matrix.route(3, 1).result(3).ok
    sim.drop_connections()
    wait_until(lambda: matrix.snapshot().link is not Link.ONLINE, what="offline after the drop")
    wait_until(lambda: matrix.snapshot().online, timeout=6, what="reconnected")
    assert matrix.route(4, 2).result(3).ok
    assert sim.state()["video"][1] == 3
    assert sim.state()["video"][2] == 4
    assert matrix.snapshot().health.offline_count >= 1


def test_restart_with_reset_clears_the_device_state(wall_sim, wall):
    sim = wall_sim("kramer")
    matrix = wall(client_url(sim, WALL_FAST))
    matrix.ready().result(5)
    matrix.save_preset(2).result(3)
    sim.restart(reset=False)
    wait_until(lambda: matrix.snapshot().online and sent(sim).count("#") >= 2, timeout=6, what="reconnected")
    assert matrix.recall_preset(2).result(3).ok
    sim.restart(reset=True)
    wait_until(lambda: matrix.snapshot().online and sent(sim).count("#") >= 3, timeout=6, what="reconnected")
    with pytest.raises(WallError, match="ERR 003"):
        matrix.recall_preset(2).result(3)


def test_telnet_password_from_the_url(wall_sim, wall):
    sim = wall_sim("extron", "tcp://127.0.0.1:0?password=s3cret&iac=yes")
    matrix = wall(client_url(sim, "password=s3cret&timeout=0.5"))
    assert matrix.ready().result(5).online
    assert matrix.route(2, 3).result(3).ok
    assert sent(sim)[0] == "\x1b3CV"


@pytest.mark.parametrize(
    ("options", "why"),
    [("", "asks for a password; add password="), ("password=guess", "refused the password")],
)
def test_telnet_password_missing_or_wrong_is_said_plainly(wall_sim, wall, options, why):
    sim = wall_sim("extron", "tcp://127.0.0.1:0?password=s3cret")
    matrix = wall(client_url(sim, options))
    wait_until(lambda: matrix.snapshot().link is Link.OFFLINE, timeout=3, what="offline")
    assert why in matrix.snapshot().last_error
    assert sent(sim) == []
    with pytest.raises(WallError, match=why):
        matrix.route(1, 1).result(1)


def test_no_connection_is_reported_and_commands_wait_only_so_long(wall):
    matrix = wall(f"kramer+tcp://127.0.0.1:{free_port()}?timeout=0.2&connect_wait=0.5")
    future = matrix.route(1, 1)
    with pytest.raises(WallError, match="not connected within 0.5 s") as caught:
        future.result(3)
    assert caught.value.result == "offline"
    assert matrix.snapshot().link is Link.OFFLINE
    assert "no connection" in matrix.snapshot().last_error
