"""Tools → Remote access…'s rule: only an admin makes or revokes a Control API token, each in the audit trail
(who, which client); anyone else is refused in plain words, with no token made and no row written."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from devices.control_api.tokens import TokenStore
from models.oplog.jobs.base import as_staff, run_job
from models.oplog.remote_access import create_token, may_manage_remote_access, revoke_token
from models.oplog.snapshot import StaffView
from models.oplog.staff import PermissionDenied
from models.oplog.tables import AuditEntry, Role


def actions(database) -> list[tuple[int, str]]:
    with database.transaction() as session:
        return [(row.staff_id, row.action) for row in session.scalars(select(AuditEntry))]


def test_an_admin_creates_and_revokes_a_token_and_both_are_audited(database, world, tmp_path):
    store = TokenStore(tmp_path / "remote-access.json")
    token, secret = run_job(database, as_staff(world.admin, create_token("  Tablet  kit 2 ", store.create)))
    assert store.verify(secret) == token
    run_job(database, as_staff(world.admin, revoke_token(token.id, token.name, store.revoke)))
    assert store.verify(secret) is None
    assert actions(database) == [
        (world.admin, "create the Control API token of Tablet kit 2"),
        (world.admin, f"revoke the Control API token of Tablet kit 2 ({token.id})"),
    ]


@pytest.mark.parametrize("who", ["budi", "viewer"])
def test_anyone_but_an_admin_is_refused_in_plain_words_and_nothing_is_made(database, world, tmp_path, who):
    store = TokenStore(tmp_path / "remote-access.json")
    with pytest.raises(PermissionDenied) as refused:
        run_job(database, as_staff(getattr(world, who), create_token("Companion", store.create)))
    assert "may not create or revoke remote access tokens: it needs the admin role" in str(refused.value)
    assert store.tokens() == []
    assert not store.path.exists()
    assert actions(database) == []


def test_a_token_that_cannot_be_made_leaves_no_audit_row(database, world, tmp_path):
    store = TokenStore(tmp_path / "remote-access.json")
    with pytest.raises(ValueError, match="a token needs the name of the client"):
        run_job(database, as_staff(world.admin, create_token("   ", store.create)))
    assert actions(database) == []


def test_only_an_admin_may_open_the_window():
    assert may_manage_remote_access(StaffView(1, "Agus", Role.ADMIN))
    assert not may_manage_remote_access(StaffView(2, "Budi", Role.OPERATOR))
    assert not may_manage_remote_access(None)
