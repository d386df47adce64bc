"""Operations log: staff, locations, devices, shifts, events, audit trail, log, faults, handovers.

Revision ID: 0001
Revises:
Create Date: 2026-11-28

The audit trail, the log entries and the handover additions are append-only: triggers refuse
UPDATE and DELETE (and TRUNCATE on PostgreSQL). On SQLite, a later batch-mode migration that
recreates one of these tables drops its triggers and must create them again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPEND_ONLY = ("audit_entries", "log_entries", "handover_additions")


def when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def choice(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=20)


def upgrade() -> None:
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("nip", sa.String(18), unique=True),
        sa.Column("category", choice("employmentcategory", "PNS", "CPNS", "penunjang"), nullable=False),
        sa.Column("role", choice("role", "viewer", "operator", "admin"), nullable=False),
        sa.Column("pin_hash", sa.String(60), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("failed_pins", sa.Integer, nullable=False),
        sa.Column("locked_until", when()),
    )
    op.create_table(
        "locations",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(120), nullable=False, unique=True),
        sa.Column("kind", choice("locationkind", "smart_centre_room", "venue", "mobile"), nullable=False),
    )
    op.create_table(
        "devices",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("asset_number", sa.String(40), nullable=False, unique=True),
        sa.Column("name", sa.String(120), nullable=False, unique=True),
        sa.Column(
            "kind", choice("devicekind", "camera", "video_wall", "mobile_kit", "other"), nullable=False
        ),
        sa.Column("location_id", sa.Integer, sa.ForeignKey("locations.id")),
        sa.Column("in_service", sa.Boolean, nullable=False),
    )
    op.create_table(
        "shifts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("planned_start", when(), nullable=False),
        sa.Column("planned_end", when(), nullable=False),
        sa.Column("actual_start", when()),
        sa.Column("actual_end", when()),
        sa.Column("lead_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
        sa.CheckConstraint("planned_end > planned_start", name="planned_order"),
        sa.CheckConstraint(
            "actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start", name="actual_order"
        ),
    )
    op.create_index("ix_shifts_planned_start", "shifts", ["planned_start"])
    op.create_table(
        "shift_members",
        sa.Column("shift_id", sa.Integer, sa.ForeignKey("shifts.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id"), primary_key=True),
    )
    op.create_index("ix_shift_members_staff_id", "shift_members", ["staff_id"])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("organiser", sa.String(120), nullable=False),
        sa.Column("mode", choice("eventmode", "daring", "luring", "campuran"), nullable=False),
        sa.Column(
            "status", choice("eventstatus", "scheduled", "running", "finished", "cancelled"), nullable=False
        ),
        sa.Column("planned_start", when(), nullable=False),
        sa.Column("planned_end", when(), nullable=False),
        sa.Column("actual_start", when()),
        sa.Column("actual_end", when()),
        sa.Column("stream_platform", sa.String(40)),
        sa.Column("stream_url", sa.String(500)),
        sa.Column("notes", sa.Text, nullable=False),
        sa.CheckConstraint("planned_end > planned_start", name="planned_order"),
        sa.CheckConstraint(
            "actual_end IS NULL OR actual_start IS NULL OR actual_end >= actual_start", name="actual_order"
        ),
        sa.CheckConstraint("stream_url IS NULL OR stream_platform IS NOT NULL", name="stream_has_platform"),
    )
    for column in ("status", "planned_start", "actual_start"):
        op.create_index(f"ix_events_{column}", "events", [column])
    op.create_table(
        "event_locations",
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("location_id", sa.Integer, sa.ForeignKey("locations.id"), primary_key=True),
        sa.Column("participant_limit", sa.Integer),
        sa.Column("participant_count", sa.Integer),
        sa.CheckConstraint("participant_limit IS NULL OR participant_limit >= 0", name="limit_not_negative"),
        sa.CheckConstraint("participant_count IS NULL OR participant_count >= 0", name="count_not_negative"),
    )
    op.create_index("ix_event_locations_location_id", "event_locations", ["location_id"])
    for table, column, target in (
        ("event_operators", "staff_id", "staff.id"),
        ("event_devices", "device_id", "devices.id"),
    ):
        op.create_table(
            table,
            sa.Column(
                "event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
            ),
            sa.Column(column, sa.Integer, sa.ForeignKey(target), primary_key=True),
        )
        op.create_index(f"ix_{table}_{column}", table, [column])
    op.create_table(
        "audit_entries",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("at", when(), nullable=False),
        sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id")),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id")),
        sa.Column("device", sa.String(120)),
        sa.Column("action", sa.String(200), nullable=False),
        sa.Column("result", sa.String(60), nullable=False),
        sa.Column("duration_ms", sa.Float),
    )
    op.create_index("ix_audit_entries_at", "audit_entries", ["at"])
    op.create_table(
        "log_entries",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
        sa.Column("at", when(), nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("shift_id", sa.Integer, sa.ForeignKey("shifts.id")),
        sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id")),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_log_entries_at", "log_entries", ["at"])
    op.create_index("ix_log_entries_shift_id", "log_entries", ["shift_id"])
    op.create_table(
        "faults",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("device_id", sa.Integer, sa.ForeignKey("devices.id")),
        sa.Column("severity", choice("faultseverity", "minor", "major", "critical"), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("opened_at", when(), nullable=False),
        sa.Column("opened_by_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("owner_id", sa.Integer, sa.ForeignKey("staff.id")),
        sa.Column("closed_at", when()),
        sa.Column("closed_by_id", sa.Integer, sa.ForeignKey("staff.id")),
        sa.Column("resolution", sa.Text),
        sa.CheckConstraint("closed_at IS NULL OR closed_at >= opened_at", name="closed_after_opened"),
    )
    for column in ("device_id", "opened_at", "closed_at"):
        op.create_index(f"ix_faults_{column}", "faults", [column])
    op.create_table(
        "handovers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("shift_id", sa.Integer, sa.ForeignKey("shifts.id"), nullable=False, unique=True),
        sa.Column("outgoing_lead_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("incoming_lead_id", sa.Integer, sa.ForeignKey("staff.id")),
        sa.Column("created_at", when(), nullable=False),
        sa.Column("summary_json", sa.Text, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("signed_at", when()),
        sa.Column("accepted_at", when()),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("reopened", sa.Boolean, nullable=False),
    )
    op.create_table(
        "handover_faults",
        sa.Column(
            "handover_id", sa.Integer, sa.ForeignKey("handovers.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("fault_id", sa.Integer, sa.ForeignKey("faults.id"), primary_key=True),
    )
    op.create_index("ix_handover_faults_fault_id", "handover_faults", ["fault_id"])
    op.create_table(
        "handover_additions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("handover_id", sa.Integer, sa.ForeignKey("handovers.id"), nullable=False),
        sa.Column("at", when(), nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("staff.id"), nullable=False),
        sa.Column("kind", choice("additionkind", "reopened", "note", "relocked"), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("chain_hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_handover_additions_handover_id", "handover_additions", ["handover_id"])
    create_append_only_triggers()


def create_append_only_triggers() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION '% is append-only: rows cannot be changed or deleted', TG_TABLE_NAME "
            "USING ERRCODE = 'restrict_violation'; END $$"
        )
        for table in APPEND_ONLY:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()"
            )
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()"
            )
    else:
        for table in APPEND_ONLY:
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} BEGIN "
                    f"SELECT RAISE(ABORT, '{table} is append-only: rows cannot be changed or deleted'); END"
                )


def downgrade() -> None:
    for table in (
        "handover_additions",
        "handover_faults",
        "handovers",
        "faults",
        "log_entries",
        "audit_entries",
        "event_devices",
        "event_operators",
        "event_locations",
        "events",
        "shift_members",
        "shifts",
        "devices",
        "locations",
        "staff",
    ):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION refuse_append_only_change()")
