"""PostgreSQL: the tables belong to an owner role, the console logs in as a role that may only use them.

The owner of a table may disable its triggers (``ALTER TABLE … DISABLE TRIGGER USER``) and then
delete audit rows. So the tables, sequences and the trigger function belong to a role that nobody
logs in as, and the console's login role gets only INSERT and SELECT on the append-only tables,
plain read/write on the others, and no ALTER, TRIGGER or TRUNCATE anywhere. Run by IT staff with
an administrator's URL with ``db upgrade --console ROLE`` or ``db setup-roles`` (see
docs/record-integrity.md).
"""

from __future__ import annotations

import re

from sqlalchemy import Connection, text

APPEND_ONLY = ("audit_entries", "log_entries", "handover_additions")
READ_ONLY = ("alembic_version",)
OWNER = "smartcentre_owner"
NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RoleSetupError(Exception):
    """The roles cannot be set up as asked; the message says why (English, for IT staff)."""


def setup_roles(connection: Connection, owner: str, console: str) -> list[str]:
    """Make ``owner`` (created, NOLOGIN, if missing) own every table of the current schema and grant the
    existing login role ``console`` what the console needs. Returns the tables handled."""
    for role in (owner, console):
        if not NAME.match(role):
            raise RoleSetupError(f"{role!r} is not a plain role name (lower-case letters, digits, _)")
    if owner == console:
        raise RoleSetupError("the table owner and the console's login role must be different roles")
    if not _role_exists(connection, console):
        raise RoleSetupError(
            f"there is no role {console}: create the console's login role first "
            f"(CREATE ROLE {console} LOGIN PASSWORD '…')"
        )
    if not _role_exists(connection, owner):
        connection.exec_driver_sql(f"CREATE ROLE {owner} NOLOGIN")
    schema = connection.execute(text("SELECT current_schema()")).scalar_one()
    tables = list(
        connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = :schema ORDER BY tablename"),
            {"schema": schema},
        ).scalars()
    )
    sequences = (
        connection.execute(
            text("SELECT sequencename FROM pg_sequences WHERE schemaname = :schema"), {"schema": schema}
        )
        .scalars()
        .all()
    )
    connection.exec_driver_sql(f"ALTER SCHEMA {schema} OWNER TO {owner}")
    connection.exec_driver_sql(f"GRANT USAGE ON SCHEMA {schema} TO {console}")
    connection.exec_driver_sql(f"ALTER FUNCTION {schema}.refuse_append_only_change() OWNER TO {owner}")
    for table in tables:
        connection.exec_driver_sql(f"ALTER TABLE {schema}.{table} OWNER TO {owner}")
        connection.exec_driver_sql(f"REVOKE ALL ON {schema}.{table} FROM {console}")
        rights = (
            "SELECT"
            if table in READ_ONLY
            else "SELECT, INSERT"
            if table in APPEND_ONLY
            else "SELECT, INSERT, UPDATE, DELETE"
        )
        connection.exec_driver_sql(f"GRANT {rights} ON {schema}.{table} TO {console}")
    for sequence in sequences:  # they follow their tables' owner
        connection.exec_driver_sql(f"GRANT USAGE, SELECT ON SEQUENCE {schema}.{sequence} TO {console}")
    return tables


def _role_exists(connection: Connection, role: str) -> bool:
    return (
        connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :role"), {"role": role}).first()
        is not None
    )
