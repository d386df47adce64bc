"""Staff, places, devices and shifts: who works where, with what, and when."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Column, ForeignKey, Index, String, Table, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.oplog.schema.base import Base, DeviceKind, EmploymentCategory, LocationKind, Role

shift_members = Table(
    "shift_members",
    Base.metadata,
    Column("shift_id", ForeignKey("shifts.id", ondelete="CASCADE"), primary_key=True),
    Column("staff_id", ForeignKey("staff.id"), primary_key=True, index=True),
)


class Staff(Base):
    """A member of the team. The PIN is kept only as a bcrypt hash. No two names differ only in capitals."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    nip: Mapped[str | None] = mapped_column(String(18), unique=True)  # Nomor Induk Pegawai, PNS/CPNS only
    category: Mapped[EmploymentCategory]
    role: Mapped[Role]
    pin_hash: Mapped[str] = mapped_column(String(60))
    active: Mapped[bool] = mapped_column(default=True)
    failed_pins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]

    def __repr__(self) -> str:
        return f"Staff({self.id}, {self.name!r}, {self.role.value})"


Index("uq_staff_name_folded", func.lower(Staff.name), unique=True)  # revision 0003_auth


class Location(Base):
    """A Smart Centre room, another venue, or a mobile unit."""

    __tablename__ = "locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[LocationKind]


class Device(Base):
    """A camera, the video wall or a mobile kit, known by its asset number and its name."""

    __tablename__ = "devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    asset_number: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[DeviceKind]
    location_id: Mapped[int | None] = mapped_column(ForeignKey("locations.id"))
    in_service: Mapped[bool] = mapped_column(default=True)

    location: Mapped[Location | None] = relationship()


class Shift(Base):
    """A shift (Pagi, Siang, Malam): planned and actual times, the lead and the staff on duty."""

    __tablename__ = "shifts"
    __table_args__ = (
        CheckConstraint("planned_end > planned_start", name="planned_order"),
        CheckConstraint(
            "actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start", name="actual_order"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    planned_start: Mapped[datetime] = mapped_column(index=True)
    planned_end: Mapped[datetime]
    actual_start: Mapped[datetime | None]
    actual_end: Mapped[datetime | None]
    lead_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))

    lead: Mapped[Staff] = relationship()
    members: Mapped[list[Staff]] = relationship(secondary=shift_members, order_by=Staff.name)

    @property
    def start(self) -> datetime:
        """When the shift began, or is planned to begin."""
        return self.actual_start or self.planned_start

    @property
    def end(self) -> datetime:
        """When the shift ended, or is planned to end."""
        return self.actual_end or self.planned_end
