"""`python app.py db check|rekey|setup-roles` — the record's integrity for IT staff (docs/record-integrity.md).

``check`` walks the audit and log hash chains and every signed handover and names what does not fit;
``rekey`` re-signs the accepted handovers with a new install key after checking them with the old;
``setup-roles`` gives PostgreSQL's tables an owner the console cannot log in as. Exit codes as in
``models.db_cli``.
"""
from __future__ import annotations

import argparse

from models.database import DatabaseProblem, open_database
from models.db_cli import EXIT_BAD_ARGUMENTS, EXIT_FAILED, EXIT_OK, BadArgument, cli_words, database_url, fail
from models.install_key import InstallKeyError, key_path, load_key
from models.oplog_time import utc_now
from models.pg_roles import RoleSetupError, setup_roles
from models.record_check import RekeyRefused, check, rekey


def run_check(args: argparse.Namespace) -> int:
    path = args.key_file or key_path()
    if not path.is_file():
        return fail(f"there is no install key at {path}; the handovers' signatures cannot be checked")
    try:
        database = open_database(database_url(args), migrate=False)
        try:
            found = check(database, load_key(path))
        finally:
            database.close()
    except BadArgument as error:
        return fail(str(error), EXIT_BAD_ARGUMENTS)
    except DatabaseProblem as problem:
        return fail(cli_words(problem))
    except InstallKeyError as problem:
        return fail(str(problem))
    for line in found:
        print(f"does not fit: {line}")
    if found:
        return EXIT_FAILED
    print(f"The operations log {database.name}: the audit and log chains and every signed handover fit.")
    return EXIT_OK


def run_rekey(args: argparse.Namespace) -> int:
    path = args.key_file or key_path()
    if not path.is_file():
        return fail(f"there is no install key at {path}, so there is nothing to re-sign from")
    try:
        database = open_database(database_url(args))
        try:
            count = rekey(database, path, utc_now())
        finally:
            database.close()
    except BadArgument as error:
        return fail(str(error), EXIT_BAD_ARGUMENTS)
    except DatabaseProblem as problem:
        return fail(cli_words(problem))
    except (InstallKeyError, RekeyRefused) as problem:
        return fail(str(problem))
    print(f"{count} accepted handovers in {database.name} are signed with the new install key in {path}. "
          f"Copy it to every desk that uses this database.")
    return EXIT_OK


def run_setup_roles(args: argparse.Namespace) -> int:
    try:
        database = open_database(database_url(args))
        try:
            if database.dialect != "postgresql":
                return fail("setup-roles is for PostgreSQL; a SQLite file is protected by its file permissions",
                            EXIT_BAD_ARGUMENTS)
            with database.translated_errors(), database.engine.begin() as connection:
                tables = setup_roles(connection, args.owner, args.console)
        finally:
            database.close()
    except BadArgument as error:
        return fail(str(error), EXIT_BAD_ARGUMENTS)
    except DatabaseProblem as problem:
        return fail(cli_words(problem))
    except RoleSetupError as problem:
        return fail(str(problem))
    print(f"{len(tables)} tables of {database.name} now belong to {args.owner}; {args.console} may use them but "
          f"not alter them (append-only tables: insert and read only).")
    return EXIT_OK
