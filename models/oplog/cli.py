"""`python app.py db upgrade|seed-demo|backup|restore|check|rekey|setup-roles [--db URL]` — the operations
log database for IT staff.

    python app.py db backup -o FILE [--force]     a proven copy of the SQLite log, made while consoles write
    python app.py db restore FILE [--force]       the log replaced by a checked copy (every console closed)
    python app.py db check|rekey|setup-roles      the record's integrity (models/oplog/cli_record.py)

PostgreSQL is backed up with pg_dump (docs/backups.md). Exit codes: 0 done (``check``: everything
fits); 1 the database or the copy cannot be used, the database already has data, (``check``)
something does not fit or (``rekey``) a handover does not fit its signature (one line says why);
2 bad arguments (one line says which: a bad URL, an existing file without --force, a PostgreSQL
database for backup/restore, a SQLite one for setup-roles).
What every command that opens the operations log shares is in cli_support.py.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from common.command_line import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail
from models.oplog import cli_record
from models.oplog.backup import BackupError, WouldReplace, backup_sqlite, restore_sqlite
from models.oplog.backup_schedule import backups_folder
from models.oplog.cli_support import BadArgument, check_output, database_url, month_argument, on_database
from models.oplog.clock import WIB, utc_now
from models.oplog.database import (
    ENV_VAR,
    Database,
    current_revision,
    head_revision,
    known_revisions,
    migrate_database,
    sqlite_path,
)
from models.oplog.pg_roles import OWNER, RoleSetupError
from models.oplog.seed.catalog import DEMO_PIN
from models.oplog.seed.demo import SeedError, seed_demo


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "db",
        help="operations log database: upgrade, seed-demo, backup, restore, check, rekey, setup-roles",
        description="Create, migrate or fill the operations log database.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,  # also valid before "db" in app.py
        help=f"SQLAlchemy URL, e.g. postgresql+psycopg://user:pass@host/smartcentre "
        f"(default: ${ENV_VAR}, else a SQLite file in the user's data folder)",
    )
    actions = p.add_subparsers(dest="db_action", required=True, metavar="ACTION")
    upgrade = actions.add_parser(
        "upgrade", parents=[common], help="create the tables or migrate them to this version"
    )
    upgrade.add_argument(
        "--console",
        metavar="ROLE",
        help="PostgreSQL: then hand the tables to an owner role the "
        "console's login ROLE cannot alter (as setup-roles)",
    )
    upgrade.add_argument(
        "--owner", default=OWNER, metavar="ROLE", help=f"with --console: the owner role (default {OWNER})"
    )
    upgrade.set_defaults(func=run_upgrade)
    seed = actions.add_parser(
        "seed-demo", parents=[common], help="fill an empty database with a month of demo data"
    )
    seed.add_argument("--month", type=month_argument, help="YYYY-MM (default: this month)")
    seed.set_defaults(func=run_seed_demo)
    backup = actions.add_parser(
        "backup", parents=[common], help="copy the SQLite log to FILE, checked (online)"
    )
    backup.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the copy to write")
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists (never the database)")
    backup.set_defaults(func=run_backup)
    restore = actions.add_parser("restore", parents=[common], help="replace the SQLite log by a checked copy")
    restore.add_argument("backup", type=Path, metavar="FILE", help="a copy made by db backup")
    restore.add_argument("--force", action="store_true", help="replace the database if it exists")
    restore.set_defaults(func=run_restore)
    keyed = argparse.ArgumentParser(add_help=False)
    keyed.add_argument(
        "--key-file",
        type=Path,
        default=None,
        help="the install key (default: install.key in the user's configuration folder)",
    )
    checking = actions.add_parser(
        "check",
        parents=[common, keyed],
        help="walk the hash chains and the signed handovers; name what does not fit",
    )
    checking.set_defaults(func=cli_record.run_check)
    rekeying = actions.add_parser(
        "rekey",
        parents=[common, keyed],
        help="check the accepted handovers, then sign them with a new install key",
    )
    rekeying.set_defaults(func=cli_record.run_rekey)
    roles = actions.add_parser(
        "setup-roles",
        parents=[common],
        help="PostgreSQL: a table owner role apart from the console's login role",
    )
    roles.add_argument("--owner", default=OWNER, help="the owner role (created, NOLOGIN, if missing)")
    roles.add_argument("--console", required=True, help="the console's existing login role")
    roles.set_defaults(func=cli_record.run_setup_roles)


def run_upgrade(args: argparse.Namespace) -> int:
    def upgrade(database: Database) -> int:
        if args.console and database.dialect != "postgresql":
            raise BadArgument(
                "--console is for PostgreSQL; a SQLite file is protected by its file permissions"
            )
        before = current_revision(database)
        migrate_database(database)
        head = head_revision()
        done = "is already at" if before == head else f"was migrated from {before or 'empty'} to"
        print(f"The operations log database {database.name} {done} schema {head}.")
        return cli_record.hand_over_tables(database, args.owner, args.console) if args.console else EXIT_OK

    return on_database(args, upgrade, migrate=False, refusals=(RoleSetupError,))


def run_seed_demo(args: argparse.Namespace) -> int:
    def seed(database: Database) -> int:
        result = seed_demo(database, args.month)
        print(
            f"Demo data for {result.month} written to {database.name}: {result.staff} staff, {result.shifts} "
            f"shifts, {result.events} events, {result.handovers} handovers, {result.faults} faults, "
            f"{result.log_entries} log entries, {result.audit_rows} audit rows "
            f"(PIN of every account: {DEMO_PIN})."
        )
        return EXIT_OK

    return on_database(args, seed, refusals=(SeedError,))


def run_backup(args: argparse.Namespace) -> int:
    try:
        database = _sqlite_file(args, "backed up")
        check_output(args.output, database, args.force)
        copy = backup_sqlite(database, args.output)
    except BadArgument as error:
        return fail(EXIT_USAGE, str(error))
    except (BackupError, OSError, sqlite3.Error) as error:
        return fail(EXIT_FAILED, _said(error))
    print(
        f"{database} backed up to {copy.path} ({copy.size} bytes, schema {copy.revision}, integrity checked)."
    )
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    try:
        database = _sqlite_file(args, "restored")
        if args.backup.resolve() == database.resolve():
            raise BadArgument(f"{args.backup} is the operations log database itself, not a copy of it")
        kept = (
            backups_folder(database)
            / f"oplog-before-restore-{utc_now().astimezone(WIB):%Y%m%d-%H%M%S}.sqlite"
        )
        copy = restore_sqlite(args.backup, database, known_revisions(), args.force, keep_old=kept)
    except (BadArgument, WouldReplace) as error:
        return fail(EXIT_USAGE, str(error))
    except (BackupError, OSError, sqlite3.Error) as error:
        return fail(EXIT_FAILED, _said(error))
    before = f"; the database it replaced is kept as {kept}" if kept.exists() else ""
    print(
        f"{database} restored from {args.backup} (schema {copy.revision}, integrity checked{before}); the "
        f"console migrates it when it opens it."
    )
    return EXIT_OK


def _sqlite_file(args: argparse.Namespace, done: str) -> Path:
    url = database_url(args)
    path = sqlite_path(url)
    if path is None:
        raise BadArgument(
            f"only a SQLite operations log is {done} by this command; a PostgreSQL database is "
            f"{done} with pg_dump and pg_restore as docs/backups.md shows"
        )
    return path


def _said(error: Exception) -> str:
    return (
        f"{error.filename}: {error.strerror}" if isinstance(error, OSError) and error.strerror else str(error)
    )
