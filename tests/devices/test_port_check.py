"""Ports that cannot be right are warned about, without opening anything."""

from __future__ import annotations

from pathlib import Path

import pytest

from devices.port_check import port_warnings


def no_ports() -> list[str]:
    return []


@pytest.mark.parametrize(
    ("url", "words"),
    [
        (
            "visca+udp://10.0.0.5:1259",
            "port 1259 is the usual port of visca+udpraw:// devices; visca+udp:// devices "
            "usually listen on 52381",
        ),
        ("visca+tcp://10.0.0.5:52381", "usual port of visca+udp://"),
        ("kramer+tcp://10.0.0.40:23", "usual port of extron+tcp://"),
        ("extron+tcp://10.0.0.41:5000", "usual port of kramer+tcp://"),
    ],
)
def test_a_port_of_another_protocol_is_doubted(url, words):
    (warning,) = port_warnings(url, no_ports)
    assert words in warning


@pytest.mark.parametrize(
    "url",
    [
        "visca+udp://10.0.0.5",
        "visca+udp://10.0.0.5:52381",
        "visca+udpraw://10.0.0.5:1259",
        "kramer+tcp://m:5000",
        "visca+tcp://10.0.0.5:4001",
        "generic+tcp://10.0.0.9:5000?profile=x.yaml",  # no usual port of its own
        "visca+foo://10.0.0.5",
        "visca+udp://10.0.0.5:0",  # its error says it
        "visca+serial://pty?cameras=2",  # a simulator
    ],
)
def test_usual_and_unknown_ports_are_not_doubted(url):
    assert port_warnings(url, no_ports) == []


def test_a_serial_port_this_computer_lacks_is_doubted(tmp_path: Path):
    (warning,) = port_warnings("visca+serial:///dev/ttyNOPE9?address=1", lambda: ["COM1", "COM3"])
    assert warning == "serial port /dev/ttyNOPE9 is not on this computer (it has: COM1, COM3)"
    assert "(it has: none)" in port_warnings("lg+serial://COM7?set_id=1", no_ports)[0]
    assert port_warnings("visca+serial://com3", lambda: ["COM3"]) == []  # Windows names any case
    link = tmp_path / "cam"
    link.write_text("")  # a pty symlink, say
    assert port_warnings(f"visca+serial://{link}", no_ports) == []
