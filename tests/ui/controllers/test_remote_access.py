"""Tools → Remote access… with the operations log, used with real clicks and keys: an operator is refused
in plain words; an admin makes a token (shown once, Copy puts it on the clipboard, the file keeps only
its digest, a link and a QR code for a tablet), revokes it (the API then answers 401) — both audited."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest
import requests
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from devices.control_api.tokens import TOKENS_FILE, digest_of
from tests.support import oplog_console
from tests.support.oplog_console import log_in, ready, settle
from tests.support.ports import free_port
from tests.support.remote_browser import in_background
from ui.controllers.remote_access import RemoteAccessWindow
from ui.controllers.tablet_link import this_pc_address
from ui.shell.control_api import attach_control_api

pytestmark = pytest.mark.gui
site, rig, console_for = oplog_console.site, oplog_console.rig, oplog_console.console_for
WAIT_MS = 10_000
REFUSAL = "Only an admin can hand out remote access: log in as one (Operations → Log in / out)"


@pytest.fixture
def desk(site, rig, console_for, qtbot):
    """The console with its operations log and the API on this PC's network address (a token for all)."""
    console = console_for(site.url)
    ready(console.oplog, qtbot)
    address = this_pc_address()
    assert address is not None, "the test needs a network address besides 127.0.0.1"
    service = attach_control_api(console, rig[1], rig[2], (address, free_port()))
    qtbot.waitUntil(lambda: service.address is not None or bool(service.problem), timeout=WAIT_MS)
    assert service.address is not None, service.problem
    yield console, service
    service.stop()


def remote_access_item(console):
    return next(a for a in console.window.tools_menu.actions() if a.text() == "Remote access…")


def choose_in_tools_menu(console, qtbot, action) -> None:
    window = console.window
    bar = window.menuBar()
    QTest.mouseClick(
        bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(window.tools_menu.menuAction()).center()
    )
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is window.tools_menu, timeout=WAIT_MS)
    QTest.mouseClick(
        window.tools_menu, Qt.MouseButton.LeftButton, pos=window.tools_menu.actionGeometry(action).center()
    )


def open_windows() -> list[RemoteAccessWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, RemoteAccessWindow) and w.isVisible()]


def audit_rows(site) -> list[str]:
    return [
        row[0]
        for row in site.rows("SELECT action FROM audit_entries WHERE action LIKE '%Control API token%'")
    ]


def get_cameras(qtbot, base: str, secret: str) -> int:
    headers = {"Authorization": f"Bearer {secret}"}
    return in_background(
        qtbot, lambda: requests.get(base + "/api/cameras", headers=headers, timeout=10)
    ).status_code


def decoded(window: RemoteAccessWindow) -> str:
    image = window.qr.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    text, _points, _code = cv2.QRCodeDetector().detectAndDecode(pixels[:, : image.width()].copy())
    return text


def test_an_operator_is_refused_in_plain_words(desk, qtbot, site):
    console, _service = desk
    log_in(console.oplog, qtbot, site.world.budi)
    item = remote_access_item(console)
    assert not item.isEnabled()
    assert item.toolTip() == REFUSAL
    choose_in_tools_menu(console, qtbot, item)
    qtbot.wait(200)
    assert open_windows() == []


def test_an_admin_creates_a_token_for_a_tablet_and_revokes_it(desk, qtbot, site, rig):
    console, service = desk
    log_in(console.oplog, qtbot, site.world.admin)
    choose_in_tools_menu(console, qtbot, remote_access_item(console))
    qtbot.waitUntil(lambda: len(open_windows()) == 1, timeout=WAIT_MS)
    window = open_windows()[0]
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT_MS)

    QTest.mouseClick(window.name, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.name, timeout=WAIT_MS)
    QTest.keyClicks(window.name, "Tablet kit 2")  # the digit is text here, not the camera key
    QTest.mouseClick(window.make, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.secret.isVisible(), timeout=WAIT_MS)
    secret = window.secret.text()
    QTest.mouseClick(window.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == secret
    kept = (rig[2] / TOKENS_FILE).read_text(encoding="utf-8")
    assert secret not in kept
    assert [t["digest"] for t in json.loads(kept)["tokens"]] == [digest_of(secret)]

    host, port = service.address
    link = f"http://{host}:{port}/remote#token={secret}"
    assert window.link.text() == link
    assert decoded(window) == link
    base = f"http://{host}:{port}"
    assert get_cameras(qtbot, base, secret) == 200

    table = window.table
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(0, 0)).center()
    )
    QTest.mouseClick(window.revoke, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: table.item(0, 2).text().startswith("revoked"), timeout=WAIT_MS)
    assert get_cameras(qtbot, base, secret) == 401
    settle(console.oplog, qtbot)
    token_id = json.loads((rig[2] / TOKENS_FILE).read_text(encoding="utf-8"))["tokens"][0]["id"]
    assert audit_rows(site) == [
        "create the Control API token of Tablet kit 2",
        f"revoke the Control API token of Tablet kit 2 ({token_id})",
    ]

    window.close()
    assert window.secret.text() == ""  # never shown again


def test_the_window_closes_when_the_admin_logs_out(desk, qtbot, site):
    console, _service = desk
    log_in(console.oplog, qtbot, site.world.admin)
    choose_in_tools_menu(console, qtbot, remote_access_item(console))
    qtbot.waitUntil(lambda: len(open_windows()) == 1, timeout=WAIT_MS)
    QTest.mouseClick(console.oplog.login.logout_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: open_windows() == [], timeout=WAIT_MS)
    assert not remote_access_item(console).isEnabled()
