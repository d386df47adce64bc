"""Hearing what other desks did: a thread that calls back when take-overs or running events changed.

Every change raises the news version in the log (``models.oplog.takeovers.announce``). On PostgreSQL the
watch LISTENs on a connection of its own and reads the version when notified, so news arrives within
a fraction of a second. Where LISTEN is not possible (SQLite — several consoles on one file — or a
PostgreSQL connection that failed), it reads the version every half second instead, and tries LISTEN again
now and then. The callback runs on the watch's thread: the GUI hands it on through a queued signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from models.oplog.database import Database
from models.oplog.takeovers import CHANNEL

log = logging.getLogger(__name__)
POLL_S = 0.5
LISTEN_RETRY_S = 30.0
NEWS_VERSION = "SELECT version FROM desk_news WHERE id = 1"


class NewsWatch:
    def __init__(self, database: Database, on_news: Callable[[], None], poll_s: float = POLL_S) -> None:
        self.database, self.on_news, self.poll_s = database, on_news, poll_s
        self.listening = False  # True while notifications arrive (PostgreSQL)
        self._version: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="oplog-news", daemon=True)

    def start(self) -> NewsWatch:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(5)

    def check(self) -> None:
        """Read the version; a change since the last reading is news (the first reading is not)."""
        try:
            version = self._read()
        except Exception as error:  # noqa: BLE001 - the database's own notices say what is wrong
            log.debug("desk news not read: %s", error)
            return
        if self._version is not None and version != self._version:
            self.on_news()
        self._version = version

    def _read(self) -> int:
        """The version, read outside ``Database.transaction``: a SQLite transaction there begins IMMEDIATE,
        and a read twice a second must not take the write lock from the desks that write."""
        connection = self.database.engine.raw_connection()
        try:
            cursor = connection.cursor()
            cursor.execute(NEWS_VERSION)
            row = cursor.fetchone()
            cursor.close()
            connection.rollback()
            if row is None:
                raise LookupError("desk_news has no row 1 (migration 0005 adds it)")
            return row[0]
        finally:
            connection.close()

    def _run(self) -> None:
        self.check()
        while not self._stop.is_set():
            if self.database.dialect == "postgresql":
                self._listen()
            self._poll(LISTEN_RETRY_S if self.database.dialect == "postgresql" else None)

    def _poll(self, for_s: float | None) -> None:
        """Read the version every ``poll_s`` for ``for_s`` seconds (None: until stopped)."""
        waited = 0.0
        while not self._stop.wait(self.poll_s):
            self.check()
            waited += self.poll_s
            if for_s is not None and waited >= for_s:
                return

    def _listen(self) -> None:
        import psycopg

        url = self.database.engine.url.set(drivername="postgresql")
        try:
            with psycopg.connect(
                url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5
            ) as connection:
                connection.execute(f"LISTEN {CHANNEL}")
                self.listening = True
                self.check()  # what happened before LISTEN took effect
                while not self._stop.is_set():
                    if any(True for _ in connection.notifies(timeout=0.5, stop_after=1)):
                        self.check()
        except psycopg.Error as error:
            log.info("desk news: LISTEN not possible (%s), reading every %.0f s", error, self.poll_s)
        finally:
            self.listening = False
