"""Who gets in: a bearer token on a non-loopback bind (none, wrong, revoked → 401), this computer without
one when the desk leaves a loopback bind open, and the rate limit (429)."""

from __future__ import annotations

import pytest
import requests

from devices.control_api.server import ControlApi, Listen, parse_listen
from tests.support.ports import free_port

RECALL = "/api/cameras/cam1/presets/2/recall"


def test_a_non_loopback_bind_refuses_no_token_a_wrong_one_and_a_revoked_one(
    runtime, console, tokens, http, sim
):
    api = ControlApi(runtime, console, tokens, Listen("0.0.0.0", free_port()))
    _host, port = api.start().result(5)
    base = f"http://127.0.0.1:{port}"  # reached over loopback, still a token: the bind is not
    try:
        token, secret = tokens.create("Companion")
        assert http.post(base + RECALL).status_code == 401
        wrong = http.post(base + RECALL, headers={"Authorization": "Bearer " + secret[:-1] + "x"})
        assert (wrong.status_code, wrong.json()) == (
            401,
            {"error": "the token is not valid (wrong or revoked)"},
        )
        good = http.post(base + RECALL, headers={"Authorization": f"Bearer {secret}"})
        assert good.status_code == 200
        assert console.audited == [("Companion", "preset recall 2 via API (Companion)")]
        tokens.revoke(token.id)
        assert http.post(base + RECALL, headers={"Authorization": f"Bearer {secret}"}).status_code == 401
        assert len(console.audited) == 1
    finally:
        api.stop().result(5)


def test_the_file_keeps_digests_only_and_a_reloaded_store_knows_the_tokens(tokens):
    token, secret = tokens.create("  Stream  Deck ")
    text = tokens.path.read_text(encoding="utf-8")
    assert secret not in text
    assert token.digest in text
    again = type(tokens)(tokens.path).load()
    assert again.verify(secret) == token
    assert token.name == "Stream Deck"
    assert again.verify(secret + "x") is None


def test_a_loopback_bind_left_open_lets_this_computer_in_without_a_token(serve, http, console):
    _api, base = serve(open_locally=True)
    assert http.post(base + RECALL).status_code == 200
    assert console.audited == [("local", "preset recall 2 via API (local)")]


def test_a_loopback_bind_closed_by_the_desk_wants_a_token_but_a_wrong_header_is_said(serve, http):
    _api, base = serve(open_locally=False)
    answer = http.post(base + RECALL, headers={"Authorization": "Basic abc"})
    assert (answer.status_code, answer.json()["error"]) == (
        401,
        "the Authorization header must be 'Bearer TOKEN'",
    )


def test_more_than_the_rate_in_a_second_is_refused_with_429(serve, http, sim):
    _api, base = serve(rate=5)
    codes = [http.get(base + "/api/cameras").status_code for _ in range(8)]
    assert codes[:5] == [200] * 5
    assert 429 in codes[5:]


def test_the_api_option_takes_a_port_or_a_host_and_a_port():
    assert parse_listen("8765") == ("127.0.0.1", 8765)
    assert parse_listen("0.0.0.0:9000") == ("0.0.0.0", 9000)
    assert parse_listen("[::1]:9000") == ("::1", 9000)
    for bad in ("", "host:", "70000", "x:y"):
        with pytest.raises(ValueError, match=r"\[HOST:\]PORT"):
            parse_listen(bad)
    assert Listen("0.0.0.0").needs_token
    assert not Listen("127.0.0.1").needs_token


def test_a_session_of_another_surface_can_be_added_and_static_files_mounted(
    runtime, console, tokens, tmp_path
):
    from devices.control_api.actions import Client

    async def session(request):
        return Client("tablet", "session:1") if request.cookies.get("session") == "ok" else None

    (tmp_path / "index.html").write_text("<p>remote</p>", encoding="utf-8")
    api = ControlApi(runtime, console, tokens, Listen("127.0.0.1", free_port(), open_locally=False))
    api.add_authenticator(session)
    api.mount_static("/remote", tmp_path)
    host, port = api.start().result(5)
    try:
        base = f"http://{host}:{port}"
        assert requests.get(base + "/remote/index.html", timeout=5).text == "<p>remote</p>"
        assert requests.post(base + RECALL, timeout=5).status_code == 401
        assert requests.post(base + RECALL, cookies={"session": "ok"}, timeout=5).status_code == 200
        assert console.audited[-1][0] == "tablet"
    finally:
        api.stop().result(5)
