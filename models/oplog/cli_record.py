"""`python app.py db check|rekey|setup-roles` — the record's integrity for IT staff
(docs/record-integrity.md).

``check`` walks the audit and log hash chains and every signed handover and names what does not fit;
``rekey`` re-signs the accepted handovers with a new install key after checking them with the old;
``setup-roles`` gives PostgreSQL's tables an owner the console cannot log in as. Exit codes as in
``models.oplog.cli``.
"""

from __future__ import annotations

import argparse

from common.command_line import EXIT_FAILED, EXIT_OK, fail
from models.oplog.cli_support import BadArgument, on_database
from models.oplog.clock import utc_now
from models.oplog.database import Database
from models.oplog.install_key import InstallKeyError, key_path, load_key
from models.oplog.pg_roles import RoleSetupError, setup_roles
from models.oplog.record_check import RekeyRefused, check, rekey


def run_check(args: argparse.Namespace) -> int:
    path = args.key_file or key_path()
    if not path.is_file():
        return fail(
            EXIT_FAILED, f"there is no install key at {path}; the handovers' signatures cannot be checked"
        )

    def walk(database: Database) -> int:
        found = check(database, load_key(path))
        for line in found:
            print(f"does not fit: {line}")
        if found:
            return EXIT_FAILED
        print(f"The operations log {database.name}: the audit and log chains and every signed handover fit.")
        return EXIT_OK

    return on_database(args, walk, migrate=False, refusals=(InstallKeyError,))


def run_rekey(args: argparse.Namespace) -> int:
    path = args.key_file or key_path()
    if not path.is_file():
        return fail(EXIT_FAILED, f"there is no install key at {path}, so there is nothing to re-sign from")

    def sign_again(database: Database) -> int:
        count = rekey(database, path, utc_now())
        print(
            f"{count} accepted handovers in {database.name} are signed with the new install key in {path}. "
            f"Copy it to every desk that uses this database."
        )
        return EXIT_OK

    return on_database(args, sign_again, refusals=(InstallKeyError, RekeyRefused))


def run_setup_roles(args: argparse.Namespace) -> int:
    def setup(database: Database) -> int:
        if database.dialect != "postgresql":
            raise BadArgument(
                "setup-roles is for PostgreSQL; a SQLite file is protected by its file permissions"
            )
        return hand_over_tables(database, args.owner, args.console)

    return on_database(args, setup, refusals=(RoleSetupError,))


def hand_over_tables(database: Database, owner: str, console: str) -> int:
    """The tables to ``owner``; ``console`` may use them but not alter them (also ``db upgrade
    --console``)."""
    with database.translated_errors(), database.engine.begin() as connection:
        tables = setup_roles(connection, owner, console)
    print(
        f"{len(tables)} tables of {database.name} now belong to {owner}; "
        f"{console} may use them but not alter them (append-only tables: insert and read only)."
    )
    return EXIT_OK
