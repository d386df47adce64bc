"""What the GUI thread was doing when its event loop came late: for the GUI-stall benchmarks.

    probe = StallProbe()          # on the GUI thread, before its event loop runs
    probe.start(); …; probe.stop()
    probe.lateness                # seconds each 1 ms beat came late, in order
    print(probe.report(5))        # the five longest stalls, each with what was seen running

A 1 ms ``QTimer`` beats on the GUI thread. A watcher thread wakes every ``sample_ms`` and, while the
beat is more than ``threshold_ms`` late, takes the GUI thread's Python stack
(``sys._current_frames``). Every garbage collection (any thread) is timed through ``gc.callbacks``.
A stall with no stack seen and no collection was spent outside Python with the GIL held (or with
the process not scheduled at all), since the watcher could not run either.
"""

from __future__ import annotations

import collections
import gc
import sys
import threading
import time
from dataclasses import dataclass, field
from types import FrameType

from PySide6.QtCore import QTimer

BEAT_MS = 1
# where a thread's innermost frame is when it waits rather than runs
IDLE = ("threading.py", "selectors.py", "queue.py", "futures/thread.py", "serialposix.py")


@dataclass
class Stall:
    began: float  # perf_counter of the beat before it
    seconds: float = 0.0
    cpu: float = 0.0  # seconds the GUI thread ran on a CPU meanwhile
    queued: float = 0.0  # seconds it waited for a CPU (the rest: waiting for the GIL, or idle)
    stacks: collections.Counter[str] = field(default_factory=collections.Counter)
    others: collections.Counter[str] = field(default_factory=collections.Counter)


@dataclass
class Collection:
    began: float
    seconds: float
    thread: str
    generation: int


class StallProbe:
    def __init__(self, threshold_ms: float = 3.0, sample_ms: float = 1.0, depth: int = 8) -> None:
        self.threshold, self.sample, self.depth = threshold_ms / 1000, sample_ms / 1000, depth
        self.lateness: list[float] = []
        self.stalls: dict[float, Stall] = {}
        self.collections: list[Collection] = []
        self._gui = threading.get_ident()
        self._last = time.perf_counter()
        self._sched = _schedstat()
        self._timer = QTimer(interval=BEAT_MS)
        self._timer.timeout.connect(self._beat)
        self._running = False
        self._watcher = threading.Thread(target=self._watch, name="stall probe", daemon=True)
        self._gc_began: dict[int, float] = {}

    def start(self) -> None:
        self._running = True
        gc.callbacks.append(self._on_gc)
        self._last = time.perf_counter()
        self._timer.start()
        self._watcher.start()

    def stop(self) -> None:
        self._timer.stop()
        self._running = False
        self._watcher.join()
        gc.callbacks.remove(self._on_gc)

    def _beat(self) -> None:
        now, sched = time.perf_counter(), _schedstat()
        late = now - self._last - BEAT_MS / 1000
        self.lateness.append(late)
        if late > self.threshold:
            stall = self.stalls.setdefault(self._last, Stall(self._last))
            stall.seconds = late
            stall.cpu, stall.queued = (sched[n] - self._sched[n] for n in (0, 1))
        self._last, self._sched = now, sched

    def _watch(self) -> None:
        while self._running:
            time.sleep(self.sample)
            last = self._last
            if time.perf_counter() - last - BEAT_MS / 1000 <= self.threshold:
                continue
            frames = sys._current_frames()
            stall = self.stalls.setdefault(last, Stall(last))
            names = {t.ident: t.name for t in threading.enumerate()}
            for ident, frame in frames.items():
                if ident == self._gui:
                    stall.stacks[" < ".join(_walk(frame, self.depth))] += 1
                elif ident != threading.get_ident():
                    where = " < ".join(_walk(frame, 2))
                    if not where.startswith(IDLE):
                        stall.others[f"{names.get(ident, ident)}: {where}"] += 1

    def _on_gc(self, phase: str, info: dict) -> None:
        ident = threading.get_ident()
        if phase == "start":
            self._gc_began[ident] = time.perf_counter()
        elif ident in self._gc_began:
            began = self._gc_began.pop(ident)
            name = "GUI" if ident == self._gui else threading.current_thread().name
            self.collections.append(Collection(began, time.perf_counter() - began, name, info["generation"]))

    def max_ms(self) -> float:
        return max(self.lateness) * 1000

    def p99_ms(self) -> float:
        ordered = sorted(self.lateness)
        return ordered[int(len(ordered) * 0.99)] * 1000

    def over_ms(self, ms: float) -> int:
        return sum(late > ms / 1000 for late in self.lateness)

    def busiest_ms(self) -> float:
        """The GUI thread's own CPU time in the stall where it had the most (the rest was the machine's)."""
        return max((stall.cpu for stall in self.stalls.values()), default=0.0) * 1000

    def report(self, top: int = 5) -> str:
        lines = []
        for stall in sorted(self.stalls.values(), key=lambda s: s.seconds, reverse=True)[:top]:
            end = stall.began + stall.seconds + BEAT_MS / 1000
            lines.append(
                f"stall {stall.seconds * 1000:.1f} ms: GUI thread on a CPU {stall.cpu * 1000:.1f} ms,"
                f" waiting for one {stall.queued * 1000:.1f} ms"
            )
            for c in self.collections:
                if c.began < end and c.began + c.seconds > stall.began:
                    lines.append(f"    gc generation {c.generation} on {c.thread}: {c.seconds * 1000:.1f} ms")
            for stack, seen in stall.stacks.most_common(3):
                lines.append(f"    {seen}× {stack}")
            for where, seen in stall.others.most_common(3):
                lines.append(f"    other thread {seen}× {where}")
            if not stall.stacks:
                lines.append("    (no Python stack seen: the GIL was held elsewhere, or not scheduled)")
        slow = [c for c in self.collections if c.seconds > self.threshold]
        lines.append(
            f"{len(self.collections)} collections, {len(slow)} over {self.threshold * 1000:.0f} ms"
            + "".join(f"; gen {c.generation} on {c.thread} {c.seconds * 1000:.1f} ms" for c in slow[:8])
        )
        return "\n".join(lines)


def _schedstat() -> tuple[float, float]:
    """The calling thread's time on a CPU and waiting for one, in seconds (Linux's schedstat)."""
    try:
        with open(f"/proc/self/task/{threading.get_native_id()}/schedstat") as stat:
            ran, waited, _slices = stat.read().split()
    except OSError:
        return (time.thread_time(), 0.0)
    return (int(ran) / 1e9, int(waited) / 1e9)


def _walk(frame: FrameType | None, depth: int) -> list[str]:
    """The innermost ``depth`` frames, innermost first (no source lines read: the GIL is the GUI's)."""
    found = []
    while frame is not None and len(found) < depth:
        code = frame.f_code
        found.append(f"{_short(code.co_filename)}:{frame.f_lineno} {code.co_name}")
        frame = frame.f_back
    return found


def _short(path: str) -> str:
    parts = path.replace("\\", "/").split("/")
    return "/".join(parts[-2:])
