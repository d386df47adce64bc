"""Events: what the team covers (rapat, sosialisasi, live streams) and where, by whom, with what."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Column, Float, ForeignKey, String, Table, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.oplog.schema.base import Base, EventMode, EventStatus
from models.oplog.schema.people import Device, Location, Staff

event_operators = Table(
    "event_operators",
    Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("staff_id", ForeignKey("staff.id"), primary_key=True, index=True),
)

event_devices = Table(
    "event_devices",
    Base.metadata,
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("device_id", ForeignKey("devices.id"), primary_key=True, index=True),
)


class EventLocation(Base):
    """One place of an event, with its participant limit and the count on the day."""

    __tablename__ = "event_locations"
    __table_args__ = (
        CheckConstraint("participant_limit IS NULL OR participant_limit >= 0", name="limit_not_negative"),
        CheckConstraint("participant_count IS NULL OR participant_count >= 0", name="count_not_negative"),
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id"), primary_key=True, index=True)
    participant_limit: Mapped[int | None]
    participant_count: Mapped[int | None]

    location: Mapped[Location] = relationship(lazy="joined")


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("planned_end > planned_start", name="planned_order"),
        CheckConstraint(
            "actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start", name="actual_order"
        ),
        CheckConstraint("stream_url IS NULL OR stream_platform IS NOT NULL", name="stream_has_platform"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    organiser: Mapped[str] = mapped_column(String(120))  # the OPD, e.g. Bappeda, Dinas Kesehatan
    mode: Mapped[EventMode]
    status: Mapped[EventStatus] = mapped_column(default=EventStatus.SCHEDULED, index=True)
    planned_start: Mapped[datetime] = mapped_column(index=True)
    planned_end: Mapped[datetime]
    actual_start: Mapped[datetime | None] = mapped_column(index=True)
    actual_end: Mapped[datetime | None]
    stream_platform: Mapped[str | None] = mapped_column(String(40))  # e.g. YouTube
    stream_url: Mapped[str | None] = mapped_column(String(500))
    broadcast_output: Mapped[str | None] = mapped_column(
        String(60)
    )  # the OBS output's id (docs/broadcast.md)
    notes: Mapped[str] = mapped_column(Text, default="")
    # on air, from its streams (models.oplog.jobs.broadcast keeps them): first live, last end, seconds live
    on_air_start: Mapped[datetime | None]
    on_air_end: Mapped[datetime | None]
    on_air_seconds: Mapped[float | None] = mapped_column(Float)

    locations: Mapped[list[EventLocation]] = relationship(cascade="all, delete-orphan")
    operators: Mapped[list[Staff]] = relationship(secondary=event_operators, order_by=Staff.name)
    devices: Mapped[list[Device]] = relationship(secondary=event_devices, order_by=Device.name)

    def __repr__(self) -> str:
        return f"Event({self.id}, {self.title!r}, {self.status.value})"
