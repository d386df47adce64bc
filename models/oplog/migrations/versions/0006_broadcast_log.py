"""The broadcast log: on-air sessions, stream drops, recordings; on-air times with each event.

Revision ID: 0006_broadcast_log
Revises: 0005_takeovers
Create Date: 2026-12-06

OBS outputs report streams and recordings (issue 15). Each stream of an output is an on-air session
(who started and stopped it, why it ended), with the drops OBS reconnected from; recordings keep their
file. Events get ``on_air_start``, ``on_air_end`` and ``on_air_seconds``, kept by the same jobs, so
that reports read an event's time on air without adding up its sessions. See docs/obs.md, "On the record".
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_broadcast_log"
down_revision = "0005_takeovers"
branch_labels = None
depends_on = None

OPEN = {"on_air_sessions": "ended_at", "stream_drops": "back_at", "recordings": "stopped_at"}
REASONS = sa.Enum(
    "stopped", "dropped", "obs_closed", name="endreason", native_enum=False, create_constraint=True, length=20
)


def _staff(name: str) -> sa.Column:
    return sa.Column(name, sa.Integer, sa.ForeignKey("staff.id"))


def _instant(name: str, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    for name in ("on_air_start", "on_air_end"):
        op.add_column("events", _instant(name))
    op.add_column("events", sa.Column("on_air_seconds", sa.Float))
    op.create_table(
        "on_air_sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("output", sa.String(60), nullable=False),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id")),
        _instant("started_at", nullable=False),
        _instant("ended_at"),
        _staff("started_by_id"),
        _staff("stopped_by_id"),
        sa.Column("end_reason", REASONS),
        sa.Column("dropped_frames", sa.Integer),
        sa.CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="ended_after_started"),
        sa.CheckConstraint("(ended_at IS NULL) = (end_reason IS NULL)", name="reason_when_ended"),
        sa.UniqueConstraint("output", "started_at"),
    )
    op.create_table(
        "stream_drops",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("session_id", sa.Integer, sa.ForeignKey("on_air_sessions.id"), nullable=False),
        _instant("at", nullable=False),
        _instant("back_at"),
        sa.Column("dropped_frames", sa.Integer),
        sa.CheckConstraint("back_at IS NULL OR back_at >= at", name="back_after_drop"),
        sa.UniqueConstraint("session_id", "at"),
    )
    op.create_table(
        "recordings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("output", sa.String(60), nullable=False),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id")),
        _instant("started_at", nullable=False),
        _instant("stopped_at"),
        _staff("started_by_id"),
        _staff("stopped_by_id"),
        sa.Column("path", sa.String(500)),
        sa.CheckConstraint("stopped_at IS NULL OR stopped_at >= started_at", name="stopped_after_started"),
        sa.UniqueConstraint("output", "started_at"),
    )
    op.create_index("ix_on_air_sessions_event_id", "on_air_sessions", ["event_id"])
    op.create_index("ix_on_air_sessions_started_at", "on_air_sessions", ["started_at"])
    op.create_index("ix_stream_drops_session_id", "stream_drops", ["session_id"])
    op.create_index("ix_recordings_event_id", "recordings", ["event_id"])
    op.create_index("ix_recordings_started_at", "recordings", ["started_at"])
    for table, end in OPEN.items():
        key = "session_id" if table == "stream_drops" else "output"
        where = sa.text(f"{end} IS NULL")
        op.create_index(
            f"uq_{table}_open", table, [key], unique=True, sqlite_where=where, postgresql_where=where
        )


def downgrade() -> None:
    for table in ("stream_drops", "recordings", "on_air_sessions"):
        op.drop_table(table)
    with op.batch_alter_table("events") as batch:
        for name in ("on_air_seconds", "on_air_end", "on_air_start"):
            batch.drop_column(name)
