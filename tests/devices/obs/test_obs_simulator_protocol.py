"""The simulator speaks obs-websocket 5's server side as the protocol document says
(docs/protocols/obs-websocket.md): checked with a plain websocket client, message by message."""

from __future__ import annotations

import json

import msgpack
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from devices.obs.sim.messages import Close, Intent, Op, Status, auth_string
from devices.obs.sim.server import start_obs_simulator

PASSWORD = "sim-protocol-password"


@pytest.fixture
def sim(sim_runtime):
    simulator = sim_runtime.submit(start_obs_simulator("ws://127.0.0.1:0", PASSWORD)).result(5)
    yield simulator
    sim_runtime.submit(simulator.close()).result(5)


def receive(ws) -> dict:
    return json.loads(ws.recv(timeout=3))


def send(ws, op: int, data: dict) -> None:
    ws.send(json.dumps({"op": op, "d": data}))


def identify(ws, subscriptions: int | None = None) -> dict:
    hello = receive(ws)
    auth = hello["d"]["authentication"]
    data = {"rpcVersion": 1, "authentication": auth_string(PASSWORD, auth["salt"], auth["challenge"])}
    if subscriptions is not None:
        data["eventSubscriptions"] = subscriptions
    send(ws, Op.IDENTIFY, data)
    return receive(ws)


def request(ws, kind: str, data: dict | None = None, events: list | None = None) -> dict:
    """The response; events that come first go to ``events``."""
    message = {"requestType": kind, "requestId": "r1", **({"requestData": data} if data else {})}
    send(ws, Op.REQUEST, message)
    while (answer := receive(ws))["op"] != Op.REQUEST_RESPONSE:
        if events is not None:
            events.append(answer)
    return answer["d"]


def test_hello_carries_a_fresh_challenge_and_salt(sim):
    seen = set()
    for _ in range(2):
        with connect(f"ws://127.0.0.1:{sim.port}") as ws:
            hello = receive(ws)
            assert hello["op"] == Op.HELLO
            assert hello["d"]["rpcVersion"] == 1
            assert hello["d"]["obsWebSocketVersion"] == "5.1.0"
            seen.add(hello["d"]["authentication"]["challenge"])
    assert len(seen) == 2


def test_the_right_authentication_string_is_identified(sim):
    with connect(f"ws://127.0.0.1:{sim.port}") as ws:
        assert identify(ws) == {"op": Op.IDENTIFIED, "d": {"negotiatedRpcVersion": 1}}


def test_a_wrong_password_closes_with_authentication_failed(sim):
    with connect(f"ws://127.0.0.1:{sim.port}") as ws:
        auth = receive(ws)["d"]["authentication"]
        send(
            ws,
            Op.IDENTIFY,
            {"rpcVersion": 1, "authentication": auth_string("wrong", auth["salt"], auth["challenge"])},
        )
        with pytest.raises(ConnectionClosed):
            ws.recv(timeout=3)
        assert ws.close_code == Close.AUTHENTICATION_FAILED


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ({"op": Op.REQUEST, "d": {"requestType": "GetVersion", "requestId": "x"}}, Close.NOT_IDENTIFIED),
        ({"op": Op.IDENTIFY, "d": {"rpcVersion": 2}}, Close.UNSUPPORTED_RPC_VERSION),
        ({"op": Op.IDENTIFY, "d": {}}, Close.MISSING_DATA_FIELD),
    ],
)
def test_a_bad_first_message_closes_with_its_code(sim, message, code):
    with connect(f"ws://127.0.0.1:{sim.port}") as ws:
        receive(ws)
        ws.send(json.dumps(message))
        with pytest.raises(ConnectionClosed):
            ws.recv(timeout=3)
        assert ws.close_code == code


def test_requests_are_answered_with_status_codes(sim):
    with connect(f"ws://127.0.0.1:{sim.port}") as ws:
        identify(ws)
        scenes = request(ws, "GetSceneList")
        assert scenes["requestStatus"] == {"result": True, "code": Status.SUCCESS}
        assert scenes["requestId"] == "r1"
        assert [s["sceneName"] for s in scenes["responseData"]["scenes"]] == ["Screens", "Audience", "Podium"]
        missing = request(ws, "SetCurrentProgramScene", {"sceneName": "Backstage"})
        assert missing["requestStatus"]["code"] == Status.RESOURCE_NOT_FOUND
        assert "Backstage" in missing["requestStatus"]["comment"]
        assert request(ws, "StopStream")["requestStatus"]["code"] == Status.OUTPUT_NOT_RUNNING
        assert request(ws, "SetCurrentPreviewScene", {"sceneName": "Podium"})["requestStatus"]["code"] == (
            Status.STUDIO_MODE_NOT_ACTIVE
        )
        assert request(ws, "NoSuchRequest")["requestStatus"]["code"] == Status.UNKNOWN_REQUEST_TYPE


def test_an_injected_refusal_answers_with_its_code(sim):
    sim.studio.refuse["StartStream"] = 702
    with connect(f"ws://127.0.0.1:{sim.port}") as ws:
        identify(ws)
        assert request(ws, "StartStream")["requestStatus"]["code"] == 702


def test_events_reach_only_the_sessions_subscribed_to_them(sim):
    with connect(f"ws://127.0.0.1:{sim.port}") as scenes, connect(f"ws://127.0.0.1:{sim.port}") as outputs:
        identify(scenes, Intent.SCENES)
        identify(outputs, Intent.OUTPUTS)
        seen: list[dict] = []
        request(scenes, "SetCurrentProgramScene", {"sceneName": "Audience"}, seen)
        request(scenes, "StartRecord", events=seen)
        event = receive(outputs)
        assert event["op"] == Op.EVENT
        assert event["d"]["eventType"] == "RecordStateChanged"
        assert event["d"]["eventIntent"] == Intent.OUTPUTS
        assert event["d"]["eventData"] == {
            "outputActive": False,
            "outputState": "OBS_WEBSOCKET_OUTPUT_STARTING",
            "outputPath": None,
        }
        assert [event["d"] for event in seen] == [
            {
                "eventType": "CurrentProgramSceneChanged",
                "eventIntent": Intent.SCENES,
                "eventData": {"sceneName": "Audience"},
            }
        ]
        with pytest.raises(TimeoutError):
            scenes.recv(timeout=0.5)  # the record's events are not for it


def test_messagepack_is_spoken_when_the_client_asks_for_it(sim):
    with connect(f"ws://127.0.0.1:{sim.port}", subprotocols=["obswebsocket.msgpack"]) as ws:
        hello = msgpack.unpackb(ws.recv(timeout=3))
        assert hello["op"] == Op.HELLO
        assert ws.subprotocol == "obswebsocket.msgpack"
