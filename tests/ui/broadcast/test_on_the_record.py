"""With the operations log, a stream started and stopped from the Broadcast dock is on the record: an
on-air session of the output, for the log's event that streams on it, and the commands in the audit
trail (ui/oplog/broadcast_log.py and the audit feed, composed by the console)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from devices.obs.state import OnAir
from models.oplog.database import open_database
from models.oplog.tables import AuditEntry, EndReason, OnAirSession

WAIT_MS = 10_000
LEFT = Qt.MouseButton.LeftButton


def test_a_stream_from_the_dock_is_on_the_record(logged_studio, qtbot):
    console = logged_studio.console

    def logged_rakor():
        return next(
            (
                e
                for e in console.board.events.values()
                if e.title == "Rapat Koordinasi Bupati" and hasattr(e, "db_id")
            ),
            None,
        )

    qtbot.waitUntil(
        lambda: logged_rakor() is not None and console.board.is_running(logged_rakor().id), timeout=WAIT_MS
    )
    rakor = logged_rakor()
    chooser = console.window.events.active  # "I am working for:"
    chooser.setCurrentIndex(chooser.findData(rakor.id))
    assert console.board.active == rakor.id
    panel = logged_studio.panel("obs-rapat")
    desk = console.broadcast.desk
    qtbot.waitUntil(lambda: panel.buttons["start_stream"].isEnabled(), timeout=WAIT_MS)
    QTest.mouseClick(panel.buttons["start_stream"], LEFT)
    qtbot.waitUntil(lambda: desk.state("obs-rapat").on_air is OnAir.LIVE, timeout=WAIT_MS)
    qtbot.wait(1200)
    QTest.mouseClick(panel.buttons["stop_stream"], LEFT)
    QTest.mouseClick(panel.buttons["stop_stream"], LEFT)
    qtbot.waitUntil(lambda: desk.state("obs-rapat").on_air is OnAir.READY, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: all(log.waiting == 0 for log in console.oplog.broadcast_logs), timeout=WAIT_MS)
    database = open_database(logged_studio.oplog_url)
    with database.transaction() as session:
        stream = session.scalars(  # (the demo's month has sessions of its own)
            select(OnAirSession).where(
                OnAirSession.output == "obs-rapat", OnAirSession.event_id == rakor.db_id
            )
        ).one()
        assert (stream.output, stream.event_id, stream.end_reason) == (
            "obs-rapat",
            rakor.db_id,
            EndReason.STOPPED,
        )

    def actions() -> set[str]:  # the audit writer is a queue of its own, behind the broadcast log's
        with database.transaction() as session:
            return set(
                session.scalars(select(AuditEntry.action).where(AuditEntry.device == "OBS Ruang Rapat"))
            )

    qtbot.waitUntil(lambda: {"stream start", "stream stop"} <= actions(), timeout=WAIT_MS)
