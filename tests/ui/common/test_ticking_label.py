"""A text that ticks (a clock, an uptime) does not lay out the main window again; a text that grows
still gets its room."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from tests.support.layout_requests import LayoutRequests, settle
from ui.common.ticking_label import TickingLabel


def window_with(label: QWidget, qtbot) -> tuple[QMainWindow, QWidget]:
    window = QMainWindow()
    window.setCentralWidget(QLabel("camera bank"))
    panel = QWidget()
    row = QHBoxLayout(panel)
    row.addWidget(label)
    row.addStretch(1)
    dock = QDockWidget("Broadcast")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(900, 400)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window, panel


def relayouts_while_ticking(label, qtbot) -> int:
    label.setText("LIVE 0:00")
    window, _ = window_with(label, qtbot)
    requests = LayoutRequests(window)
    for second in range(1, 10):
        label.setText(f"LIVE 0:0{second}")
        settle()
    return requests.count


def test_a_ticking_text_does_not_lay_out_the_main_window(qtbot):
    assert relayouts_while_ticking(QLabel(), qtbot) > 0  # what a QLabel does, every second
    assert relayouts_while_ticking(TickingLabel(), qtbot) == 0


def test_a_longer_text_gets_its_room(qtbot):
    label = TickingLabel()
    label.setText("LIVE 0:59")
    window, _ = window_with(label, qtbot)
    long = "LIVE 1:00:00 — 2500 kbps, dropped 0.0 %"
    label.setText(long)
    settle()
    assert label.label.width() >= label.label.fontMetrics().horizontalAdvance(long)
    assert label.text() == long
    assert window.isVisible()


def test_a_wrapped_text_that_needs_another_line_gets_it(qtbot):
    label = TickingLabel()
    label.setWordWrap(True)
    label.setText("2480 kbps")
    panel = QWidget()
    column = QVBoxLayout(panel)
    column.addWidget(label)
    column.addStretch(1)
    panel.setFixedWidth(160)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    one_line = label.height()
    label.setText("2486 kbps · dropped 0.0 % · OBS CPU 2.5 % · render lag 0.0 %")
    settle()
    assert label.height() > one_line
    assert label.label.height() == label.height()
