"""Python's cyclic garbage collector, run on the GUI thread only.

Left to itself, the collector runs in whichever thread happens to allocate when a threshold is
crossed: a device thread, a preview worker or the database thread. When the garbage it finds
holds Qt objects (a closed window's widgets and timers kept in a reference cycle), their C++
destructors then run on that thread, while the GUI thread may be painting them — Qt objects must
be destroyed on their own thread, and a crash follows now and then. So the automatic collector is
switched off and a timer on the GUI thread collects instead, by the same thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_MS = 500


class GuiThreadGarbageCollector(QObject):
    def __init__(self, app: QCoreApplication, interval_ms: int = CHECK_MS) -> None:
        super().__init__(app)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)
        gc.disable()

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, as the automatic collector would."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        if counts[0] <= thresholds[0]:
            return
        generation = 0
        for older in (1, 2):
            if counts[older] > thresholds[older]:
                generation = older
        gc.collect(generation)

    def stop(self) -> None:
        """Back to automatic collection, after collecting everything here."""
        self._timer.stop()
        self.setParent(None)  # the application's next call starts a new collector
        gc.collect()
        gc.enable()


def collect_garbage_on_gui_thread(app: QCoreApplication) -> GuiThreadGarbageCollector:
    """The application's one collector (started on the first call); call it on the GUI thread."""
    collector = app.findChild(GuiThreadGarbageCollector)
    return collector if isinstance(collector, GuiThreadGarbageCollector) else GuiThreadGarbageCollector(app)
