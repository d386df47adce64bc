"""Test setup: Qt runs offscreen; nothing touches the real user's files; one device runtime per test."""

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from devices.runtime import DeviceRuntime  # noqa: E402

# The real RTSP camera of the preview tests (tests/devices/video, tests/ui/preview): its clips, made once.
from tests.support.rtsp import rtsp_camera, rtsp_clips  # noqa: E402, F401 - fixtures


def pytest_runtest_setup(item):
    """``@pytest.mark.posix`` (setup.cfg): the test needs a POSIX pseudo-terminal; elsewhere it is skipped."""
    if os.name != "posix" and item.get_closest_marker("posix"):
        pytest.skip("needs a POSIX pseudo-terminal")


@pytest.fixture(autouse=True)
def install_key_file(tmp_path_factory, monkeypatch):
    """Handover signatures use an install key of the test's own, never the user's."""
    path = tmp_path_factory.mktemp("key") / "install.key"
    monkeypatch.setenv("SMARTCENTRE_KEY_FILE", str(path))
    return path


@pytest.fixture
def runtime():
    """The device thread for the controllers under test."""
    with DeviceRuntime("test-devices") as rt:
        yield rt


@pytest.fixture
def sim_runtime():
    """A separate device thread for simulators, as a real device is another machine."""
    with DeviceRuntime("test-simulators") as rt:
        yield rt
