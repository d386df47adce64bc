"""Locations and devices (admin screens): add them, and take devices out of or back into service."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models.schema import Device, DeviceKind, Location, LocationKind
from models.wording import QT_TRANSLATE_NOOP


def add_location(session: Session, name: str, kind: LocationKind) -> Location:
    if not name.strip():
        raise ValueError(QT_TRANSLATE_NOOP("Inventory", "a location needs a name"))
    location = Location(name=name.strip(), kind=LocationKind(kind))
    session.add(location)
    session.flush()
    return location


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
