"""The append-only records of a shift: the audit trail, free log entries, and faults.

Audit and log rows are never changed or deleted: the ORM refuses it here, and database triggers
(migration 0001) refuse it for plain SQL too. A correction is a new entry. Both tables are hash
chains (``models.oplog.record_chain``): a row removed behind the triggers' back shows in ``db check``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, Connection, Engine, Float, ForeignKey, Insert, String, Text, event
from sqlalchemy.orm import Mapped, Mapper, mapped_column, object_session, relationship

from models.oplog.record_chain import CHAINED_FIELDS, link
from models.oplog.schema.base import Base, BigId, FaultSeverity
from models.oplog.schema.people import Device, Shift, Staff


class AppendOnlyError(Exception):
    """An attempt to change or delete a row of an append-only table (a bug in the caller)."""


# Results of an AuditEntry that are not device errors: a newer command or an ALL STOP replaced it, by design.
NOT_ERRORS = ("completed", "superseded", "stopped")


class AuditEntry(Base):
    """One device action and how it ended, written by ``AuditWriter``."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    device: Mapped[str | None] = mapped_column(String(120))  # the device's name as the console knows it
    action: Mapped[str] = mapped_column(String(200))  # e.g. "preset recall 3"
    result: Mapped[str] = mapped_column(String(60))  # "completed", the camera's error, "timeout"
    duration_ms: Mapped[float | None] = mapped_column(Float)
    prev_hash: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64))


class LogEntry(Base):
    """A free note in the shift log, optionally about an event."""

    __tablename__ = "log_entries"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    shift_id: Mapped[int | None] = mapped_column(ForeignKey("shifts.id"), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    text: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    chain_hash: Mapped[str] = mapped_column(String(64))

    author: Mapped[Staff] = relationship()
    shift: Mapped[Shift | None] = relationship()


class ChainHead(Base):
    """The last hash of a chained table (``models.oplog.record_chain``)."""

    __tablename__ = "chain_heads"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_hash: Mapped[str] = mapped_column(String(64))


class Fault(Base):
    """A problem with a device (or the stream, the network), carried into every handover until closed."""

    __tablename__ = "faults"
    __table_args__ = (
        CheckConstraint("closed_at IS NULL OR closed_at >= opened_at", name="closed_after_opened"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[int | None] = mapped_column(ForeignKey("devices.id"), index=True)
    severity: Mapped[FaultSeverity]
    description: Mapped[str] = mapped_column(Text)
    opened_at: Mapped[datetime] = mapped_column(index=True)
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[datetime | None] = mapped_column(index=True)
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    resolution: Mapped[str | None] = mapped_column(Text)

    device: Mapped[Device | None] = relationship()
    opened_by: Mapped[Staff] = relationship(foreign_keys=[opened_by_id])
    owner: Mapped[Staff | None] = relationship(foreign_keys=[owner_id])
    closed_by: Mapped[Staff | None] = relationship(foreign_keys=[closed_by_id])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


def refuse_changes(*classes: type[Base]) -> None:
    """Make the ORM raise ``AppendOnlyError`` when a row of ``classes`` is changed or deleted."""

    def refuse_update(_mapper: Mapper[Any], _connection: Any, target: Base) -> None:
        session = object_session(target)
        if session is not None and session.is_modified(target, include_collections=False):
            raise AppendOnlyError(
                f"{type(target).__tablename__} rows cannot be changed; add a new entry instead"
            )

    def refuse_delete(_mapper: Mapper[Any], _connection: Any, target: Base) -> None:
        raise AppendOnlyError(f"{type(target).__tablename__} rows cannot be deleted")

    for cls in classes:
        event.listen(cls, "before_update", refuse_update)
        event.listen(cls, "before_delete", refuse_delete)


refuse_changes(AuditEntry, LogEntry)


@event.listens_for(Engine, "before_execute", retval=True)
def _chain_inserts(
    connection: Connection, statement: Any, multiparams: Any, params: Any, _options: Any
) -> tuple[Any, Any, Any]:
    """Every insert into a chained table, whatever wrote it (the ORM, the audit writer, bulk seeds), is linked
    into the chain in the same transaction."""
    table = getattr(statement, "table", None)
    if (
        isinstance(statement, Insert)
        and table is not None
        and table.name in CHAINED_FIELDS
        and "chain_hash" in table.c
    ):  # not a migration's copy of a table from before revision 0003
        rows = multiparams if multiparams else [params]
        link(connection, table.name, [row for row in rows if isinstance(row, dict)])
    return statement, multiparams, params
