"""Take-overs in the operations log: shared by every desk, one winner when two desks take one device at once.

A desk takes a device over for the running event its operator works for. It names the take-over in force
that it knew of (``seen``): when another desk took the device meanwhile, this desk is refused and told who
has it, in plain words, instead of silently taking it back. Two desks taking at the very same moment meet
at the unique index of the take-overs in force (PostgreSQL makes the second wait for the first, SQLite
transactions write one at a time): one wins, the other is refused the same way. Every take-over is
written to the audit trail in the same transaction, and every change is announced (``announce``).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.wording import QT_TRANSLATE_NOOP, Phrase
from models.oplog.admin_audit import ACTION_LIMIT, DONE
from models.oplog.clock import as_utc
from models.oplog.tables import AuditEntry, DeskNews, Event, EventStatus, Staff, TakeOverRow

CHANNEL = "smartcentre_desk_news"
DESK_ENV = "SMARTCENTRE_DESK"


class TakeOverRefused(Exception):
    """Another desk has the device, or the event cannot take it; the message says which."""


@dataclass(frozen=True)
class SharedTakeOver:
    """A take-over in force, as plain data for every desk."""

    id: int
    device: str
    device_name: str
    event_id: int
    event_title: str
    from_events: str
    desk: str
    staff: str | None
    at: datetime

    @property
    def sentence(self) -> Phrase:
        """ "Kamera 3 was just taken by Desk A for Rapat Koordinasi (Budi Santoso)"."""
        if self.staff:
            return QT_TRANSLATE_NOOP(
                "Ownership", "{device} was just taken by {desk} for {event} ({staff})"
            ).format(device=self.device_name, desk=self.desk, event=self.event_title, staff=self.staff)
        return QT_TRANSLATE_NOOP("Ownership", "{device} was just taken by {desk} for {event}").format(
            device=self.device_name, desk=self.desk, event=self.event_title
        )


def this_desk() -> str:
    """The name this desk goes by in take-overs: ``SMARTCENTRE_DESK``, else the computer's name."""
    return os.environ.get(DESK_ENV, "").strip() or socket.gethostname() or "this desk"


def takeovers_in_force(session: Session) -> list[SharedTakeOver]:
    rows = session.scalars(
        select(TakeOverRow).where(TakeOverRow.released_at.is_(None)).order_by(TakeOverRow.id)
    )
    return [_view(row) for row in rows]


def take_over(
    session: Session,
    device: str,
    device_name: str,
    event_id: int,
    *,
    by: Staff | None,
    desk: str,
    from_events: Sequence[str],
    seen: int | None,
    now: datetime,
    audit: bool = True,
) -> SharedTakeOver:
    """Give ``device`` to the running event ``event_id``; ``seen`` is the id of the take-over in force this
    desk knew of (None: none). Raises ``TakeOverRefused`` when another desk took it meanwhile. ``audit``:
    False when the caller writes the audit row itself (wall outputs, whose take-overs reach the trail as
    wall actions)."""
    event = session.get(Event, event_id)
    if event is None or event.status is not EventStatus.RUNNING:
        raise TakeOverRefused(
            QT_TRANSLATE_NOOP("Ownership", "{event} is not running, so it cannot take {device} over").format(
                event=event.title if event else event_id, device=device_name
            )
        )
    held = _in_force(session, device, lock=True)
    if held is not None and held.event_id == event_id:
        return _view(held)
    if held is not None and held.id != seen:
        raise TakeOverRefused(_view(held).sentence)
    if held is not None:
        held.released_at = as_utc(now)
        session.flush()
    row = TakeOverRow(
        device=device,
        device_name=device_name[:120],
        event_id=event_id,
        from_events=", ".join(from_events)[:400],
        staff_id=by.id if by else None,
        desk=desk[:120],
        taken_at=as_utc(now),
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:  # another desk's take-over of the same device committed first
        winner = _in_force(session, device)
        if winner is None:
            raise
        raise TakeOverRefused(_view(winner).sentence) from None
    if audit:
        action = (
            f"take over {device_name} ({device}) from {row.from_events or 'no event'} "
            f"for {event.title} at {desk}"
        )
        session.add(
            AuditEntry(
                at=as_utc(now),
                staff_id=row.staff_id,
                event_id=event_id,
                device=device_name[:120],
                action=action[:ACTION_LIMIT],
                result=DONE,
            )
        )
    announce(session)
    session.flush()
    return _view(row)


def release(session: Session, event_id: int, now: datetime) -> int:
    """The event ended: what it took goes back; returns how many take-overs ended."""
    query = update(TakeOverRow).where(TakeOverRow.event_id == event_id, TakeOverRow.released_at.is_(None))
    # an UPDATE through Session.execute returns a CursorResult (SQLAlchemy's docs), typed as any Result
    released = session.execute(query.values(released_at=as_utc(now))).rowcount  # type: ignore[attr-defined]
    if released:
        announce(session)
    return released


def announce(session: Session) -> None:
    """Tell every desk that take-overs or running events changed: the news version grows, and on PostgreSQL a
    notification is sent when the transaction commits."""
    session.execute(update(DeskNews).where(DeskNews.id == 1).values(version=DeskNews.version + 1))
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_notify(:channel, '')"), {"channel": CHANNEL})


def _in_force(session: Session, device: str, lock: bool = False) -> TakeOverRow | None:
    query = select(TakeOverRow).where(TakeOverRow.device == device, TakeOverRow.released_at.is_(None))
    if lock:
        query = query.with_for_update(of=TakeOverRow)
    return session.scalars(query.execution_options(populate_existing=True)).first()


def _view(row: TakeOverRow) -> SharedTakeOver:
    return SharedTakeOver(
        row.id,
        row.device,
        row.device_name,
        row.event_id,
        row.event.title,
        row.from_events,
        row.desk,
        row.staff.name if row.staff else None,
        row.taken_at,
    )
