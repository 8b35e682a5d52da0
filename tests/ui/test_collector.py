"""ui/collector.py: with the console's collector on, a cycle is freed by the Qt thread's timer and
never by a collection that another thread's allocations set off."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest

from ui.collector import MainThreadCollector

pytestmark = pytest.mark.qt


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_a_cycle_is_freed_on_the_qt_thread_not_in_a_worker(qtbot, qapp):
    collector = MainThreadCollector(qapp, interval_ms=10)
    was_enabled = gc.isenabled()
    collector.start()
    try:
        assert not gc.isenabled()
        freed_in: list[str] = []
        cycle = _Cycle()
        weakref.finalize(cycle, lambda: freed_in.append(threading.current_thread().name))
        del cycle

        def allocate() -> None:  # enough to set off an automatic collection, were it on
            junk = [[i] for i in range(100_000)]
            del junk

        worker = threading.Thread(target=allocate, name="worker")
        worker.start()
        worker.join()
        assert freed_in == []
        collector.thresholds = (0, 0, 0)  # collect all generations at the next tick
        qtbot.waitUntil(lambda: bool(freed_in), timeout=2000)
        assert freed_in == [threading.current_thread().name]
    finally:
        collector.stop()
        if not was_enabled:
            gc.disable()
