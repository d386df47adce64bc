"""The handover window: prepare, notes, the outgoing lead signs, the incoming lead accepts, the record
is locked with its hash; an admin reopens it for a marked addition; tampering is shown."""
from __future__ import annotations

import pytest

from tests.oplog.world import PIN
from tests.ui import oplog_support as support
from tests.ui.oplog_support import WAIT_MS, log_in, ready, settle
from ui.oplog_handover import ACCEPT, NOTES, RECORD, SUMMARY

pytestmark = pytest.mark.gui
console_for, rig, site = support.console_for, support.rig, support.site   # the fixtures


def status(window) -> str:
    return window.loaded.report.header.status if window.loaded else ""


def test_sign_accept_lock_reopen_and_tamper(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.operations
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.budi)
    window = ops.open_handover()
    qtbot.waitUntil(lambda: status(window) == "no handover", timeout=WAIT_MS)
    assert window.tabs.currentIndex() == SUMMARY and not window.tabs.isTabEnabled(ACCEPT)
    assert "Shift handover report" in window.summary.toPlainText()
    window.prepare.click()
    qtbot.waitUntil(lambda: status(window) == "draft", timeout=WAIT_MS)
    assert window.tabs.currentIndex() == NOTES
    window.notes.setPlainText("Kamera Pendopo perlu dicek teknisi besok pagi")
    window.save_notes.click()
    qtbot.waitUntil(lambda: window.message.text() == "Notes saved.", timeout=WAIT_MS)

    window.sign.pin.setText("9999")                      # a wrong PIN signs nothing
    window.sign.button.click()
    qtbot.waitUntil(lambda: "Wrong PIN" in window.sign.message.text(), timeout=WAIT_MS)
    assert status(window) == "draft"
    window.sign.pin.setText(PIN)
    window.sign.button.click()
    qtbot.waitUntil(lambda: status(window) == "signed", timeout=WAIT_MS)
    assert window.tabs.currentIndex() == ACCEPT
    assert [window.accept.who.itemText(i) for i in range(window.accept.who.count())] == [
        "Agus Setiawan", "Dwi Rahmawati"]                 # operators and admins, not the outgoing lead
    window.accept.who.setCurrentIndex(window.accept.who.findData(site.world.dwi))
    window.accept.pin.setText(PIN)
    window.accept.button.click()
    qtbot.waitUntil(lambda: status(window) == "accepted", timeout=WAIT_MS)
    assert window.tabs.currentIndex() == RECORD
    content_hash = site.scalar("SELECT content_hash FROM handovers")
    assert len(content_hash) == 64 and content_hash in window.record.hash.text()
    assert window.record.verdict.text().startswith("Verified")
    assert not window.record.reopen_button.isEnabled()      # Budi is an operator

    ops.login.log_out()
    log_in(ops, qtbot, site.world.admin)
    window.record.reason.setText("Catatan kerusakan kamera terlewat")
    window.record.reopen_button.click()
    qtbot.waitUntil(lambda: status(window) == "reopened", timeout=WAIT_MS)
    window.record.addition.setText("Kamera Pendopo: lensa berembun sejak pukul 10.00")
    window.record.add_button.click()
    qtbot.waitUntil(lambda: "ADDITION" in window.record.additions.toPlainText(), timeout=WAIT_MS)
    window.record.relock_button.click()
    qtbot.waitUntil(lambda: status(window) == "accepted", timeout=WAIT_MS)
    assert window.record.verdict.text().startswith("Verified")
    assert "REOPENED" in window.record.additions.toPlainText()

    site.scalar("UPDATE handovers SET notes = 'diubah diam-diam' RETURNING id")
    window.record.verify.emit()
    qtbot.waitUntil(lambda: window.record.verdict.text().startswith("TAMPERED"), timeout=WAIT_MS)
    settle(ops, qtbot)


def test_only_the_shift_lead_prepares_the_handover(site, console_for, qtbot):
    ops = console_for(site.url).operations
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.dwi)
    window = ops.open_handover()
    qtbot.waitUntil(lambda: status(window) == "no handover", timeout=WAIT_MS)
    window.prepare.click()
    qtbot.waitUntil(lambda: "only the shift lead, Budi Santoso" in window.message.text(), timeout=WAIT_MS)
    assert status(window) == "no handover"
