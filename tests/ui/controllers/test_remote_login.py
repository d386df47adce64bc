"""The remote's login route without a browser: the staff PIN under the console's own lockout (wrong PINs
counted in the operations log), bad JSON refused, and the session naming the person in the audit trail."""

from __future__ import annotations

import pytest
import requests

from models.oplog.staff import MAX_WRONG_PINS
from tests.support import oplog_console
from tests.support.oplog_world import PIN
from tests.support.remote_browser import in_background, remote

pytestmark = pytest.mark.gui
site, rig, console_for = oplog_console.site, oplog_console.rig, oplog_console.console_for
__all__ = ["remote"]
LOGIN = "/api/remote/login"


def post(qtbot, url: str, **options) -> requests.Response:
    return in_background(qtbot, lambda: requests.post(url, timeout=30, **options))


def test_the_staff_list_names_who_may_log_in(remote, qtbot, site):
    _console, base = remote
    staff = in_background(qtbot, lambda: requests.get(base + "/api/remote/staff", timeout=10)).json()["staff"]
    assert {"id": site.world.budi, "name": "Budi Santoso"} in staff


def test_bad_json_is_refused_in_one_line_and_counts_no_wrong_pin(remote, qtbot, site):
    _console, base = remote
    answer = post(qtbot, base + LOGIN, data="{staff: 1", headers={"Content-Type": "application/json"})
    assert answer.status_code == 400
    assert answer.json()["error"].startswith("the body is not valid JSON")
    answer = post(qtbot, base + LOGIN, json={"staff": "Budi", "pin": PIN})
    assert (answer.status_code, answer.json()["error"]) == (400, "'staff' must be a whole number")
    assert site.scalar("SELECT failed_pins FROM staff WHERE id = :id", id=site.world.budi) == 0


def test_a_wrong_pin_is_refused_with_the_attempts_left_then_the_account_locks(remote, qtbot, site):
    _console, base = remote
    budi = site.world.budi
    for left in range(MAX_WRONG_PINS - 1, 0, -1):
        answer = post(qtbot, base + LOGIN, json={"staff": budi, "pin": "0000"})
        assert answer.status_code == 403
        assert answer.json()["code"] == "wrong_pin"
        assert answer.json()["attempts_left"] == left
        assert answer.json()["error"].startswith("Wrong PIN for Budi Santoso;")
    answer = post(qtbot, base + LOGIN, json={"staff": budi, "pin": "0000"})
    assert answer.status_code == 423
    assert answer.json()["code"] == "locked"
    assert answer.json()["wrong"] == MAX_WRONG_PINS
    assert 55 <= answer.json()["seconds"] <= 60
    locked_right = post(qtbot, base + LOGIN, json={"staff": budi, "pin": PIN})
    assert locked_right.status_code == 423  # the right PIN waits for the lock too
    assert "session" not in locked_right.json()
    assert site.scalar("SELECT failed_pins FROM staff WHERE id = :id", id=budi) == MAX_WRONG_PINS


def test_a_session_names_the_person_in_the_audit_trail_and_ends_at_logout(remote, qtbot, site):
    console, base = remote
    me = post(qtbot, base + LOGIN, json={"staff": site.world.dwi, "pin": PIN}).json()
    assert me["name"] == "Dwi Rahmawati"
    session = {"X-Remote-Session": me["session"]}
    assert post(qtbot, base + "/api/cameras/cam2/select", headers=session).json()["ok"]
    assert console.desk.selected == "cam2"
    assert any("select via API (remote: Dwi Rahmawati)" in line for line in oplog_console.log_lines(console))
    assert post(qtbot, base + "/api/remote/logout", headers=session).json() == {"ok": True}
    after = post(qtbot, base + "/api/cameras/cam1/select", headers=session)
    assert (after.status_code, after.json()["code"]) == (401, "session")
    assert console.desk.selected == "cam2"


def test_a_bind_that_needs_a_token_lets_no_pin_be_tried_without_it_and_revoking_it_ends_the_session(
    site, rig, console_for, qtbot
):
    from tests.support.oplog_console import ready
    from tests.support.remote_browser import start_api

    console = console_for(site.url)
    ready(console.oplog, qtbot)
    console.settings.setValue("api/open_locally", False)  # as on the venue's network: a token for all
    service, base = start_api(console, rig[1], rig[2], qtbot)
    try:
        budi = {"staff": site.world.budi, "pin": PIN}
        refused = post(qtbot, base + LOGIN, json=budi)
        assert refused.status_code == 401
        assert "token is required" in refused.json()["error"]
        assert site.scalar("SELECT failed_pins FROM staff WHERE id = :id", id=site.world.budi) == 0
        token, secret = service.tokens.create("Tablet kit 2")
        me = post(qtbot, base + LOGIN, json=budi, headers={"Authorization": f"Bearer {secret}"}).json()
        session = {"X-Remote-Session": me["session"]}
        assert post(qtbot, base + "/api/cameras/cam2/select", headers=session).status_code == 200
        service.tokens.revoke(token.id)
        ended = post(qtbot, base + "/api/cameras/cam1/select", headers=session)
        assert (ended.status_code, ended.json()["code"]) == (401, "session")
    finally:
        service.stop()
