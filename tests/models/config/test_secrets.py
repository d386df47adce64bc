"""The configuration's secrets file: OBS passwords by output id, never in a message."""

from __future__ import annotations

import os
import stat

import pytest

from devices.obs.urls import obs_endpoint
from models.config.secrets import SECRETS_FILE, load_secrets

PASSWORD = "kata-sandi-rahasia"


def written(tmp_path, text: str):
    (tmp_path / SECRETS_FILE).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_passwords_are_read_by_output_id_and_reach_the_endpoint(tmp_path):
    secrets, problems = load_secrets(
        written(tmp_path, f"broadcast:\n  obs-rapat: {PASSWORD}\n  obs-podcast: 1234\n")
    )
    assert problems == []
    assert secrets == {"obs-rapat": PASSWORD, "obs-podcast": "1234"}
    endpoint = obs_endpoint("obs://127.0.0.1:4455", secrets["obs-rapat"], environ={})
    assert endpoint.password == PASSWORD
    assert PASSWORD not in repr(endpoint)


def test_a_password_variable_in_the_url_wins_over_the_file(tmp_path):
    endpoint = obs_endpoint("obs://127.0.0.1?password_env=OBS_PW", PASSWORD, environ={"OBS_PW": "from-env"})
    assert endpoint.password == "from-env"


def test_no_file_means_no_secrets_and_no_problem(tmp_path):
    assert load_secrets(tmp_path) == ({}, [])


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (f"broadcast:\n  obs-rapat: [{PASSWORD}\n", "is not valid YAML"),
        (f"walls:\n  kramer: {PASSWORD}\n", "holds only a 'broadcast:' list"),
        (f"broadcast: {PASSWORD}\n", "must map output ids to passwords"),
        ("broadcast:\n  obs-rapat: yes\n", "the password of 'obs-rapat' is not text"),
    ],
)
def test_a_broken_file_is_named_with_what_is_wrong_and_never_shows_a_password(tmp_path, text, said):
    secrets, problems = load_secrets(written(tmp_path, text))
    assert secrets == {}
    assert len(problems) == 1
    assert str(tmp_path / SECRETS_FILE) in problems[0]
    assert said in problems[0]
    assert PASSWORD not in problems[0]


@pytest.mark.posix
def test_the_file_is_made_private_to_the_user(tmp_path):
    folder = written(tmp_path, f"broadcast:\n  obs-rapat: {PASSWORD}\n")
    os.chmod(folder / SECRETS_FILE, 0o644)
    load_secrets(folder)
    assert stat.S_IMODE((folder / SECRETS_FILE).stat().st_mode) == 0o600
