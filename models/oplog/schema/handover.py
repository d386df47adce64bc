"""The shift handover record: signed by the outgoing lead, accepted by the incoming lead, then locked.

After acceptance the record carries a SHA-256 hash of its content and the ORM refuses to change
it. An admin may reopen it; what is written afterwards goes into separate, hash-chained
``HandoverAddition`` rows, so the original stays as it was signed and every addition is marked.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, String, Table, Text, event, false, inspect
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from common.wording import QT_TRANSLATE_NOOP
from models.oplog.schema.base import AdditionKind, Base
from models.oplog.schema.log import Fault, refuse_changes
from models.oplog.schema.people import Shift, Staff


class HandoverError(Exception):
    """A handover step that is not allowed now; the message says why, for the operator."""


class HandoverLocked(HandoverError):
    """The handover was accepted and is locked; only additions after an admin's reopen are possible."""


handover_faults = Table(
    "handover_faults",
    Base.metadata,
    Column("handover_id", ForeignKey("handovers.id", ondelete="CASCADE"), primary_key=True),
    Column("fault_id", ForeignKey("faults.id"), primary_key=True, index=True),
)
"""The faults still open when the outgoing lead signed: carried over to the next shift."""


class Handover(Base):
    __tablename__ = "handovers"

    id: Mapped[int] = mapped_column(primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), unique=True)
    outgoing_lead_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    incoming_lead_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime]
    summary_json: Mapped[str] = mapped_column(Text)  # canonical JSON, see handover_summary
    notes: Mapped[str] = mapped_column(Text, default="")
    signed_at: Mapped[datetime | None]
    accepted_at: Mapped[datetime | None]
    content_hash: Mapped[str | None] = mapped_column(String(64))
    reopened: Mapped[bool] = mapped_column(default=False)
    # who led the next shift when the handover was accepted, and whether an admin accepted in their place
    planned_incoming_lead_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    accepted_as_admin: Mapped[bool] = mapped_column(default=False, server_default=false())
    # the install key's signature (models.oplog.handover_seal) and the chain heads it covers, set on
    # acceptance
    signature: Mapped[str | None] = mapped_column(Text)
    signed_heads: Mapped[str | None] = mapped_column(Text)

    shift: Mapped[Shift] = relationship()
    outgoing_lead: Mapped[Staff] = relationship(foreign_keys=[outgoing_lead_id])
    incoming_lead: Mapped[Staff | None] = relationship(foreign_keys=[incoming_lead_id])
    planned_incoming_lead: Mapped[Staff | None] = relationship(foreign_keys=[planned_incoming_lead_id])
    carried_over: Mapped[list[Fault]] = relationship(secondary=handover_faults, order_by=Fault.id)
    additions: Mapped[list[HandoverAddition]] = relationship(
        order_by="HandoverAddition.id", back_populates="handover"
    )

    @property
    def locked(self) -> bool:
        return self.content_hash is not None


class HandoverAddition(Base):
    """Something written after the handover was locked: a reopen (with its reason), a note, a relock."""

    __tablename__ = "handover_additions"

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id"), index=True)
    at: Mapped[datetime]
    author_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    kind: Mapped[AdditionKind]
    text: Mapped[str] = mapped_column(Text)
    chain_hash: Mapped[str] = mapped_column(String(64))  # SHA-256 of the previous hash + this addition

    handover: Mapped[Handover] = relationship(back_populates="additions")
    author: Mapped[Staff] = relationship()


UNLOCKED_FIELDS = frozenset({"reopened", "signature"})  # the signature also covers reopened


@event.listens_for(Handover, "before_update")
def _refuse_locked_edits(_mapper: Mapper[Any], _connection: Any, target: Handover) -> None:
    state = inspect(target)
    hash_history = state.attrs.content_hash.history
    was_locked = any(value is not None for value in (*hash_history.unchanged, *hash_history.deleted))
    if not was_locked:
        return
    changed = [
        attr.key
        for attr in state.attrs
        if attr.key not in UNLOCKED_FIELDS and attr.key in state.mapper.columns and attr.history.has_changes()
    ]
    if changed:
        raise HandoverLocked(
            QT_TRANSLATE_NOOP(
                "Handover",
                "handover {id} is locked (accepted); {fields} cannot change "
                "— an admin can reopen it to add a marked addition",
            ).format(id=target.id, fields=", ".join(changed))
        )


@event.listens_for(Handover, "before_delete")
def _refuse_locked_delete(_mapper: Mapper[Any], _connection: Any, target: Handover) -> None:
    if target.locked:
        raise HandoverLocked(
            QT_TRANSLATE_NOOP("Handover", "handover {id} is locked (accepted) and cannot be deleted").format(
                id=target.id
            )
        )


refuse_changes(HandoverAddition)
