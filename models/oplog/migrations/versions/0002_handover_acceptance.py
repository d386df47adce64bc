"""Handover acceptance: the planned incoming lead, and an admin's acceptance in their place.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05

A handover is accepted by the lead of the next shift or, in their place, by an admin. The record
keeps who was planned and whether an admin accepted. Handovers accepted before this revision keep
both empty (false): who was planned then is not known, and their hashes stay as they were.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("handovers") as table:
        table.add_column(sa.Column("planned_incoming_lead_id", sa.Integer))
        table.add_column(
            sa.Column("accepted_as_admin", sa.Boolean, nullable=False, server_default=sa.false())
        )
        table.create_foreign_key(
            "fk_handovers_planned_incoming_lead_id_staff", "staff", ["planned_incoming_lead_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("handovers") as table:
        table.drop_constraint("fk_handovers_planned_incoming_lead_id_staff", type_="foreignkey")
        table.drop_column("accepted_as_admin")
        table.drop_column("planned_incoming_lead_id")
