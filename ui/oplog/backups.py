"""The console's scheduled backups of a SQLite operations log, and the age of the newest one on the status
bar.

Backups run on the operations log's database thread (``OplogWorker.run``), never on the GUI thread:
at start and then hourly a daily backup if the day (WIB) has none yet, and one after every
accepted handover (``HandoverWindow.accepted``). The status bar shows how old the newest backup
is, and so does the camera health view; older than 36 hours (or none, or a backup that failed) is also a
warning in the log pane. A PostgreSQL log is backed up on the server (docs/backups.md) and demo mode's log
holds demo data only: nothing is done or shown for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from common.wording import Phrase, sentence_of
from models.oplog.backup import BackupError
from models.oplog.backup_schedule import (
    DAILY,
    HANDOVER,
    backup_age_sentence,
    backup_failed,
    daily_due,
    make_backup,
    newest_backup,
)
from models.oplog.clock import utc_now
from models.oplog.database import Database, sqlite_path
from models.oplog.demo_log import PREFIX as DEMO_LOG
from ui.common.oplog_worker import OplogWorker
from ui.common.wording import said

CHECK_MS = 3_600_000


class Backups(QObject):
    def __init__(
        self,
        worker: OplogWorker,
        labels: Sequence[QLabel],
        notice: Callable[[str, str], None],
        parent: QObject | None = None,
        check_ms: int = CHECK_MS,
    ) -> None:
        super().__init__(parent)
        self._worker, self._labels, self._notice = worker, labels, notice
        self._database: Path | None = None  # set and read on the database thread only
        self._warned: str | None = None
        for label in labels:
            label.hide()
        worker.when_open(self._opened)
        worker.opened.connect(lambda _name: self.daily())
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.daily)
        self._timer.start()

    def daily(self) -> None:
        self._worker.run(lambda: self._back_up(DAILY, only_if_due=True), self._show)

    def after_handover(self) -> None:
        self._worker.run(lambda: self._back_up(HANDOVER), self._show)

    # ---- the database thread ------------------------------------------------------------------
    def _opened(self, database: Database) -> None:
        path = sqlite_path(database.engine.url)
        self._database = (
            None if path is None or path.name.startswith(DEMO_LOG) else path
        )  # demo data: no copies

    def _back_up(self, kind: str, only_if_due: bool = False) -> tuple[bool, Phrase] | None:
        if self._database is None:
            return None
        now = utc_now()
        try:
            if not only_if_due or daily_due(self._database, now):
                make_backup(self._database, kind, now)
        except (BackupError, OSError) as error:
            return True, backup_failed(sentence_of(error))
        return backup_age_sentence(newest_backup(self._database), now)

    # ---- the GUI thread -----------------------------------------------------------------------
    def _show(self, result: tuple[bool, Phrase] | None) -> None:
        if result is None:
            return
        warning, sentence = result
        for label in self._labels:
            label.setText(said(sentence))
            label.setStyleSheet("color: #b00020; font-weight: bold;" if warning else "")
            label.show()
        if warning and sentence.source != self._warned:  # the hourly check does not repeat it
            self._notice("warning", sentence)
        self._warned = sentence.source if warning else None
