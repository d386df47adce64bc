"""An OBS output started by the console's factory logs in with the secrets file's password."""

from __future__ import annotations

from devices.controller_factory import ControllerFactory
from devices.obs.sim.server import start_obs_simulator
from devices.obs.state import Connection
from tests.support.waiting import wait_until

PASSWORD = "from-the-secrets-file"


def test_the_factory_hands_the_secrets_files_password_to_the_output(runtime, sim_runtime, tmp_path):
    sim = sim_runtime.submit(start_obs_simulator("ws://127.0.0.1:0", PASSWORD)).result(5)
    try:
        factory = ControllerFactory(runtime, tmp_path)
        refused = factory.obs("OBS without", sim.url)
        allowed = factory.obs("OBS Rapat", sim.url, PASSWORD)
        assert refused is not None
        assert allowed is not None
        assert allowed.ready().result(5).connection is Connection.ONLINE
        wait_until(lambda: refused.snapshot().connection is Connection.REFUSED, what="the refusal")
        refused.close().result(5)
        allowed.close().result(5)
    finally:
        sim_runtime.submit(sim.close()).result(5)
