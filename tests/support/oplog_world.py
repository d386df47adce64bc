"""A small Smart Centre for the tests: four staff, three places, three devices (ids only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from models.oplog.database import Database
from models.oplog.staff import hash_pin
from models.oplog.tables import Device, DeviceKind, EmploymentCategory, Location, LocationKind, Role, Staff

PIN = "2468"
FAST = 4  # bcrypt rounds for tests (the console uses 12)
T0 = datetime(2026, 11, 3, 0, 0, tzinfo=UTC)  # 07:00 WIB, a Tuesday


@dataclass(frozen=True)
class World:
    admin: int
    budi: int  # operator, leads the first shift
    dwi: int  # operator, leads the next one
    viewer: int

    def staff(self, session: Session, staff_id: int) -> Staff:
        staff = session.get(Staff, staff_id)
        assert staff is not None
        return staff


def build_world(database: Database) -> World:
    """Written straight into the tables, like a seed: no audit rows, so each test sees only its own."""
    with database.transaction() as session:

        def person(name: str, category: EmploymentCategory, role: Role, nip: str | None = None) -> Staff:
            return Staff(
                name=name,
                nip=nip,
                category=category,
                role=role,
                pin_hash=hash_pin(PIN, FAST),
                active=True,
                failed_pins=0,
            )

        admin = person("Agus Setiawan", EmploymentCategory.PNS, Role.ADMIN, "198305122009011003")
        budi = person("Budi Santoso", EmploymentCategory.PNS, Role.OPERATOR)
        dwi = person("Dwi Rahmawati", EmploymentCategory.CPNS, Role.OPERATOR)
        viewer = person("Wahyu Hidayat", EmploymentCategory.PENUNJANG, Role.VIEWER)
        rapat = Location(name="Ruang Rapat Utama", kind=LocationKind.SMART_CENTRE_ROOM)
        pendopo = Location(name="Pendopo Manggala Praja Nugraha", kind=LocationKind.VENUE)
        command = Location(name="Command Center", kind=LocationKind.SMART_CENTRE_ROOM)
        session.add_all(
            [
                admin,
                budi,
                dwi,
                viewer,
                rapat,
                pendopo,
                command,
                Device(
                    asset_number="SC-CAM-01",
                    name="Kamera Panggung",
                    kind=DeviceKind.CAMERA,
                    location=rapat,
                    in_service=True,
                ),
                Device(
                    asset_number="SC-CAM-02",
                    name="Kamera Pendopo",
                    kind=DeviceKind.CAMERA,
                    location=pendopo,
                    in_service=True,
                ),
                Device(
                    asset_number="SC-VW-01",
                    name="Video Wall Command Center",
                    kind=DeviceKind.VIDEO_WALL,
                    location=command,
                    in_service=True,
                ),
            ]
        )
        session.flush()
        return World(admin.id, budi.id, dwi.id, viewer.id)
