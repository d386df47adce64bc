"""The OBS output an event streams on.

Revision ID: 0007_event_broadcast_output
Revises: 0006_broadcast_log
Create Date: 2026-12-06

An event names the output of the configuration's ``broadcast:`` list it streams on (issue 15), chosen
in the event form; empty for an event that is not streamed or whose configuration template names it.
See docs/broadcast.md.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_event_broadcast_output"
down_revision = "0006_broadcast_log"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("events", sa.Column("broadcast_output", sa.String(60)))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("broadcast_output")
