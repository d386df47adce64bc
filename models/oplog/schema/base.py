"""The declarative base of the operations log and the closed vocabularies its tables use.

Enumerations are stored as their (Indonesian or English) value in a short text column with a
CHECK constraint, not as PostgreSQL enum types, so that migrations stay plain on both databases.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import ClassVar

from sqlalchemy import BigInteger, Enum, Integer, MetaData, Table
from sqlalchemy.orm import DeclarativeBase

from models.oplog.clock import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

BigId = BigInteger().with_variant(Integer, "sqlite")
"""A 64-bit key on PostgreSQL; on SQLite an INTEGER PRIMARY KEY (the row id), the fast path."""


class Base(DeclarativeBase):
    __table__: ClassVar[Table]  # every mapping here is a Table (SQLAlchemy types it as any FromClause)
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: UtcDateTime(),
        enum.Enum: Enum(
            enum.Enum,
            native_enum=False,
            create_constraint=True,
            length=20,
            values_callable=lambda members: [member.value for member in members],
            validate_strings=True,
        ),
    }


class EmploymentCategory(enum.StrEnum):
    PNS = "PNS"  # civil servant
    CPNS = "CPNS"  # civil-servant candidate
    PENUNJANG = "penunjang"  # support staff


class Role(enum.StrEnum):
    """What a staff member may do; each role includes the ones below it."""

    VIEWER = "viewer"  # reads logs and reports
    OPERATOR = "operator"  # runs shifts and events, writes the log
    ADMIN = "admin"  # manages staff and devices, reopens handovers

    @property
    def rank(self) -> int:
        return list(Role).index(self)


class LocationKind(enum.StrEnum):
    SMART_CENTRE_ROOM = "smart_centre_room"
    VENUE = "venue"
    MOBILE = "mobile"


class DeviceKind(enum.StrEnum):
    CAMERA = "camera"
    VIDEO_WALL = "video_wall"
    MOBILE_KIT = "mobile_kit"
    OTHER = "other"


class EventMode(enum.StrEnum):
    DARING = "daring"  # online
    LURING = "luring"  # on site
    CAMPURAN = "campuran"  # hybrid


class EventStatus(enum.StrEnum):
    SCHEDULED = "scheduled"
    RUNNING = "running"
    FINISHED = "finished"
    CANCELLED = "cancelled"


class FaultSeverity(enum.StrEnum):
    MINOR = "minor"  # workaround exists, the event is not affected
    MAJOR = "major"  # a device is out of use
    CRITICAL = "critical"  # an event or stream is affected


class AdditionKind(enum.StrEnum):
    REOPENED = "reopened"
    NOTE = "note"
    RELOCKED = "relocked"
