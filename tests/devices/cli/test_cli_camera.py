"""`python app.py camera …` end to end: a real process against a simulated camera."""

from __future__ import annotations

import json
import socket

import pytest

from tests.support.commands import run_app


@pytest.fixture(params=["visca+udp://127.0.0.1:0", "visca+udpraw://127.0.0.1:0", "visca+tcp://127.0.0.1:0"])
def sim(request, simulator):
    return simulator(request.param)


def test_actions_complete_with_exit_zero(sim):
    assert run_app("camera", sim.url, "preset", "save", "3").returncode == 0
    assert run_app("camera", sim.url, "move", "upleft", "--speed", "12", "--for", "0.3").returncode == 0
    moved = sim.state()
    assert moved["pan"] < 0
    assert moved["tilt"] > 0
    assert not moved["moving"]
    assert run_app("camera", sim.url, "zoom", "in", "--speed", "7", "--for", "0.3").returncode == 0
    assert sim.state()["zoom"] > 0
    assert not sim.state()["moving"]
    assert run_app("camera", sim.url, "zoom", "to", "0x1000").returncode == 0
    assert sim.state()["zoom"] == 0x1000
    assert run_app("camera", sim.url, "preset", "recall", "3").returncode == 0
    assert (sim.state()["pan"], sim.state()["tilt"], sim.state()["last_preset"]) == (0, 0, 3)
    assert run_app("camera", sim.url, "goto", "0x200", "-100", "--speed", "20").returncode == 0
    assert (sim.state()["pan"], sim.state()["tilt"]) == (0x200, -100)
    assert run_app("camera", sim.url, "focus", "manual").returncode == 0
    assert sim.state()["focus_mode"] == "manual"
    assert run_app("camera", sim.url, "home").returncode == 0
    assert run_app("camera", sim.url, "stop").returncode == 0
    assert run_app("camera", sim.url, "power", "off").returncode == 0
    assert sim.state()["power"] is False


def test_status_prints_one_json_object(sim):
    run_app("camera", sim.url, "preset", "recall", "2")
    result = run_app("camera", sim.url, "status")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    for key in ("online", "power", "pan", "tilt", "zoom", "focus_mode", "model"):
        assert key in status
    assert status["online"] is True
    assert status["power"] is True
    assert status["last_preset"] == 2


def test_status_of_a_camera_that_refuses_inquiries_prints_what_it_answered(simulator):
    sim = simulator("visca+tcp://127.0.0.1:0?refuse=last-preset,focus-mode,position")
    result = run_app("camera", sim.url, "status")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert (status["last_preset"], status["focus_mode"], status["pan"], status["tilt"]) == (
        None,
        None,
        None,
        None,
    )
    assert sorted(status["unsupported"]) == ["focus mode", "last preset", "position"]
    assert status["power"] is True
    assert status["zoom"] == 0
    assert status["online"] is True


def test_status_names_the_profile_learned_from_the_camera(simulator):
    sim = simulator("visca+udp://127.0.0.1:0?model=sony-brc-x400")
    status = json.loads(run_app("camera", sim.url, "status").stdout)
    assert (status["profile"], status["profile_source"]) == ("sony-brc-x400", "discovered")
    assert (status["model"], status["vendor_id"], status["model_id"], status["rom_revision"]) == (
        "Sony BRC-X400",
        0x0001,
        0x051C,
        0x0100,
    )
    assert status["unsupported"] == []
    configured = json.loads(run_app("camera", sim.url + "?model=generic", "status").stdout)
    assert (configured["profile"], configured["profile_source"]) == ("generic", "configured")


def test_an_argument_out_of_range_for_the_learned_model_exits_two_unsent(simulator):
    sim = simulator("visca+udpraw://127.0.0.1:0?model=sony-srg300h")
    result = run_app("camera", sim.url, "preset", "save", "40")  # generic has it; an SRG-300H has 16
    assert result.returncode == 2, result.stderr
    assert "SRG-300H" in result.stderr, result.stderr
    assert sim.state()["presets"] == {}


def test_status_of_a_silent_camera_exits_three(simulator):
    sim = simulator("visca+udpraw://127.0.0.1:0")
    sim.silence(True)
    result = run_app("camera", sim.url, "status", "--timeout", "1")
    assert result.returncode == 3
    assert result.stdout == ""


def test_camera_error_is_named_with_its_own_exit_code(simulator):
    sim = simulator("visca+tcp://127.0.0.1:0")
    run_app("camera", sim.url, "power", "off")
    result = run_app("camera", sim.url, "preset", "recall", "1")
    assert result.returncode == 1
    assert "not executable" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_silence_gives_a_timeout_exit_code(simulator):
    sim = simulator("visca+udp://127.0.0.1:0")
    sim.silence(True)
    result = run_app("camera", sim.url, "preset", "recall", "1", "--timeout", "1")
    assert result.returncode == 3
    assert "timeout" in result.stderr or "did not answer" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("preset", "recall", "300"),
        ("move", "left", "--speed", "99"),
        ("zoom", "to", "0x9000"),
        ("zoom", "in", "--speed", "8"),
        ("preset", "explode", "1"),
        ("goto", "1"),
        ("power", "maybe"),
    ],
)
def test_bad_arguments_exit_two_and_send_nothing(args):
    listener = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    listener.bind(("127.0.0.1", 0))
    listener.settimeout(0.3)
    url = f"visca+udpraw://127.0.0.1:{listener.getsockname()[1]}"
    try:
        result = run_app("camera", url, *args)
        assert result.returncode == 2, result.stderr
        with pytest.raises(socket.timeout):
            listener.recv(100)
    finally:
        listener.close()


def test_malformed_url_is_a_usage_error():
    result = run_app("camera", "visca+carrier-pigeon://x", "status")
    assert result.returncode == 2
    assert "unknown camera URL kind" in result.stderr
