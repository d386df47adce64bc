"""Tools → Remote access…: whether the Control API is served and where, and its tokens — made (the token
shown once, with a button to copy it, and a link with a QR code for a tablet), listed and revoked.
docs/control-api.md for what they are for. With an operations log only an admin opens it, and each token
made or revoked is in the audit trail (models/oplog/remote_access.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from devices.control_api.access import is_loopback
from devices.control_api.tokens import Token
from models.oplog.jobs.base import StaffJob
from models.oplog.remote_access import create_token, revoke_token
from ui.common.wording import said
from ui.controllers.api_service import ApiService
from ui.controllers.api_settings import ApiSettings
from ui.controllers.tablet_link import qr_pixmap, tablet_host, tablet_link, this_pc_address, why_no_link

QR_MODULE_PX = 4
StaffAct = Callable[[StaffJob[Any], Callable[[Any], None], Callable[[Exception], None]], None]
"""Runs a job as the logged-in staff member on the operations log's thread: ``act(job, done, failed)``."""


class RemoteAccessWindow(QWidget):
    def __init__(
        self, service: ApiService, act: StaffAct | None = None, parent: QWidget | None = None
    ) -> None:
        """``act``: tokens are made and revoked as the logged-in admin, audited; None (no operations log):
        straight away."""
        super().__init__(parent, Qt.WindowType.Window)
        self.service, self.act = service, act
        self.setWindowTitle(self.tr("Remote access"))
        self.resize(680, 640)
        self.status = QLabel(wordWrap=True)
        server = QGroupBox(self.tr("Control API (Companion, Stream Deck, scripts)"))
        self.enabled = QCheckBox(self.tr("Serve the Control API"))
        self.host = QLineEdit(placeholderText="127.0.0.1")
        self.port = QSpinBox(minimum=1, maximum=65535)
        self.open_locally = QCheckBox(
            self.tr("Programs on this computer need no token (address 127.0.0.1 only)")
        )
        self.apply = QPushButton(self.tr("Apply"))
        self.apply.clicked.connect(self._apply)
        form = QFormLayout(server)
        form.addRow(self.enabled)
        form.addRow(self.tr("Address"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.open_locally)
        form.addRow(self.status)
        form.addRow(self.apply)
        tokens = QGroupBox(self.tr("Tokens"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Client"), self.tr("Created"), self.tr("State")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.name = QLineEdit(placeholderText=self.tr("Client name, e.g. Companion desk 1"))
        self.make = QPushButton(self.tr("Create token"))
        self.make.clicked.connect(self._create)
        self.revoke = QPushButton(self.tr("Revoke"))
        self.revoke.clicked.connect(self._revoke)
        self.secret = QLineEdit(readOnly=True)
        self.copy = QPushButton(self.tr("Copy"))
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.secret.text()))
        self.once = QLabel(wordWrap=True)
        self.for_tablet = QLabel(wordWrap=True)
        self.link = QLineEdit(readOnly=True)
        self.copy_link = QPushButton(self.tr("Copy link"))
        self.copy_link.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.link.text()))
        self.qr = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        making = QHBoxLayout()
        for widget in (self.name, self.make, self.revoke):
            making.addWidget(widget)
        shown = QHBoxLayout()
        shown.addWidget(self.secret)
        shown.addWidget(self.copy)
        linked = QHBoxLayout()
        linked.addWidget(self.link)
        linked.addWidget(self.copy_link)
        words = QVBoxLayout()
        words.addWidget(self.once)
        words.addLayout(shown)
        words.addWidget(self.for_tablet)
        words.addLayout(linked)
        words.addStretch()
        new_token = QHBoxLayout()
        new_token.addLayout(words, 1)
        new_token.addWidget(self.qr)
        column = QVBoxLayout(tokens)
        column.addWidget(self.table)
        column.addLayout(making)
        column.addLayout(new_token)
        layout = QVBoxLayout(self)
        layout.addWidget(server)
        layout.addWidget(tokens)
        self._show_secret("")
        self._load()
        service.changed.connect(self._say_status)

    def _load(self) -> None:
        chosen = ApiSettings.read(self.service.settings)
        self.enabled.setChecked(chosen.enabled)
        self.host.setText(chosen.host)
        self.port.setValue(chosen.port)
        self.open_locally.setChecked(chosen.open_locally)
        self._list_tokens()
        self._say_status()

    @Slot()
    def _apply(self) -> None:
        host = self.host.text().strip() or "127.0.0.1"
        ApiSettings(self.enabled.isChecked(), host, self.port.value(), self.open_locally.isChecked()).write(
            self.service.settings
        )
        self.service.apply()
        self._say_status()

    @Slot()
    def _say_status(self) -> None:
        service = self.service
        listen = service.listen()
        if service.address is not None and listen is not None:
            host, port = service.address
            text = self.tr("Listening on http://%1:%2/api/").replace("%1", host).replace("%2", str(port))
            if listen.needs_token:
                text += " " + self.tr("Every client needs a token.")
            if service.override is not None:
                text += " " + self.tr("(--api for this run)")
        elif service.problem:
            text = self.tr("Not served: %1").replace("%1", said(service.problem))
        elif listen is not None:
            text = self.tr("Starting…")
        else:
            text = self.tr("Off")
        self.status.setText(text)
        self.open_locally.setEnabled(is_loopback(self.host.text().strip() or "127.0.0.1"))

    def _list_tokens(self) -> None:
        tokens = self.service.tokens.tokens()
        self.table.setRowCount(len(tokens))
        for row, token in enumerate(tokens):
            state = (
                self.tr("active")
                if token.active
                else self.tr("revoked %1").replace("%1", (token.revoked or "").replace("T", " "))
            )
            for column, text in enumerate((token.name, token.created.replace("T", " "), state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, token.id)
                self.table.setItem(row, column, item)

    @Slot()
    def _create(self) -> None:
        store = self.service.tokens
        self._change(
            lambda: store.create(self.name.text()),
            create_token(self.name.text(), store.create),
            self._created,
        )

    @Slot()
    def _revoke(self) -> None:
        item = self.table.item(self.table.currentRow(), 0)
        if item is None:
            return
        token_id, store = item.data(Qt.ItemDataRole.UserRole), self.service.tokens
        job = revoke_token(token_id, item.text(), store.revoke)
        self._change(lambda: store.revoke(token_id), job, lambda _none: self._list_tokens())

    def _change(self, change: Callable[[], Any], audited: StaffJob[Any], done: Callable[[Any], None]) -> None:
        """``change()`` now, or as the logged-in admin through the operations log (``audited``)."""
        if self.act is not None:
            self.act(audited, done, self._refused)
            return
        try:
            result = change()
        except (ValueError, OSError) as exc:
            self._refused(exc)
            return
        done(result)

    def _refused(self, error: Exception) -> None:
        self._show_secret("")
        self.once.setText(said(error))
        self.once.show()

    def _created(self, made: tuple[Token, str]) -> None:
        self.name.clear()
        self._list_tokens()
        self._show_secret(made[1])

    def _show_secret(self, secret: str) -> None:
        self.secret.setText(secret)
        self.once.setText(self.tr("The new token is shown only now: copy it into the client."))
        for widget in (self.secret, self.copy, self.once, self.for_tablet):
            widget.setVisible(bool(secret))
        listen = self.service.listen()
        host = tablet_host(listen.host, this_pc_address()) if listen is not None else None
        if secret and host is not None and listen is not None:
            port = self.service.address[1] if self.service.address is not None else listen.port
            link = tablet_link(host, port, secret)
            self.link.setText(link)
            self.link.setCursorPosition(0)  # the address first: the token is copied, not read
            self.qr.setPixmap(qr_pixmap(link, QR_MODULE_PX))
            self.for_tablet.setText(self.tr("For a tablet: scan the code, or open this link once:"))
        else:
            self.link.clear()
            self.qr.clear()
            self.for_tablet.setText(why_no_link(listen.host if listen is not None else None))
        for widget in (self.link, self.copy_link, self.qr):
            widget.setVisible(bool(self.link.text()))

    def closeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        self._show_secret("")  # never shown again
        super().closeEvent(event)  # type: ignore[arg-type]  # a QCloseEvent

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._say_status()
            self._list_tokens()
        super().changeEvent(event)
