"""What `probe` accepts as a target and as options; a bad one is exit 2 with a plain message and nothing
sent."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import pytest

from devices.probe.findings import Place
from devices.probe.target import (
    NETWORK_PORTS,
    SERIAL_PLAN,
    Settings,
    TargetError,
    parse_families,
    parse_ports,
    parse_target,
)
from tests.devices.probe.probing import probe

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("", "give a host or a serial port"),
        ("not a host!", "is neither an IP address, a host name nor a serial port"),
        ("kramer+tcp://192.168.1.39", "is a URL; give only the host or the serial port"),
        ("127.0.0.1:5000", "give other ports with --ports"),
        ("192.168.1.300", "is not an IP address (four numbers 0–255"),
    ],
)
def test_a_bad_target_is_exit_two_with_a_plain_message(capsys, target, message):
    code, out, err = probe(capsys, target)
    assert code == 2
    assert out == ""
    assert err.startswith("error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_a_serial_port_that_is_missing_or_not_a_port_is_exit_two(capsys, tmp_path):
    code, _out, err = probe(capsys, str(tmp_path / "ttyUSB9"))
    assert code == 2
    assert f"there is no serial port '{tmp_path / 'ttyUSB9'}'" in err
    plain_file = tmp_path / "notes.txt"
    plain_file.write_text("not a port")
    code, _out, err = probe(capsys, str(plain_file))
    assert code == 2
    assert f"cannot open serial port '{plain_file}'" in err


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--ports", "kramer=99999"), "needs a port 1–65535"),
        (("--ports", "visca=5678"), "visca alone could be visca+udp, visca+udpraw, visca+tcp"),
        (("--only", "sony"), "--only: unknown sony"),
        (("--timeout", "0"), "--timeout 0 is out of range"),
    ],
)
def test_a_bad_option_is_exit_two_and_nothing_is_sent(capsys, options, message):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.2)
        code, _out, err = probe(
            capsys, "127.0.0.1", "--ports", f"kramer={listener.getsockname()[1]}", *options
        )
        with pytest.raises(socket.timeout):
            listener.accept()
    assert code == 2
    assert message in err


def test_the_command_is_registered_in_app():
    result = subprocess.run(
        [sys.executable, "app.py", "probe", "no such host!"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "is neither an IP address" in result.stderr


def test_targets_and_options():
    assert parse_target("192.168.1.50").host == "192.168.1.50"
    assert parse_target("localhost").host == "localhost"
    assert parse_target("::1").host == "::1"
    with pytest.raises(TargetError, match="cannot open serial port 'COM250'"):
        parse_target("COM250")  # a COM port name is a serial port, checked by opening it
    assert parse_ports("kramer=5001, visca+udp=52380") == {
        **NETWORK_PORTS,
        "kramer+tcp": 5001,
        "visca+udp": 52380,
    }
    assert parse_families("lg,visca") == ("visca", "lg")
    only_lg = Settings(families=("lg",))
    assert only_lg.network() == [("lg+tcp", 9761)]
    assert only_lg.serial() == [("lg", 9600)]
    assert [baud for family, baud in SERIAL_PLAN if family == "visca"] == [9600, 38400]


def test_urls_of_places():
    assert Place(host="::1", port=52381).url("visca+udp") == "visca+udp://[::1]:52381"
    assert Place(host="10.0.0.9", port=5678).url("visca+tcp", quirks=None) == "visca+tcp://10.0.0.9:5678"
    assert (
        Place(device="COM3", baud=9600).url("visca+serial", address=2)
        == "visca+serial://COM3?baud=9600&address=2"
    )
    assert (
        Place(device="/dev/ttyUSB0", baud=9600).url("lg+serial", set_id=1)
        == "lg+serial:///dev/ttyUSB0?baud=9600&set_id=1"
    )
    assert str(Place(device="/dev/ttyUSB0", baud=115200)) == "/dev/ttyUSB0 115200 baud"
