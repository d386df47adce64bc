"""Database errors caused by the environment, told in one sentence that names the database.

A locked, full, read-only or damaged database, or an unreachable server, is something the operator
or the IT staff can fix, so it becomes a ``DatabaseProblem`` the console shows while it keeps
controlling cameras. Anything else (a constraint violation, bad SQL) is a bug and is not translated.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import exc

from common.wording import QT_TRANSLATE_NOOP, Phrase


class DatabaseProblem(Exception):
    """The operations log cannot be used right now; ``str(problem)`` is the sentence to show (in English;
    ``ui.common.wording.said(problem)`` says it in the operator's language).

    ``kind`` is one of ``locked``, ``full``, ``read-only``, ``corrupt``, ``cannot-open``,
    ``unreachable``, ``login``, ``missing``, ``newer``, ``other``; ``db`` names the database when known.
    """

    def __init__(self, message: str, kind: str = "other", db: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.db = db


@dataclass(frozen=True)
class _Rule:
    kind: str
    sqlite: tuple[str, ...]  # prefixes of sqlite3's error name, e.g. "SQLITE_READONLY"
    sqlstate: tuple[str, ...]  # PostgreSQL SQLSTATE codes or class prefixes
    words: tuple[str, ...]  # fragments of the driver's message, lower case
    sentence: Phrase  # {db} is the database's name


_RULES = (
    _Rule(
        "locked",
        ("SQLITE_BUSY", "SQLITE_LOCKED"),
        ("55P03", "40P01", "57014"),
        ("database is locked", "lock timeout", "deadlock"),
        QT_TRANSLATE_NOOP(
            "Database",
            "The operations log database {db} is locked by another program or desk; the console will "
            "try again.",
        ),
    ),
    _Rule(
        "full",
        ("SQLITE_FULL",),
        ("53100",),
        ("disk is full", "no space left"),
        QT_TRANSLATE_NOOP(
            "Database",
            "The disk holding the operations log database {db} is full; free some space so that "
            "logging continues.",
        ),
    ),
    _Rule(
        "read-only",
        ("SQLITE_READONLY", "SQLITE_PERM"),
        ("25006",),
        ("readonly", "read-only"),
        QT_TRANSLATE_NOOP(
            "Database",
            "The operations log database {db} is read-only; give this user write permission on the "
            "file and its folder.",
        ),
    ),
    _Rule(
        "corrupt",
        ("SQLITE_CORRUPT", "SQLITE_NOTADB"),
        ("XX001", "XX002"),
        ("file is not a database", "malformed"),
        QT_TRANSLATE_NOOP(
            "Database",
            "The operations log database {db} is damaged or is not a database file; move it aside "
            "and restore a backup, or let the console create a new one.",
        ),
    ),
    _Rule(
        "cannot-open",
        ("SQLITE_CANTOPEN",),
        (),
        ("unable to open database file",),
        QT_TRANSLATE_NOOP(
            "Database",
            "The operations log database {db} cannot be opened; check that its folder exists and is "
            "writable.",
        ),
    ),
    _Rule(
        "login",
        (),
        ("28",),
        ("password authentication failed", "authentication failed"),
        QT_TRANSLATE_NOOP(
            "Database",
            "The database server of the operations log ({db}) refused the login; check the user and "
            "password in the database URL.",
        ),
    ),
    _Rule(
        "missing",
        (),
        ("3D000",),
        ("does not exist",),
        QT_TRANSLATE_NOOP(
            "Database",
            "The database of the operations log ({db}) does not exist on the server; ask IT staff to "
            "create it.",
        ),
    ),
    _Rule(
        "unreachable",
        (),
        ("08", "57P"),
        (
            "connection refused",
            "could not connect",
            "connection failed",
            "server closed the connection",
            "connection timeout",
            "timeout expired",
            "name or service not known",
            "the connection is closed",
            "consuming input failed",
            "terminating connection",
        ),
        QT_TRANSLATE_NOOP(
            "Database",
            "The database server of the operations log ({db}) cannot be reached; check the network "
            "and that the server is running.",
        ),
    ),
)

_BUGS = (exc.IntegrityError, exc.ProgrammingError, exc.DataError, exc.NotSupportedError)


def explain(error: BaseException, db: str) -> DatabaseProblem | None:
    """The ``DatabaseProblem`` for ``error``, or None when ``error`` is not caused by the environment."""
    if isinstance(error, DatabaseProblem):
        return error
    if isinstance(error, exc.TimeoutError):  # every pooled connection is busy
        return DatabaseProblem(_RULES[0].sentence.format(db=db), "locked", db)
    if not isinstance(error, exc.DBAPIError) or isinstance(error, _BUGS):
        return None
    if (
        not isinstance(error, (exc.OperationalError, exc.InternalError, exc.InterfaceError))
        and type(error) is not exc.DatabaseError
    ):
        return None
    original = error.orig
    sqlite_name = getattr(original, "sqlite_errorname", "") or ""
    sqlstate = getattr(original, "sqlstate", "") or getattr(original, "pgcode", "") or ""
    text = str(original).lower()
    for rule in _RULES:
        if (
            any(sqlite_name.startswith(name) for name in rule.sqlite)
            or any(sqlstate.startswith(code) for code in rule.sqlstate)
            or any(word in text for word in rule.words)
        ):
            return DatabaseProblem(rule.sentence.format(db=db), rule.kind, db)
    if error.connection_invalidated or isinstance(error, exc.InterfaceError):
        return DatabaseProblem(_RULES[-1].sentence.format(db=db), "unreachable", db)
    first_line = str(original).strip().splitlines()[0] if str(original).strip() else type(original).__name__
    return DatabaseProblem(
        QT_TRANSLATE_NOOP("Database", "The operations log database {db} reported an error: {error}.").format(
            db=db, error=first_line
        ),
        "other",
    )
