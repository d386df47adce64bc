"""One thread for every preview whose source never blocks (``FrameSource.shares_thread``: the demo cameras).

Each camera's worker is a generator of steps (``PreviewWorker.steps``) that says how long to wait
before its next step; this thread takes the step that is due next, and sleeps until then. A pause,
a resume or a stop sets the shared ``wake`` event, so the thread looks at once instead of at the
next due step. The thread ends when its last worker has ended; the next ``add`` starts another.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Generator
from dataclasses import dataclass

from ui.preview.worker import PAUSED, PAUSED_CHECK, PreviewWorker


@dataclass
class _Turn:
    steps: Generator[float, None, None]
    due: float = 0.0
    paused: bool = False  # waiting for a resume


class SharedPreviewThread:
    def __init__(self, name: str = "preview-shared") -> None:
        self.name = name
        self.wake = threading.Event()  # give it to the workers served here
        self._lock = threading.Lock()
        self._arriving: list[PreviewWorker] = []
        self._thread: threading.Thread | None = None

    def add(self, worker: PreviewWorker) -> None:
        with self._lock:
            self._arriving.append(worker)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
        self.wake.set()

    def _run(self) -> None:
        turns: dict[PreviewWorker, _Turn] = {}
        while True:
            self.wake.clear()  # before looking: a later set makes the wait below return at once
            with self._lock:
                turns.update((worker, _Turn(worker.steps())) for worker in self._arriving)
                self._arriving.clear()
                if not turns:
                    self._thread = None
                    return
            now = time.monotonic()
            for worker, turn in turns.items():
                if worker.stopping or (turn.paused and not worker.paused):
                    turn.due = now
            worker, turn = min(turns.items(), key=lambda item: item[1].due)
            if turn.due > now:
                self.wake.wait(turn.due - now)
                continue
            try:
                answer = next(turn.steps)
            except StopIteration:
                del turns[worker]
                continue
            turn.paused = answer == PAUSED
            turn.due = time.monotonic() + (PAUSED_CHECK if turn.paused else answer)
