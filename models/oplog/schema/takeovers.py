"""Take-overs shared by every desk of one operations log, and the counter that tells desks something changed.

A take-over gives a device (a camera id of the configuration) to a running event until that event ends or
hands it back (``released_at``). At most one take-over of a device is in force: a unique index over the
devices of the rows not released, so that of two desks taking one camera at the same moment exactly one wins.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.oplog.schema.base import Base
from models.oplog.schema.events import Event
from models.oplog.schema.people import Staff

IN_FORCE = text("released_at IS NULL")


class TakeOverRow(Base):
    __tablename__ = "takeovers"
    __table_args__ = (
        Index(
            "uq_takeovers_device_in_force",
            "device",
            unique=True,
            sqlite_where=IN_FORCE,
            postgresql_where=IN_FORCE,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device: Mapped[str] = mapped_column(String(120))  # the configuration's id, e.g. "cam3"
    device_name: Mapped[str] = mapped_column(String(120))  # as the taking desk names it, e.g. "Kamera 3"
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"), index=True)
    from_events: Mapped[str] = mapped_column(String(400))  # titles of the events it was taken from
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    desk: Mapped[str] = mapped_column(String(120))  # the desk (computer) that took it
    taken_at: Mapped[datetime]
    released_at: Mapped[datetime | None]

    event: Mapped[Event] = relationship(lazy="joined")
    staff: Mapped[Staff | None] = relationship(lazy="joined")


class DeskNews(Base):
    """One row: ``version`` grows whenever a take-over or a running event changes (desks poll it, or are
    notified on PostgreSQL)."""

    __tablename__ = "desk_news"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
