"""A device URL's password never reaches the screen, the command line, the log or the audit trail
(issue #11): its JSON, its errors, the states and records the console gets, the configuration check."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

import app
from app import check_wall
from devices.secrets import MaskingFilter, hide, mask_url
from devices.visca.url_check import check_camera
from tests.support.sim_urls import client_url

ROOT = Path(__file__).resolve().parents[3]
SECRET = "s3cr3t-Pa55"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = app.main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_status_json_shows_the_url_with_its_password_masked(wall_sim, capsys):
    sim = wall_sim("extron", f"tcp://127.0.0.1:0?password={SECRET}")
    code, out, err = run_cli(capsys, "wall", f"{sim.url}?password={SECRET}", "status")
    assert code == 0, err
    assert json.loads(out)["url"] == f"{sim.url}?password=****"
    assert SECRET not in out + err


@pytest.mark.parametrize(
    "url",
    [
        f"extron+tcp://10.0.0.9?password={SECRET}&bogus=1",
        f"extron+tcp://10.0.0.9:0?password={SECRET}",
        f"extron+tcp://admin:{SECRET}@10.0.0.9?timeout=abc",
        f"kramer+tcp://10.0.0.9?password={SECRET}",
    ],
)
def test_url_errors_do_not_echo_the_password(capsys, url):
    code, out, err = run_cli(capsys, "wall", url, "status")
    assert code == 2, err
    assert err.startswith("error: "), err
    assert "****" in err, err
    assert SECRET not in out + err


def test_a_refused_password_is_not_repeated(wall_sim, capsys):
    sim = wall_sim("extron", "tcp://127.0.0.1:0?password=right-one")
    code, out, err = run_cli(
        capsys, "wall", f"{sim.url}?password={SECRET}", "route", "1", "2", "--timeout", "2"
    )
    assert code == 1
    assert "refused the password" in err
    assert SECRET not in out + err


def test_what_the_console_gets_from_a_device_holds_no_password(wall_sim, wall):
    """States and action records feed the screen and the audit trail."""
    sim = wall_sim("extron", f"tcp://127.0.0.1:0?password={SECRET}")
    matrix = wall(client_url(sim, f"password={SECRET}&timeout=0.5"))
    seen: list = []
    matrix.add_listener(seen.append)
    assert matrix.route(1, 2).result(5).ok
    matrix.recall_preset(9).exception(5)  # refused: an error record
    assert seen
    assert matrix.snapshot().url == f"{sim.url}?password=****&timeout=0.5"
    assert not [item for item in seen if SECRET in repr(item)]


@pytest.mark.parametrize(
    "url",
    [
        f"extron+tcp://10.0.0.9?password={SECRET}&timeout=soon",
        f"extron+serial://COM3?password={SECRET}&baud=fast",
        f"generic+tcp://u:{SECRET}@10.0.0.9:4000?profile=/nonexistent/{SECRET}.yaml",
    ],
)
def test_configuration_problems_do_not_show_the_password(url):
    problems = check_wall(url)
    assert problems, problems
    assert not [problem for problem in problems if SECRET in problem], problems


def test_camera_url_problems_do_not_show_a_user_password():
    problems = check_camera(f"visca+udp://admin:{SECRET}@10.0.0.5?bogus=1", None)
    assert problems
    assert SECRET not in repr(problems)


def test_the_console_log_masks_passwords_in_any_line():
    script = (
        "import logging, app; app.main(['camera', 'visca+udp://127.0.0.1:9?bogus=1', 'status']); "
        f"logging.getLogger('devices.x').warning('opening %s', 'extron+tcp://h:23?password={SECRET}&x=1')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert "opening extron+tcp://h:23?password=****&x=1" in result.stderr, result.stderr
    assert SECRET not in result.stderr


def test_one_masking_for_urls_text_and_json():
    url = f"extron+tcp://admin:{SECRET}@10.0.0.9?password={SECRET}"
    assert mask_url(url) == "extron+tcp://admin:****@10.0.0.9?password=****"
    assert hide({"error": [f"login with {SECRET} refused"], "n": 1}, url) == {
        "error": ["login with **** refused"],
        "n": 1,
    }
    assert (
        hide("password 1 and route 1>2", "lg+tcp://h?password=1") == "password 1 and route 1>2"
    )  # too short to hunt
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "url %s", (f"h?password={SECRET}",), None)
    MaskingFilter().filter(record)
    assert record.getMessage() == "url h?password=****"
