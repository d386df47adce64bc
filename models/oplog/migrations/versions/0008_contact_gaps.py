"""The console's lost contacts with an OBS that went on streaming or recording.

Revision ID: 0008_contact_gaps
Revises: 0007_event_broadcast_output
Create Date: 2026-12-07

A stream or recording that OBS still runs when the console is back in contact goes on (issue 15); the
gap is kept here, with its output and times, so that the handover lists it as a problem of the streams
it fell in (the audit trail's row says the same in words, for people). See docs/broadcast.md "When the
console loses OBS".
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_contact_gaps"
down_revision = "0007_event_broadcast_output"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact_gaps",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("output", sa.String(60), nullable=False),
        sa.Column("lost_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("back_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("back_at >= lost_at", name="back_after_lost"),
        sa.UniqueConstraint("output", "lost_at"),
    )
    op.create_index("ix_contact_gaps_lost_at", "contact_gaps", ["lost_at"])


def downgrade() -> None:
    op.drop_table("contact_gaps")
