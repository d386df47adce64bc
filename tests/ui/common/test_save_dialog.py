"""Save dialogs open in the user's Documents folder, then in the folder last chosen, also after a restart —
not in the program's folder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

import ui.common.save_dialog as save_dialog
from models.oplog.database import open_database
from models.oplog.reports.monthly import MonthlyStats
from ui.common.oplog_worker import OplogWorker
from ui.reports.monthly import MonthlyWindow

pytestmark = pytest.mark.gui


def open_dialog(window: MonthlyWindow, button, qtbot) -> QFileDialog:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return next(dialog for dialog in window.findChildren(QFileDialog) if dialog.isVisible())


def test_a_save_dialog_opens_in_documents_then_where_the_last_file_went(tmp_path, qtbot, monkeypatch):
    documents, reports = tmp_path / "Dokumen", tmp_path / "Laporan"
    documents.mkdir()
    reports.mkdir()
    monkeypatch.setattr(save_dialog, "documents_folder", lambda: documents)
    settings = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    worker = OplogWorker(lambda: open_database(f"sqlite:///{tmp_path / 'unused.sqlite'}"))
    window = MonthlyWindow(worker, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.show_stats(MonthlyStats(2026, 12, (), (), (), (), ()))

    first = open_dialog(window, window.export_pdf, qtbot)
    assert Path(first.directory().absolutePath()) == documents != Path.cwd()
    assert first.selectedFiles() == [str(documents / "statistik-2026-12.pdf")]
    first.selectFile(str(reports / "statistik-desember.pdf"))
    first.accept()
    qtbot.waitUntil(lambda: window.summary.text().startswith("Saved: "), timeout=20_000)
    worker.stop()
    assert (reports / "statistik-desember.pdf").exists()

    second = open_dialog(window, window.export, qtbot)
    assert Path(second.directory().absolutePath()) == reports
    second.reject()
    restarted = QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)
    assert save_dialog.start_folder(restarted) == reports
    shutil.rmtree(reports)  # a folder since removed: back to Documents
    assert save_dialog.start_folder(restarted) == documents
