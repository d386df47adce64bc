"""Who may hand out access to the console from other computers (the Control API's tokens, Tools → Remote
access…): admins only, as for the configuration. Making or revoking a token writes its audit row (who,
which client) in the same transaction; the row is flushed before the token file is touched, so a refused
or failed change leaves neither.

The token store itself is the devices' (devices/control_api/tokens.py); the console hands its ``create``
and ``revoke`` in, so this rule needs nothing of it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.admin_audit import audit_change
from models.oplog.jobs.base import StaffJob
from models.oplog.snapshot import StaffView
from models.oplog.staff import database_now, require_role
from models.oplog.tables import Role, Staff

T = TypeVar("T")
MANAGES_REMOTE_ACCESS = Role.ADMIN
ACTION = QT_TRANSLATE_NOOP("Permissions", "create or revoke remote access tokens")


def may_manage_remote_access(staff: StaffView | None) -> bool:
    """Whether the logged-in ``staff`` (None: nobody) may open Tools → Remote access…"""
    return staff is not None and staff.can(MANAGES_REMOTE_ACCESS)


def _audited(session: Session, by: Staff, action: str, change: Callable[[], T]) -> T:
    require_role(by, MANAGES_REMOTE_ACCESS, ACTION)
    audit_change(session, by, action, database_now(session))
    session.flush()  # the row is accepted before the token file is touched
    return change()


def create_token(name: str, create: Callable[[str], T]) -> StaffJob[T]:
    """``create(name)`` (the token store's) as the logged-in admin, audited; ``PermissionDenied`` for
    anyone else, and no token made."""
    client = " ".join(name.split())
    return lambda session, me: _audited(
        session, me, f"create the Control API token of {client}", lambda: create(name)
    )


def revoke_token(token_id: str, client: str, revoke: Callable[[str], None]) -> StaffJob[None]:
    """``revoke(token_id)`` (the token of ``client``) as the logged-in admin, audited."""
    return lambda session, me: _audited(
        session, me, f"revoke the Control API token of {client} ({token_id})", lambda: revoke(token_id)
    )
