"""The installed Qt binding must keep Python's reference counts: PySide6 6.12.0 dropped one
reference to True per signal emit and one to None per void call, aborting a busy console."""

import sys

from PySide6.QtCore import QObject, QTimer, Signal


class _Sender(QObject):
    ping = Signal(int)


def test_emits_and_void_calls_keep_true_and_none_alive(qapp):
    sender = _Sender()
    sender.ping.connect(lambda _n: None)
    timer = QTimer()
    before = sys.getrefcount(True), sys.getrefcount(None)
    for n in range(20_000):
        sender.ping.emit(n)
        timer.start(1000)
    timer.stop()
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert abs(after[0] - before[0]) < 50, (before, after)
    assert abs(after[1] - before[1]) < 50, (before, after)
