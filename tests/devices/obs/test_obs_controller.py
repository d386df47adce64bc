"""The OBS controller against the simulator: what the console relies on besides the command line —
silence, refusals, a dropped stream, studio mode, tally sources, and the password kept out of sight."""

from __future__ import annotations

import pytest

from devices.obs.controller import ObsController
from devices.obs.sim.server import start_obs_simulator
from devices.obs.state import Connection, ObsError, OnAir
from devices.obs.urls import ObsUrlError, obs_endpoint
from devices.records import ActionRecord, DeviceNotice
from tests.support.waiting import wait_until

PASSWORD = "controller-test-password"
SCENES = {"Podium": ("Camera 1", "Title"), "Audience": ("Camera 2",), "Wide": ("Podium", "Camera 3")}


@pytest.fixture
def sim(sim_runtime):
    start = start_obs_simulator("ws://127.0.0.1:0", PASSWORD, scenes=SCENES)
    simulator = sim_runtime.submit(start).result(5)
    yield simulator
    sim_runtime.submit(simulator.close()).result(5)


@pytest.fixture
def obs(runtime, sim):
    controller = ObsController(runtime, sim.url + "?password_env=OBS_PW", environ={"OBS_PW": PASSWORD})
    heard: list = []
    controller.add_listener(heard.append)
    controller.heard = heard
    controller.start().ready().result(5)
    return controller


def test_tally_sources_follow_the_program_scene_with_nested_scenes(obs):
    assert obs.snapshot().program_sources == ("Camera 1", "Title")
    obs.cut("Wide").result(5)
    assert obs.snapshot().program_sources == ("Podium", "Camera 1", "Title", "Camera 3")


def test_in_studio_mode_a_cut_goes_to_preview(obs, sim, sim_runtime):
    sim_runtime.call(sim.studio.handle, "SetStudioModeEnabled", {"studioModeEnabled": True})
    wait_until(lambda: obs.snapshot().studio_mode)
    obs.cut("Audience").result(5)
    state = obs.snapshot()
    assert state.preview_scene == "Audience"
    assert state.program_scene == "Podium"
    assert state.preview_sources == ("Camera 2",)


def test_a_refused_request_is_named_and_recorded(obs, sim):
    sim.studio.refuse["StartRecord"] = 702
    with pytest.raises(ObsError) as refused:
        obs.start_record().result(5)
    assert refused.value.result == "refused"
    assert "StartRecord" in str(refused.value)
    assert "702" in str(refused.value)
    records = [item for item in obs.heard if isinstance(item, ActionRecord)]
    assert records[-1].action == "record start"
    assert "StartRecord" in records[-1].result


def test_a_stream_that_cannot_reach_its_server_fails_to_start(runtime, sim_runtime):
    start = start_obs_simulator("ws://127.0.0.1:0", stream_to=("127.0.0.1", 9))  # nothing listens there
    sim = sim_runtime.submit(start).result(5)
    controller = ObsController(runtime, sim.url).start()
    controller.ready().result(5)
    with pytest.raises(ObsError, match="could not start the stream"):
        controller.start_stream().result(10)
    assert controller.snapshot().on_air is OnAir.READY
    sim_runtime.submit(sim.close()).result(5)


def test_a_dropped_stream_is_reconnecting_then_back(obs, sim, sim_runtime):
    obs.start_stream().result(10)
    sim_runtime.call(sim.drop_stream, 0.5)
    wait_until(lambda: obs.snapshot().on_air is OnAir.RECONNECTING)
    wait_until(lambda: obs.snapshot().on_air is OnAir.LIVE)
    notices = [item.level for item in obs.heard if isinstance(item, DeviceNotice)]
    assert notices == ["warning", "info"]
    assert obs.snapshot().stream_started is not None


def test_a_silent_obs_is_offline_within_two_seconds_and_back_when_it_answers(obs, sim):
    sim.silent = True
    assert wait_until(lambda: not obs.snapshot().online) < 2.0
    assert obs.snapshot().connection is Connection.OFFLINE
    assert obs.snapshot().error == "OBS stopped answering"
    sim.silent = False
    assert obs.ready().result(10).online


def test_commands_while_offline_fail_at_once(obs, sim, sim_runtime):
    sim_runtime.submit(sim.kill()).result(5)
    wait_until(lambda: not obs.snapshot().online)
    with pytest.raises(ObsError) as offline:
        obs.cut("Audience").result(1)
    assert offline.value.result == "offline"


def test_the_password_is_never_in_the_endpoint_or_the_state(obs):
    endpoint = obs_endpoint("obs://10.0.0.5?password_env=OBS_PW", environ={"OBS_PW": PASSWORD})
    assert endpoint.password == PASSWORD
    assert PASSWORD not in repr(endpoint)
    assert PASSWORD not in repr(obs.snapshot())
    assert PASSWORD not in str(obs.snapshot().to_json())


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("obs://10.0.0.5?password=secret1", "never written in the URL"),
        ("obs://10.0.0.5?password_env=1X", "not an environment variable"),
        ("obs://10.0.0.5?password_env=SMARTCENTRE_UNSET_VARIABLE", "is not set"),
        ("obs://10.0.0.5?colour=red", "unknown option"),
        ("ws://10.0.0.5", "unknown OBS URL kind"),
    ],
)
def test_a_bad_url_is_refused_in_plain_words(url, problem):
    with pytest.raises(ObsUrlError, match=problem) as refused:
        obs_endpoint(url, environ={})
    assert "secret1" not in str(refused.value)
