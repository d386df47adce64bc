"""Staff names unique whatever their capitals and spaces.

Revision ID: 0003_auth
Revises: 0002
Create Date: 2026-12-05

Names are tidied (spaces at the ends dropped, runs of spaces made one). Where two or more names then
differ only in capitals, the account made first keeps its name and each later one gets its number
added ("Budi Santoso (#7)"), so that an admin can tell them apart and rename them; nothing else
changes. A unique index on the lower-case name then holds to it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_auth"
down_revision = "0002"
branch_labels = None
depends_on = None

STAFF = sa.table("staff", sa.column("id", sa.Integer), sa.column("name", sa.String))


def upgrade() -> None:
    connection = op.get_bind()
    seen: set[str] = set()
    for staff_id, name in connection.execute(sa.select(STAFF.c.id, STAFF.c.name).order_by(STAFF.c.id)).all():
        tidy = " ".join(name.split())
        if tidy.lower() in seen:
            tidy = f"{tidy} (#{staff_id})"
        seen.add(tidy.lower())
        if tidy != name:
            connection.execute(STAFF.update().where(STAFF.c.id == staff_id).values(name=tidy))
    op.create_index("uq_staff_name_folded", "staff", [sa.text("lower(name)")], unique=True)


def downgrade() -> None:
    op.drop_index("uq_staff_name_folded", table_name="staff")
