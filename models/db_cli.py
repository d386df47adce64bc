"""`python app.py db upgrade|seed-demo [--db URL]` — the operations log database for IT staff.

Exit codes: 0 done; 1 the database cannot be used or already has data (one line says why);
2 bad arguments (one line says which). The helpers at the end serve every command that opens the
operations log (``ui/report_cli.py`` too).
"""
from __future__ import annotations

import argparse
import sys

from models.database import (
    ENV_VAR, DatabaseProblem, check_url, current_revision, default_url, head_revision, migrate_database,
    open_database)
from models.seed_catalog import DEMO_PIN
from models.seed_demo import SeedError, parse_month, seed_demo

EXIT_OK, EXIT_FAILED, EXIT_BAD_ARGUMENTS = 0, 1, 2


class BadArgument(ValueError):
    """An argument argparse could not check by itself (``--db`` may come before the command); exit 2."""


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


def _month(text: str) -> str:
    try:
        parse_month(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def run_upgrade(args: argparse.Namespace) -> int:
    try:
        database = open_database(database_url(args), migrate=False)
        try:
            before = current_revision(database)
            migrate_database(database)
        finally:
            database.close()
    except BadArgument as error:
        return fail(str(error), EXIT_BAD_ARGUMENTS)
    except DatabaseProblem as problem:
        return fail(cli_words(problem))
    head = head_revision()
    done = "is already at" if before == head else f"was migrated from {before or 'empty'} to"
    print(f"The operations log database {database.name} {done} schema {head}.")
    return EXIT_OK


def run_seed_demo(args: argparse.Namespace) -> int:
    try:
        database = open_database(database_url(args))
        try:
            result = seed_demo(database, args.month)
        finally:
            database.close()
    except BadArgument as error:
        return fail(str(error), EXIT_BAD_ARGUMENTS)
    except DatabaseProblem as problem:
        return fail(cli_words(problem))
    except SeedError as problem:
        return fail(str(problem))
    print(f"Demo data for {result.month} written to {database.name}: {result.staff} staff, {result.shifts} shifts, "
          f"{result.events} events, {result.handovers} handovers, {result.faults} faults, "
          f"{result.log_entries} log entries, {result.audit_rows} audit rows (PIN of every account: {DEMO_PIN}).")
    return EXIT_OK


def database_url(args: argparse.Namespace) -> str:
    """The URL of ``--db`` (default: ``default_url()``); raises ``BadArgument`` when it is not a database URL."""
    text = getattr(args, "db", None) or default_url()
    try:
        check_url(text)
    except ValueError as error:
        raise BadArgument(f"--db: {error}") from None
    return text


def cli_words(problem: DatabaseProblem) -> str:
    """The sentence for IT staff at a command line: the console retries a locked database, a command does not."""
    if problem.kind == "locked":
        return (f"The operations log database {problem.db} is locked by another program or desk; nothing was done, "
                f"run the command again when it is free.")
    return str(problem)


def fail(message: str, code: int = EXIT_FAILED) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code
