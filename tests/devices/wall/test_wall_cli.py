"""`python app.py wall …` and `simulate wall` end to end: real processes against simulated devices."""

from __future__ import annotations

import json
import socket
import subprocess

import pytest

from tests.support.commands import APP, ROOT, run_app
from tests.support.sim_urls import sent


def test_route_preset_and_status(wall_sim):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0?inputs=4&outputs=4")
    assert run_app("wall", sim.url, "route", "3", "2", "--layer", "video").returncode == 0
    assert sim.state()["video"][2] == 3
    assert run_app("wall", sim.url, "preset", "save", "5").returncode == 0
    status = run_app("wall", sim.url, "status")
    assert status.returncode == 0, status.stderr
    state = json.loads(status.stdout)
    assert state["online"] is True
    assert state["routes"]["2"] == 3
    assert state["outputs"] == 4


@pytest.mark.parametrize("options", ["sender_id=no", "lowercase=yes", "sender_id=no&lowercase=yes"])
def test_kramer_units_without_sender_id_or_in_lower_case_are_heard(wall_sim, options):
    sim = wall_sim("kramer", f"tcp://127.0.0.1:0?{options}")
    result = run_app("wall", sim.url, "route", "1", "2")
    assert result.returncode == 0, result.stderr
    assert sim.state()["video"][2] == 1
    refused = run_app("wall", sim.url, "preset", "recall", "5")  # never stored
    assert refused.returncode == 1
    assert "parameter out of range (ERR 003)" in refused.stderr
    state = json.loads(run_app("wall", sim.url, "status").stdout)
    assert state["online"]
    assert state["routes"]["2"] == 1


def test_a_device_error_is_named_with_exit_one(wall_sim):
    sim = wall_sim("extron")
    result = run_app("wall", sim.url, "preset", "recall", "7")
    assert result.returncode == 1
    assert "invalid preset number (E11)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    status = run_app("wall", sim.url, "status")  # the size comes from the device
    assert status.returncode == 0
    assert len(json.loads(status.stdout)["routes"]) == 8


@pytest.mark.parametrize(
    ("error", "meaning"), [("E30:2", "hardware failure (E30:2)"), ("E27", "invalid event number (E27)")]
)
def test_extron_errors_of_the_dxp_manual_are_refusals(wall_sim, error, meaning):
    sim = wall_sim("extron", f"tcp://127.0.0.1:0?refuse={error}")
    result = run_app("wall", sim.url, "route", "1", "3")
    assert result.returncode == 1, result.stderr
    assert meaning in result.stderr, result.stderr
    assert sim.state()["video"][3] == 3  # the tie was not made


def test_a_wrong_password_is_a_refusal_with_exit_one(wall_sim):
    sim = wall_sim("extron", "tcp://127.0.0.1:0?password=s3cret")
    result = run_app("wall", f"{sim.url}?password=guess", "route", "1", "3")
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == ["error: 127.0.0.1: log in: the device refused the password"]
    assert run_app("wall", sim.url, "status").returncode == 1  # no password at all: refused too
    assert sim.state()["video"][3] == 3


def test_silence_is_exit_three(wall_sim):
    sim = wall_sim("lg")
    sim.silence(True)
    result = run_app("wall", sim.url, "power", "on", "--timeout", "1")
    assert result.returncode == 3
    assert "timeout" in result.stderr


def test_an_output_the_device_does_not_have_is_exit_two_with_nothing_sent(wall_sim):
    sim = wall_sim("kramer", "tcp://127.0.0.1:0?outputs=4")
    result = run_app("wall", sim.url, "route", "1", "9")
    assert result.returncode == 2
    assert "output 9 is out of range 1–4" in result.stderr
    assert not any(text.startswith(("#AV", "#VID")) for text in sent(sim))  # only the handshake


@pytest.mark.parametrize(
    "args",
    [("route", "1", "5"), ("route", "x", "1"), ("preset", "explode", "1"), ("power", "on"), ("tile", "2")],
)
def test_bad_arguments_exit_two_and_send_nothing(args):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.3)
        url = f"kramer+tcp://127.0.0.1:{listener.getsockname()[1]}?outputs=4&inputs=4&presets=8"
        result = run_app("wall", url, *args)
        assert result.returncode == 2, result.stderr
        with pytest.raises(socket.timeout):
            listener.accept()


def test_simulate_wall_prints_the_url_to_use():
    with subprocess.Popen(
        [*APP, "simulate", "wall", "--protocol", "kramer", "--listen", "tcp://127.0.0.1:0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        try:
            line = process.stdout.readline()  # type: ignore[union-attr]
            assert line.startswith("kramer simulator listening: kramer+tcp://127.0.0.1:")
            url = line.split(": ", 1)[1].strip()
            assert run_app("wall", url, "route", "2", "1").returncode == 0
        finally:
            process.terminate()
