"""Garbage on the line (issue 11, "a device that babbles pins a core"): what a line delivers is taken
in at a bounded rate, a line that delivers only garbage rests with backoff and says so, and the
device is back when the noise stops. Timing figures are in docs/benchmarks.md, not asserted here."""

from __future__ import annotations

import os
import time

import pytest

from devices.records import DeviceNotice, Link
from devices.transport.noise import FIRST_REST, GARBAGE, NOISY_SECONDS, RATE_LIMIT, WINDOW, NoiseWatch
from devices.transport.serialport import SerialPort
from devices.transport.tcp import TcpClient
from devices.wall import drivers
from devices.wall.controller import WallController
from devices.wall.protocol import ReplyKind
from devices.wall.sim.simulator import start_wall_simulator
from tests.support.hostile_peers import Babbler, Drizzle
from tests.support.waiting import wait_for, wait_until


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def noisy_second(watch: NoiseWatch, clock: Clock, garbage: int = 1000, replies: int = 0) -> int:
    taken = watch.admit(garbage + replies)
    watch.understood(replies)
    clock.now += WINDOW
    return taken


def test_a_window_takes_in_at_most_the_rate_limit():
    clock = Clock()
    watch = NoiseWatch(clock)
    assert watch.admit(RATE_LIMIT - 10) == RATE_LIMIT - 10
    assert not watch.full
    assert watch.admit(100) == 10
    assert watch.full
    assert watch.admit(5000) == 0
    assert watch.dropped == 90 + 5000
    assert watch.until_next_window() == pytest.approx(WINDOW)
    clock.now += WINDOW
    assert watch.admit(100) == 100
    assert not watch.full


def test_seconds_of_garbage_make_a_line_babble_and_the_rests_double_until_a_clean_second():
    clock = Clock()
    watch = NoiseWatch(clock)
    for _ in range(NOISY_SECONDS):
        assert not watch.babbling
        noisy_second(watch, clock)
    watch.admit(1)  # the third noisy second is judged as the next begins
    assert watch.babbling
    assert watch.noisy
    rests = []
    for _ in range(4):
        rests.append(watch.rest())
        assert not watch.babbling
        assert watch.admit(1000) == 0  # nothing taken in while resting
        clock.now = watch.resting_until
        noisy_second(watch, clock)
        watch.admit(1)
        assert watch.babbling  # after a rest one more noisy second is enough
    assert rests == [FIRST_REST, 2 * FIRST_REST, 4 * FIRST_REST, 8 * FIRST_REST]
    watch.rest()
    clock.now = watch.resting_until
    noisy_second(watch, clock, garbage=10, replies=200)  # the noise stopped
    watch.admit(1)
    assert not watch.babbling
    assert not watch.noisy
    for _ in range(NOISY_SECONDS):
        noisy_second(watch, clock)
    watch.admit(1)
    assert watch.rest() == FIRST_REST


def test_after_a_rest_the_first_reply_is_not_taken_for_the_garbage_that_caused_it():
    """The garbage that tips a line into babbling opens the window it is counted in; the rest answers it."""
    clock = Clock()
    watch = NoiseWatch(clock)
    for _ in range(NOISY_SECONDS):
        noisy_second(watch, clock)
    assert watch.admit(1000) == 1000
    assert watch.babbling
    watch.rest()
    clock.now = watch.resting_until
    watch.admit(20)
    watch.understood(20)  # the first reply on the new connection
    assert not watch.babbling


def test_quiet_seconds_do_not_excuse_garbage_but_a_few_stray_bytes_are_no_garbage():
    clock = Clock()
    watch = NoiseWatch(clock)
    for _ in range(NOISY_SECONDS):
        noisy_second(watch, clock, garbage=30)  # a camera at the wrong baud rate answering polls
        clock.now += 5 * WINDOW  # … and silent in between
    watch.admit(1)
    assert watch.babbling
    calm = NoiseWatch(clock)
    for _ in range(10):
        noisy_second(calm, clock, garbage=3)  # a byte of line noise now and then
        noisy_second(calm, clock, garbage=2, replies=40)
    assert not calm.babbling
    assert not calm.noisy


def test_a_babbling_tcp_peer_is_read_at_a_bounded_rate_then_dropped_and_retried_later(runtime):
    babbler = Babbler()
    client = TcpClient("127.0.0.1", babbler.port)
    taken: list[int] = []
    changes: list[tuple[float, bool, str]] = []
    client.on_data = lambda data: taken.append(len(data))
    client.on_state = lambda up, why: changes.append((time.monotonic(), up, why))
    try:
        started = time.monotonic()
        runtime.submit(client.open()).result(5)
        wait_until(lambda: len(babbler.connections) >= 2, timeout=10, what="a second connection")
        elapsed = time.monotonic() - started
        assert sum(taken) <= RATE_LIMIT * (elapsed / WINDOW + 1)
        assert babbler.sent > 10 * sum(taken)  # it sent far more than was read
        downs = [(at, why) for at, up, why in changes if not up]
        assert downs
        assert downs[0][1] == GARBAGE
        assert babbler.connections[1] - downs[0][0] >= FIRST_REST - 0.05  # rested before trying again
    finally:
        runtime.submit(client.close()).result(5)
        babbler.close()


@pytest.mark.parametrize("url", ["kramer+tcp://10.0.0.1", "extron+tcp://10.0.0.1"])
def test_a_garbled_line_is_noise_not_an_answer(url):
    protocol = drivers.make_protocol(drivers.parse(url))
    garbled = b"\x93~01@\x8a OK\x01"
    assert protocol.parse(garbled).kind is ReplyKind.DATA  # the parser alone takes it for an answer
    assert protocol.read(garbled).kind is ReplyKind.NOISE
    assert protocol.read(b"~01@VID 1>2 OK").kind is not ReplyKind.NOISE


class WrongBaud:
    """A serial port whose line delivers nothing but garbage, as fast as it is read."""

    def __init__(self, opened: list) -> None:
        opened.append(self)
        self.closed_at: float | None = None
        self.in_waiting = 4096

    def read(self, size: int) -> bytes:
        time.sleep(0.005)
        return os.urandom(size)

    def reset_input_buffer(self) -> None:
        pass

    def write(self, data: bytes) -> None:
        pass

    def close(self) -> None:
        self.closed_at = time.monotonic()


def test_a_babbling_serial_line_is_read_at_a_bounded_rate_then_closed_and_opened_again_later(runtime):
    opened: list[WrongBaud] = []
    port = SerialPort("/dev/ttyUSB9", 9600, opener=lambda: WrongBaud(opened))
    taken: list[int] = []
    downs: list[str] = []
    port.on_data = lambda data: taken.append(len(data))
    port.on_state = lambda up, why: downs.append(why) if not up else None
    try:
        started = time.monotonic()
        runtime.submit(port.open()).result(5)
        wait_until(lambda: len(opened) >= 2, timeout=10, what="the port opened again")
        elapsed = time.monotonic() - started
        assert sum(taken) <= RATE_LIMIT * (elapsed / WINDOW + 1)
        assert downs[0] == GARBAGE
        assert opened[0].closed_at is not None
        assert port.opens >= 2
    finally:
        runtime.submit(port.close()).result(5)


def test_a_babbling_camera_is_offline_with_the_reason_and_back_when_the_noise_stops(simulator, camera):
    sim = simulator("visca+tcp://127.0.0.1:0")
    babbler = Babbler()
    notices: list[DeviceNotice] = []
    online_at: list[float] = []  # when the camera came online, each time
    try:
        cam = camera(babbler.url("visca+tcp"))
        cam.add_listener(lambda item: notices.append(item) if isinstance(item, DeviceNotice) else None)
        cam.add_listener(
            lambda item: (
                online_at.append(time.monotonic()) if getattr(item, "link", None) is Link.ONLINE else None
            )
        )
        wait_until(
            lambda: cam.snapshot().link is Link.OFFLINE and GARBAGE in (cam.snapshot().last_error or ""),
            timeout=8,
            what="offline for garbage",
        )
        assert [n.text for n in notices] == [f"{cam.name}: {GARBAGE}"]
        time.sleep(1.5)  # resting: probes find no connection meanwhile
        assert GARBAGE in cam.snapshot().last_error  # … and the reason stays what the operator must know
        babbler.relay_to(sim.address)
        # online through the relayed connection: random garbage can now and then hold a reply's bytes
        # and complete a poll, so an "online" seen on the babbling connection does not count
        relayed = wait_for(
            lambda: babbler.connections[-1], lambda at: at > babbler.relayed_at, 8, "reconnected"
        )
        wait_until(
            lambda: cam.snapshot().link is Link.ONLINE and any(at > relayed for at in online_at),
            timeout=8,
            what="back online",
        )
        assert cam.power(False).result(5).ok
        assert sim.state()["power"] is False
    finally:
        babbler.close()


def test_replies_amid_garbage_do_not_bring_a_babbling_camera_back_online(camera):
    """At 64 KB/s random bytes now and then hold a reply that completes a poll; after the line was found
    babbling such a reply is no sign of life (here the garbage holds every poll's answer, often)."""
    answers = (b"\x90\x41\xff", b"\x90\x51\xff", b"\x90\x50\x02\xff", b"\x90\x50" + bytes(4) + b"\xff")
    babbler = Babbler(holding=(*answers, b"\x90\x50" + bytes(8) + b"\xff"))
    links: list[Link] = []
    try:
        cam = camera(babbler.url("visca+tcp"))
        cam.add_listener(lambda item: links.append(item.link) if getattr(item, "link", None) else None)
        wait_until(
            lambda: cam.snapshot().link is Link.OFFLINE and GARBAGE in (cam.snapshot().last_error or ""),
            timeout=8,
            what="offline for garbage",
        )
        offline_at = len(links)
        wait_until(lambda: len(babbler.connections) >= 3, timeout=10, what="two rests over, babbling again")
        time.sleep(0.5)
        assert Link.ONLINE not in links[offline_at:]
        assert GARBAGE in (cam.snapshot().last_error or "")
    finally:
        babbler.close()


def test_a_babbling_wall_device_is_offline_with_the_reason_and_back_when_the_noise_stops(
    runtime, sim_runtime
):
    sim = sim_runtime.submit(start_wall_simulator("kramer", "tcp://127.0.0.1:0")).result(5)
    babbler = Babbler()
    wall = WallController(runtime, babbler.url("kramer+tcp")).start()
    notices: list[DeviceNotice] = []
    wall.add_listener(lambda item: notices.append(item) if isinstance(item, DeviceNotice) else None)
    try:
        wait_until(lambda: wall.snapshot().last_error == GARBAGE, timeout=8, what="offline for garbage")
        assert wall.snapshot().link is Link.OFFLINE
        assert [n.text for n in notices] == [f"{wall.name}: {GARBAGE}"]
        host, port = sim.url.rsplit("/", 1)[1].rsplit(":", 1)
        babbler.relay_to((host, int(port)))
        wait_until(lambda: wall.snapshot().link is Link.ONLINE, timeout=8, what="back online")
        assert wall.route(3, 2).result(5).ok
    finally:
        wall.close().result(5)
        babbler.close()
        sim_runtime.submit(sim.close()).result(5)


@pytest.mark.parametrize("family", ["extron", "kramer"])
def test_a_wall_device_that_says_only_garbage_is_never_online(runtime, family):
    peer = Drizzle()
    wall = WallController(runtime, peer.url(f"{family}+tcp"))
    links: set[Link] = set()
    wall.add_listener(lambda item: links.add(item.link) if hasattr(item, "link") else None)
    wall.start()
    try:
        wait_until(lambda: wall.snapshot().last_error == GARBAGE, timeout=8, what="offline for garbage")
        time.sleep(2)
        assert Link.ONLINE not in links
        assert wall.snapshot().health.received == 0
    finally:
        wall.close().result(5)
        peer.close()
