"""Bad requests get a 4xx and one line saying why, and nothing reaches the camera: bad JSON, unknown
fields and ids, numbers out of range, a camera another running event owns (409)."""

from __future__ import annotations

import pytest


def commands(sim) -> list[bytes]:
    return [data for kind, data in sim.received() if kind == "COMMAND"]


@pytest.mark.parametrize(
    ("path", "body", "status", "error"),
    [
        ("/api/cameras/cam1/move", "{pan: 8", 400, "the body is not valid JSON"),
        ("/api/cameras/cam1/move", "[8]", 400, "the body must be one JSON object"),
        ("/api/cameras/cam1/move", '{"pan": 8, "duration": 5}', 400, "unknown field 'duration'"),
        ("/api/cameras/cam1/move", '{"pan": "8", "for": 5}', 400, "'pan' must be a whole number"),
        ("/api/cameras/cam1/move", '{"pan": 8, "for": 60000}', 422, "'for' must be 1–10000, not 60000"),
        ("/api/cameras/cam9/move", '{"pan": 8, "for": 50}', 404, "no camera 'cam9'"),
        ("/api/cameras/cam9/presets/1/recall", "", 404, "no camera 'cam9'"),
        ("/api/cameras/cam1/presets/x/recall", "", 400, "number must be a whole number, not 'x'"),
        ("/api/cameras/cam1/presets/300/recall", "", 422, "number must be 0–255, not 300"),
        ("/api/cameras/cam1/presets/255/recall", "", 422, "preset 255 is out of range"),
        ("/api/cameras/cam1/jump", "", 404, "no endpoint POST /api/cameras/cam1/jump"),
        ("/api/shots/F13/fire", "", 404, "no shot key 'F13' (F1–F12)"),
    ],
)
def test_a_bad_request_is_refused_in_one_line_and_nothing_is_sent(
    serve, http, sim, path, body, status, error
):
    _api, base = serve()
    sent_before = commands(sim)
    answer = http.post(base + path, data=body, headers={"Content-Type": "application/json"})
    assert answer.status_code == status
    assert answer.json()["error"].startswith(error)
    assert "\n" not in answer.text.strip()
    assert commands(sim) == sent_before == []


def test_a_camera_of_another_running_event_is_refused_with_409_and_the_reason(serve, http, sim, console):
    _api, base = serve()
    console.blocked["cam1"] = "Rapat Koordinasi"
    answer = http.post(base + "/api/cameras/cam1/presets/2/recall")
    assert answer.status_code == 409
    assert answer.json() == {"error": "cam1 belongs to Rapat Koordinasi — take it over at the desk first"}
    moved = http.post(base + "/api/cameras/cam1/move", json={"pan": 4, "for": 100})
    assert moved.status_code == 409
    assert commands(sim) == []
    assert console.audited == []


def test_every_action_is_audited_with_the_client(serve, http, sim, console, tokens):
    _api, base = serve()
    _token, secret = tokens.create("Companion")
    auth = {"Authorization": f"Bearer {secret}"}
    http.post(base + "/api/cameras/cam1/presets/3/save", headers=auth)
    http.post(base + "/api/cameras/cam1/move", json={"zoom": 2, "for": 50}, headers=auth)
    http.post(base + "/api/cameras/cam1/stop", headers=auth)
    http.post(base + "/api/stop-all", headers=auth)
    assert console.audited == [
        ("Companion", "preset save 3 via API (Companion)"),
        ("Companion", "move zoom in 2 via API (Companion)"),
        ("Companion", "stop via API (Companion)"),
        ("Companion", "ALL STOP via API (Companion)"),
    ]
