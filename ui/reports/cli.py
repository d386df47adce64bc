"""`python app.py report handover|monthly … -o FILE [--db URL]` — reports for the IT staff.

    python app.py report handover --shift ID -o FILE [--force]      FILE ending in .pdf or .csv
    python app.py report monthly --month YYYY-MM -o FILE [--force]  FILE ending in .pdf or .csv

PDF labels follow ``--lang`` (default: the system's language); a PDF is written beside its name
and renamed when complete. An existing FILE is replaced only with ``--force``, and never when it is
the SQLite database or one of its companion files. Exit codes: 0 written; 2 bad arguments (an
unknown shift, a bad month or URL, an unsupported file type, an existing file; nothing is
written); 1 the database or the file cannot be used (one line says why; nothing is written).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from common.command_line import EXIT_FAILED, EXIT_OK, EXIT_USAGE, fail
from models.oplog.cli_support import BadArgument, check_output, cli_words, database_url, month_argument
from models.oplog.database import ENV_VAR, DatabaseProblem, open_database, sqlite_path
from models.oplog.reports.handover import handover_report
from models.oplog.reports.monthly import monthly_stats
from models.oplog.seed.demo import parse_month

REPORT_FILES = (".pdf", ".csv")
SHIFT_NUMBERS = range(1, 2**31)  # the id column's range on PostgreSQL


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "report",
        help="handover report, monthly statistics (PDF, CSV)",
        description="Write a report of the operations log to a file.",
    )
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="FILE",
        help="the file to write; its extension chooses the format",
    )
    common.add_argument("--force", action="store_true", help="replace FILE if it exists (never the database)")
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,  # also valid before "report" in app.py
        help=f"SQLAlchemy URL of the operations log (default: ${ENV_VAR}, else the SQLite file in the "
        f"user's data folder)",
    )
    common.add_argument(
        "--lang",
        choices=("id", "en"),
        default=argparse.SUPPRESS,
        help="language of the PDF's labels (default: the system's)",
    )
    kinds = p.add_subparsers(dest="report_kind", required=True, metavar="REPORT")
    handover = kinds.add_parser(
        "handover", parents=[common], help="the handover report of one shift (.pdf or .csv)"
    )
    handover.add_argument("--shift", type=_shift, required=True, metavar="ID", help="the shift's number")
    handover.set_defaults(func=run_handover)
    monthly = kinds.add_parser(
        "monthly", parents=[common], help="monthly statistics with charts (.pdf or .csv)"
    )
    monthly.add_argument("--month", type=month_argument, required=True, metavar="YYYY-MM")
    monthly.set_defaults(func=run_monthly)


def _shift(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number not in SHIFT_NUMBERS:
        raise argparse.ArgumentTypeError(f"{text!r} is not a shift number (1 to {SHIFT_NUMBERS.stop - 1})")
    return number


def run_handover(args: argparse.Namespace) -> int:
    suffix = args.output.suffix.lower()
    if suffix not in REPORT_FILES:
        return fail(EXIT_USAGE, f"{args.output}: a handover report is written as .pdf or .csv")
    try:
        report = _read(args, lambda session: handover_report(session, args.shift))
    except (LookupError, BadArgument) as error:
        return fail(EXIT_USAGE, str(error))
    except DatabaseProblem as problem:
        return fail(EXIT_FAILED, cli_words(problem))
    if suffix == ".pdf":
        _start_gui(_language(args))
    from ui.reports.handover_pdf import save_handover

    return _write(
        lambda: save_handover(report, args.output),
        args.output,
        f"Handover report of shift {args.shift} written to {args.output}.",
    )


def run_monthly(args: argparse.Namespace) -> int:
    suffix = args.output.suffix.lower()
    if suffix not in REPORT_FILES:
        return fail(EXIT_USAGE, f"{args.output}: monthly statistics are written as .pdf or .csv")
    year, month = parse_month(args.month)
    try:
        stats = _read(args, lambda session: monthly_stats(session, year, month))
    except BadArgument as error:
        return fail(EXIT_USAGE, str(error))
    except DatabaseProblem as problem:
        return fail(EXIT_FAILED, cli_words(problem))
    if suffix == ".pdf":
        _start_gui(_language(args))
    from ui.reports.monthly_pdf import save_monthly

    return _write(
        lambda: save_monthly(stats, args.output),
        args.output,
        f"Statistics of {year:04d}-{month:02d} written to {args.output}.",
    )


def _read(args: argparse.Namespace, query):
    """``query(session)`` on the database of ``--db``, once ``-o`` is known to be a file that may be
    written."""
    url = database_url(args)
    check_output(args.output, sqlite_path(url), args.force)
    database = open_database(url)
    try:
        with database.transaction() as session:
            return query(session)
    finally:
        database.close()


def _write(write, path: Path, done: str) -> int:
    try:
        write()
    except OSError as error:
        return fail(EXIT_FAILED, f"{path} cannot be written: {error.strerror or error}")
    print(done)
    return EXIT_OK


def _language(args: argparse.Namespace) -> str | None:
    return getattr(args, "lang", None)


def _start_gui(language: str | None) -> None:
    """Qt's PDF writer needs a QGuiApplication, the charts (graphics widgets) a QApplication (offscreen on a
    machine without a display); PySide keeps the one application object alive."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.common.language import install_translator

    install_translator(QApplication.instance() or QApplication(sys.argv[:1]), language)
