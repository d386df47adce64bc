"""Locations and devices (admin screens): add them, and take devices out of or back into service.

Each change takes the acting staff member, refuses (``PermissionDenied``) unless they are an admin,
and writes its audit row in the same transaction.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.admin_audit import audit_change
from models.oplog.staff import database_now, require_role
from models.oplog.tables import Device, DeviceKind, Location, LocationKind, Role, Staff

LOCATION_NAME_LIMIT = 120  # Location.name is a String(120)


def add_location(session: Session, by: Staff, name: str, kind: LocationKind) -> Location:
    """A new place (flushed, not committed), added by the admin ``by``. Spaces are tidied; a name that
    another location already has, whatever its capitals, is refused."""
    require_role(by, Role.ADMIN, QT_TRANSLATE_NOOP("Permissions", "add locations"))
    name = " ".join(name.split())
    if not name:
        raise ValueError(QT_TRANSLATE_NOOP("Inventory", "a location needs a name"))
    if len(name) > LOCATION_NAME_LIMIT:
        raise ValueError(
            QT_TRANSLATE_NOOP("Inventory", "a location name has at most {limit} characters").format(
                limit=LOCATION_NAME_LIMIT
            )
        )
    _refuse_taken(session, name)
    location = Location(name=name, kind=LocationKind(kind))
    try:
        with session.begin_nested():  # the rest of the transaction stays usable if the insert fails
            session.add(location)
    except IntegrityError:  # another desk added the same name since the check above
        _refuse_taken(session, name)
        raise
    audit_change(session, by, f"add location {location.name} ({location.kind.value})", database_now(session))
    return location


def _refuse_taken(session: Session, name: str) -> None:
    taken = next(
        (location for location in locations(session) if location.name.casefold() == name.casefold()), None
    )
    if taken is not None:
        raise ValueError(
            QT_TRANSLATE_NOOP("Inventory", "there is already a location called {name}").format(
                name=taken.name
            )
        )


def add_device(
    session: Session,
    by: Staff,
    asset_number: str,
    name: str,
    kind: DeviceKind,
    location: Location | None = None,
) -> Device:
    """A new device (flushed, not committed), added by the admin ``by``."""
    require_role(by, Role.ADMIN, QT_TRANSLATE_NOOP("Permissions", "add devices"))
    if not asset_number.strip() or not name.strip():
        raise ValueError(QT_TRANSLATE_NOOP("Inventory", "a device needs an asset number and a name"))
    device = Device(
        asset_number=asset_number.strip(),
        name=name.strip(),
        kind=DeviceKind(kind),
        location=location,
        in_service=True,
    )
    session.add(device)
    session.flush()
    audit_change(
        session,
        by,
        f"add device {device.asset_number} {device.name} ({device.kind.value})"
        + (f" at {location.name}" if location else ""),
        database_now(session),
    )
    return device


def set_in_service(session: Session, by: Staff, device: Device, in_service: bool) -> None:
    """The admin ``by`` takes ``device`` out of service (False) or back into it (True)."""
    require_role(by, Role.ADMIN, QT_TRANSLATE_NOOP("Permissions", "take devices out of service"))
    device.in_service = in_service
    session.flush()
    audit_change(
        session,
        by,
        f"put device {device.asset_number} {device.name} "
        + ("back into service" if in_service else "out of service"),
        database_now(session),
    )


def locations(session: Session) -> list[Location]:
    return list(session.scalars(select(Location).order_by(Location.name)))


def devices(session: Session) -> list[Device]:
    return list(session.scalars(select(Device).order_by(Device.name).options(selectinload(Device.location))))
