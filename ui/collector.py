"""Python's cyclic garbage collector, run on the Qt thread only.

Left automatic, a collection runs in whichever thread happens to allocate — an asyncio.to_thread
worker, the OBS link's worker, the Channels browser's thread — and when the cycle it frees holds a
Qt object (a widget, a QTimer), Qt destroys it from that thread: "QObject::killTimer: Timers cannot
be stopped from another thread", then a segfault some time later (seen in the full suite). So the
automatic collector is switched off and a Qt timer on the main thread collects instead, generation
by generation with Python's own thresholds, as pyqtgraph's GarbageCollector does.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer


class MainThreadCollector(QObject):
    """``MainThreadCollector(parent).start()``: from then on, cycles are freed on this thread only."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = 500) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()

    def check(self) -> None:
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            gc.collect(0)
            if middle > self.thresholds[1]:
                gc.collect(1)
                if old > self.thresholds[2]:
                    gc.collect(2)
