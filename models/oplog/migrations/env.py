"""Alembic environment of the operations log.

``models.oplog.database.migrate`` passes an open connection in ``config.attributes["connection"]`` and
owns the transaction. A developer may instead point Alembic at a URL (``sqlalchemy.url``), e.g. to
autogenerate a new revision against a scratch database. SQLite needs batch mode ("move and copy")
for most ALTERs; the naming convention of ``models.oplog.schema.base`` gives every constraint a name so
that batch mode can find it.
"""

from __future__ import annotations

import warnings

from alembic import context
from sqlalchemy import Connection, create_engine, pool
from sqlalchemy.exc import SAWarning

from models.oplog.tables import metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection, target_metadata=metadata, render_as_batch=connection.dialect.name == "sqlite"
    )
    with context.begin_transaction(), warnings.catch_warnings():
        # batch mode reflects tables, and SQLite cannot reflect the staff names' lower(name) index
        # (revision 0003_auth); the index stays as it is, no revision rebuilds the staff table
        warnings.filterwarnings(
            "ignore", "Skipped unsupported reflection of expression-based index", category=SAWarning
        )
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is not None:
    run_migrations(given)
else:
    url = context.config.get_main_option("sqlalchemy.url")
    if url is None:
        raise SystemExit(
            "alembic: set sqlalchemy.url (or pass a connection) to say which database to migrate"
        )
    engine = create_engine(url, poolclass=pool.NullPool)
    with engine.connect() as connection:
        run_migrations(connection)
