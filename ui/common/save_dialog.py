"""The console's file dialogs: non-modal, and opening in the folder the operator last chose a file in
(remembered in the console's settings, so also after a restart), else in their Documents folder.

Given a bare file name, ``QFileDialog`` opens in the working directory: the program's folder, where
nobody keeps reports and which an operator may not be allowed to write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QWidget

LAST_FOLDER = "files/last_folder"


def documents_folder() -> Path:
    """The user's Documents folder (their home folder if there is none)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def start_folder(settings: QSettings | None) -> Path:
    """Where a file dialog opens: the folder last chosen, while it exists, else Documents."""
    remembered = str(settings.value(LAST_FOLDER, "") or "") if settings is not None else ""
    return Path(remembered) if remembered and Path(remembered).is_dir() else documents_folder()


def file_dialog(
    parent: QWidget,
    title: str,
    name_filters: list[str],
    chosen: Callable[[str], object],
    settings: QSettings | None,
    suggested: str = "",
    mode: QFileDialog.AcceptMode = QFileDialog.AcceptMode.AcceptSave,
) -> QFileDialog:
    """A file dialog that does not block the console (camera control goes on); ``chosen(path)`` when the
    operator picks a file, whose folder is remembered in ``settings`` for the next dialog."""
    dialog = QFileDialog(parent, title, str(start_folder(settings) / suggested))
    dialog.setAcceptMode(mode)
    dialog.setNameFilters(name_filters)
    dialog.setModal(False)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # native ones are modal on some platforms
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if settings is not None:
        dialog.fileSelected.connect(lambda path: settings.setValue(LAST_FOLDER, str(Path(path).parent)))
    dialog.fileSelected.connect(chosen)
    dialog.show()
    return dialog


def ask_file_name(
    parent: QWidget,
    title: str,
    name_filters: list[str],
    suggested: str,
    chosen: Callable[[str], None],
    settings: QSettings | None = None,
) -> QFileDialog:
    """A "save as" dialog for a report: ``suggested`` is the file name offered; the filter chosen sets the
    extension (PDF or CSV)."""
    dialog = file_dialog(parent, title, name_filters, chosen, settings, suggested)
    dialog.setDefaultSuffix(Path(suggested).suffix.lstrip("."))
    dialog.filterSelected.connect(
        lambda text: dialog.setDefaultSuffix("csv" if "csv" in text.lower() else "pdf")
    )
    return dialog
