"""Test setup: Qt runs offscreen; nothing touches the real user's files; one device runtime per test."""
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from devices.runtime import DeviceRuntime  # noqa: E402


@pytest.fixture
def runtime():
    with DeviceRuntime("test-devices") as rt:
        yield rt
