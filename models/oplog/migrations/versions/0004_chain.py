"""Tamper evidence: hash chains over the audit trail and the log, keyed handover signatures.

Revision ID: 0004_chain
Revises: 0003_auth
Create Date: 2026-12-05

Audit and log rows get ``prev_hash`` and ``chain_hash`` (``models.oplog.record_chain``), existing rows in
id order; ``chain_heads`` keeps each chain's last hash. Handovers get ``signature`` (HMAC-SHA256
with the install key, ``models.oplog.handover_seal``) and ``signed_heads``. Handovers accepted before
this revision are signed here if they still match their old SHA-256 hash; one that does not stays
unsigned, and every check names it. The append-only triggers are set aside while the new columns
are filled, inside the migration's transaction.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_chain"
down_revision = "0003_auth"
branch_labels = None
depends_on = None

CHAINED = ("audit_entries", "log_entries")


def upgrade() -> None:
    from models.oplog.handover_seal import locked_hash, record_heads, seal
    from models.oplog.install_key import load_key
    from models.oplog.record_chain import GENESIS, row_hash
    from models.oplog.tables import (
        metadata,
    )  # the column types, so that instants are read as the models read them

    bind = op.get_bind()
    op.create_table(
        "chain_heads",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("last_hash", sa.String(64), nullable=False),
    )
    _set_triggers(bind, on=False)
    for table in CHAINED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("prev_hash", sa.String(64)))
            batch.add_column(sa.Column("chain_hash", sa.String(64)))
        rows = sa.table(table, sa.column("id"), sa.column("prev_hash"), sa.column("chain_hash"))
        reflected = sa.Table(table, sa.MetaData(), autoload_with=bind)
        columns = metadata.tables[table].c
        previous = GENESIS
        for row in (
            bind.execute(
                sa.select(*(columns[c.name] for c in reflected.c if c.name in columns)).order_by(columns.id)
            )
            .mappings()
            .all()
        ):
            digest = row_hash(previous, table, dict(row))
            bind.execute(
                rows.update().where(rows.c.id == row["id"]).values(prev_hash=previous, chain_hash=digest)
            )
            previous = digest
        bind.execute(
            sa.text("INSERT INTO chain_heads (name, last_hash) VALUES (:name, :hash)"),
            {"name": table, "hash": previous},
        )
        with op.batch_alter_table(table) as batch:
            batch.alter_column("prev_hash", existing_type=sa.String(64), nullable=False)
            batch.alter_column("chain_hash", existing_type=sa.String(64), nullable=False)
    _set_triggers(bind, on=True)
    with op.batch_alter_table("handovers") as batch:
        batch.add_column(sa.Column("signature", sa.Text))
        batch.add_column(sa.Column("signed_heads", sa.Text))
    handovers = sa.table(
        "handovers",
        sa.column("id"),
        sa.column("content_hash"),
        sa.column("signature"),
        sa.column("signed_heads"),
    )
    key = None
    for handover_id, stored_hash in bind.execute(
        sa.select(handovers.c.id, handovers.c.content_hash).where(handovers.c.content_hash.is_not(None))
    ).all():
        if locked_hash(bind, handover_id) != stored_hash:
            continue
        key = key or load_key()
        bind.execute(
            handovers.update().where(handovers.c.id == handover_id).values(signed_heads=record_heads(bind))
        )
        bind.execute(
            handovers.update()
            .where(handovers.c.id == handover_id)
            .values(signature=seal(bind, handover_id, key))
        )


def _set_triggers(bind: sa.Connection, *, on: bool) -> None:
    """The append-only triggers of the chained tables (migration 0001), set aside and back."""
    for table in CHAINED:
        if bind.dialect.name == "postgresql":
            op.execute(f"ALTER TABLE {table} {'ENABLE' if on else 'DISABLE'} TRIGGER {table}_append_only")
            continue
        for verb in ("UPDATE", "DELETE"):
            if on:
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} BEGIN "
                    f"SELECT RAISE(ABORT, '{table} is append-only: rows cannot be changed or deleted'); END"
                )
            else:
                op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb.lower()}")


def downgrade() -> None:
    with op.batch_alter_table("handovers") as batch:
        batch.drop_column("signed_heads")
        batch.drop_column("signature")
    bind = op.get_bind()
    _set_triggers(bind, on=False)
    for table in CHAINED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("chain_hash")
            batch.drop_column("prev_hash")
    _set_triggers(bind, on=True)
    op.drop_table("chain_heads")
