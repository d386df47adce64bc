"""Garbage that holds Qt objects is collected on the GUI thread, never by a worker thread that happens
to allocate (a closed window's widgets destroyed on a device thread crashed the process now and then)."""

from __future__ import annotations

import gc
import threading

from ui.shell.garbage_collector import collect_garbage_on_gui_thread


class Marker:
    """Notes the thread that destroys it."""

    def __init__(self, seen: list[threading.Thread]) -> None:
        self.seen = seen
        self.itself = self  # a reference cycle: only the cyclic collector frees it

    def __del__(self) -> None:
        self.seen.append(threading.current_thread())


def test_cyclic_garbage_is_collected_on_the_gui_thread_not_by_an_allocating_worker(qapp, qtbot):
    collect_garbage_on_gui_thread(qapp)
    gc.collect()
    seen: list[threading.Thread] = []
    Marker(seen)
    kept: list[list[list[int]]] = []

    def allocate() -> None:  # what a device thread does all day: past every threshold
        kept.append([[] for _ in range(20 * gc.get_threshold()[0])])

    worker = threading.Thread(target=allocate, name="allocating worker")
    worker.start()
    worker.join()
    assert seen == []
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen == [threading.main_thread()]


def test_one_collector_per_application_and_automatic_collection_back_once_stopped(qapp):
    collector = collect_garbage_on_gui_thread(qapp)
    assert collect_garbage_on_gui_thread(qapp) is collector
    assert not gc.isenabled()
    collector.stop()
    assert gc.isenabled()
    again = collect_garbage_on_gui_thread(qapp)
    try:
        assert again is not collector
        assert not gc.isenabled()
    finally:
        again.stop()  # the module's fixture stops the first one (again: harmless)
