"""Take-overs shared between desks, and the counter desks watch for news.

Revision ID: 0005_takeovers
Revises: 0004_chain
Create Date: 2026-12-05

Take-overs used to live in each console's memory. They are now rows: at most one in force per device
(a partial unique index), ended when the taking event ends or hands the device back. ``desk_news`` holds
one row whose version grows with every take-over and every event started or ended; desks poll it (and
on PostgreSQL are also notified), see docs/several-desks.md.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_takeovers"
down_revision = "0004_chain"
branch_labels = None
depends_on = None

IN_FORCE = sa.text("released_at IS NULL")


def upgrade() -> None:
    op.create_table(
        "takeovers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("device", sa.String(120), nullable=False),
        sa.Column("device_name", sa.String(120), nullable=False),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id"), nullable=False),
        sa.Column("from_events", sa.String(400), nullable=False),
        sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id")),
        sa.Column("desk", sa.String(120), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("released_at", sa.DateTime(timezone=True)),
    )
    op.create_index("ix_takeovers_event_id", "takeovers", ["event_id"])
    op.create_index(
        "uq_takeovers_device_in_force",
        "takeovers",
        ["device"],
        unique=True,
        sqlite_where=IN_FORCE,
        postgresql_where=IN_FORCE,
    )
    news = op.create_table(
        "desk_news",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.BigInteger, nullable=False),
    )
    op.bulk_insert(news, [{"id": 1, "version": 0}])


def downgrade() -> None:
    op.drop_table("desk_news")
    op.drop_index("uq_takeovers_device_in_force", "takeovers")
    op.drop_index("ix_takeovers_event_id", "takeovers")
    op.drop_table("takeovers")
