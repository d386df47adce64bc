"""The operations log in Bahasa Indonesia: refusals and database problems composed in models/ reach
the panels, the log pane and the banner in the operator's language, with their values filled in."""

from __future__ import annotations

import time

import pytest

from devices.records import ActionRecord
from models.oplog.database import open_database
from models.oplog.snapshot import wib_time
from tests.support import oplog_console as support
from tests.support.oplog_console import EVENT_TITLE, WAIT_MS, log_in, log_lines, ready, settle
from ui.oplog.audit_feed import AuditFeed

pytestmark = pytest.mark.gui
console_for, rig, site = support.console_for, support.rig, support.site  # the fixtures
LOCKED = (
    "Basis data log operasional {db} sedang dikunci oleh program atau meja lain; konsol akan mencoba lagi."
)


def test_refusals_of_the_data_layer_are_shown_in_indonesian_with_their_values(
    indonesian, site, console_for, qtbot
):
    console = console_for(site.url)
    ops = console.oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.budi)
    shift = ops.shift.shift
    ops.shift.on_start()  # the shift started two hours ago
    qtbot.waitUntil(lambda: ops.shift.message.text() != "", timeout=WAIT_MS)
    assert ops.shift.message.text() == (
        f"shift Pagi {wib_time(shift.planned_start, '%d-%m-%Y')} sudah dimulai "
        f"pukul {wib_time(shift.actual_start)} WIB"
    )

    ops.events.start_or_end(site.event, start=True)
    settle(ops, qtbot)
    ops.events.start_or_end(site.event, start=True)  # again: the status word is translated too
    refusal = f"{EVENT_TITLE} tidak dapat dimulai: statusnya berlangsung"
    qtbot.waitUntil(lambda: ops.events.message.text() == refusal, timeout=WAIT_MS)
    assert any(line.endswith(f"  {refusal}") for line in log_lines(console))  # the notice, in the log pane

    staff_window = ops._open("staff")  # an operator reaches the admin screen anyway: the data call refuses
    staff_window.name.setText("Pegawai Baru")
    staff_window.pin.setText("1357")
    staff_window.on_add()
    qtbot.waitUntil(lambda: staff_window.message.text() != "", timeout=WAIT_MS)
    assert staff_window.message.text() == (
        "Budi Santoso (operator) tidak boleh menambah petugas: diperlukan peran admin."
    )


def test_a_wrong_pin_at_the_handover_is_told_in_indonesian(indonesian, site, console_for, qtbot):
    ops = console_for(site.url).oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.budi)
    window = ops.open_handover(site.shift)
    qtbot.waitUntil(lambda: window.loaded is not None, timeout=WAIT_MS)
    window.sign.pin.setText("0000")
    window.sign.pin.returnPressed.emit()
    expected = "PIN untuk Budi Santoso salah; 4 kali lagi salah, akun dikunci selama 60 detik."
    qtbot.waitUntil(lambda: window.sign.message.text() == expected, timeout=WAIT_MS)


def test_a_locked_database_is_announced_in_indonesian(indonesian, site, console_for, qtbot):
    console = console_for(site.url, busy_timeout_ms=200)
    ops = console.oplog
    ready(ops, qtbot)
    log_in(ops, qtbot, site.world.budi)
    with site.locked():
        ops.quick_log.open()
        ops.quick_log.text.setText("Mikrofon podium mati")
        ops.quick_log.save()
        locked = LOCKED.format(db=site.path)
        not_saved = f"Catatan TIDAK tersimpan ({locked}): Mikrofon podium mati"
        qtbot.waitUntil(lambda: console.window.banner.text() == not_saved, timeout=WAIT_MS)
        lines = log_lines(console)
        assert any(line.endswith(f"  {locked}") for line in lines)
        assert any(line.endswith(not_saved) for line in lines)
        assert ops.database.text() == "Log operasional: BERMASALAH (lihat catatan)"
    settle(ops, qtbot)


def test_the_audit_trail_reports_a_locked_database_in_indonesian(indonesian, site, qtbot):
    """The writer's sentence crosses a Qt signal from its own thread: it must be said before."""
    database = open_database(site.url, busy_timeout_ms=100)
    feed = AuditFeed()
    try:
        with site.locked(), qtbot.waitSignal(feed.problem, timeout=WAIT_MS) as problem:
            feed.start_writer(database)
            feed.from_console(
                ActionRecord("Layar Lebar Smart Centre", "preset recall 2", "completed", time.time(), 20.0)
            )
        assert problem.args == [LOCKED.format(db=site.path)]
    finally:
        feed.stop()
        database.close()
