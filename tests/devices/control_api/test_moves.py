"""Moves through the Control API end by themselves, and the stop is sent from the device loop: after their
``for`` duration, and for a WebSocket hold when the socket closes or its heartbeats stop (the dead-man,
within 500 ms). The bytes the simulated camera received, exactly."""

from __future__ import annotations

import asyncio
import time

import aiohttp

from tests.support.waiting import wait_until, wait_until_async

PAN_TILT = b"\x81\x01\x06\x01"
RIGHT_8 = PAN_TILT + b"\x08\x01\x02\x03\xff"  # pan speed 8 right, tilt still
STOP = PAN_TILT + b"\x01\x01\x03\x03\xff"
DEADMAN_BOUND = 0.5


def drives(sim) -> list[bytes]:
    return [data for kind, data in sim.received() if kind == "COMMAND" and data.startswith(PAN_TILT)]


def test_a_move_for_a_duration_pans_then_stops_by_itself(serve, http, sim):
    _api, base = serve()
    answer = http.post(base + "/api/cameras/cam1/move", json={"pan": 8, "for": 300})
    assert answer.json() == {"ok": True, "camera": "cam1", "move": "move right 8", "for": 300}
    wait_until(lambda: RIGHT_8 in drives(sim), what="the camera told to pan right")
    started = time.monotonic()
    wait_until(lambda: drives(sim)[-1] == STOP, what="the camera told to stop")
    assert time.monotonic() - started > 0.2  # not before its time
    assert drives(sim) == [RIGHT_8, STOP]


def test_a_move_without_a_duration_is_refused_and_nothing_is_sent(serve, http, sim):
    _api, base = serve()
    answer = http.post(base + "/api/cameras/cam1/move", json={"pan": 8})
    assert answer.status_code == 400
    assert "'for' is missing" in answer.json()["error"]
    assert drives(sim) == []


async def _hold(base: str, sim, end) -> float:
    """Hold cam1 panning right over the WebSocket, then ``end(socket)``; the seconds until the stop came."""
    async with aiohttp.ClientSession() as session, session.ws_connect(base + "/api/ws") as socket:
        assert (await socket.receive_json())["type"] == "state"
        await socket.send_json({"type": "hold", "camera": "cam1", "pan": 8})
        assert (await socket.receive_json())["type"] == "holding"
        await wait_until_async(lambda: RIGHT_8 in drives(sim), what="the camera told to pan right")
        for _ in range(6):  # heartbeats keep it going past the dead-man period
            await socket.send_json({"type": "heartbeat"})
            await asyncio.sleep(0.1)
        assert drives(sim) == [RIGHT_8]
        ended = time.monotonic()
        await end(socket)
        await wait_until_async(lambda: drives(sim)[-1] == STOP, timeout=DEADMAN_BOUND, what="the stop")
        return time.monotonic() - ended


def test_a_hold_stops_at_once_when_its_websocket_closes(serve, sim):
    _api, base = serve()

    async def close(socket) -> None:
        await socket.close()

    assert asyncio.run(_hold(base, sim, close)) < DEADMAN_BOUND
    assert drives(sim) == [RIGHT_8, STOP]


def test_a_hold_stops_when_its_heartbeats_stop_though_the_socket_stays_open(serve, sim):
    _api, base = serve()

    async def fall_silent(_socket) -> None:
        pass

    assert asyncio.run(_hold(base, sim, fall_silent)) < DEADMAN_BOUND
    assert drives(sim) == [RIGHT_8, STOP]


def test_a_speed_the_camera_cannot_take_is_refused_before_anything_is_sent(serve, http, sim):
    _api, base = serve()
    answer = http.post(base + "/api/cameras/cam1/move", json={"pan": 30, "for": 100})
    assert answer.status_code == 422
    assert answer.json()["error"] == "'pan' must be -24–24, not 30"
    answer = http.post(base + "/api/cameras/cam1/move", json={"tilt": 24, "zoom": 3, "for": 100})
    assert answer.status_code == 422
    assert "cam1: " in answer.json()["error"]
    assert drives(sim) == []
    assert [d for k, d in sim.received() if k == "COMMAND"] == []  # neither axis
