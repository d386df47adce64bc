"""The simulator's listeners over real loopback sockets and a real pseudo-terminal."""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from devices.runtime import DeviceRuntime
from devices.visca.sim.pty_server import PtyServer
from devices.visca.sim.server import SimulatorServer
from devices.visca.sim.simulator import start_simulator
from devices.visca.urls import CameraUrlError

TIMEOUT = 2.0
QUIET = 0.15  # how long "no answer" is watched for

Start = Callable[[str], SimulatorServer]


@pytest.fixture
def udp() -> Iterator[socket.socket]:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(TIMEOUT)
        yield sock


def h(text: str) -> bytes:
    return bytes.fromhex(text)


def assert_silent(sock: socket.socket) -> None:
    sock.settimeout(QUIET)
    with pytest.raises(socket.timeout):
        sock.recv(64)
    sock.settimeout(TIMEOUT)


# --- Sony VISCA over IP -------------------------------------------------------------------------


def test_udp_reset_sequence_echo_and_repeated_sequence(simulator: Start, udp: socket.socket) -> None:
    sim = simulator("visca+udp://127.0.0.1:0")
    assert sim.url == f"visca+udp://127.0.0.1:{sim.address[1]}"
    assert sim.address[1] != 52381
    udp.sendto(h("02 00 00 01 00 00 00 07 01"), sim.address)
    assert udp.recv(64) == h("02 01 00 01 00 00 00 07 01")

    relative = h("01 00 00 0F 00 00 00 05 81 01 06 03 18 14 00 01 00 00 00 00 00 00 FF")
    udp.sendto(relative, sim.address)
    assert udp.recv(64) == h("01 11 00 03 00 00 00 05 90 41 FF")
    assert udp.recv(64) == h("01 11 00 03 00 00 00 05 90 51 FF")
    udp.sendto(relative, sim.address)
    assert udp.recv(64) == h("02 00 00 02 00 00 00 05 0F 01")
    udp.sendto(h("01 10 00 05 00 00 00 06 81 09 06 12 FF"), sim.address)
    assert udp.recv(64) == h("01 11 00 0B 00 00 00 06 90 50 00 01 00 00 00 00 00 00 FF")
    assert sim.state()["pan"] == 0x100
    udp.sendto(h("81 09 04 00 FF"), sim.address)  # no header: not answered, kept as it came
    assert_silent(udp)
    relative_payload = relative[8:]
    assert sim.received() == [
        ("CONTROL", h("01")),
        ("COMMAND", relative_payload),
        ("COMMAND", relative_payload),
        ("INQUIRY", h("81 09 06 12 FF")),
        ("UNFRAMED", h("81 09 04 00 FF")),
    ]

    udp.sendto(h("02 00 00 01 00 00 00 00 01"), sim.address)
    assert udp.recv(64) == h("02 01 00 01 00 00 00 00 01")
    udp.sendto(h("01 10 00 05 00 00 00 06 81 09 04 00 FF"), sim.address)
    assert udp.recv(64) == h("01 11 00 04 00 00 00 06 90 50 02 FF")


def test_udp_treats_any_address_as_one_and_can_reply_to_a_fixed_port(
    simulator: Start, udp: socket.socket
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as replies:
        replies.bind(("127.0.0.1", 0))
        replies.settimeout(TIMEOUT)
        sim = simulator(f"visca+udp://127.0.0.1:0?reply_port={replies.getsockname()[1]}")
        udp.sendto(h("01 10 00 05 00 00 00 01 83 09 04 00 FF"), sim.address)
        assert replies.recv(64) == h("01 11 00 04 00 00 00 01 90 50 02 FF")


def test_unknown_url_option_is_rejected(sim_runtime: DeviceRuntime) -> None:
    with pytest.raises(CameraUrlError, match="unknown option.*colour"):
        sim_runtime.submit(start_simulator("visca+udp://127.0.0.1:0?colour=red")).result(TIMEOUT)


# --- raw UDP, faults ----------------------------------------------------------------------------


def test_udpraw_several_packets_per_datagram_and_address(simulator: Start, udp: socket.socket) -> None:
    sim = simulator("visca+udpraw://127.0.0.1:0?address=2&model=sony-brc-x400")
    udp.sendto(h("81 01 04 00 02 FF 81 09 00 02 FF"), sim.address)
    assert [udp.recv(64) for _ in range(3)] == [
        h("A0 41 FF"),
        h("A0 51 FF"),
        h("A0 50 00 01 05 1C 01 00 02 FF"),
    ]
    assert sim.received() == [("VISCA", h("81 01 04 00 02 FF")), ("VISCA", h("81 09 00 02 FF"))]


def test_faults_silence_loss_latency_restart(simulator: Start, udp: socket.socket) -> None:
    sim = simulator("visca+udpraw://127.0.0.1:0")
    power_inquiry = h("81 09 04 00 FF")
    sim.silence(True)
    udp.sendto(power_inquiry, sim.address)
    assert_silent(udp)
    sim.silence(False)
    sim.set_loss(1.0)
    udp.sendto(power_inquiry, sim.address)
    assert_silent(udp)
    sim.set_loss(0.0)
    sim.set_latency(0.1)
    sent = time.monotonic()
    udp.sendto(power_inquiry, sim.address)
    assert udp.recv(64) == h("90 50 02 FF")
    assert time.monotonic() - sent >= 0.1
    sim.set_latency(0.0)
    udp.sendto(h("81 01 04 00 03 FF"), sim.address)
    assert [udp.recv(64) for _ in range(2)] == [h("90 41 FF"), h("90 51 FF")]
    sim.restart()
    assert sim.state()["power"] is True


# --- TCP ------------------------------------------------------------------------------------------


def test_tcp_stream_split_and_several_clients(simulator: Start) -> None:
    sim = simulator("visca+tcp://127.0.0.1:0")
    with (
        socket.create_connection(sim.address, TIMEOUT) as first,
        socket.create_connection(sim.address, TIMEOUT) as second,
    ):
        first.sendall(h("81 01 04 00 02 FF 81 09 04 00 FF"))
        second.sendall(h("81 09 04 38"))
        second.sendall(h("FF"))
        expected = h("90 41 FF 90 51 FF 90 50 02 FF")
        received = b""
        while len(received) < len(expected):
            received += first.recv(64)
        assert received == expected
        assert second.recv(64) == h("90 50 02 FF")
        first.sendall(h("88 01 00 01 FF 81 09 04 00 FF"))  # a broadcast is kept, not answered
        assert first.recv(64) == h("90 50 02 FF")
    assert sim.received() == [
        ("VISCA", h(packet))
        for packet in (
            "81 01 04 00 02 FF",
            "81 09 04 00 FF",
            "81 09 04 38 FF",
            "88 01 00 01 FF",
            "81 09 04 00 FF",
        )
    ]


# --- serial chain on a pseudo-terminal ------------------------------------------------------------


@pytest.mark.posix
def test_serial_chain_addressing_unplug_and_replug(simulator: Start, tmp_path: Path) -> None:
    import serial

    link = tmp_path / "visca0"
    sim = simulator(f"visca+serial://pty?link={link}&cameras=3")
    assert isinstance(sim, PtyServer)
    assert sim.url == f"visca+serial://{link}"
    with serial.Serial(str(link), 9600, timeout=TIMEOUT) as port:
        port.write(h("88 30 01 FF"))
        assert port.read(4) == h("88 30 04 FF")
        port.write(h("88 01 00 01 FF"))
        assert port.read(5) == h("88 01 00 01 FF")
        port.write(h("82 01 04 00 02 FF 83 09 04 00 FF"))
        assert port.read(10) == h("A0 41 FF A0 51 FF B0 50 02 FF")
        assert sim.received() == [
            ("VISCA", h(packet))
            for packet in ("88 30 01 FF", "88 01 00 01 FF", "82 01 04 00 02 FF", "83 09 04 00 FF")
        ]
        sim.restart()
        assert port.read(9) == h("90 38 FF A0 38 FF B0 38 FF")

        sim.unplug()
        assert not os.path.lexists(link)
        with pytest.raises(serial.SerialException):
            port.read(1)
    sim.replug()
    assert os.path.realpath(link) == sim.slave_path
    with serial.Serial(str(link), 9600, timeout=TIMEOUT) as port:
        port.write(h("83 09 04 00 FF"))
        assert port.read(4) == h("B0 50 02 FF")


def test_a_tcp_simulator_closed_with_a_client_connected_hangs_up_without_an_error(
    sim_runtime: DeviceRuntime, caplog
) -> None:
    """Closing the console (or ``simulate``) while a controller is connected: before Python 3.12 asyncio logs
    a CancelledError traceback for a client task that is cancelled, so the client is hung up instead."""
    sim = sim_runtime.submit(start_simulator("visca+tcp://127.0.0.1:0")).result(TIMEOUT)
    with socket.create_connection(sim.address, TIMEOUT) as client:
        client.sendall(h("81 09 04 00 FF"))
        assert client.recv(64) == h("90 50 02 FF")
        with caplog.at_level(logging.ERROR):
            sim_runtime.submit(sim.close()).result(TIMEOUT)
            sim_runtime.submit(asyncio.sleep(0.1)).result(TIMEOUT)  # the loop's callbacks after the close
        assert client.recv(64) == b""
    assert not [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
