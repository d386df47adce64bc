"""The broadcast log: on-air sessions per output, their drops, recordings, and the console's lost contacts.

Rows are written only by ``models.oplog.jobs.broadcast``. A session (or drop, or recording) is open while
its end is empty; once closed it is locked like an accepted handover: the ORM refuses to change or delete
it. At most one open session and one open recording per output, one open drop per session (partial unique
indexes), so that the same state seen twice, or by two desks, cannot open a second one.
"""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint, event, inspect, text
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from models.oplog.schema.base import Base
from models.oplog.schema.events import Event
from models.oplog.schema.people import Staff

OPEN_SESSION = text("ended_at IS NULL")
OPEN_DROP = text("back_at IS NULL")
OPEN_RECORDING = text("stopped_at IS NULL")


class EndReason(enum.StrEnum):
    STOPPED = "stopped"  # someone stopped it (in the console or in OBS)
    DROPPED = "dropped"  # it dropped and OBS gave up reconnecting
    OBS_CLOSED = "obs_closed"  # OBS closed, died or went out of contact while on air (ended at the loss)


class ClosedRecordError(Exception):
    """An attempt to change or delete a closed broadcast-log row (a bug in the caller)."""


class OnAirSession(Base):
    """One stream of one output, from live to its end, for the event it streamed (if any)."""

    __tablename__ = "on_air_sessions"
    __table_args__ = (
        CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="ended_after_started"),
        CheckConstraint("(ended_at IS NULL) = (end_reason IS NULL)", name="reason_when_ended"),
        UniqueConstraint("output", "started_at"),
        Index(
            "uq_on_air_sessions_open",
            "output",
            unique=True,
            sqlite_where=OPEN_SESSION,
            postgresql_where=OPEN_SESSION,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    output: Mapped[str] = mapped_column(String(60))  # the configuration's broadcast output id
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(index=True)
    ended_at: Mapped[datetime | None]
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    stopped_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    end_reason: Mapped[EndReason | None]
    dropped_frames: Mapped[int | None]  # the stream's count at its end

    event: Mapped[Event | None] = relationship()
    started_by: Mapped[Staff | None] = relationship(foreign_keys=[started_by_id])
    stopped_by: Mapped[Staff | None] = relationship(foreign_keys=[stopped_by_id])
    drops: Mapped[list[StreamDrop]] = relationship(order_by="StreamDrop.at", back_populates="session")


class StreamDrop(Base):
    """The stream dropped at ``at`` and came back at ``back_at`` (or its session ended first)."""

    __tablename__ = "stream_drops"
    __table_args__ = (
        CheckConstraint("back_at IS NULL OR back_at >= at", name="back_after_drop"),
        UniqueConstraint("session_id", "at"),
        Index(
            "uq_stream_drops_open",
            "session_id",
            unique=True,
            sqlite_where=OPEN_DROP,
            postgresql_where=OPEN_DROP,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("on_air_sessions.id"), index=True)
    at: Mapped[datetime]
    back_at: Mapped[datetime | None]
    dropped_frames: Mapped[int | None]  # frames the stream dropped from ``at`` to ``back_at``

    session: Mapped[OnAirSession] = relationship(back_populates="drops")

    @property
    def seconds(self) -> float | None:
        return None if self.back_at is None else (self.back_at - self.at).total_seconds()


class Recording(Base):
    __tablename__ = "recordings"
    __table_args__ = (
        CheckConstraint("stopped_at IS NULL OR stopped_at >= started_at", name="stopped_after_started"),
        UniqueConstraint("output", "started_at"),
        Index(
            "uq_recordings_open",
            "output",
            unique=True,
            sqlite_where=OPEN_RECORDING,
            postgresql_where=OPEN_RECORDING,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    output: Mapped[str] = mapped_column(String(60))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(index=True)
    stopped_at: Mapped[datetime | None]
    started_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    stopped_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    path: Mapped[str | None] = mapped_column(String(500))  # the file OBS wrote, once it said


class ContactGap(Base):
    """The console lost contact with an output's OBS at ``lost_at`` and found, at ``back_at``, that what it
    had on air or recording still ran (``models.oplog.broadcast_recorder``): the sessions and recordings
    open across it went on. Written once, complete."""

    __tablename__ = "contact_gaps"
    __table_args__ = (
        CheckConstraint("back_at >= lost_at", name="back_after_lost"),
        UniqueConstraint("output", "lost_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    output: Mapped[str] = mapped_column(String(60))
    lost_at: Mapped[datetime] = mapped_column(index=True)
    back_at: Mapped[datetime]


def lock_when_closed(cls: type[Base], end: str) -> None:
    """Make the ORM refuse changes to a row of ``cls`` whose ``end`` was already set, and every delete."""

    def refuse_update(_mapper: Mapper[Any], _connection: Any, target: Base) -> None:
        history = inspect(target).attrs[end].history
        if any(value is not None for value in (*history.unchanged, *history.deleted)):
            raise ClosedRecordError(f"{cls.__tablename__} row {target.id} is closed and cannot change")  # type: ignore[attr-defined]

    def refuse_delete(_mapper: Mapper[Any], _connection: Any, target: Base) -> None:
        raise ClosedRecordError(f"{cls.__tablename__} rows cannot be deleted")

    event.listen(cls, "before_update", refuse_update)
    event.listen(cls, "before_delete", refuse_delete)


lock_when_closed(OnAirSession, "ended_at")
lock_when_closed(StreamDrop, "back_at")
lock_when_closed(Recording, "stopped_at")
lock_when_closed(ContactGap, "back_at")  # always set: never changed
