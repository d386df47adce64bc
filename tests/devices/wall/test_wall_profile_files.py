"""`generic+…?profile=FILE` reads a regular file of bounded size, within a time limit, and its errors
never show what is in a file that is not a device profile (issue #11)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from devices.wall import generic_profile_loader
from devices.wall.generic_profile import ProfileError
from devices.wall.generic_profile_loader import MAX_BYTES, load_profile

ROOT = Path(__file__).resolve().parents[3]
SHADOW = "root:$6$Zq8.salt$Hash0fTheRootPassw0rd:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n"


def wall_status(profile: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "app.py",
            "wall",
            f"generic+tcp://127.0.0.1:4001?profile={profile}",
            "status",
            "--timeout",
            "0.5",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=20,
    )


@pytest.mark.parametrize("text", [SHADOW, "password: hunter2\nhost: db.internal\n", "secret:\n  - [x: y\n"])
def test_a_file_that_is_not_a_profile_is_refused_without_quoting_it(tmp_path, text):
    path = tmp_path / "shadow"
    path.write_text(text, encoding="utf-8")
    result = wall_status(str(path))
    assert result.returncode == 2, result.stderr
    assert str(path) in result.stderr, result.stderr
    for secret in ("Hash0f", "19000", "hunter2", "db.internal", "x: y", "[x"):
        assert secret not in result.stderr, result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing; Windows pipes are not paths")
def test_a_fifo_is_refused_at_once_not_waited_for(tmp_path):
    fifo = tmp_path / "profile.yaml"
    os.mkfifo(fifo)
    result = wall_status(str(fifo))
    assert result.returncode == 2, result.stderr
    assert "not a regular file" in result.stderr, result.stderr


@pytest.mark.parametrize("special", [os.devnull, "."])
def test_a_device_or_a_directory_is_not_a_profile(special):
    with pytest.raises(ProfileError, match="not a regular file|cannot read"):
        load_profile(special)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="an endless device file")
def test_an_endless_device_is_refused_without_reading_it():
    with pytest.raises(ProfileError, match="not a regular file"):
        load_profile("/dev/zero")


def test_a_file_larger_than_the_cap_is_refused(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("commands: {power_on: x}\n" + "#" * MAX_BYTES, encoding="utf-8")
    with pytest.raises(ProfileError, match="larger than 256 KiB"):
        load_profile(str(path))


def test_a_file_that_is_not_text_is_named_by_its_byte(tmp_path):
    path = tmp_path / "binary.yaml"
    path.write_bytes(b"commands: {power_on: x}\n\xff\xfe secret")
    with pytest.raises(ProfileError, match=r"not UTF-8 text \(byte 24\)") as caught:
        load_profile(str(path))
    assert "secret" not in str(caught.value)


def test_a_syntax_error_names_the_line_not_its_text(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("name: x\n  token: s3cr3t-t0ken\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="line 2 column 8") as caught:
        load_profile(str(path))
    assert "s3cr3t" not in str(caught.value)


def test_a_read_that_stalls_gives_up_after_the_read_timeout(tmp_path, monkeypatch):
    release = threading.Event()
    monkeypatch.setattr(generic_profile_loader, "_read", lambda path: release.wait(10) and "")
    monkeypatch.setattr(generic_profile_loader, "READ_TIMEOUT", 0.2)
    try:
        with pytest.raises(ProfileError, match="within 0.2 s"):
            load_profile(str(tmp_path / "on-a-stalled-share.yaml"))
    finally:
        release.set()


def test_a_line_speed_in_a_profile_must_be_a_standard_one(tmp_path):
    path = tmp_path / "odd.yaml"
    path.write_text("baud: 9601\ncommands: {power_on: x}\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="baud: must be a line speed"):
        load_profile(str(path))
