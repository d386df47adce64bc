"""Bad input is refused before anything opens: every URL option and command-line number, for cameras
and walls alike, on the command line (exit 2, one sentence) and in the configuration check (issue #11).

The command lines run in this process through ``app.main`` against a closed local port, so a value
that slipped through would show as exit 3 (a timeout) instead of 2.
"""

from __future__ import annotations

import socket

import pytest

import app
from app import check_wall
from devices.visca.url_check import check_camera
from models.config.store import ConfigError, parse_config
from tests.support.ports import free_port

LONG_LABEL = "a" * 64


def run_cli(capsys, *argv: str) -> tuple[int, str]:
    """(exit code, what went to stderr) of ``app.py ARGV`` run in this process."""
    try:
        code = app.main(list(argv))
    except SystemExit as exc:  # argparse refuses a value
        code = exc.code
    return code, capsys.readouterr().err


BAD_CAMERA_URLS = {
    "visca+udp://127.0.0.1:0": "port",
    "visca+udpraw://127.0.0.1:{port}?local_port=70000": "local_port",
    "visca+udp://127.0.0.1:{port}?local_port=abc": "local_port",
    "visca+serial:///dev/ttyUSB9?address=9": "address",
    "visca+serial:///dev/ttyUSB9?baud=abc": "baud",
    "visca+serial:///dev/ttyUSB9?baud=9601": "baud",
    "visca+udpraw://127.0.0.1:{port}?timeout=nan": "timeout",
    "visca+udpraw://127.0.0.1:{port}?poll=inf": "poll",
    "visca+tcp://127.0.0.1:{port}?local_port=5000": "local_port",  # TCP has no local port to choose
    f"visca+udp://{LONG_LABEL}.example": "host name",
    f"visca+tcp://{LONG_LABEL}:5678": "host name",
}
BAD_WALL_URLS = {
    "kramer+tcp://127.0.0.1:0": "port",
    "generic+tcp://127.0.0.1:65536?profile=x.yaml": "port",
    "kramer+serial:///dev/ttyUSB9?baud=abc": "baud",
    "lg+serial:///dev/ttyUSB9?baud=12345": "baud",
    "kramer+tcp://127.0.0.1:{port}?timeout=inf": "timeout",
    "extron+tcp://127.0.0.1:{port}?gap=nan": "gap",
    "kramer+tcp://127.0.0.1:{port}?inputs=0": "inputs",
    "lg+tcp://127.0.0.1:{port}?set_id=abc": "set_id",
    f"kramer+tcp://{LONG_LABEL}.example": "host name",
}


@pytest.mark.parametrize(("url", "named"), BAD_CAMERA_URLS.items())
def test_a_bad_camera_url_option_exits_two_naming_it(capsys, url, named):
    code, err = run_cli(
        capsys, "camera", url.format(port=free_port(socket.SOCK_DGRAM)), "status", "--timeout", "0.5"
    )
    assert code == 2, err
    assert err.startswith("error: "), err
    assert len(err.strip().splitlines()) == 1, err
    assert named in err, err
    assert "Traceback" not in err


@pytest.mark.parametrize(("url", "named"), BAD_WALL_URLS.items())
def test_a_bad_wall_url_option_exits_two_naming_it(capsys, url, named):
    code, err = run_cli(capsys, "wall", url.format(port=free_port()), "status", "--timeout", "0.5")
    assert code == 2, err
    assert err.startswith("error: "), err
    assert len(err.strip().splitlines()) == 1, err
    assert named in err, err


@pytest.mark.parametrize("value", ["-1", "nan", "0", "inf", "1e20", "-inf", "abc"])
@pytest.mark.parametrize("device", ["camera", "wall"])
def test_a_timeout_that_is_not_a_finite_positive_number_exits_two(capsys, device, value):
    url = "visca+udpraw://127.0.0.1:1259" if device == "camera" else "kramer+tcp://127.0.0.1:5000"
    code, err = run_cli(capsys, device, url, "status", f"--timeout={value}")
    assert code == 2
    assert "--timeout" in err, err
    assert "seconds" in err, err
    assert "Traceback" not in err, err


@pytest.mark.parametrize("url", [url for url in BAD_CAMERA_URLS if "{port}" not in url])
def test_the_configuration_check_names_the_camera_option(url):
    problems = check_camera(url, None)
    assert problems, problems
    assert problems[0][0] == "url", problems


@pytest.mark.parametrize("url", [url for url in BAD_WALL_URLS if "{port}" not in url])
def test_the_configuration_check_names_the_wall_option(url):
    assert check_wall(url)


def test_configuration_problems_name_the_line_of_each_bad_url():
    text = (
        "cameras:\n"
        "  - {id: cam1, name: A, url: 'visca+udp://10.0.0.5:0'}\n"
        "  - {id: cam2, name: B, url: 'visca+serial:///dev/ttyUSB0?address=9'}\n"
        "  - {id: cam3, name: C, url: 'visca+udp://10.0.0.7?local_port=70000'}\n"
        "walls:\n"
        "  - {id: w1, name: W, url: 'kramer+serial:///dev/ttyUSB1?baud=abc'}\n"
        "events: []\n"
    )
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "config.yaml", check_camera, check_wall)
    problems = {problem.line: str(problem) for problem in caught.value.problems}
    assert set(problems) == {2, 3, 4, 6}, problems
    assert "port" in problems[2]
    assert "address" in problems[3]
    assert "local_port" in problems[4]
    assert "baud" in problems[6]


@pytest.mark.parametrize("value", ["-1", "nan", "1e400", "inf", "1e20", "abc"])
@pytest.mark.parametrize("action", [("move", "right", "--speed", "2"), ("zoom", "in")])
def test_a_move_time_that_is_not_a_number_of_seconds_exits_two_and_sends_nothing(capsys, action, value):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.settimeout(0.3)
        url = f"visca+udpraw://127.0.0.1:{listener.getsockname()[1]}"
        code, err = run_cli(capsys, "camera", url, *action, "--for", value)
        assert code == 2, err
        assert "--for" in err, err
        assert "Traceback" not in err, err
        with pytest.raises(socket.timeout):
            listener.recv(100)
