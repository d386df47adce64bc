"""The simulators on the wire, byte for byte, over TCP and a pseudo-terminal."""

from __future__ import annotations

import os

import pytest

from devices.wall.sim.simulator import start_wall_simulator
from tests.devices.wall.client import TIMEOUT, Client


def test_kramer_answers_like_a_p3000_matrix(wall_sim):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0?inputs=4&outputs=4&presets=8")
    assert sim.url.startswith("kramer+tcp://127.0.0.1:")
    c = Client(sim.url)
    assert c.ask(b"#\r") == b"~01@ OK\r\n"
    assert c.ask(b"#VID 1>2\r") == b"~01@VID 1>2 OK\r\n"
    assert c.ask(b"#VID 5>2\r") == b"~01@VID ERR 003\r\n"
    assert c.ask(b"#VID 1>x\r") == b"~01@VID ERR 001\r\n"
    assert c.ask(b"#VID? *\r") == b"~01@VID 1>1,1>2,3>3,4>4\r\n"
    assert c.ask(b"#PRST-RCL 2\r") == b"~01@PRST-RCL ERR 003\r\n"  # never stored
    assert c.ask(b"#PRST-STO 2\r") == b"~01@PRST-STO 2 OK\r\n"
    assert c.ask(b"#PRST-STO 9\r") == b"~01@PRST-STO ERR 003\r\n"
    assert c.ask(b"#AV 4>2\r") == b"~01@AV 4>2 OK\r\n"
    assert c.ask(b"#PRST-RCL 2\r") == b"~01@PRST-RCL 2 OK\r\n"
    assert c.ask(b"#INFO-IO?\r") == b"~01@INFO-IO IN 4,OUT 4\r\n"
    assert c.ask(b"#BOGUS 1\r") == b"~01@BOGUS ERR 002\r\n"
    c.close()
    assert sim.state()["video"][2] == 1
    assert sim.state()["presets"] == [2]
    assert sim.state()["last_preset"] == 2


def test_kramer_compact_errors(wall_sim):
    c = Client(wall_sim("kramer", "tcp://127.0.0.1:0?compact=yes").url)
    assert c.ask(b"#VID 9>1\r") == b"~01@VIDERR003\r\n"
    c.close()


def test_kramer_without_sender_id_and_in_lower_case(wall_sim):
    """The forms of the VP-81K / VP-8x8TP tables (``~OK``) and of the VS-44H2A manual (``ok``)."""
    c = Client(wall_sim("kramer", "tcp://127.0.0.1:0?sender_id=no").url)
    assert c.ask(b"#\r") == b"~OK\r\n"
    assert c.ask(b"#VID 1>2\r") == b"~VID 1>2 OK\r\n"
    assert c.ask(b"#VID 9>2\r") == b"~VID ERR 003\r\n"
    c.close()
    c = Client(wall_sim("kramer", "tcp://127.0.0.1:0?lowercase=yes").url)
    assert c.ask(b"#\r") == b"~01@ ok\r\n"
    assert c.ask(b"#AV 1>2\r") == b"~01@AV 1>2 ok\r\n"
    assert c.ask(b"#AV 1>9\r") == b"~01@AV err 003\r\n"
    c.close()


def test_kramer_video_only_matrix_refuses_audio_layers(wall_sim):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0?video_only=yes&model=VS-88HN")
    c = Client(sim.url)
    assert c.ask(b"#AV 3>1\r") == b"~01@AV ERR 002\r\n"
    assert c.ask(b"#AUD 3>1\r") == b"~01@AUD ERR 002\r\n"
    assert c.ask(b"#VID 3>1\r") == b"~01@VID 3>1 OK\r\n"
    assert c.ask(b"#MODEL?\r") == b"~01@MODEL VS-88HN\r\n"
    assert c.ask(b"#VERSION?\r").startswith(b"~01@VERSION ")
    c.close()
    assert sim.state()["video"][1] == 3


def test_extron_banner_password_verbose_and_errors(wall_sim):
    sim = wall_sim("extron", "tcp://127.0.0.1:0?password=secret&presets=8")
    c = Client(sim.url)
    assert c.ask(b"") == b"\r\n"  # the manuals' copyright message starts on a new line
    assert b"Extron Electronics" in c.ask(b"")
    c.ask(b"")  # date line
    assert c.ask(b"", until=b"Password:") == b"\r\nPassword:"
    assert c.ask(b"wrong\r", until=b"Password:") == b"\r\nPassword:"
    assert c.ask(b"secret\r").strip() == b""
    assert c.ask(b"") == b"Login Administrator\r\n"
    assert c.ask(b"\x1b3CV\r") == b"Vrb3\r\n"
    assert c.ask(b"1*3!") == b"Out03 In01 All\r\n"
    assert c.ask(b"7*5%") == b"Out05 In07 Vid\r\n"
    assert c.ask(b"2*6$") == b"Out06 In02 Aud\r\n"
    assert c.ask(b"9*1!") == b"E01\r\n"
    assert c.ask(b"1*9!") == b"E12\r\n"
    assert c.ask(b"5.") == b"E11\r\n"  # never saved
    assert c.ask(b"5,") == b"Spr05\r\n"
    assert c.ask(b"5.") == b"Rpr05\r\n"
    assert c.ask(b"9,") == b"E11\r\n"
    assert c.ask(b"5%") == b"07\r\n"
    assert c.ask(b"I") == b"V8X8 A8X8\r\n"
    assert c.ask(b"1*3*1001!") == b"Cnv01 Win003 In1001\r\n"
    assert c.ask(b"1*2*4.") == b"Rpr02*004\r\n"
    assert c.ask(b"1*2*99.") == b"E11\r\n"
    assert c.ask(b"xyz!") == b"E10\r\n"
    c.close()
    state = sim.state()
    assert state["windows"] == {(1, 3): 1001}
    assert state["layouts"] == {2: 4}
    assert state["presets"] == [5]


def test_extron_reports_ties_to_verbose_clients_only(wall_sim):
    sim = wall_sim("extron")
    first, second, quiet = Client(sim.url), Client(sim.url), Client(sim.url)
    for client in (first, second, quiet):
        for _line in range(3):  # the banner
            client.ask(b"")
    second.ask(b"\x1b3CV\r")
    assert first.ask(b"4*2!") == b"Out02 In04 All\r\n"
    assert second.ask(b"") == b"Out02 In04 All\r\n"
    assert quiet.ask(b"Q") == b"1.00\r\n"
    for client in (first, second, quiet):
        client.close()


def test_extron_plays_a_unit_that_refuses_with_an_error_code(wall_sim, sim_runtime):
    c = Client(wall_sim("extron", "tcp://127.0.0.1:0?refuse=E30:2").url)
    for _line in range(3):
        c.ask(b"")
    assert c.ask(b"1*3!") == b"E30:2\r\n"
    assert c.ask(b"5,") == b"E30:2\r\n"
    assert c.ask(b"3%") == b"03\r\n"
    assert c.ask(b"N") == b"60-0000-01\r\n"  # reads still answered
    c.close()
    with pytest.raises(ValueError, match="refuse=E3: name an SIS error code"):
        sim_runtime.submit(start_wall_simulator("extron", "tcp://127.0.0.1:0?refuse=E3")).result(5)


def test_lg_answers_with_acks_and_ng(wall_sim):
    sim = wall_sim("lg", "tcp://127.0.0.1:0?set_id=2")
    c = Client(sim.url)
    assert c.ask(b"ka 02 00\r", until=b"x") == b"a 02 OK00x"
    assert c.ask(b"xb 02 91\r", until=b"x") == b"b 02 OK91x"
    assert c.ask(b"xb 02 12\r", until=b"x") == b"b 02 NG00x"
    assert c.ask(b"dd 02 22\r", until=b"x") == b"d 02 OK22x"
    assert c.ask(b"ka 02 FF\r", until=b"x") == b"a 02 OK00x"
    c.sock.sendall(b"ka 01 01\rka 00 01\r")  # another display, then all displays
    assert c.ask(b"dd 02 FF\r", until=b"x") == b"d 02 OK22x"
    c.close()
    assert sim.state() == {"power": True, "input": "91", "tile": "22", "set_id": 2}


@pytest.mark.parametrize(
    ("protocol", "url", "message"),
    [
        ("kramer", "tcp://127.0.0.1:0?colour=red", "unknown option.*colour"),
        ("kramer", "udp://127.0.0.1:0", "unknown simulator listening URL kind"),
        ("kramer", "serial://COM3", "only as serial://pty"),
        ("sony", "tcp://127.0.0.1:0", "no simulator for 'sony'"),
    ],
)
def test_bad_listen_urls_are_named(sim_runtime, protocol, url, message):
    with pytest.raises(ValueError, match=message):
        sim_runtime.submit(start_wall_simulator(protocol, url)).result(5)


@pytest.mark.posix
def test_serial_simulator_on_a_pseudo_terminal(wall_sim, tmp_path):
    import serial

    link = tmp_path / "kramer0"
    sim = wall_sim("kramer", f"serial://pty?link={link}&baud=115200")
    assert sim.url == f"kramer+serial://{link}"
    assert os.path.realpath(link) == sim.slave_path
    with serial.Serial(str(link), 115200, timeout=TIMEOUT) as port:
        port.write(b"#VID 3>1\r")
        assert port.read_until(b"\n") == b"~01@VID 3>1 OK\r\n"
        sim.restart(reset=True)
        with pytest.raises(serial.SerialException):
            port.read(1)
    with serial.Serial(str(link), 115200, timeout=TIMEOUT) as port:
        port.write(b"#VID? *\r")
        assert port.read_until(b"\n").startswith(b"~01@VID 1>1,2>2")
