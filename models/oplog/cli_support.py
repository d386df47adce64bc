"""What every command that opens the operations log shares (``python app.py db …`` in cli.py and
cli_record.py, ``python app.py report …`` in ui/reports/cli.py): the ``--db`` URL, one way to open
the database and say why it cannot be used, checks of output files and months."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from common.command_line import EXIT_FAILED, EXIT_USAGE, fail
from models.oplog.database import (
    Database,
    DatabaseProblem,
    check_url,
    default_url,
    open_database,
)
from models.oplog.engines import SQLITE_COMPANIONS
from models.oplog.seed.demo import parse_month


class BadArgument(ValueError):
    """An argument argparse could not check by itself (``--db`` may come before the command); exit 2."""


def month_argument(text: str) -> str:
    """An argparse type: ``YYYY-MM`` of a month the operations log can hold (``parse_month`` reads it)."""
    try:
        parse_month(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def on_database(
    args: argparse.Namespace,
    work: Callable[[Database], int],
    *,
    migrate: bool = True,
    refusals: tuple[type[Exception], ...] = (),
) -> int:
    """``work`` on the database of ``--db``, closed afterwards; a bad URL is exit 2, a database that cannot
    be used or one of ``refusals`` exit 1, each said in one line."""
    try:
        database = open_database(database_url(args), migrate=migrate)
        try:
            return work(database)
        finally:
            database.close()
    except BadArgument as error:
        return fail(EXIT_USAGE, str(error))
    except DatabaseProblem as problem:
        return fail(EXIT_FAILED, cli_words(problem))
    except refusals as problem:
        return fail(EXIT_FAILED, str(problem))


def check_output(output: Path, database: Path | None, force: bool) -> None:
    """Raises ``BadArgument`` when ``output`` exists (unless ``force``) or is the database or one of its
    files."""
    if database is not None:
        for suffix in SQLITE_COMPANIONS:
            kept = database.with_name(database.name + suffix)
            if output.resolve() == kept.resolve() or (
                output.exists() and kept.exists() and output.samefile(kept)
            ):
                raise BadArgument(f"-o {output}: that is the operations log database; choose another file")
    if output.exists() and not output.is_dir() and not force:  # a folder: "cannot be written" when written
        raise BadArgument(f"-o {output}: the file exists; choose another name or add --force to replace it")


def database_url(args: argparse.Namespace) -> str:
    """The URL of ``--db`` (default: ``default_url()``); raises ``BadArgument`` when it is not a database
    URL."""
    text = getattr(args, "db", None) or default_url()
    try:
        check_url(text)
    except ValueError as error:
        raise BadArgument(f"--db: {error}") from None
    return text


def cli_words(problem: DatabaseProblem) -> str:
    """The sentence for IT staff at a command line: the console retries a locked database, a command does
    not."""
    if problem.kind == "locked":
        return (
            f"The operations log database {problem.db} is locked by another program or desk; "
            f"nothing was done, run the command again when it is free."
        )
    return str(problem)
