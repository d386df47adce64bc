"""Fixtures: the demo console with SDL's virtual gamepad (tests/support/stick_console.py)."""

from tests.support.stick_console import console, poller, rig, stick  # noqa: F401 - fixtures
