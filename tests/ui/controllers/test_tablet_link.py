"""The host in a tablet's link: this PC's address for a bind on every address, the bound address itself
(IPv6 in brackets) — and no link but a note in plain words when a tablet cannot reach the API."""

from __future__ import annotations

import pytest

from ui.controllers.tablet_link import tablet_host, tablet_link, why_no_link


@pytest.mark.parametrize(
    ("bind", "this_pc", "host"),
    [
        ("0.0.0.0", "192.168.10.5", "192.168.10.5"),
        ("::", "192.168.10.5", "192.168.10.5"),
        ("192.168.10.7", "192.168.10.5", "192.168.10.7"),
        ("fd00::7", None, "[fd00::7]"),
        ("127.0.0.1", "192.168.10.5", None),
        ("localhost", "192.168.10.5", None),
        ("0.0.0.0", None, None),
    ],
)
def test_the_host_a_tablet_reaches(bind, this_pc, host):
    assert tablet_host(bind, this_pc) == host


def test_the_link_carries_the_token_after_the_hash():
    assert tablet_link("192.168.10.5", 8765, "abc-_") == "http://192.168.10.5:8765/remote#token=abc-_"


def test_without_a_link_the_window_says_why():
    assert why_no_link(None).startswith("The Control API is off")
    assert "listens on 127.0.0.1 only, which a tablet cannot reach" in why_no_link("127.0.0.1")
    assert "no network address" in why_no_link("0.0.0.0")
