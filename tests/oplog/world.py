"""A small Smart Centre for the tests: four staff, three places, three devices (ids only)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy.orm import Session

from models.database import Database
from models.inventory import add_device, add_location
from models.schema import DeviceKind, EmploymentCategory, LocationKind, Role, Staff
from models.staff import create_staff

PIN = "2468"
FAST = 4        # bcrypt rounds for tests (the console uses 12)
T0 = datetime(2026, 11, 3, 0, 0, tzinfo=timezone.utc)     # 07:00 WIB, a Tuesday


@dataclass(frozen=True)
class World:
    admin: int
    budi: int       # operator, leads the first shift
    dwi: int        # operator, leads the next one
    viewer: int

    def staff(self, session: Session, staff_id: int) -> Staff:
        staff = session.get(Staff, staff_id)
        assert staff is not None
        return staff


def build_world(database: Database) -> World:
    with database.transaction() as session:
        admin = create_staff(session, "Agus Setiawan", EmploymentCategory.PNS, Role.ADMIN, PIN,
                             nip="198305122009011003", rounds=FAST)
        budi = create_staff(session, "Budi Santoso", EmploymentCategory.PNS, Role.OPERATOR, PIN, rounds=FAST)
        dwi = create_staff(session, "Dwi Rahmawati", EmploymentCategory.CPNS, Role.OPERATOR, PIN, rounds=FAST)
        viewer = create_staff(session, "Wahyu Hidayat", EmploymentCategory.PENUNJANG, Role.VIEWER, PIN, rounds=FAST)
        rapat = add_location(session, "Ruang Rapat Utama", LocationKind.SMART_CENTRE_ROOM)
        pendopo = add_location(session, "Pendopo Manggala Praja Nugraha", LocationKind.VENUE)
        command = add_location(session, "Command Center", LocationKind.SMART_CENTRE_ROOM)
        add_device(session, "SC-CAM-01", "Kamera Panggung", DeviceKind.CAMERA, rapat)
        add_device(session, "SC-CAM-02", "Kamera Pendopo", DeviceKind.CAMERA, pendopo)
        add_device(session, "SC-VW-01", "Video Wall Command Center", DeviceKind.VIDEO_WALL, command)
        return World(admin.id, budi.id, dwi.id, viewer.id)
