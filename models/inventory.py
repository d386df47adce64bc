"""Locations and devices (admin screens): add them, and take devices out of or back into service."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from models.schema import Device, DeviceKind, Location, LocationKind
from models.wording import QT_TRANSLATE_NOOP

LOCATION_NAME_LIMIT = 120       # Location.name is a String(120)


def add_location(session: Session, name: str, kind: LocationKind) -> Location:
    """A new place (flushed, not committed). Spaces are tidied; a name that another location already has,
    whatever its capitals, is refused."""
    name = " ".join(name.split())
    if not name:
        raise ValueError(QT_TRANSLATE_NOOP("Inventory", "a location needs a name"))
    if len(name) > LOCATION_NAME_LIMIT:
        raise ValueError(QT_TRANSLATE_NOOP("Inventory", "a location name has at most {limit} characters")
                         .format(limit=LOCATION_NAME_LIMIT))
    _refuse_taken(session, name)
    location = Location(name=name, kind=LocationKind(kind))
    try:
        with session.begin_nested():    # the rest of the transaction stays usable if the insert fails
            session.add(location)
    except IntegrityError:              # another desk added the same name since the check above
        _refuse_taken(session, name)
        raise
    return location


def _refuse_taken(session: Session, name: str) -> None:
    taken = next((location for location in locations(session) if location.name.casefold() == name.casefold()), None)
    if taken is not None:
        raise ValueError(QT_TRANSLATE_NOOP("Inventory", "there is already a location called {name}")
                         .format(name=taken.name))


def add_device(session: Session, asset_number: str, name: str, kind: DeviceKind,
               location: Location | None = None) -> Device:
    if not asset_number.strip() or not name.strip():
        raise ValueError(QT_TRANSLATE_NOOP("Inventory", "a device needs an asset number and a name"))
    device = Device(asset_number=asset_number.strip(), name=name.strip(), kind=DeviceKind(kind), location=location,
                    in_service=True)
    session.add(device)
    session.flush()
    return device


def set_in_service(session: Session, device: Device, in_service: bool) -> None:
    device.in_service = in_service
    session.flush()


def locations(session: Session) -> list[Location]:
    return list(session.scalars(select(Location).order_by(Location.name)))


def devices(session: Session) -> list[Device]:
    return list(session.scalars(select(Device).order_by(Device.name).options(selectinload(Device.location))))
