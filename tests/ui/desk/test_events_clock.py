"""The events panel follows the clock: an event that starts by its time shows as running, and the
panel is rebuilt only when an event started or ended (a rebuild every 30 s was a stall of its own)."""

from __future__ import annotations

from datetime import datetime, timedelta

from models.config.schema import EventConfig
from models.desk.ownership import EventBoard
from ui.desk.events_panel import EventsPanel
from ui.desk.operator_desk import OperatorDesk

STATUS = 2


def test_an_event_starting_by_the_clock_shows_running_and_an_unchanged_minute_rebuilds_nothing(qtbot):
    soon = datetime.now() + timedelta(milliseconds=300)
    board = EventBoard([EventConfig("rakor", "Rapat Koordinasi", start=soon)])
    panel = EventsPanel(OperatorDesk(board))
    qtbot.addWidget(panel)
    status = panel.model.index(0, STATUS)
    assert status.data() == "not running"
    rebuilt: list[bool] = []
    panel.model.modelReset.connect(lambda: rebuilt.append(True))

    panel._clock.timeout.emit()  # before its start: nothing changed, nothing rebuilt
    assert rebuilt == []
    qtbot.waitUntil(lambda: board.is_running("rakor"), timeout=5000)
    panel._clock.timeout.emit()
    assert status.data() == "running"
    assert rebuilt == [True]
    panel._clock.timeout.emit()
    assert rebuilt == [True]
