"""`python app.py db upgrade|seed-demo|check|rekey|setup-roles [--db URL]` — the operations log database for IT staff.

Exit codes: 0 done (``check``: everything fits); 1 the database cannot be used or already has data,
or (``check``) something does not fit, or (``rekey``) a handover does not fit its signature (one
line each says why); 2 bad arguments.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from models.database import (
    ENV_VAR, DatabaseProblem, current_revision, default_url, head_revision, migrate_database, open_database)
from models.install_key import InstallKeyError, key_path, load_key
from models.oplog_time import utc_now
from models.pg_roles import RoleSetupError, setup_roles
from models.record_check import RekeyRefused, check, rekey
from models.seed_catalog import DEMO_PIN
from models.seed_demo import SeedError, parse_month, seed_demo

EXIT_OK, EXIT_FAILED, EXIT_BAD = 0, 1, 2


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("db", help="operations log database: upgrade, seed-demo",
                              description="Create, migrate or fill the operations log database.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,   # also valid before "db" in app.py
                        help=f"SQLAlchemy URL, e.g. postgresql+psycopg://user:pass@host/smartcentre "
                             f"(default: ${ENV_VAR}, else a SQLite file in the user's data folder)")
    actions = p.add_subparsers(dest="db_action", required=True, metavar="ACTION")
    upgrade = actions.add_parser("upgrade", parents=[common], help="create the tables or migrate them to this version")
    upgrade.set_defaults(func=run_upgrade)
    seed = actions.add_parser("seed-demo", parents=[common], help="fill an empty database with a month of demo data")
    seed.add_argument("--month", type=_month, help="YYYY-MM (default: this month)")
    seed.set_defaults(func=run_seed_demo)
    keyed = argparse.ArgumentParser(add_help=False)
    keyed.add_argument("--key-file", type=Path, default=None,
                       help="the install key (default: install.key in the user's configuration folder)")
    checking = actions.add_parser("check", parents=[common, keyed],
                                  help="walk the hash chains and the signed handovers; name what does not fit")
    checking.set_defaults(func=run_check)
    rekeying = actions.add_parser("rekey", parents=[common, keyed],
                                  help="check the accepted handovers, then sign them with a new install key")
    rekeying.set_defaults(func=run_rekey)
    roles = actions.add_parser("setup-roles", parents=[common],
                               help="PostgreSQL: a table owner role apart from the console's login role")
    roles.add_argument("--owner", default="smartcentre_owner", help="the owner role (created, NOLOGIN, if missing)")
    roles.add_argument("--console", required=True, help="the console's existing login role")
    roles.set_defaults(func=run_setup_roles)


def _month(text: str) -> str:
    try:
        parse_month(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def run_upgrade(args: argparse.Namespace) -> int:
    try:
        database = open_database(_url(args), migrate=False)
        try:
            before = current_revision(database)
            migrate_database(database)
        finally:
            database.close()
    except DatabaseProblem as problem:
        return _fail(str(problem))
    head = head_revision()
    done = "is already at" if before == head else f"was migrated from {before or 'empty'} to"
    print(f"The operations log database {database.name} {done} schema {head}.")
    return EXIT_OK


def run_seed_demo(args: argparse.Namespace) -> int:
    try:
        database = open_database(_url(args))
        try:
            result = seed_demo(database, args.month)
        finally:
            database.close()
    except (DatabaseProblem, SeedError) as problem:
        return _fail(str(problem))
    print(f"Demo data for {result.month} written to {database.name}: {result.staff} staff, {result.shifts} shifts, "
          f"{result.events} events, {result.handovers} handovers, {result.faults} faults, "
          f"{result.log_entries} log entries, {result.audit_rows} audit rows (PIN of every account: {DEMO_PIN}).")
    return EXIT_OK


def run_check(args: argparse.Namespace) -> int:
    if _bad_url(args):
        return EXIT_BAD
    path = args.key_file or key_path()
    if not path.is_file():
        return _fail(f"there is no install key at {path}; the handovers' signatures cannot be checked")
    try:
        database = open_database(_url(args), migrate=False)
        try:
            found = check(database, load_key(path))
        finally:
            database.close()
    except (DatabaseProblem, InstallKeyError) as problem:
        return _fail(str(problem))
    for line in found:
        print(f"does not fit: {line}")
    if found:
        return EXIT_FAILED
    print(f"The operations log {database.name}: the audit and log chains and every signed handover fit.")
    return EXIT_OK


def run_rekey(args: argparse.Namespace) -> int:
    if _bad_url(args):
        return EXIT_BAD
    path = args.key_file or key_path()
    if not path.is_file():
        return _fail(f"there is no install key at {path}, so there is nothing to re-sign from")
    try:
        database = open_database(_url(args))
        try:
            count = rekey(database, path, utc_now())
        finally:
            database.close()
    except (DatabaseProblem, InstallKeyError, RekeyRefused) as problem:
        return _fail(str(problem))
    print(f"{count} accepted handovers in {database.name} are signed with the new install key in {path}. "
          f"Copy it to every desk that uses this database.")
    return EXIT_OK


def run_setup_roles(args: argparse.Namespace) -> int:
    if _bad_url(args):
        return EXIT_BAD
    try:
        database = open_database(_url(args))
        try:
            if database.dialect != "postgresql":
                print("error: setup-roles is for PostgreSQL; a SQLite file is protected by its file permissions",
                      file=sys.stderr)
                return EXIT_BAD
            with database.translated_errors(), database.engine.begin() as connection:
                tables = setup_roles(connection, args.owner, args.console)
        finally:
            database.close()
    except (DatabaseProblem, RoleSetupError) as problem:
        return _fail(str(problem))
    print(f"{len(tables)} tables of {database.name} now belong to {args.owner}; {args.console} may use them but "
          f"not alter them (append-only tables: insert and read only).")
    return EXIT_OK


def _bad_url(args: argparse.Namespace) -> bool:
    """True (and says so) when --db is not a database URL: bad arguments, nothing opened."""
    try:
        make_url(_url(args))
    except ArgumentError:
        print(f"error: --db {_url(args)!r} is not a database URL (e.g. sqlite:///path/oplog.sqlite or "
              f"postgresql+psycopg://user@host/smartcentre)", file=sys.stderr)
        return True
    return False


def _url(args: argparse.Namespace) -> str:
    return getattr(args, "db", None) or default_url()


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_FAILED
