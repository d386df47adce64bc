"""The OBS the tests talk to: the simulator, and the real OBS Studio (started once per module)."""

from __future__ import annotations

import pytest

from tests.support.obs_studio import RealObs, require_obs
from tests.support.obs_target import SimulatedObs


@pytest.fixture(scope="module", params=["simulator", "obs-studio"])
def target(request, tmp_path_factory):
    """Both, one after the other: every test that takes it runs against each."""
    folder = tmp_path_factory.mktemp(request.param)
    if request.param == "obs-studio":
        require_obs()
        made = RealObs(folder)
    else:
        made = SimulatedObs(folder)
    with made:
        yield made


@pytest.fixture
def password(target, monkeypatch):
    """The target's password in the environment variable its URL names (the command line reads it)."""
    for name, value in target.environ.items():
        monkeypatch.setenv(name, value)
    return target.password
