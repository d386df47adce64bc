"""The devices and locations screens' jobs: each list as a table, and the admin's changes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.oplog import inventory
from models.oplog.jobs.base import StaffJob, stored
from models.oplog.tables import Device, DeviceKind, Location, LocationKind, Staff


@dataclass(frozen=True)
class DeviceRow:
    id: int
    asset_number: str
    name: str
    kind: DeviceKind
    location: str | None
    in_service: bool


@dataclass(frozen=True)
class LocationRow:
    id: int
    name: str
    kind: LocationKind


def devices(session: Session) -> list[DeviceRow]:
    """Every device, by name."""
    return [
        DeviceRow(
            device.id,
            device.asset_number,
            device.name,
            device.kind,
            device.location.name if device.location else None,
            device.in_service,
        )
        for device in inventory.devices(session)
    ]


def locations(session: Session) -> list[LocationRow]:
    """Every location, by name."""
    return [
        LocationRow(location.id, location.name, location.kind) for location in inventory.locations(session)
    ]


def add_device(asset_number: str, name: str, kind: DeviceKind, place: str | None) -> StaffJob[None]:
    """``place``: the name of a location (an unknown name or None: no location)."""

    def add(session: Session, me: Staff) -> None:
        location = session.scalars(select(Location).where(Location.name == place)).first() if place else None
        inventory.add_device(session, me, asset_number, name, kind, location)

    return add


def switch_device(device_id: int) -> StaffJob[None]:
    """Takes the device out of service when it is in, back into service when it is out."""

    def toggle(session: Session, me: Staff) -> None:
        device = stored(session, Device, device_id)
        inventory.set_in_service(session, me, device, not device.in_service)

    return toggle


def add_location(name: str, kind: LocationKind) -> StaffJob[None]:
    def add(session: Session, me: Staff) -> None:
        inventory.add_location(session, me, name, kind)

    return add
