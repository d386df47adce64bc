"""The handover window: prepare, notes, the outgoing lead signs, the incoming lead accepts, the record
is locked with its hash; an admin reopens it for a marked addition; tampering is shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.oplog import handover as ho
from models.oplog.clock import utc_now
from models.oplog.database import open_database
from models.oplog.tables import Shift, Staff
from tests.support import oplog_console as support
from tests.support.oplog_console import WAIT_MS, log_in, ready, settle
from tests.support.oplog_world import PIN
from ui.oplog.handover import ACCEPT, NOTES, RECORD, SUMMARY

pytestmark = pytest.mark.gui
console_for, rig, site = support.console_for, support.rig, support.site  # the fixtures


def status(window) -> str:
    return window.loaded.report.header.status if window.loaded else ""


def test_sign_accept_lock_reopen_and_tamper(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.budi)
    window = ops.open_handover()
    qtbot.waitUntil(lambda: status(window) == "no handover", timeout=WAIT_MS)
    assert window.tabs.currentIndex() == SUMMARY
    assert not window.tabs.isTabEnabled(ACCEPT)
    assert "Shift handover report" in window.summary.toPlainText()
    window.prepare.click()
    qtbot.waitUntil(lambda: status(window) == "draft", timeout=WAIT_MS)
    assert window.tabs.currentIndex() == NOTES
    window.notes.setPlainText("Kamera Pendopo perlu dicek teknisi besok pagi")
    window.save_notes.click()
    qtbot.waitUntil(lambda: window.message.text() == "Notes saved.", timeout=WAIT_MS)

    window.sign.pin.setText("9999")  # a wrong PIN signs nothing
    window.sign.button.click()
    qtbot.waitUntil(lambda: "Wrong PIN" in window.sign.message.text(), timeout=WAIT_MS)
    assert status(window) == "draft"
    window.sign.pin.setText(PIN)
    window.sign.button.click()
    qtbot.waitUntil(lambda: status(window) == "signed", timeout=WAIT_MS)
    assert window.tabs.currentIndex() == ACCEPT
    assert [window.accept.who.itemText(i) for i in range(window.accept.who.count())] == [
        "Dwi Rahmawati",
        "Agus Setiawan (admin, in place of the incoming lead)",
    ]  # the next shift's lead, admins
    window.accept.who.setCurrentIndex(window.accept.who.findData(site.world.dwi))
    window.accept.pin.setText(PIN)
    window.accept.button.click()
    qtbot.waitUntil(lambda: status(window) == "accepted", timeout=WAIT_MS)
    assert window.tabs.currentIndex() == RECORD
    content_hash = site.scalar("SELECT content_hash FROM handovers")
    assert len(content_hash) == 64
    assert content_hash in window.record.hash.text()
    assert window.record.verdict.text().startswith("Verified")
    assert not window.record.reopen_button.isEnabled()  # Budi is an operator

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
    assert (
        "What does not fit: the handover itself (notes, summary, times or leads)."
        in window.record.verdict.text()
    )
    settle(ops, qtbot)


def test_only_the_shift_lead_prepares_the_handover(site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.dwi)
    window = ops.open_handover()
    qtbot.waitUntil(lambda: status(window) == "no handover", timeout=WAIT_MS)
    window.prepare.click()
    qtbot.waitUntil(lambda: "only the shift lead, Budi Santoso" in window.message.text(), timeout=WAIT_MS)
    assert status(window) == "no handover"


def signed_by_budi(site) -> None:
    """Budi has prepared and signed the handover of his running shift (at another desk)."""
    database = open_database(site.url)
    with database.transaction() as session:
        budi = session.get(Staff, site.world.budi)
        ho.sign(
            session,
            ho.start_handover(session, session.get(Shift, site.shift), budi, utc_now()),
            budi,
            utc_now(),
        )
    database.close()


def test_the_planned_incoming_lead_accepts_and_the_outgoing_shift_ends(site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    signed_by_budi(site)
    log_in(ops, qtbot, site.world.dwi)
    window = ops.open_handover()
    qtbot.waitUntil(lambda: status(window) == "signed", timeout=WAIT_MS)
    assert window.tabs.currentIndex() == ACCEPT
    assert window.accept.who.currentText() == "Dwi Rahmawati"
    assert window.accept.who_may.text().startswith("Incoming lead: Dwi Rahmawati (shift Siang ")
    window.activateWindow()
    qtbot.mouseClick(window.accept.pin, Qt.MouseButton.LeftButton)  # into the PIN field, then type
    qtbot.waitUntil(lambda: window.accept.pin.hasFocus(), timeout=WAIT_MS)
    qtbot.keyClicks(window.accept.pin, PIN)
    qtbot.mouseClick(window.accept.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: status(window) == "accepted", timeout=WAIT_MS)
    assert site.scalar("SELECT accepted_as_admin FROM handovers") in (0, False)
    assert site.scalar("SELECT actual_end IS NOT NULL FROM shifts WHERE id = :id", id=site.shift)
    panel = ops.shift
    qtbot.waitUntil(lambda: panel.shift is not None and panel.shift.id == site.next_shift, timeout=WAIT_MS)
    assert not panel.end.isEnabled()
    assert "Siang" in panel.title.text()


def test_ending_a_shift_already_handed_over_does_not_ask_to_hand_it_over(site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    signed_by_budi(site)
    log_in(ops, qtbot, site.world.budi)
    qtbot.mouseClick(ops.shift.end, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ops.shift.message.text().startswith("Shift ended."), timeout=WAIT_MS)
    assert ops.shift.message.text() == "Shift ended. The handover waits for the incoming lead to accept it."


def backups(site, kind: str) -> list[str]:
    folder = site.path.parent / "backups"
    return sorted(path.name for path in folder.glob(f"oplog-{kind}-*.sqlite")) if folder.is_dir() else []


def test_the_console_backs_up_daily_and_after_an_accepted_handover(site, console_for, qtbot):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    qtbot.waitUntil(lambda: len(backups(site, "daily")) == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: ops.backup_age.text() == "Last backup 0 h ago", timeout=WAIT_MS)
    assert ops.backup_age.isVisible()
    assert backups(site, "handover") == []
    assert console.window.health_note.text() == "Last backup 0 h ago"  # in the health view too
    ops.backups.daily()  # the hourly check: already done today
    signed_by_budi(site)
    log_in(ops, qtbot, site.world.dwi)
    window = ops.open_handover()
    qtbot.waitUntil(lambda: status(window) == "signed", timeout=WAIT_MS)
    window.accept.pin.setText(PIN)
    qtbot.mouseClick(window.accept.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(backups(site, "handover")) == 1, timeout=WAIT_MS)
    copy = open_database(f"sqlite:///{site.path.parent / 'backups' / backups(site, 'handover')[0]}")
    with copy.transaction() as session:  # the copy holds the accepted handover
        assert ho.handover_for_shift(session, session.get(Shift, site.shift)).accepted_at is not None
    copy.close()
    assert len(backups(site, "daily")) == 1


def test_a_failing_backup_is_a_warning_for_the_operators(site, console_for, qtbot, tmp_path, monkeypatch):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backups should go")
    monkeypatch.setenv("SMARTCENTRE_BACKUPS", str(blocked))
    console = console_for(site.url)
    ready(console.oplog, qtbot)
    qtbot.waitUntil(
        lambda: "backup of the operations log failed" in console.oplog.backup_age.text(), timeout=WAIT_MS
    )
    assert any("backup of the operations log failed" in line for line in support.log_lines(console))
    assert "backup of the operations log failed" in console.window.health_note.text()
